/* Sportwijzer's text search: the one query the finder and the search box in the header share.
 *
 * The index (hooks/sportwijzer/search.py) comes in parts. zoeken/index.json holds the sorted
 * terms, where each part file begins, the documents that are not offers, stop words and
 * synonyms; zoeken/deel-N.json holds, for its terms, per field the documents with the term's
 * weight there. A query fetches only the parts that hold the terms it can match (the word, the
 * start of a word, one typo, a synonym), and lunr.js scores them exactly as lunr does.
 * The Python twin is search() in hooks/sportwijzer/search.py; tests/browser compare the two.
 *
 * Needs lunr.js, lunr.stemmer.support.js and lunr.nl.js; window.sportwijzer.laad (site.js)
 * loads them. Use: sportwijzerZoeken.open(indexUrl, lunrBase).then(engine => engine.scores(q)).
 */
(function () {
  "use strict";

  var opened = {};

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Each word (or known phrase) of the query, with the terms it also means (as query_groups()
  // in hooks/sportwijzer/search.py).
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
  // one typo) or a term it also means.
  function clauses(group) {
    return function (q) {
      var word = group[0];
      if (word) {
        var stem = lunr.nl.stemmer(new lunr.Token(word)).toString();
        q.term(word, { usePipeline: true, boost: 10 });
        q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
        if (word.length >= 4) { q.term(stem, { usePipeline: false, editDistance: 1, boost: 1 }); }
      }
      group.slice(1).forEach(function (term) { q.term(term, { usePipeline: true, boost: 8 }); });
    };
  }

  function Engine(head, base, fetchJson) {
    var fields = head.velden.map(function (f) { return f[0]; });
    var pipeline = new lunr.Pipeline();
    pipeline.add(lunr.nl.stemmer);
    var position = new Map();
    head.termen.forEach(function (term, i) { position.set(term, i); });
    var index = new lunr.Index({
      invertedIndex: Object.create(null),
      fieldVectors: Object.create(null),
      tokenSet: lunr.TokenSet.fromArray(head.termen),
      fields: fields,
      pipeline: pipeline
    });
    var parts = {};

    function partOf(termIndex) {
      var low = 0;
      var high = head.delen.length - 1;
      while (low < high) {
        var middle = (low + high + 1) >> 1;
        if (head.delen[middle] <= termIndex) { low = middle; } else { high = middle - 1; }
      }
      return low;
    }

    // The terms a query can reach, as lunr's Index#query expands them.
    function reach(groupList) {
      var found = [];
      groupList.forEach(function (group) {
        var query = new lunr.Query(fields);
        clauses(group)(query);
        query.clauses.forEach(function (clause) {
          var terms = clause.usePipeline
            ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
          terms.forEach(function (term) {
            var one = { term: term };
            if ("editDistance" in clause) { one.editDistance = clause.editDistance; }
            found = found.concat(index.tokenSet.intersect(lunr.TokenSet.fromClause(one)).toArray());
          });
        });
      });
      return found;
    }

    function addPart(number, rows) {
      var first = head.delen[number];
      rows.forEach(function (row, offset) {
        var termIndex = first + offset;
        var posting = { _index: termIndex };
        fields.forEach(function (field, f) {
          var refs = {};
          var flat = row[f] || [];
          var ref = 0;
          for (var i = 0; i < flat.length; i += 2) {
            ref += flat[i];
            refs[ref] = {};
            var key = field + "/" + ref;
            var vector = index.fieldVectors[key] || (index.fieldVectors[key] = new lunr.Vector());
            vector.insert(termIndex, flat[i + 1] / 1000);
          }
          posting[field] = refs;
        });
        index.invertedIndex[head.termen[termIndex]] = posting;
      });
    }

    function part(number) {
      if (!parts[number]) {
        parts[number] = fetchJson(base + "deel-" + number + ".json?v=" + head.versie)
          .then(function (rows) { addPart(Number(number), rows); })
          .catch(function (error) { delete parts[number]; throw error; });
      }
      return parts[number];
    }

    function load(terms) {
      var wanted = {};
      terms.forEach(function (term) { wanted[partOf(position.get(term))] = true; });
      return Promise.all(Object.keys(wanted).map(part));
    }

    // ref -> score for a query; null when it holds no words to search for. Every group must
    // match; the scores of the groups add up.
    function scores(query) {
      var list = groups(query, head.synoniemen, head.stopwoorden);
      if (!list.length) { return Promise.resolve(null); }
      return load(reach(list)).then(function () {
        var total = null;
        list.forEach(function (group) {
          var found = new Map();
          index.query(clauses(group)).forEach(function (hit) { found.set(hit.ref, hit.score); });
          if (total === null) {
            total = found;
          } else {
            var both = new Map();
            total.forEach(function (score, ref) {
              if (found.has(ref)) { both.set(ref, score + found.get(ref)); }
            });
            total = both;
          }
        });
        return total;
      });
    }

    return {
      scores: scores,
      preload: function () { return Promise.all(head.delen.map(function (_, n) { return part(n); })); },
      version: head.versie, // of this build: the address of every file fetched after this one
      offers: head.aanbod, // refs below this are offers, in the order of the finder's data
      documents: head.documenten, // ref - offers -> [kind, title, site path]
      groups: function (query) { return groups(query, head.synoniemen, head.stopwoorden); }
    };
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  // One engine per index, whoever asks (the finder and the header on the same page share it).
  function open(indexUrl, lunrBase) {
    if (!opened[indexUrl]) {
      var laad = window.sportwijzer.laad;
      opened[indexUrl] = laad(lunrBase + "lunr.js")
        .then(function () { return laad(lunrBase + "lunr.stemmer.support.js"); })
        .then(function () { return laad(lunrBase + "lunr.nl.js"); })
        .then(function () { return fetchJson(indexUrl); })
        .then(function (head) {
          var base = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);
          return Engine(head, base, fetchJson);
        })
        .catch(function (error) {
          delete opened[indexUrl]; // try again next time
          throw error;
        });
    }
    return opened[indexUrl];
  }

  window.sportwijzerZoeken = { open: open, fold: fold };
})();
