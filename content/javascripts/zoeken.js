/* Sportwijzer's text search: the one query the finder and the search box in the header share.
 *
 * The index (hooks/sportwijzer/finder/search.py) comes in parts. zoeken/index.json holds the sorted
 * terms, where each part file begins, the documents that are not offers, stop words and
 * synonyms; zoeken/deel-N.json holds, for its terms, per field the documents with the term's
 * weight there. A query fetches only the parts that hold the terms it can match (the word, the
 * start of a word, one typo, a synonym: lunr.js expands them), and scores the documents exactly
 * as lunr's Index#query does, straight from the weights.
 * The Python twin is search() in hooks/sportwijzer/finder/search.py; tests/browser compare the two.
 *
 * An ES module, imported when someone searches (import("./zoeken.js")), never with the page.
 * open() loads lunr.js, lunr.stemmer.support.js and lunr.nl.js (classic scripts: they define
 * the global lunr) with loadScript from loading.js. Use:
 *   import("./zoeken.js").then(z => z.open(indexUrl, lunrBase)).then(engine => engine.scores(q))
 */
import { json, loadScript } from "./loading.js";

/* global lunr */ // defined by lunr.js, which open() loads before anything here uses it

var opened = {};

// Lower case without accents, as fold() in hooks/sportwijzer/finder/search.py.
export function fold(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

// Each word (or known phrase) of the query, with the terms it also means (as query_groups()
// in hooks/sportwijzer/finder/search.py).
function groups(query, synonyms, stop) {
  var text = " " + fold(query).split(/[^a-z0-9]+/).join(" ") + " ";
  var result = [];
  Object.keys(synonyms).filter(function (p) { return p.indexOf(" ") >= 0; })
    .sort(function (a, b) { return b.length - a.length; })
    .forEach(function (phrase) {
      if (text.indexOf(" " + phrase + " ") >= 0) {
        result.push([""].concat(synonyms[phrase]));
        text = text.split(" " + phrase + " ").join(" ");
      }
    });
  text.split(" ").forEach(function (word) {
    if (word && stop.indexOf(word) < 0) { result.push([word].concat(synonyms[word] || [])); }
  });
  return result;
}

// The clauses of one group: the word itself (after stemming, as the start of a word, or with
// one typo) or a term it also means. A word of one or two letters with a meaning of its own
// ('sh', 'cp') is a whole word, not the start of 'showdown'.
function clauses(group) {
  return function (q) {
    var word = group[0];
    if (word) {
      var stem = lunr.nl.stemmer(new lunr.Token(word)).toString();
      q.term(word, { usePipeline: true, boost: 10 });
      if (word.length > 2 || group.length === 1) {
        q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
      }
      if (word.length >= 4) { q.term(stem, { usePipeline: false, editDistance: 1, boost: 1 }); }
    }
    group.slice(1).forEach(function (term) { q.term(term, { usePipeline: true, boost: 8 }); });
  };
}

function Engine(head, base) {
  var fields = head.velden.map(function (f) { return f[0]; });
  var pipeline = new lunr.Pipeline();
  pipeline.add(lunr.nl.stemmer);
  var position = new Map();
  head.termen.forEach(function (term, i) { position.set(term, i); });
  var tokenSet = lunr.TokenSet.fromArray(head.termen);
  var rows = new Array(head.termen.length); // term -> per field [gap, weight, gap, weight …]
  var parts = {};
  var complete = false; // every part is in: a query need not ask which parts it reaches

  function partOf(termIndex) {
    var low = 0;
    var high = head.delen.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (head.delen[middle] <= termIndex) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  // The clauses of a group, each with the terms it reaches, as lunr's Index#query expands them
  // (the search pipeline, then the start of a word or a typo through the index's token set).
  function expand(group) {
    var query = new lunr.Query(fields);
    clauses(group)(query);
    return query.clauses.map(function (clause) {
      var reached = [];
      var terms = clause.usePipeline
        ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      terms.forEach(function (term) {
        var one = { term: term };
        if ("editDistance" in clause) { one.editDistance = clause.editDistance; }
        reached = reached.concat(tokenSet.intersect(lunr.TokenSet.fromClause(one)).toArray());
      });
      return { boost: clause.boost, terms: reached };
    });
  }

  // lunr's score for one group, straight from the postings: per field, the query vector (each
  // reached term with the boosts of its clauses) times the document's field vector (the
  // weights in the postings), divided by the query vector's length. This is what
  // lunr.Index#query computes, without building a vector per document.
  function score(expanded) {
    var query = fields.map(function () { return new Map(); });
    expanded.forEach(function (clause) {
      clause.terms.forEach(function (term) {
        var t = position.get(term);
        query.forEach(function (vector) { vector.set(t, (vector.get(t) || 0) + clause.boost); });
      });
    });
    var found = new Map();
    query.forEach(function (vector, f) {
      var length = 0;
      vector.forEach(function (boost) { length += boost * boost; });
      length = Math.sqrt(length);
      vector.forEach(function (boost, t) {
        var flat = rows[t][f];
        if (!flat) { return; }
        var ref = 0;
        for (var i = 0; i < flat.length; i += 2) {
          ref += flat[i];
          var key = String(ref);
          found.set(key, (found.get(key) || 0) + (boost * (flat[i + 1] / 1000)) / length);
        }
      });
    });
    return found;
  }

  function part(number) {
    if (!parts[number]) {
      parts[number] = json(base + "deel-" + number + ".json?v=" + head.versie)
        .then(function (partRows) {
          var first = head.delen[Number(number)];
          partRows.forEach(function (row, offset) { rows[first + offset] = row; });
        })
        .catch(function (error) { delete parts[number]; throw error; });
    }
    return parts[number];
  }

  function load(expandedGroups) {
    var wanted = {};
    expandedGroups.forEach(function (expanded) {
      expanded.forEach(function (clause) {
        clause.terms.forEach(function (term) { wanted[partOf(position.get(term))] = true; });
      });
    });
    return Promise.all(Object.keys(wanted).map(part));
  }

  // ref -> score for a query; null when it holds no words to search for. Every group must
  // match (with `any`: at least one); the scores of the groups add up.
  // A group's scores, kept for the next keystrokes and for the other way to combine them
  // (the finder asks for 'every word' and 'any word' of the same query): the last CACHED groups.
  var CACHED = 64;
  var groupScores = new Map();

  function groupScore(group, expanded) {
    var key = group.join("\u0000");
    var found = groupScores.get(key);
    if (!found) {
      found = score(expanded);
      if (groupScores.size >= CACHED) { groupScores.delete(groupScores.keys().next().value); }
      groupScores.set(key, found);
    }
    return found;
  }

  function scores(query, any) {
    var list = groups(query, head.synoniemen, head.stopwoorden);
    if (!list.length) { return Promise.resolve(null); }
    var known = list.map(function (group) { return groupScores.get(group.join("\u0000")); });
    var expandedGroups = list.map(function (group, i) { return known[i] ? null : expand(group); });
    var toLoad = expandedGroups.filter(Boolean);
    return (complete || !toLoad.length ? Promise.resolve() : load(toLoad)).then(function () {
      var total = null;
      list.forEach(function (group, i) {
        var found = known[i] || groupScore(group, expandedGroups[i]);
        if (total === null) {
          total = found;
        } else {
          var both = new Map();
          total.forEach(function (value, ref) {
            if (found.has(ref)) { both.set(ref, value + found.get(ref)); }
            else if (any) { both.set(ref, value); }
          });
          if (any) {
            found.forEach(function (value, ref) { if (!total.has(ref)) { both.set(ref, value); } });
          }
          total = both;
        }
      });
      return total;
    });
  }

  return {
    scores: scores,
    preload: function () {
      return Promise.all(head.delen.map(function (_, n) { return part(n); }))
        .then(function () { complete = true; });
    },
    version: head.versie, // of this build: the address of every file fetched after this one
    perFile: head.kaartjesblok, // offers in a card file (aanbod/kaartjes/N.json)
    offers: head.aanbod, // refs below this are offers, in the order of the finder's data
    documents: head.documenten, // ref - offers -> [kind, title, site path]
    lexicon: head.lezen // how a query is read (query_reading.js), made by finder/query_lexicon.py
  };
}

// One engine per index, whoever asks (the finder and the header on the same page share it).
export function open(indexUrl, lunrBase) {
  if (!opened[indexUrl]) {
    opened[indexUrl] = loadScript(lunrBase + "lunr.js")
      .then(function () { return loadScript(lunrBase + "lunr.stemmer.support.js"); })
      .then(function () { return loadScript(lunrBase + "lunr.nl.js"); })
      .then(function () { return json(indexUrl); })
      .then(function (head) {
        var base = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);
        return Engine(head, base);
      })
      .catch(function (error) {
        delete opened[indexUrl]; // try again next time
        throw error;
      });
  }
  return opened[indexUrl];
}
