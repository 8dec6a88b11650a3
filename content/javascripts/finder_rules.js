/* The finder's rules: how a link's parameters are read, which offers match, in what order, and
 * how a distance, an age range and a count are said.
 *
 * Python has the same rules in hooks/sportwijzer/twins/finder_rules.py, function for function
 * (readParams here is read_params there). tests/browser/test_finder_rules.py runs a table of
 * cases through both and compares the answers: change both or neither.
 *
 * An ES module with no imports. An offer is an object of its facts: sport, gemeente, beperkingen
 * (slugs), min, max (age or null), omgeving (array), samen, kenmerken (array).
 */

export var PAGE = 50; // results in view before "Toon meer", and a static page of the finder
export var AGE_MIN = 0;
export var AGE_MAX = 120;
export var MY_LOCATION = "mijn-locatie"; // never in a shared link

// The URL parameters, in the order a link writes them
export var FIELDS = ["q", "beperking", "sport", "gemeente", "leeftijd", "voor", "bij", "km",
  "kenmerk", "omgeving", "samen", "sorteer", "toon"];
export var MULTI = ["beperking", "kenmerk"]; // may come more than once
// The sportkeuzehulp's "Voor wie?": 'kind' means offers open to someone under 18
var VOOR = { kind: [0, 17] };

// How a problem names the field, as the form's label does
export var NAMES = {
  beperking: "Beperking", sport: "Sport", gemeente: "Gemeente", leeftijd: "Leeftijd",
  voor: "Voor wie", bij: "Plaats", km: "Afstand", kenmerk: "Snel kiezen",
  omgeving: "Binnen of buiten", samen: "Alleen of in een team", sorteer: "Volgorde"
};

var NEED_PLACE = {
  km: "Kies eerst een plaats bij ‘Vanaf’. Dan telt de afstand mee.",
  sorteer: "Kies eerst een plaats bij ‘Vanaf’. Dan kan de volgorde op afstand."
};

var SPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;
var WHOLE = /^-?[0-9]+$/;

function isMulti(name) { return MULTI.indexOf(name) >= 0; }

export function emptyState() {
  var state = {};
  FIELDS.forEach(function (name) { state[name] = isMulti(name) ? [] : ""; });
  state.leeftijd = null;
  state.km = null;
  state.toon = PAGE;
  return state;
}

// A value said back: at most 30 characters (code points, as Python counts).
export function shorten(value) {
  var chars = Array.from(value);
  return chars.length <= 30 ? value : chars.slice(0, 30).join("") + "…";
}

// The [name, value] pairs a state is read from: only `fields`, values trimmed, empty values left
// out, and of a field not in `multi` only the first value (the finder's and the agenda's).
export function usableParams(pairs, fields, multi) {
  var used = [];
  var seen = {};
  pairs.forEach(function (pair) {
    var name = pair[0];
    var value = String(pair[1]).replace(SPACE, "");
    if (fields.indexOf(name) < 0 || value === "" || (multi.indexOf(name) < 0 && seen[name])) {
      return;
    }
    seen[name] = true;
    used.push([name, value]);
  });
  return used;
}

// What a link's value that no list holds is told.
export function unknownValue(label, value) {
  return label + " ‘" + shorten(value) + "’ kennen we niet. Kies er een uit de lijst.";
}

// A link's parameters ([name, value] pairs, in order) as the finder's state, and a problem
// ([field, Dutch sentence]) for each value it cannot use. A value that cannot be used does not
// filter; the others still do. `known` lists the values each chosen field may have.
export function readParams(pairs, known) {
  var state = emptyState();
  var problems = [];
  usableParams(pairs, FIELDS, MULTI).forEach(function (pair) {
    var name = pair[0];
    var value = pair[1];
    if (name === "q") {
      state.q = value;
    } else if (name === "leeftijd") {
      if (!WHOLE.test(value)) {
        problems.push([name, "Leeftijd ‘" + shorten(value) + "’ is geen getal. " +
                             "Vul een leeftijd in hele jaren in, bijvoorbeeld 12."]);
      } else if (!(parseInt(value, 10) >= AGE_MIN && parseInt(value, 10) <= AGE_MAX)) {
        problems.push([name, "Leeftijd " + shorten(value) + " kan niet. " +
                             "Vul een leeftijd in van 0 tot en met 120 jaar."]);
      } else {
        state.leeftijd = parseInt(value, 10);
      }
    } else if (name === "toon") {
      if (/^[0-9]{1,5}$/.test(value) && parseInt(value, 10) > 0) {
        state.toon = Math.max(PAGE, Math.ceil(parseInt(value, 10) / PAGE) * PAGE);
      }
    } else if ((known[name] || []).indexOf(value) < 0) {
      problems.push([name, unknownValue(NAMES[name], value)]);
    } else if (isMulti(name)) {
      if (state[name].indexOf(value) < 0) { state[name].push(value); }
    } else if (name === "km") {
      state.km = parseInt(value, 10);
    } else if (name !== "voor" || Object.prototype.hasOwnProperty.call(VOOR, value)) {
      state[name] = value; // 'voor mezelf' says nothing to filter on
    }
  });
  ["km", "sorteer"].forEach(function (name) {
    if ([null, "", "passend"].indexOf(state[name]) < 0 && !state.bij) {
      problems.push([name, NEED_PLACE[name]]);
    }
  });
  return { state: state, problems: problems };
}

// The state as a link's parameters: the short form readParams() reads back the same.
export function toParams(state) {
  var pairs = [];
  FIELDS.forEach(function (name) {
    var value = state[name];
    if (name === "toon" && value === PAGE) { return; }
    (isMulti(name) ? value : [value]).forEach(function (one) {
      if (one !== null && one !== undefined && one !== "") { pairs.push([name, String(one)]); }
    });
  });
  return pairs;
}

// An offer for `iedereen` serves everyone; one for a narrower impairment (rolstoel) serves who
// asks for the broader one (lichamelijk), not the other way round.
export function serves(beperkingen, wanted, rules) {
  return beperkingen.some(function (b) {
    return b === wanted || b === rules.iedereen || rules.breder[b] === wanted;
  });
}

// An offer without an age range is for every age. An age asked wins over 'voor'.
export function ageFits(low, high, state) {
  var age = state.leeftijd;
  if (age !== null) {
    return (low === null || age >= low) && (high === null || age <= high);
  }
  var group = Object.prototype.hasOwnProperty.call(VOOR, state.voor) ? VOOR[state.voor] : null;
  if (group) {
    return (low === null || low <= group[1]) && (high === null || high >= group[0]);
  }
  return true;
}

// Does `offer` meet every filter in `state`? `distance` is null without a starting place.
export function matches(offer, state, distance, rules) {
  var wanted = state.beperking;
  if (wanted.length && !wanted.some(function (b) { return serves(offer.beperkingen, b, rules); })) {
    return false;
  }
  return (!state.sport || offer.sport === state.sport) &&
    (!state.gemeente || offer.gemeente === state.gemeente) &&
    ageFits(offer.min, offer.max, state) &&
    (!state.omgeving || offer.omgeving.indexOf(state.omgeving) >= 0) &&
    (!state.samen || offer.samen === "beide" || offer.samen === state.samen) &&
    state.kenmerk.every(function (k) { return offer.kenmerken.indexOf(k) >= 0; }) &&
    (distance === null || state.km === null || distance <= state.km);
}

// 'afstand' (nearest first) or 'passend' (best match first): by distance when there is a place
// to measure from, unless someone chose otherwise.
export function sortMode(state, hasOrigin) {
  if (!hasOrigin) { return "passend"; }
  return state.sorteer || "afstand";
}

// Great-circle distance between two [lat, lon] points (haversine).
export function distanceKm(a, b) {
  var rad = Math.PI / 180;
  var dLat = (b[0] - a[0]) * rad;
  var dLon = (b[1] - a[1]) * rad;
  var h = Math.pow(Math.sin(dLat / 2), 2) +
    Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLon / 2), 2);
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

// 'minder dan 100 m', '300 m', '7,7 km', '13 km': to 100 m below 1 km, to 0.1 km below 10 km,
// whole km above; halves round up (0.25 km is 300 m, 12.5 km is 13 km).
export function formatDistance(km) {
  var tenths = Math.floor(km * 10 + 0.5);
  if (tenths < 1) { return "minder dan 100 m"; }
  if (tenths < 10) { return tenths * 100 + " m"; }
  if (tenths < 100) { return Math.floor(tenths / 10) + "," + (tenths % 10) + " km"; }
  return Math.floor(km + 0.5) + " km";
}

// '14 km van Kampen', '800 m van jouw locatie'.
export function distanceText(km, place) {
  return formatDistance(km) + " van " + place;
}

// '6 tot en met 18 jaar', 'vanaf 6 jaar', 'tot en met 12 jaar', 'alle leeftijden'.
export function ageText(low, high) {
  if (low !== null && high !== null) {
    return low === high ? low + " jaar" : low + " tot en met " + high + " jaar";
  }
  if (low !== null) { return "vanaf " + low + " jaar"; }
  if (high !== null) { return "tot en met " + high + " jaar"; }
  return "alle leeftijden";
}

export function countText(n) {
  if (n === 0) { return "Geen aanbod gevonden."; }
  return n === 1 ? "1 activiteit gevonden." : numberText(n) + " activiteiten gevonden.";
}

// 1234 -> '1.234': Dutch groups thousands with a full stop.
export function numberText(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

// Results ({ref, order, distance}) in the order the finder shows them.
export function order(shown, mode, scores) {
  var sorted = shown.slice();
  if (mode === "afstand") {
    sorted.sort(function (a, b) { return a.distance - b.distance || a.order - b.order; });
  } else if (scores) {
    sorted.sort(function (a, b) { return scores[b.ref] - scores[a.ref] || a.order - b.order; });
  } else {
    sorted.sort(function (a, b) { return a.order - b.order; });
  }
  return sorted;
}
