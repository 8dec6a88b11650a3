/* One search of the finder (an ES module): the query read (query_reading.js, with the lexicon
 * from the text index's head), the words scored in the text index, distances measured, and the
 * offers that pass, in the order to show them. finder_oracle.py in tests/ does the same in
 * Python; tests/browser compare the two.
 */
import * as rules from "./finder_rules.js";
import * as query from "./query_reading.js";

// The words that carry meaning (what was understood and the rest), for the text score that
// orders what fits equally well: an offer that says 'parkinson' before one for every
// chronic condition.
function meaningful(reading) {
  var keep = {};
  reading.delen.forEach(function (part) {
    if (part[0] === "leeftijd" || part[0] === "km" || part[0] === "wie") { return; }
    for (var i = part[3]; i < part[4]; i += 1) { keep[i] = true; }
  });
  reading.tekst.forEach(function (i) { keep[i] = true; });
  return reading.woorden.filter(function (w, i) { return keep[i]; }).join(" ");
}

// `data`: finderData(); `place(slug)`: a place of 'Vanaf' as {lat, lon, name}, or null;
// `setup`: the form's rules (data-regels).
export function finderSearch(data, place, setup) {
  // What the query says (readQuery), or null: no query, or the lexicon cannot load (then the
  // words are searched as text, every word must match, as before).
  function readingOf(q) {
    if (!q) { return Promise.resolve(null); }
    return data.loadLexicon().then(function (lexicon) { return query.readQuery(q, lexicon); },
                                   function () { return null; });
  }

  // The text scores: [offers every word finds, offers any word finds (to order), events found].
  // Without the lexicon, every word must match, as before; with it, only the words it did not
  // understand, and the others order what fits.
  function textFor(wanted, reading, wish) {
    var offers = function (scores) { return scores && scores.offers; };
    if (!wanted.q) { return Promise.resolve([null, null, []]); }
    if (!reading) {
      return data.textScores(wanted.q, false).then(function (found) {
        return [offers(found), null, found ? found.events : []];
      });
    }
    return Promise.all([wish.tekst ? data.textScores(wish.tekst, false) : null,
                        data.textScores(meaningful(reading), true),
                        wish.tekst ? null : data.textScores(meaningful(reading), false)])
      .then(function (all) {
        var every = all[0] || all[2];
        return [offers(all[0]), offers(all[1]), every ? every.events : []];
      });
  }

  // What a state asks, with everything fetched that answering it needs: {reading, wish, from,
  // found, boost, events, placesFailed, textFailed}. `myPosition`: {lat, lon, name}, or null.
  function ask(wanted, myPosition) {
    return readingOf(wanted.q).then(function (reading) {
      var wish = reading ? query.asked(reading) : null;
      var from = (wanted.bij === rules.MY_LOCATION ? myPosition : place(wanted.bij)) ||
        place(wish ? wish.bij : "");
      var asked = { reading: reading, wish: wish, from: from, found: null, boost: null,
                    events: [], placesFailed: false, textFailed: false };
      var places = from ? data.loadPlaces().catch(function () {
        asked.placesFailed = true;
        asked.from = null;
      }) : null;
      var text = textFor(wanted, reading, wish).then(function (scores) {
        asked.found = scores[0];
        asked.boost = scores[1];
        asked.events = scores[2];
      }, function () { asked.textFailed = true; });
      return Promise.all([text, places]).then(function () { return asked; });
    });
  }

  // The offers that pass, in the order to show them: {shown, mode, why}. `why`: what the list
  // answers ({wish, found, place}) when the query names something, else null.
  function select(wanted, asked) {
    var from = asked.from;
    var found = asked.found;
    var passed = data.items.filter(function (item) {
      item.distance = from ? rules.distanceKm([from.lat, from.lon], [item.lat, item.lon]) : null;
      return rules.matches(item.facts, wanted, item.distance, setup);
    });
    var wish = asked.wish;
    if (wish && query.named(wish) && !asked.textFailed) {
      var answer = query.answer(passed.map(function (item) {
        var fit = query.score(item.facts, wish, item.distance, !!(found && item.ref in found), setup);
        return { ref: item.ref, order: item.order, distance: item.distance, punten: fit.punten,
                 alles: fit.alles, eigen: fit.eigen, tekst: (asked.boost && asked.boost[item.ref]) || 0 };
      }));
      var best = answer.refs.map(function (ref) { return data.items[Number(ref)]; });
      if (wanted.sorteer === "afstand" && from) { best = rules.order(best, "afstand", null); }
      return { shown: best, mode: answer.stand,
               why: { wish: wish, found: found, place: from ? from.name : "" } };
    }
    var hits = passed.filter(function (item) { return !found || item.ref in found; });
    return { shown: rules.order(hits, rules.sortMode(wanted, !!from), found), mode: "alles",
             why: null };
  }

  return { ask: ask, select: select };
}
