/* The finder's files, each fetched once, when it is first needed (an ES module).
 *
 * The facts of every offer (aanbod/feiten.json) on load; every offer's place
 * (aanbod/plekken.json) for a distance or the map; every offer's slug and title
 * (aanbod/titels.json) for the warm-up and the map; the cards of the results in view
 * (aanbod/kaartjes/N.json); and the text index (zoeken.js, imported on first use), whose head
 * also holds the lexicon that reads a query. The files are made by
 * hooks/sportwijzer/finder/data.py and finder/search.py; the form's data attributes say where.
 */
import { json } from "./loading.js";

// One object per offer from the facts file (finder_facts() in hooks/sportwijzer/finder/data.py);
// item.facts is what the rules take (offer_facts() there).
function itemsFrom(data) {
  var field = data.aanbod;
  return field.sport.map(function (sportAt, order) {
    var sport = data.sporten[sportAt];
    var beperkingen = field.beperkingen[order].map(function (i) { return data.beperkingen[i]; });
    return {
      el: null,
      card: null, // its text, from aanbod/kaartjes/<n>.json (CARD_FIELDS in finder/data.py)
      order: order,
      ref: String(order),
      sportName: sport[1],
      sportIcon: sport[4], // its symbol in the page's sprite: #sw-i-<this>
      kort: beperkingen.map(function (b) { return b[1]; }).join(", "),
      facts: {
        sport: sport[0],
        gemeente: data.gemeenten[field.gemeente[order]],
        beperkingen: beperkingen.map(function (b) { return b[0]; }),
        min: field.min[order],
        max: field.max[order],
        omgeving: sport[2],
        samen: sport[3],
        kenmerken: field.kenmerken[order].map(function (i) { return data.kenmerken[i]; })
      },
      lat: null,
      lon: null,
      distance: null,
      distanceEl: null
    };
  });
}

// Coming events the words find ([title, site path], best first): their own group, "Agenda".
function eventsFound(found, engine) {
  var refs = Array.from(found.keys()).filter(function (ref) {
    var doc = engine.documents[Number(ref) - engine.offers];
    return Number(ref) >= engine.offers && doc && doc[0] === "agenda";
  });
  refs.sort(function (a, b) { return found.get(b) - found.get(a) || Number(a) - Number(b); });
  return refs.slice(0, 5).map(function (ref) { return engine.documents[Number(ref) - engine.offers]; });
}

// The finder's data, read from the form's attributes (data-feiten, data-plekken, data-titels,
// data-kaartjes, data-index, data-lunr). A failed fetch is tried again the next time.
export function finderData(form) {
  var data = {
    items: [],
    titles: null, // {slug: [], titel: []} once loadTitles() is in
    lexicon: null // how a query is read, once loadLexicon() is in
  };
  var version = "";
  var perFile = 1; // offers in a card file (CARDS_PER_FILE in finder/data.py)
  var cardFolder = form.getAttribute("data-kaartjes");
  var cardFiles = {};
  var placesLoaded = null;
  var titlesLoaded = null;
  var lexiconLoaded = null;

  // Every offer's facts: the finder's items. Rejects if they cannot be loaded.
  data.loadFacts = function () {
    return json(form.getAttribute("data-feiten")).then(function (facts) {
      version = facts.versie;
      perFile = facts.kaartjesblok;
      data.items = itemsFrom(facts);
      return data.items;
    });
  };

  // The cards' text of `wanted`, unless known or shown by a static card; a card file holds
  // perFile offers, each file fetched once. A file that fails leaves its cards without text.
  data.loadCards = function (wanted) {
    return Promise.all(wanted.map(function (item) {
      if (item.card || (item.el && !item.el.querySelector("[data-veld]"))) { return null; } // complete
      var number = Math.floor(item.order / perFile);
      if (!cardFiles[number]) {
        cardFiles[number] = json(cardFolder + number + ".json?v=" + version)
          .then(function (cards) {
            cards.forEach(function (card, i) { data.items[number * perFile + i].card = card; });
          })
          .catch(function () { delete cardFiles[number]; });
      }
      return cardFiles[number];
    }));
  };

  // Every offer's place (for distances and the map).
  data.loadPlaces = function () {
    if (!placesLoaded) {
      placesLoaded = json(form.getAttribute("data-plekken") + "?v=" + version)
        .then(function (places) {
          data.items.forEach(function (item, i) { item.lat = places.lat[i]; item.lon = places.lon[i]; });
        })
        .catch(function (error) { placesLoaded = null; throw error; });
    }
    return placesLoaded;
  };

  // Every offer's slug and title: with them a result shows at once, and its card's text
  // follows. For the map's markers too.
  data.loadTitles = function () {
    if (!titlesLoaded) {
      titlesLoaded = json(form.getAttribute("data-titels") + "?v=" + version)
        .then(function (titles) { data.titles = titles; })
        .catch(function (error) { titlesLoaded = null; throw error; });
    }
    return titlesLoaded;
  };

  // The text index (javascripts/zoeken.js), imported and opened on first use.
  data.textEngine = function () {
    return import("./zoeken.js").then(function (search) {
      return search.open(form.getAttribute("data-index"), form.getAttribute("data-lunr"));
    });
  };

  // The offers' scores for a query, by ref (the index also holds pages, sports and places):
  // {offers, events}, or null when the query holds no words to search for. `any`: an offer that
  // has any of the words counts (their scores add up), for ordering, and no events; else every
  // word must match, and `events` are the coming events the words find.
  data.textScores = function (words, any) {
    return data.textEngine().then(function (engine) {
      return engine.scores(words, any).then(function (found) {
        if (!found) { return null; }
        var offers = {};
        found.forEach(function (score, ref) {
          if (Number(ref) < data.items.length) { offers[ref] = score; }
        });
        return { offers: offers, events: any ? null : eventsFound(found, engine) };
      });
    });
  };

  // How a query is read (query_reading.js), from the text index's head.
  data.loadLexicon = function () {
    if (!lexiconLoaded) {
      lexiconLoaded = data.textEngine()
        .then(function (engine) { data.lexicon = engine.lexicon; return data.lexicon; })
        .catch(function (error) { lexiconLoaded = null; throw error; });
    }
    return lexiconLoaded;
  };

  // The titles and the whole text index, so that every next search is answered from the
  // browser itself.
  data.loadAll = function () {
    return Promise.all([
      data.loadTitles(),
      data.textEngine().then(function (engine) { return engine.preload(); })
    ]);
  };

  return data;
}
