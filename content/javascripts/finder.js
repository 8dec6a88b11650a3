/* Sportwijzer finder: filters every offer in the browser (an ES module).
 *
 * The page works without this script (a static list, a page at a time); a browser without
 * modules keeps that list. This script adds: the form, live filtering over all offers (their
 * facts from aanbod/feiten.json), text search (javascripts/zoeken.js, loaded when someone types),
 * distances (aanbod/plekken.json, loaded when someone picks a place), the map on request.
 * A result's card comes from aanbod/kaart/<ref>.json when it comes into view.
 *
 * The rules (what a link means, what matches, the order, how things are said) are in
 * finder_rules.js, the twin of hooks/sportwijzer/twins/finder_rules.py. The address is the single
 * source of truth: every state of the list, "Toon meer" included, has its own short link, and
 * Back brings it back. What someone searches for never leaves the browser.
 */
import * as rules from "./finder_rules.js";
import * as query from "./query_reading.js";
import { helpParams, helpUrl } from "./loket.js";

var form = document.getElementById("sw-finder");
var list = document.getElementById("sw-resultaten");
var ok = form && list && window.sportwijzer && window.Map;
if (ok) { start(); } else { document.documentElement.classList.remove("sw-js"); staticListBack(); }

// The static list is the answer again: finder.html hides its cards while a search in the address
// waits for this script (class sw-zoekt, the status line's own text kept in data-tekst).
function staticListBack() {
  var html = document.documentElement;
  var status = document.getElementById("sw-aantal");
  if (!html.classList.contains("sw-zoekt")) { return; }
  html.classList.remove("sw-zoekt");
  if (status && status.hasAttribute("data-tekst")) { status.textContent = status.getAttribute("data-tekst"); }
  if (list) { list.removeAttribute("aria-busy"); }
}

function start() {
  var sw = window.sportwijzer;
  var status = document.getElementById("sw-aantal");
  var heading = document.getElementById("resultaten");
  var none = document.getElementById("sw-geen");
  var noneText = document.getElementById("sw-geen-tekst");
  var partialDesk = document.getElementById("sw-deels-loket");
  var askDesk = document.getElementById("sw-vraag-loket"); // carries the filters to the desk
  var deskBase = askDesk.getAttribute("href");
  var chips = document.getElementById("sw-aan");
  var pickPlace = document.getElementById("sw-plaats-kiezen");
  var panel = document.getElementById("sw-filters");
  var panelButton = document.getElementById("sw-filters-knop");
  var panelCount = document.getElementById("sw-filters-aan");
  var setup = JSON.parse(form.getAttribute("data-regels"));
  var known = setup.bekend;
  var myPosition = null;

  var items = [];
  var template = document.getElementById("sw-kaart-sjabloon");
  var cardBase = form.getAttribute("data-aanbod");
  if (cardBase === "./") { cardBase = ""; } // as the static cards' links are written

  // One object per offer from the facts file (finder_facts() in hooks/sportwijzer/finder/page.py);
  // item.facts is what the rules take (offer_facts() there).
  function itemsFrom(data) {
    var field = data.aanbod;
    return field.sport.map(function (sportAt, order) {
      var sport = data.sporten[sportAt];
      var beperkingen = field.beperkingen[order].map(function (i) { return data.beperkingen[i]; });
      return {
        el: null,
        card: null, // its text, from aanbod/kaart/<ref>.json (CARD_FIELDS in finder/page.py)
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

  // The static cards of the first page are reused; the others are made from the template.
  function adoptStaticCards() {
    Array.prototype.forEach.call(list.children, function (li) {
      var item = items[Number(li.getAttribute("data-ref"))];
      if (item && li.querySelector("a")) {
        item.el = li;
        item.distanceEl = li.querySelector(".sw-afstand");
      }
    });
  }

  // The cards of the results in view; a card file holds `perFile` offers (CARDS_PER_FILE in
  // hooks/sportwijzer/finder/page.py), each file fetched once.
  var cardFolder = form.getAttribute("data-kaart");
  var cardFiles = {};
  var perFile = 1;
  var version = "";

  function loadCards(wanted) {
    return Promise.all(wanted.map(function (item) {
      if (item.card || (item.el && !item.el.hasAttribute("aria-busy"))) { return null; }
      var number = Math.floor(item.order / perFile);
      if (!cardFiles[number]) {
        cardFiles[number] = sw.json(cardFolder + number + ".json?v=" + version)
          .then(function (cards) {
            cards.forEach(function (card, i) { items[number * perFile + i].card = card; });
          })
          .catch(function () { delete cardFiles[number]; });
      }
      return cardFiles[number];
    }));
  }

  // Every offer's place (for distances and the map), fetched once when first needed.
  var placesLoaded = null;

  function loadPlaces() {
    if (!placesLoaded) {
      placesLoaded = sw.json(form.getAttribute("data-plekken") + "?v=" + version)
        .then(function (places) {
          items.forEach(function (item, i) { item.lat = places.lat[i]; item.lon = places.lon[i]; });
        })
        .catch(function (error) { placesLoaded = null; throw error; });
    }
    return placesLoaded;
  }

  // A sport's icon: its symbol in the page's sprite (the sports of the static cards), else the
  // symbol in its own small file (ICON_FOLDER in hooks/sportwijzer/finder/data.py).
  var iconFolder = form.getAttribute("data-iconen");

  function sportIconHref(icon) {
    var id = "sw-i-" + icon;
    return document.getElementById(id) ? "#" + id : iconFolder + icon + ".svg#" + id;
  }

  function fill(li, name, text) {
    var part = li.querySelector('[data-veld="' + name + '"]');
    if (text === null) { part.parentNode.removeChild(part); return; }
    part.removeAttribute("data-veld");
    if (text) { part.appendChild(document.createTextNode(text)); }
  }

  // A card from the template. With its text (item.card: slug, titel, samenvatting, plaats,
  // proefles, status) it is complete at once; with only the title (from aanbod/titels.json) it
  // shows what the facts know and is completed when its text comes in (aria-busy till then).
  function cardFor(item) {
    if (item.el) { return item.el; }
    var card = item.card;
    var li = template.content.firstElementChild.cloneNode(true);
    li.setAttribute("data-ref", item.ref);
    var link = li.querySelector("a");
    link.setAttribute("href", cardBase + (card ? card[0] : titles.slug[item.order]) + "/");
    link.textContent = card ? card[1] : titles.titel[item.order];
    li.querySelector('[data-veld="sport"] use').setAttribute("href", sportIconHref(item.sportIcon));
    fill(li, "sport", item.sportName);
    fill(li, "leeftijd", rules.ageText(item.facts.min, item.facts.max));
    fill(li, "beperkingen", item.kort);
    fill(li, "gratis", item.facts.kenmerken.indexOf("gratis") >= 0 ? "" : null);
    item.el = li;
    item.distanceEl = li.querySelector(".sw-afstand");
    if (card) { complete(item); } else { li.setAttribute("aria-busy", "true"); }
    return li;
  }

  // The cards' text for the results in view, once the typing pauses: a keystroke does not send
  // fifty requests that the next keystroke makes useless.
  var completing = null;

  function completeSoon(wanted) {
    clearTimeout(completing);
    completing = setTimeout(function () {
      loadCards(wanted).then(function () { wanted.forEach(complete); });
    }, 150);
  }

  function complete(item) {
    var li = item.el;
    var card = item.card;
    if (!li || !card || !li.querySelector("[data-veld]")) { return; }
    li.querySelector(".sw-kaart__tekst").textContent = card[2];
    fill(li, "plaats", card[3]);
    fill(li, "proefles", card[4] || null);
    fill(li, "status", card[5] || null);
    li.removeAttribute("aria-busy");
  }

  /* ---- state: the address <-> the rules' state <-> the form ---------------------------------- */

  function fromAddress() {
    var pairs = [];
    new URLSearchParams(location.search).forEach(function (value, name) {
      pairs.push([name, value]);
    });
    return rules.readParams(pairs, known);
  }

  // The form as the rules read it; 'sorteer' only when it differs from what the rules choose.
  function fromForm() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) { pairs.push([name, String(value)]); });
    var read = rules.readParams(pairs, known);
    var state = read.state;
    if (state.sorteer === rules.sortMode(Object.assign({}, state, { sorteer: "" }), !!state.bij)) {
      state.sorteer = "";
      read.problems = read.problems.filter(function (p) { return p[0] !== "sorteer"; });
    }
    if (voor) { state.voor = voor; } // no control of its own: kept till its chip is removed
    return read;
  }

  var voor = ""; // 'voor' from the keuzehulp

  function writeForm(state) {
    voor = state.voor;
    rules.FIELDS.forEach(function (name) {
      var fields = form.elements[name];
      if (!fields) { return; }
      var values = rules.MULTI.indexOf(name) >= 0 ? state[name] : [state[name]];
      if (name === "sorteer") { values = [rules.sortMode(state, !!state.bij)]; }
      if (fields.length !== undefined && fields.tagName !== "SELECT") {
        Array.prototype.forEach.call(fields, function (box) {
          box.checked = values.indexOf(box.value) >= 0;
        });
      } else {
        var value = values[0] === null || values[0] === undefined ? "" : String(values[0]);
        fields.value = value;
        if (fields.value !== value) { fields.value = ""; }
      }
    });
  }

  function address(state) {
    var params = new URLSearchParams();
    rules.toParams(state).forEach(function (pair) { params.append(pair[0], pair[1]); });
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }

  /* ---- text search (javascripts/zoeken.js), loaded on first use ---------------------------- */

  function textEngine() {
    return sw.laad(form.getAttribute("data-zoeken")).then(function () {
      return window.sportwijzerZoeken.open(form.getAttribute("data-index"),
                                           form.getAttribute("data-lunr"));
    });
  }

  // The offers' scores for a query, by ref (the index also holds pages, sports and places).
  // `any`: an offer that has any of the words counts (their scores add up), for ordering; else
  // every word must match, and the coming events the words find are kept for showEvents().
  function textScores(words, any) {
    return textEngine()
      .then(function (engine) { return engine.scores(words, any); })
      .then(function (found) {
        if (!found) { return null; }
        var offers = {};
        found.forEach(function (score, ref) { if (Number(ref) < items.length) { offers[ref] = score; } });
        if (any) { return offers; }
        return textEngine().then(function (engine) {
          foundEvents = eventsFound(found, engine);
          return offers;
        });
      });
  }

  // Coming events the words find ([title, site path], best first): their own group, "Agenda".
  var foundEvents = [];
  var eventGroup = document.getElementById("sw-agenda-treffers");

  function eventsFound(found, engine) {
    var refs = Array.from(found.keys()).filter(function (ref) {
      var doc = engine.documents[Number(ref) - engine.offers];
      return Number(ref) >= engine.offers && doc && doc[0] === "agenda";
    });
    refs.sort(function (a, b) { return found.get(b) - found.get(a) || Number(a) - Number(b); });
    return refs.slice(0, 5).map(function (ref) { return engine.documents[Number(ref) - engine.offers]; });
  }

  function showEvents(state) {
    if (!eventGroup) { return; }
    var events = state.q ? foundEvents : [];
    var list = eventGroup.querySelector("ul");
    list.textContent = "";
    events.forEach(function (doc) {
      var line = document.createElement("li");
      var link = document.createElement("a");
      link.href = eventGroup.getAttribute("data-agenda") + doc[2].slice("agenda/".length);
      link.textContent = doc[1];
      line.appendChild(link);
      list.appendChild(line);
    });
    eventGroup.hidden = events.length === 0;
  }

  /* ---- what is on: chips, the Filters button, problems near their controls ------------------- */

  function optionLabel(name, value) {
    var field = form.elements[name];
    if (!field) { return value; }
    var option = field.length !== undefined && field.tagName !== "SELECT"
      ? Array.prototype.filter.call(field, function (b) { return b.value === value; })[0]
      : Array.prototype.filter.call(field.options, function (o) { return o.value === value; })[0];
    if (!option) { return value; }
    return option.labels && option.labels[0] ? option.labels[0].textContent : option.textContent;
  }

  // [field, value, what the chip says, what a screen reader hears]
  // The query gives a chip for each thing it names ('Autisme', 'Kind, 9 jaar', 'Bij Kampen'):
  // its value is the positions of its words, which its ✕ takes out of the query.
  function onList(state, reading) {
    var on = [];
    rules.FIELDS.forEach(function (name) {
      if (name === "sorteer" || name === "toon") { return; }
      if (name === "q" && reading && query.chips(reading).length) {
        query.chips(reading).forEach(function (chip) { on.push(["q", chip[1], chip[0]]); });
        return;
      }
      var values = rules.MULTI.indexOf(name) >= 0 ? state[name] : [state[name]];
      values.forEach(function (value) {
        if (value === "" || value === null) { return; }
        var text = name === "q" ? "‘" + value + "’"
          : name === "leeftijd" ? value + " jaar"
          : name === "km" ? "Niet verder dan " + value + " km"
          : name === "voor" ? (value === "kind" ? "Voor een kind (tot 18 jaar)" : null)
          : name === "bij" ? "Vanaf " + placeName(value)
          : optionLabel(name, String(value));
        if (text) { on.push([name, value, text]); }
      });
    });
    return on;
  }

  // The option of 'Vanaf' for a place's slug, or undefined.
  function placeOption(value) {
    return Array.prototype.filter.call(form.elements.bij.options, function (o) {
      return o.value === value;
    })[0];
  }

  function placeName(value) {
    if (value === rules.MY_LOCATION) { return "jouw locatie"; }
    var option = placeOption(value);
    return option ? option.getAttribute("data-naam") : value;
  }

  var filtersOn = 0; // how many filters of the form are on (not the query's words)

  function showChips(state, reading) {
    chips.textContent = "";
    var on = onList(state, reading);
    on.forEach(function (entry) {
      var name = entry[0];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sw-chip";
      button.setAttribute("aria-label", (name === "q" ? "Weghalen uit je zoekwoorden: "
        : "Filter weghalen: ") + entry[2]);
      button.textContent = entry[2];
      var cross = document.createElement("span");
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = " ✕";
      button.appendChild(cross);
      button.addEventListener("click", function () {
        var next = fromForm().state;
        if (name === "q" && reading && Array.isArray(entry[1])) {
          next.q = query.without(reading, entry[1]);
        } else if (rules.MULTI.indexOf(name) >= 0) {
          next[name] = next[name].filter(function (v) { return v !== entry[1]; });
        } else {
          next[name] = name === "leeftijd" || name === "km" ? null : "";
          if (name === "bij") { next.km = null; next.sorteer = ""; myPosition = null; }
          if (name === "voor") { voor = ""; }
        }
        writeForm(next);
        update(true);
        heading.focus();
      });
      var li = document.createElement("li");
      li.appendChild(button);
      chips.appendChild(li);
    });
    if (on.length > 1) {
      var all = document.createElement("button");
      all.type = "button";
      all.className = "sw-chip sw-chip--alles";
      all.textContent = "Wis alles";
      all.addEventListener("click", function () { form.reset(); heading.focus(); });
      var li = document.createElement("li");
      li.appendChild(all);
      chips.appendChild(li);
    }
    chips.hidden = on.length === 0;
    filtersOn = on.filter(function (entry) { return entry[0] !== "q"; }).length;
    panelCount.textContent = filtersOn ? " (" + filtersOn + " aan)" : "";
  }

  function showProblems(problems) {
    Array.prototype.forEach.call(form.querySelectorAll(".sw-fout"), function (p) {
      var control = document.querySelector('[aria-describedby~="' + p.id + '"]');
      if (control) {
        var rest = control.getAttribute("aria-describedby").split(" ").filter(function (id) {
          return id !== p.id;
        });
        if (rest.length) { control.setAttribute("aria-describedby", rest.join(" ")); }
        else { control.removeAttribute("aria-describedby"); }
        control.removeAttribute("aria-invalid");
      }
      p.parentNode.removeChild(p);
    });
    problems.forEach(function (problem) {
      var control = form.elements[problem[0]];
      var first = control && control.length !== undefined && control.tagName !== "SELECT" ? control[0] : control;
      if (!first) { return; }
      var place = first.closest("fieldset") || first.closest(".sw-veld");
      var p = document.createElement("p");
      p.className = "sw-fout";
      p.id = "sw-fout-" + problem[0];
      p.textContent = problem[1];
      place.appendChild(p);
      if (first.tagName !== "INPUT" || first.type !== "checkbox") {
        first.setAttribute("aria-describedby",
          ((first.getAttribute("aria-describedby") || "") + " " + p.id).trim());
        first.setAttribute("aria-invalid", "true");
      }
    });
    pickPlace.hidden = !problems.some(function (p) { return p[0] === "km" || p[0] === "sorteer"; });
  }

  /* ---- the Filters panel (folded below 60em) ------------------------------------------------ */

  var narrow = window.matchMedia("(max-width: 59.9375em)");

  function openPanel(open) {
    form.classList.toggle("sw-open", open);
    panelButton.setAttribute("aria-expanded", String(open));
  }

  panelButton.addEventListener("click", function () {
    var open = panelButton.getAttribute("aria-expanded") !== "true";
    openPanel(open);
    if (open) { panel.querySelector("input, select").focus(); }
  });

  pickPlace.querySelector("button").addEventListener("click", function () {
    openPanel(true);
    form.elements.bij.focus();
  });

  /* ---- showing the results ------------------------------------------------------------------ */

  var limit = rules.PAGE;
  var inView = [];
  var lastShown = [];
  var lastFrom = null;
  var lastState = rules.emptyState();
  var lastProblems = [];
  var more = document.getElementById("sw-meer");

  // Shows the first `limit` results: at once if every title is known (after the warm-up), else
  // once their cards are in. False if a newer search came first.
  function showResults(shown, from, ticket) {
    var wanted = shown.slice(0, limit);
    var knownTitles = titles;
    return (knownTitles ? Promise.resolve() : loadCards(wanted)).then(function () {
      if (ticket !== pending) { return false; }
      inView = wanted.filter(function (item) { return item.el || item.card || knownTitles; });
      missingCards = wanted.length - inView.length;
      putInView(from);
      if (knownTitles) { completeSoon(wanted); }
      var rest = shown.length - wanted.length;
      more.hidden = rest <= 0;
      more.textContent = "Toon meer resultaten (nog " + rest + ")";
      return true;
    });
  }

  // Why a result is shown, under its title: 'Past bij: Autisme · 8–17 jaar · 12 km van Kampen'.
  // `why`: what the list now answers ({wish, found, place}), or null without a query that names
  // something. The words are made only for the cards in view (query.score ranks them all).
  var why = null;

  function showWhy(item) {
    var line = item.el.querySelector(".sw-waarom");
    if (!why) { if (line) { line.parentNode.removeChild(line); } return; }
    if (!line) {
      line = document.createElement("p");
      line.className = "sw-waarom";
      var title = item.el.querySelector(".sw-kaart__titel");
      title.parentNode.insertBefore(line, title.nextSibling);
    }
    var hit = !!(why.found && item.ref in why.found);
    line.textContent = query.whyText(
      query.fit(item.facts, why.wish, item.distance, hit, why.place, lexicon.namen, setup));
  }

  function putInView(from) {
    var fragment = document.createDocumentFragment();
    inView.forEach(function (item) {
      var el = cardFor(item);
      showWhy(item);
      if (item.distanceEl) {
        item.distanceEl.hidden = !from;
        item.distanceEl.textContent = from ? rules.distanceText(item.distance, from.name) : "";
      }
      fragment.appendChild(el);
    });
    list.textContent = "";
    list.appendChild(fragment);
  }

  // Marks the list busy while `promise` redraws it: a screen reader waits before it reads the
  // list again. The newest redraw (`ticket`) takes the mark off, whether it worked or not.
  function redrawing(ticket, promise) {
    list.setAttribute("aria-busy", "true");
    var settle = function () { if (ticket === pending) { list.removeAttribute("aria-busy"); } };
    return promise.then(function (value) { settle(); return value; },
                        function (error) { settle(); throw error; });
  }

  more.addEventListener("click", function () {
    var first = lastShown[inView.length];
    limit += rules.PAGE;
    lastState.toon = limit;
    history.replaceState(history.state, "", address(lastState));
    lastSearch = location.search;
    redrawing(pending, showResults(lastShown, lastFrom, pending)).then(function (done) {
      if (!done) { return; }
      showCount(lastShown.length);
      if (first && first.el) { first.el.querySelector("a").focus(); }
    });
  });

  // The status line: the count, then each problem on a line of its own (read out together).
  function showCount(n) {
    var text = lastMode === "deels" ? query.partialCount(n) : rules.countText(n);
    if (n > inView.length) { text += " Je ziet er nu " + inView.length + "."; }
    if (missingCards) { text += " " + missingCards + " ervan kunnen nu niet laden."; }
    if (placesFailed) { text = "Afstanden laden nu niet, dus de afstand telt niet mee. " + text; }
    if (textSearchFailed) { text = "Zoeken op woord lukt nu niet, dus het woord telt niet mee. " + text; }
    status.textContent = text;
    lastProblems.forEach(function (problem) {
      var line = document.createElement("span");
      line.className = "sw-fout";
      line.textContent = " " + problem[1];
      status.appendChild(line);
    });
  }

  function render(state, shown, from, ticket) {
    return showResults(shown, from, ticket).then(function (done) {
      if (!done) { return false; }
      lastShown = shown;
      lastFrom = from;
      var n = shown.length;
      showCount(n);
      none.hidden = n !== 0;
      noneText.textContent = query.noneText(!!state.q, filtersOn > 0);
      askDesk.href = deskBase + helpUrl(helpParams(state)).replace(/^[^?]*/, "");
      if (partialDesk) { partialDesk.href = askDesk.href; }
      mapBlock.hidden = n === 0;
      if (mapView && n) { showOnMap(shown); }
      form.dispatchEvent(new CustomEvent("sw:bijgewerkt", { detail: { aantal: n } }));
      if (asked) { warmUp(); }
      return true;
    });
  }

  // Where distances are measured from: {lat, lon, name}, or null.
  // A place's slug ('bij' of the form, or of a query: 'in Kampen') as {lat, lon, name}, or null.
  function origin(state) {
    if (state.bij === rules.MY_LOCATION) { return myPosition; }
    return place(state.bij);
  }

  function place(slug) {
    var option = slug ? placeOption(slug) : null;
    return option ? { lat: parseFloat(option.dataset.lat), lon: parseFloat(option.dataset.lon),
                      name: option.getAttribute("data-naam") } : null;
  }

  var pending = 0;
  var missingCards = 0;
  var placesFailed = false;
  var textSearchFailed = false;
  var ready = false; // the offers are in: from now on the form filters them
  var lastSearch = null; // the query string the list now shows

  // Shows the list for `read` ({state, problems}: from the form, or from the address). `push`:
  // a new entry in the history (a choice), or not (typing, or the address itself).
  function update(push, read) {
    read = read || fromForm();
    var state = read.state;
    var ticket = ++pending;
    limit = state.toon;
    return redrawing(ticket, readingOf(state.q).then(function (reading) {
      var wish = reading ? query.asked(reading) : null;
      var from = origin(state) || place(wish ? wish.bij : "");
      var places = from ? loadPlaces().then(function () { placesFailed = false; }, function () {
        placesFailed = true;
        from = null;
      }) : Promise.resolve();
      // The words: without the lexicon, every word must match, as before; with it, only the
      // words it did not understand, and the others order what fits.
      var failed = false;
      var text = !state.q ? Promise.resolve([null, null])
        : !reading ? textScores(state.q, false).then(function (found) { return [found, null]; })
        : Promise.all([wish.tekst ? textScores(wish.tekst, false) : null,
                       textScores(meaningful(reading), true),
                       wish.tekst ? null : textScores(meaningful(reading), false)]);
      text = text.catch(function () { failed = true; return [null, null]; });
      return Promise.all([text, places]).then(function (done) {
        if (ticket !== pending) { return; } // a newer keystroke is on its way
        textSearchFailed = failed;
        var found = done[0][0];
        var boost = done[0][1];
        var passed = items.filter(function (item) {
          item.distance = from ? rules.distanceKm([from.lat, from.lon], [item.lat, item.lon]) : null;
          return rules.matches(item.facts, state, item.distance, setup);
        });
        var shown;
        var mode = "alles";
        why = null;
        if (wish && query.named(wish) && !failed) {
          why = { wish: wish, found: found, place: from ? from.name : "" };
          var answer = query.answer(passed.map(function (item) {
            var fit = query.score(item.facts, wish, item.distance, !!(found && item.ref in found),
                                  setup);
            return { ref: item.ref, order: item.order, distance: item.distance, punten: fit.punten,
                     alles: fit.alles, eigen: fit.eigen, tekst: (boost && boost[item.ref]) || 0 };
          }));
          mode = answer.stand;
          shown = answer.refs.map(function (ref) { return items[Number(ref)]; });
          if (state.sorteer === "afstand" && from) { shown = rules.order(shown, "afstand", null); }
        } else {
          shown = passed.filter(function (item) { return !found || item.ref in found; });
          shown = rules.order(shown, rules.sortMode(state, !!from), found);
        }
        if (push !== null) {
          var link = address(state);
          if (link !== location.search && !(link === location.pathname && !location.search)) {
            history[push ? "pushState" : "replaceState"](null, "", link);
          }
        }
        lastSearch = location.search;
        lastState = state;
        lastProblems = read.problems;
        lastReading = reading;
        showChips(state, reading);
        showProblems(read.problems);
        showEvents(state);
        lastMode = mode;
        showPartial(mode, reading);
        return render(state, shown, from, ticket);
      });
    }));
  }

  /* ---- reading the query (query_reading.js, with the lexicon in the text index's head) ------- */

  var lexicon = null;
  var lexiconLoaded = null;
  var lastMode = "alles"; // query.answer()'s stand: 'alles', 'deels' or 'geen'
  var lastReading = null;

  function loadLexicon() {
    if (!lexiconLoaded) {
      lexiconLoaded = textEngine()
        .then(function (engine) { lexicon = engine.lexicon; return lexicon; })
        .catch(function (error) { lexiconLoaded = null; throw error; });
    }
    return lexiconLoaded;
  }

  // What the query says (readQuery), or null: no query, or the lexicon cannot load (then the
  // words are searched as text, every word must match, as before).
  function readingOf(q) {
    if (!q) { return Promise.resolve(null); }
    return loadLexicon().then(function (data) { return query.readQuery(q, data); },
                              function () { return null; });
  }

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

  // Above the list when nothing fits everything that was asked: what did not fit, then the best
  // partial matches. The desk's link stays.
  var partial = document.getElementById("sw-deels");

  function showPartial(mode, reading) {
    if (!partial) { return; }
    partial.hidden = mode !== "deels";
    if (mode === "deels") {
      partial.querySelector("p").textContent = query.partialText(reading);
    }
  }

  /* ---- the warm-up: once someone has searched, the rest comes in the background --------------- */

  // Every offer's slug and title (aanbod/titels.json): with them a result shows at once, and its
  // card's text follows. For the map's markers too.
  var titles = null;
  var titlesLoaded = null;

  function loadTitles() {
    if (!titlesLoaded) {
      titlesLoaded = sw.json(form.getAttribute("data-titels") + "?v=" + version)
        .then(function (data) { titles = data; })
        .catch(function (error) { titlesLoaded = null; throw error; });
    }
    return titlesLoaded;
  }

  // A moment after the first search someone made (the first results are in view), fetch the
  // titles and the whole text index, so that every next keystroke is answered from the browser
  // itself. Not when the browser asks to save data: then each search fetches what it needs.
  var asked = false; // someone changed the search (not just the page loading)
  var warming = false;

  function warmUp() {
    var connection = navigator.connection;
    if (warming || (connection && connection.saveData)) { return; }
    warming = true;
    setTimeout(function () {
      Promise.all([loadTitles(), textEngine().then(function (engine) { return engine.preload(); })])
        .then(function () { form.setAttribute("data-opgewarmd", "ja"); },
              function () { warming = false; });
    }, 1000);
  }

  /* ---- the map, only on request ------------------------------------------------------------- */

  var mapView = null;
  var mapBlock = document.getElementById("sw-kaartblok");
  var mapButton = document.getElementById("sw-kaart-knop");
  var mapArea = document.getElementById("sw-kaart");
  var tileNote = document.getElementById("sw-kaart-tegels");

  function openMap() {
    var base = form.getAttribute("data-leaflet");
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "leaflet.css";
    document.head.appendChild(css);
    return Promise.all([sw.laad(base + "leaflet.js"), loadTitles(), loadPlaces()]).then(function () {
      L.Icon.Default.imagePath = base + "images/";
      var map = L.map(mapArea, { scrollWheelZoom: false });
      L.tileLayer(form.getAttribute("data-tegels"), {
        maxZoom: 18, attribution: form.getAttribute("data-bron")
      }).on("tileerror", function () { tileNote.hidden = false; })
        .on("tileload", function () { tileNote.hidden = true; })
        .addTo(map);
      var layer = L.layerGroup().addTo(map);
      return {
        show: function (shown) {
          layer.clearLayers();
          var points = [];
          shown.forEach(function (item) {
            var link = document.createElement("a");
            var title = titles.titel[item.order];
            link.href = cardBase + titles.slug[item.order] + "/";
            link.textContent = title;
            L.marker([item.lat, item.lon], { title: title, alt: title })
              .bindPopup(link).addTo(layer);
            points.push([item.lat, item.lon]);
          });
          if (points.length) { map.fitBounds(points, { padding: [20, 20], maxZoom: 14 }); }
          else { map.setView([52.4, 6.1], 9); }
        }
      };
    });
  }

  // The map follows the results a moment after the last keystroke, with at most MAP_MAX markers
  // (thousands of markers would make every keystroke slow).
  var MAP_MAX = 500;
  var mapTimer = null;
  var mapNote = document.getElementById("sw-kaart-meer");

  function showOnMap(shown) {
    clearTimeout(mapTimer);
    mapTimer = setTimeout(function () {
      mapView.show(shown.slice(0, MAP_MAX));
      mapNote.hidden = shown.length <= MAP_MAX;
      mapNote.textContent = "De kaart toont de eerste " + MAP_MAX + " van de " + shown.length +
        " resultaten. Kies meer filters om de rest te zien.";
    }, 150);
  }

  mapButton.addEventListener("click", function () {
    var open = mapButton.getAttribute("aria-expanded") === "true";
    mapButton.setAttribute("aria-expanded", String(!open));
    mapArea.hidden = open;
    mapButton.lastChild.textContent = open ? "Toon op kaart" : "Verberg de kaart";
    if (!open && !mapView) {
      openMap().then(function (view) { mapView = view; update(null, lastRead()); }, function () {
        mapButton.setAttribute("aria-expanded", "false");
        mapArea.hidden = true;
        mapButton.lastChild.textContent = "Toon op kaart";
        status.textContent = "De kaart kan nu niet laden. De lijst hieronder werkt wel.";
      });
    }
  });

  function lastRead() {
    return { state: lastState, problems: lastProblems };
  }

  /* ---- the place, kept with the address for Back: the scroll position and the result followed -- */

  // history.state of this entry: {y: the scroll position, followed: the href of the result someone
  // followed from here}, each kept when the other changes.
  function keepPlace(more) {
    history.replaceState(Object.assign({}, history.state, { y: Math.round(window.scrollY) }, more), "");
  }

  if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
  var scrollTimer = null;
  window.addEventListener("scroll", function () {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(function () {
      if (ready) { keepPlace(); }
    }, 150);
  }, { passive: true });
  window.addEventListener("pagehide", function () {
    if (ready) { keepPlace(); }
  });
  list.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    keepPlace({ followed: link.getAttribute("href") });
  });
  // Back from an offer's page that the browser kept whole (bfcache): the scroll position is
  // still there; the focus goes back to the link that was followed.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && ready) { focusFollowed(true); }
  });

  function restoreScroll() {
    var kept = history.state && typeof history.state.y === "number" ? history.state.y : null;
    if (kept !== null) {
      window.scrollTo(0, kept);
    } else if (location.hash === "#resultaten") {
      heading.focus();
    }
    focusFollowed(kept !== null);
  }

  // The focus on the result someone followed from this entry, if it is in the list; `kept`: the
  // scroll position is already where it was, so focusing does not scroll.
  function focusFollowed(kept) {
    var href = history.state && history.state.followed;
    var link = href && Array.prototype.filter.call(list.querySelectorAll("a[href]"), function (a) {
      return a.getAttribute("href") === href;
    })[0];
    if (link) { link.focus({ preventScroll: kept }); }
  }

  /* ---- wiring -------------------------------------------------------------------------------- */

  // Before the offers are in, a change only counts: the first list starts from the form.
  var changedEarly = false;
  form.addEventListener("input", function (event) {
    if (!ready) { changedEarly = asked = true; return; }
    asked = true;
    if (event.target.name === "q" || event.target.name === "leeftijd") { update(false); }
  });
  form.addEventListener("change", function (event) {
    if (!ready) { changedEarly = asked = true; return; }
    asked = true;
    if (event.target.name === "leeftijd" || event.target.name === "q") { return; } // done on input
    if (event.target.name === "bij") {
      if (event.target.value !== rules.MY_LOCATION) { myPosition = null; }
      form.elements.sorteer.value = rules.sortMode({ sorteer: "" }, !!event.target.value);
    }
    update(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!ready) { return; }
    update(true);
    if (narrow.matches) { openPanel(false); }
    heading.focus();
  });
  form.addEventListener("reset", function () {
    if (!ready) { return; }
    setTimeout(function () {
      myPosition = null;
      voor = "";
      writeForm(rules.emptyState());
      update(true);
    }, 0);
  });
  window.addEventListener("popstate", function () {
    // the back button changed the search; a link within the page (#...) did not
    if (!ready || location.search === lastSearch) { return; }
    var read = fromAddress();
    writeForm(read.state);
    update(null, read).then(restoreScroll);
  });

  form.querySelector(".sw-naar-resultaten").addEventListener("click", function (event) {
    event.preventDefault();
    if (narrow.matches) { openPanel(false); }
    heading.focus();
  });

  var locateButton = document.getElementById("sw-locatie");
  if (navigator.geolocation) {
    locateButton.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        myPosition = { lat: position.coords.latitude, lon: position.coords.longitude,
                       name: "jouw locatie" };
        var select = form.elements.bij;
        if (!select.querySelector('option[value="' + rules.MY_LOCATION + '"]')) {
          var option = document.createElement("option");
          option.value = rules.MY_LOCATION;
          option.textContent = "Mijn locatie";
          select.appendChild(option);
        }
        select.value = rules.MY_LOCATION;
        form.elements.sorteer.value = "afstand";
        asked = true;
        update(false);
      }, function () {
        status.textContent = "Je locatie is niet beschikbaar. Kies een plaats in de lijst.";
      });
    });
  } else {
    locateButton.hidden = true;
  }

  // The address goes into the form at once, but what someone typed in the search box before this
  // script ran (it is there before the rest of the form) stays, and counts.
  function addressInForm() {
    var read = fromAddress();
    if (read.state.bij === rules.MY_LOCATION) { read.state.bij = ""; } // a link holds no location
    writeForm(read.state);
    return read;
  }
  var typed = form.elements.q.value;
  addressInForm();
  if (typed) { form.elements.q.value = typed; changedEarly = asked = true; }

  // A search in the address: its static cards stay out of sight till the first list is in.
  form.addEventListener("sw:bijgewerkt", function () {
    document.documentElement.classList.remove("sw-zoekt");
  });

  // Start once every offer's facts are in; if they cannot be loaded, the static list stays.
  sw.json(form.getAttribute("data-feiten"))
    .then(function (data) {
      version = data.versie;
      perFile = data.kaartblok;
      items = itemsFrom(data);
      adoptStaticCards();
      // What the address says, or, if someone changed the form before the offers were in, what
      // the form says (and the address follows the form).
      var read = changedEarly ? fromForm() : addressInForm();
      ready = true;
      return update(changedEarly ? false : null, read);
    })
    .then(function () {
      var pages = document.getElementById("sw-paginas");
      if (pages) { pages.hidden = true; } // "Toon meer resultaten" takes over
      form.classList.remove("sw-wacht");
      restoreScroll();
    })
    .catch(function () {
      // fail safe: without the offers' facts the static list and its pages stay as they are
      ready = false;
      document.documentElement.classList.remove("sw-js");
      staticListBack();
      cannotFilter();
    });

  // The list cannot be filtered: say so, say back the words that were asked, and link the lists
  // per sport, impairment and municipality that those words name.
  function cannotFilter() {
    var question = new URLSearchParams(location.search).get("q");
    var box = document.getElementById("sw-niet-gelukt");
    if (!question || !box) { return; }
    var fold = sw.fold;
    var words = fold(question).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; });
    var root = (cardBase || "./") + "../";
    var links = [];
    [["sport", "sport/"], ["gemeente", "gemeente/"], ["beperking", "beperking/"]].forEach(function (kind) {
      var fields = form.elements[kind[0]];
      var choices = fields.tagName === "SELECT" ? fields.options : fields;
      Array.prototype.forEach.call(choices, function (choice) {
        var name = choice.labels && choice.labels[0] ? choice.labels[0].textContent : choice.textContent;
        var names = fold(name + " " + choice.value).split(/[^a-z0-9]+/);
        if (choice.value && words.some(function (w) { return names.indexOf(w) >= 0; })) {
          links.push([name, root + kind[1] + choice.value + "/"]);
        }
      });
    });
    var text = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = "Zoeken en filteren lukken nu niet. ";
    text.appendChild(strong);
    text.appendChild(document.createTextNode("Je zocht op ‘" + question + "’. Hieronder staat al het aanbod, op naam."));
    box.appendChild(text);
    if (links.length) {
      var intro = document.createElement("p");
      intro.textContent = "Deze lijsten passen bij je zoekwoord:";
      var ul = document.createElement("ul");
      links.forEach(function (link) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = link[1];
        a.textContent = link[0];
        li.appendChild(a);
        ul.appendChild(li);
      });
      box.appendChild(intro);
      box.appendChild(ul);
    }
    box.hidden = false;
  }
}
