/* Reading a query as people type it: what it names (sport, impairment, who, age, place, wishes)
 * and the words left as text; how an offer fits it, and the order of the results.
 *
 * Python has the same rules in hooks/sportwijzer/twins/query_reading.py, function for function
 * (readQuery here is read_query there). tests/browser/test_query_reading.py runs a table of
 * cases through both and compares the answers: change both or neither.
 *
 * An ES module; the lexicon (the field lezen of zoeken/index.json, made by finder/query_lexicon.py) is
 * data: {woorden: {key: [soort, waarden, label]}, vul: [filler words], namen: {value: name}}.
 */
import { formatDistance, numberText, serves } from "./finder_rules.js";

export var MAX_PHRASE = 5;
export var MIN_TYPO = 5;
export var AGE_LIMIT = 120;
export var NEAR_KM = 15;
export var NEAR_STEP = 5;
export var WEIGHT = {
  beperking: 9, sport: 8, wie: 4, leeftijd: 4, bij: 2, km: 2, kenmerk: 2,
  omgeving: 2, samen: 2, tekst: 3
};
var TOKEN = /[0-9]+\+?|[a-z]+/g;
var DIGITS = /^[0-9]{1,4}\+?$/;
var YEARS = ["jaar", "jaren", "jarig", "jarige", "jarigen", "jr", "jaars"];
var PLUS = ["plus", "plusser", "plussers"];

function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

// Lower case without accents: 'Café' -> 'cafe'.
export function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

// The words of a text as the reading sees them: folded, runs of letters and of digits ('9jaar'
// is '9 jaar'), a '+' kept after a number ('65+').
export function tokens(text) {
  return fold(text).match(TOKEN) || [];
}

// a and b differ by exactly one letter added, removed, changed or two swapped.
function typoOne(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) { return false; }
  if (a.length > b.length) { var t = a; a = b; b = t; }
  var i = 0;
  while (i < a.length && a[i] === b[i]) { i += 1; }
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) { return true; }
    return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] &&
      a.slice(i + 2) === b.slice(i + 2);
  }
  return a.slice(i) === b.slice(i + 1);
}

var ENDINGS = [["s", 1], ["en", 2], ["e", 1], ["tje", 3], ["je", 2], ["n", 1]];

function variants(word) {
  var found = [];
  ENDINGS.forEach(function (end) {
    if (word.slice(-end[0].length) === end[0] && word.length - end[1] >= 3) {
      found.push(word.slice(0, word.length - end[1]));
    }
  });
  return found;
}

// The key(s) one word means on its own: itself, without an ending, two keys joined
// ('rolstoeltennis'), a key and a filler word joined ('judoles'), or a key with one typo.
function single(word, words, filler, fuzzy) {
  if (has(words, word)) { return [word]; }
  var endings = variants(word);
  for (var v = 0; v < endings.length; v += 1) {
    if (has(words, endings[v])) { return [endings[v]]; }
  }
  for (var cut = word.length - 3; cut > 2; cut -= 1) {
    var left = word.slice(0, cut);
    var right = word.slice(cut);
    var joints = [left, left.slice(-1) === "s" ? left.slice(0, -1) : null];
    for (var j = 0; j < joints.length; j += 1) {
      var joint = joints[j];
      if (!joint || joint.length < 3 || !has(words, joint)) { continue; }
      var inner = has(words, right) ? [right]
        : variants(right).filter(function (x) { return has(words, x); });
      if (inner.length && words[joint][0] !== words[inner[0]][0]) { return [joint, inner[0]]; }
      if (filler.has(right) && right.length >= 3) { return [joint]; }
    }
  }
  if (word.length >= MIN_TYPO) {
    for (var k = 0; k < fuzzy.length; k += 1) {
      if (typoOne(word, fuzzy[k])) { return [fuzzy[k]]; }
    }
  }
  return [];
}

var fuzzyCache = new WeakMap();

// The keys a typo may reach: single words of at least MIN_TYPO - 1 letters, in order.
export function fuzzyKeys(lexicon) {
  if (!fuzzyCache.has(lexicon)) {
    fuzzyCache.set(lexicon, Object.keys(lexicon.woorden).filter(function (k) {
      return k.indexOf(" ") < 0 && k.length >= MIN_TYPO - 1;
    }).sort());
  }
  return fuzzyCache.get(lexicon);
}

var fillerCache = new WeakMap();

function fillerOf(lexicon) {
  if (!fillerCache.has(lexicon)) { fillerCache.set(lexicon, new Set(lexicon.vul)); }
  return fillerCache.get(lexicon);
}

// What a query names: its words, the parts it names ([soort, waarden, label, first word, last
// word + 1]) and the positions of the words left as text.
export function readQuery(query, lexicon) {
  var words = lexicon.woorden;
  var filler = fillerOf(lexicon);
  var fuzzy = fuzzyKeys(lexicon);
  var found = tokens(query);
  var parts = [];
  var text = [];
  var i = 0;
  while (i < found.length) {
    var word = found[i];
    var after = i + 1 < found.length ? found[i + 1] : "";
    if (DIGITS.test(word)) {
      var number = parseInt(word, 10);
      if ((word.slice(-1) === "+" || PLUS.indexOf(after) >= 0) && number <= AGE_LIMIT) {
        var stop = word.slice(-1) === "+" ? i + 1 : i + 2;
        parts.push(["wie", [number, null], number + "+", i, stop]);
        i = stop;
        continue;
      }
      if (after === "km" && number > 0) {
        parts.push(["km", [number], "Niet verder dan " + number + " km", i, i + 2]);
        i += 2;
        continue;
      }
      if (number <= AGE_LIMIT) {
        var end = YEARS.indexOf(after) >= 0 ? i + 2 : i + 1;
        parts.push(["leeftijd", [number], number + " jaar", i, end]);
        i = end;
        continue;
      }
    }
    if (word === "binnen" && DIGITS.test(after)) { i += 1; continue; }
    var matched = false;
    for (var size = Math.min(MAX_PHRASE, found.length - i); size > 1; size -= 1) {
      var key = found.slice(i, i + size).join(" ");
      if (has(words, key)) {
        var meaning = words[key];
        parts.push([meaning[0], meaning[1], meaning[2], i, i + size]);
        i += size;
        matched = true;
        break;
      }
    }
    if (matched) { continue; }
    if (filler.has(word) || (word.length < 2 && !has(words, word))) { i += 1; continue; }
    var keys = single(word, words, filler, fuzzy);
    keys.forEach(function (one) {
      var m = words[one];
      parts.push([m[0], m[1], m[2], i, i + 1]);
    });
    if (!keys.length) { text.push(i); }
    i += 1;
  }
  return { woorden: found, delen: parts, tekst: text };
}

// The question as one set of wishes (see asked() in twins/query_reading.py).
export function asked(reading) {
  var wish = {
    beperking: [], sport: [], kenmerk: [], omgeving: [], samen: [],
    wie: null, leeftijd: null, km: null, bij: "", tekst: ""
  };
  reading.delen.forEach(function (part) {
    var soort = part[0];
    var values = part[1];
    if (soort === "wie" || soort === "leeftijd" || soort === "km" || soort === "bij") {
      wish[soort] = soort === "wie" ? values : values[0];
    } else {
      values.forEach(function (v) { if (wish[soort].indexOf(v) < 0) { wish[soort].push(v); } });
    }
  });
  wish.tekst = reading.tekst.map(function (i) { return reading.woorden[i]; }).join(" ");
  return wish;
}

function range(first, end) {
  var list = [];
  for (var n = first; n < end; n += 1) { list.push(n); }
  return list;
}

// What was understood, as people may take it away: [label, positions of its words].
export function chips(reading) {
  var found = [];
  var ageChip = null;
  reading.delen.forEach(function (part) {
    var soort = part[0];
    var label = part[2];
    var where = range(part[3], part[4]);
    if (soort === "wie" || soort === "leeftijd") {
      if (ageChip === null) {
        ageChip = [label, where];
        found.push(ageChip);
      } else {
        ageChip[0] = ageChip[0] + ", " + label;
        ageChip[1] = ageChip[1].concat(where.filter(function (w) {
          return ageChip[1].indexOf(w) < 0;
        }));
      }
      return;
    }
    var same = found.filter(function (chip) { return chip[1].join(",") === where.join(","); });
    if (same.length) { same[0][0] = same[0][0] + ", " + label; } else { found.push([label, where]); }
  });
  if (reading.tekst.length) {
    var said = reading.tekst.map(function (i) { return reading.woorden[i]; }).join(" ");
    found.push(["‘" + said + "’", reading.tekst.slice()]);
  }
  return found;
}

// The query with the words at `positions` taken out, and the filler words just before each
// ('voor mijn opa', 'in Kampen'): what a chip's ✕ leaves.
export function without(reading, positions) {
  var used = {};
  reading.tekst.forEach(function (i) { used[i] = true; });
  reading.delen.forEach(function (part) {
    for (var i = part[3]; i < part[4]; i += 1) { used[i] = true; }
  });
  var gone = {};
  positions.forEach(function (i) { gone[i] = true; });
  positions.slice().sort(function (a, b) { return a - b; }).forEach(function (start) {
    var before = start - 1;
    while (before >= 0 && !used[before] && !gone[before]) {
      gone[before] = true;
      before -= 1;
    }
  });
  return reading.woorden.filter(function (w, i) { return !gone[i]; }).join(" ");
}

var NOBODY = { iedereen: "" };
var WISHES = ["kenmerk", "omgeving", "samen"];
var plainRules = new WeakMap();

// The rules without 'iedereen': does an offer name the impairment itself? (made once per rules)
function withoutEveryone(rules) {
  if (!plainRules.has(rules)) { plainRules.set(rules, Object.assign({}, rules, NOBODY)); }
  return plainRules.get(rules);
}


// '8–17 jaar', 'vanaf 55 jaar', 'tot en met 12 jaar', 'alle leeftijden': short, for a card.
export function ageSpan(low, high) {
  if (low !== null && high !== null) {
    return low === high ? low + " jaar" : low + "–" + high + " jaar";
  }
  if (low !== null) { return "vanaf " + low + " jaar"; }
  return high !== null ? "tot en met " + high + " jaar" : "alle leeftijden";
}

// How `offer` fits `wish` (see fit() in twins/query_reading.py). `labels` null: no words (score()),
// which is what the finder does for every offer on every keystroke: no strings, no arrays.
export function fit(offer, wish, distance, textHit, place, labels, rules) {
  var words = labels !== null;
  var points = 0;
  var missing = 0;
  var own = 0;
  var yes = words ? [] : null;
  var no = words ? [] : null;
  var ok;
  function name(value) { return has(labels, value) ? labels[value] : value; }
  function names(values) { return values.map(name).join(" of "); }
  function count(soort, fits) {
    if (fits) { points += WEIGHT[soort]; } else { missing += 1; }
  }
  if (wish.beperking.length) {
    var served = wish.beperking.filter(function (b) { return serves(offer.beperkingen, b, rules); });
    var plain = withoutEveryone(rules);
    var namedHere = served.filter(function (b) { return serves(offer.beperkingen, b, plain); });
    own = namedHere.length ? 1 : 0;
    count("beperking", served.length > 0);
    if (words) {
      if (served.length) { yes.push(own ? name(namedHere[0]) : "voor iedereen"); }
      else { no.push(names(wish.beperking)); }
    }
  }
  if (wish.sport.length) {
    ok = wish.sport.indexOf(offer.sport) >= 0;
    count("sport", ok);
    if (words) { if (ok) { yes.push(name(offer.sport)); } else { no.push(names(wish.sport)); } }
  }
  var low = offer.min;
  var high = offer.max;
  var ranged = low !== null || high !== null;
  if (wish.leeftijd !== null) {
    var age = wish.leeftijd;
    ok = (low === null || age >= low) && (high === null || age <= high);
    count("leeftijd", ok);
    own += ok && ranged ? 1 : 0;
    if (words) { if (ok) { yes.push(ageSpan(low, high)); } else { no.push(age + " jaar"); } }
  } else if (wish.wie !== null) {
    var a = wish.wie[0];
    var b = wish.wie[1];
    ok = (low === null || b === null || low <= b) && (high === null || a === null || high >= a);
    count("wie", ok);
    own += ok && ranged ? 1 : 0;
    if (words) { if (ok) { yes.push(ageSpan(low, high)); } else { no.push(ageSpan(a, b)); } }
  }
  if (wish.bij && distance !== null) {
    ok = distance <= Math.max(NEAR_KM, wish.km || 0);
    count("bij", ok);
    if (words) {
      if (ok) { yes.push(formatDistance(distance) + " van " + place); }
      else { no.push("dicht bij " + place); }
    }
  }
  if (wish.km !== null && distance !== null) {
    ok = distance <= wish.km;
    count("km", ok);
    if (words) { (ok ? yes : no).push("binnen " + wish.km + " km"); }
  }
  for (var s = 0; s < WISHES.length; s += 1) {
    var soort = WISHES[s];
    for (var v = 0; v < wish[soort].length; v += 1) {
      var value = wish[soort][v];
      ok = soort === "kenmerk" ? offer.kenmerken.indexOf(value) >= 0
        : soort === "omgeving" ? offer.omgeving.indexOf(value) >= 0
        : offer.samen === "beide" || offer.samen === value;
      count(soort, ok);
      if (words) { (ok ? yes : no).push(name(value)); }
    }
  }
  if (wish.tekst) {
    count("tekst", textHit);
    if (words) { (textHit ? yes : no).push("‘" + wish.tekst + "’"); }
  }
  var found = { punten: points, alles: missing === 0, eigen: own };
  if (words) { found.ja = yes; found.nee = no; }
  return found;
}

// fit() without words: {punten, alles, eigen}, for every offer on every keystroke.
export function score(offer, wish, distance, textHit, rules) {
  return fit(offer, wish, distance, textHit, "", null, rules);
}

// Does the question name anything to fit (not only filler words)?
export function named(wish) {
  return ["beperking", "sport", "kenmerk", "omgeving", "samen", "bij", "tekst"].some(function (k) {
    return wish[k].length > 0;
  }) || ["wie", "leeftijd", "km"].some(function (k) { return wish[k] !== null; });
}

// The results in the order the finder shows them, and whether they fit everything named.
export function answer(results) {
  var full = results.filter(function (r) { return r.alles; });
  var mode = full.length ? "alles" : "deels";
  var shown = full.length ? full : results.filter(function (r) { return r.punten > 0; });
  if (!shown.length) { mode = "geen"; }
  var sorted = shown.slice().sort(function (x, y) {
    var nx = x.distance !== null ? x.distance : 0;
    var ny = y.distance !== null ? y.distance : 0;
    return (y.punten - x.punten) ||
      (Math.floor(nx / NEAR_STEP) - Math.floor(ny / NEAR_STEP)) || (y.eigen - x.eigen) ||
      (nx - ny) || (y.tekst - x.tekst) || (x.order - y.order);
  });
  return { stand: mode, refs: sorted.map(function (r) { return r.ref; }) };
}

// The sentence before partial matches.
export function partialText(reading) {
  var said = chips(reading).map(function (chip) { return chip[0]; }).join(", ");
  return "Niets past bij alles wat je zocht (" + said + "). Dit past het best:";
}

// Why a result is shown: 'Past bij: Autisme · 8–17 jaar · 12 km van Kampen', and for a partial
// match what does not fit.
export function whyText(fitted) {
  var text = fitted.ja.length ? "Past bij: " + fitted.ja.join(" · ") : "";
  if (fitted.nee.length) { text += (text ? ". " : "") + "Niet: " + fitted.nee.join(", "); }
  return text ? text + "." : "";
}

// The status line when nothing fits everything.
export function partialCount(n) {
  if (n === 1) { return "1 activiteit gevonden die voor een deel past."; }
  return numberText(n) + " activiteiten gevonden die voor een deel passen.";
}

// What to do when nothing is found, fitting what the person did.
export function noneText(hasWords, hasFilters) {
  if (hasWords && hasFilters) { return "Probeer andere woorden, of haal hierboven een filter weg."; }
  if (hasWords) {
    return "Probeer andere of minder woorden, of kies een sport of beperking in de lijsten.";
  }
  if (hasFilters) { return "Haal hierboven een filter weg om meer te zien."; }
  return "Er staat nu geen aanbod op de site.";
}
