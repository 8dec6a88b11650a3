/* Sportwijzer finder: filters every offer in the browser.
 *
 * The page works without this script (a static list, a page at a time). This script adds: the
 * form, live filtering over all offers (their facts from aanbod/feiten.json), text search
 * (javascripts/zoeken.js, loaded when someone types), distances (aanbod/plekken.json, loaded when
 * someone picks a place), URL state and the map on request. A result's card comes from
 * aanbod/kaart/<ref>.json when it comes into view. What someone searches for never leaves the
 * browser.
 */
(function () {
  "use strict";

  var form = document.getElementById("sw-finder");
  var list = document.getElementById("sw-resultaten");
  if (!form || !list || !window.URLSearchParams || !window.Promise || !window.Map ||
      !window.sportwijzer) {
    return; // fail safe: the static list stays as it is
  }

  var status = document.getElementById("sw-aantal");
  var none = document.getElementById("sw-geen");
  var dropList = document.getElementById("sw-weg");
  var rules = JSON.parse(form.getAttribute("data-regels"));
  var FIELDS = ["q", "beperking", "sport", "gemeente", "leeftijd", "bij", "km", "kenmerk",
                "omgeving", "samen", "sorteer"];
  var MULTI = { beperking: true, kenmerk: true };
  var myPosition = null;

  var items = [];
  var template = document.getElementById("sw-kaart-sjabloon");
  var cardBase = form.getAttribute("data-aanbod");
  if (cardBase === "./") { cardBase = ""; } // as the static cards' links are written

  // One object per offer from the facts file (finder_facts() in hooks/sportwijzer/finder.py).
  function itemsFrom(data) {
    var field = data.aanbod;
    return field.sport.map(function (sportAt, order) {
      var sport = data.sporten[sportAt];
      var beperkingen = field.beperkingen[order].map(function (i) { return data.beperkingen[i]; });
      return {
        el: null,
        card: null, // its text, from aanbod/kaart/<ref>.json (CARD_FIELDS in finder.py)
        order: order,
        ref: String(order),
        sport: sport[0],
        sportName: sport[1],
        omgeving: sport[2],
        samen: sport[3],
        gemeente: data.gemeenten[field.gemeente[order]],
        beperkingen: beperkingen.map(function (b) { return b[0]; }),
        kort: beperkingen.map(function (b) { return b[1]; }).join(", "),
        min: field.min[order],
        max: field.max[order],
        lat: null,
        lon: null,
        kenmerken: field.kenmerken[order].map(function (i) { return data.kenmerken[i]; }),
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
  // hooks/sportwijzer/finder.py), each file fetched once.
  var cardFolder = form.getAttribute("data-kaart");
  var cardFiles = {};
  var perFile = 1;

  function loadCards(wanted) {
    return Promise.all(wanted.map(function (item) {
      if (item.card || (item.el && !item.el.hasAttribute("aria-busy"))) { return null; }
      var number = Math.floor(item.order / perFile);
      if (!cardFiles[number]) {
        cardFiles[number] = window.sportwijzer.json(cardFolder + number + ".json?v=" + version)
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
      placesLoaded = window.sportwijzer.json(form.getAttribute("data-plekken") + "?v=" + version)
        .then(function (places) {
          items.forEach(function (item, i) { item.lat = places.lat[i]; item.lon = places.lon[i]; });
        })
        .catch(function (error) { placesLoaded = null; throw error; });
    }
    return placesLoaded;
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
    fill(li, "sport", item.sportName);
    fill(li, "beperkingen", item.kort);
    fill(li, "gratis", item.kenmerken.indexOf("gratis") >= 0 ? "" : null);
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
    li.querySelector("p").textContent = card[2];
    fill(li, "plaats", card[3]);
    fill(li, "proefles", card[4] || null);
    fill(li, "status", card[5] || null);
    li.removeAttribute("aria-busy");
  }

  /* ---- state: form <-> object <-> URL ------------------------------------------------------ */

  function emptyState() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = MULTI[name] ? [] : ""; });
    return state;
  }

  function readForm() {
    var state = emptyState();
    new FormData(form).forEach(function (value, name) {
      if (!(name in state)) { return; }
      if (MULTI[name]) { state[name].push(value); } else { state[name] = String(value).trim(); }
    });
    return state;
  }

  function writeForm(state) {
    FIELDS.forEach(function (name) {
      var fields = form.elements[name];
      if (!fields) { return; }
      var values = MULTI[name] ? state[name] : [state[name]];
      if (fields.length !== undefined && fields.tagName !== "SELECT") {
        Array.prototype.forEach.call(fields, function (box) {
          box.checked = values.indexOf(box.value) >= 0;
        });
      } else {
        fields.value = values[0] || "";
        if (fields.tagName === "SELECT" && fields.value !== (values[0] || "")) { fields.value = ""; }
      }
    });
  }

  function fromQuery(search) {
    var params = new URLSearchParams(search);
    var state = emptyState();
    FIELDS.forEach(function (name) {
      state[name] = MULTI[name] ? params.getAll(name) : (params.get(name) || "").trim();
    });
    return state;
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      (MULTI[name] ? state[name] : [state[name]]).forEach(function (value) {
        if (value !== "") { params.append(name, value); }
      });
    });
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }

  /* ---- filters (the same rules as the static pages) ----------------------------------------- */

  function serves(item, wanted) {
    return item.beperkingen.some(function (b) {
      return b === wanted || b === rules.iedereen || rules.breder[b] === wanted;
    });
  }

  function origin(state) {
    if (state.bij === "mijn-locatie") { return myPosition; }
    var option = form.elements.bij.querySelector('option[value="' + cssEscape(state.bij) + '"]');
    if (!state.bij || !option || !option.value) { return null; }
    return { lat: parseFloat(option.dataset.lat), lon: parseFloat(option.dataset.lon) };
  }

  function cssEscape(text) {
    return window.CSS && CSS.escape ? CSS.escape(text) : text.replace(/["\\]/g, "");
  }

  function distanceKm(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b.lat - a.lat) * rad;
    var dLon = (b.lon - a.lon) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  }

  function matches(item, state, from) {
    if (state.beperking.length && !state.beperking.some(function (b) { return serves(item, b); })) {
      return false;
    }
    if (state.sport && item.sport !== state.sport) { return false; }
    if (state.gemeente && item.gemeente !== state.gemeente) { return false; }
    if (state.leeftijd !== "" && !isNaN(parseInt(state.leeftijd, 10))) {
      var age = parseInt(state.leeftijd, 10);
      if ((item.min !== null && age < item.min) || (item.max !== null && age > item.max)) {
        return false;
      }
    }
    if (state.omgeving && item.omgeving.indexOf(state.omgeving) < 0) { return false; }
    if (state.samen && item.samen !== "beide" && item.samen !== state.samen) { return false; }
    if (!state.kenmerk.every(function (k) { return item.kenmerken.indexOf(k) >= 0; })) {
      return false;
    }
    if (from && state.km && item.distance > parseFloat(state.km)) { return false; }
    return true;
  }

  /* ---- text search (javascripts/zoeken.js), loaded on first use ---------------------------- */

  function loadScript(src) {
    return window.sportwijzer.laad(src);
  }

  function textEngine() {
    return loadScript(form.getAttribute("data-zoeken")).then(function () {
      return window.sportwijzerZoeken.open(form.getAttribute("data-index"),
                                           form.getAttribute("data-lunr"));
    });
  }

  function textScores(query) {
    return textEngine()
      .then(function (engine) { return engine.scores(query); })
      .then(function (found) {
        if (!found) { return null; }
        var offers = new Map(); // the index also holds pages, sports and places: offers only
        found.forEach(function (score, ref) { if (Number(ref) < items.length) { offers.set(ref, score); } });
        return offers;
      });
  }

  /* ---- showing the results ------------------------------------------------------------------ */

  var LABELS = {
    q: "Zoekwoord", beperking: "Beperking", sport: "Sport", gemeente: "Gemeente",
    leeftijd: "Leeftijd", bij: "Afstand", km: "Afstand", kenmerk: "Snel kiezen",
    omgeving: "Binnen of buiten", samen: "Alleen of in een team"
  };

  function label(name, value) {
    var field = form.elements[name];
    if (name === "q") { return "‘" + value + "’"; }
    if (name === "leeftijd") { return value + " jaar"; }
    if (name === "km") { return "niet verder dan " + value + " km"; }
    if (name === "bij" && value === "mijn-locatie") { return "vanaf mijn locatie"; }
    var option = field && field.length !== undefined && field.tagName !== "SELECT"
      ? Array.prototype.filter.call(field, function (b) { return b.value === value; })[0]
      : field && field.querySelector('option[value="' + cssEscape(value) + '"]');
    var text = option ? (option.labels && option.labels[0] ? option.labels[0].textContent : option.textContent) : value;
    return name === "bij" ? "vanaf " + text : text;
  }

  function showDropButtons(state) {
    dropList.textContent = "";
    FIELDS.forEach(function (name) {
      if (name === "sorteer") { return; }
      (MULTI[name] ? state[name] : [state[name]]).forEach(function (value) {
        if (value === "") { return; }
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "Zonder " + LABELS[name].toLowerCase() + ": " + label(name, value);
        button.addEventListener("click", function () {
          var next = readForm();
          if (MULTI[name]) {
            next[name] = next[name].filter(function (v) { return v !== value; });
          } else {
            next[name] = "";
            if (name === "bij") { next.km = ""; }
          }
          writeForm(next);
          update(true);
          status.focus();
        });
        li.appendChild(button);
        dropList.appendChild(li);
      });
    });
  }

  function formatKm(km) {
    if (km < 1) { return Math.round(km * 10) * 100 + " m"; }
    return (km < 10 ? km.toFixed(1).replace(".", ",") : Math.round(km)) + " km";
  }

  // Only the first results are in view (more on request): with thousands of offers, a keystroke
  // touches a few dozen list items, not all of them.
  var PAGE = 50; // PAGE_SIZE in hooks/sportwijzer/finder.py
  var limit = PAGE;
  var inView = [];
  var lastShown = [];
  var lastFrom = null;
  var more = document.getElementById("sw-meer");

  // Shows the first `limit` results: at once if every title is known (after the warm-up), else
  // once their cards are in. False if a newer search came first.
  function showResults(shown, from, ticket) {
    var wanted = shown.slice(0, limit);
    var known = titles;
    return (known ? Promise.resolve() : loadCards(wanted)).then(function () {
      if (ticket !== pending) { return false; }
      inView = wanted.filter(function (item) { return item.el || item.card || known; });
      missingCards = wanted.length - inView.length;
      putInView(from);
      if (known) { completeSoon(wanted); }
      var rest = shown.length - wanted.length;
      more.hidden = rest <= 0;
      more.textContent = "Toon meer resultaten (nog " + rest + ")";
      return true;
    });
  }

  function putInView(from) {
    var fragment = document.createDocumentFragment();
    inView.forEach(function (item) {
      var el = cardFor(item);
      if (item.distanceEl) {
        item.distanceEl.hidden = !from;
        item.distanceEl.textContent = from ? formatKm(item.distance) + " hiervandaan" : "";
      }
      fragment.appendChild(el);
    });
    list.textContent = "";
    list.appendChild(fragment);
  }

  more.addEventListener("click", function () {
    var first = lastShown[inView.length];
    limit += PAGE;
    showResults(lastShown, lastFrom, pending).then(function (done) {
      if (!done) { return; }
      status.textContent = countText(lastShown.length);
      if (first && first.el) { first.el.querySelector("a").focus(); }
    });
  });

  function countText(n) {
    if (n === 0) { return "Geen aanbod gevonden."; }
    var text = n + (n === 1 ? " activiteit gevonden." : " activiteiten gevonden.");
    if (n > inView.length) { text += " Je ziet er nu " + inView.length + "."; }
    if (missingCards) { text += " " + missingCards + " ervan kunnen nu niet laden."; }
    if (placesFailed) { text = "Afstanden laden nu niet, dus de afstand telt niet mee. " + text; }
    return (textSearchFailed ? "Zoeken op woord lukt nu niet, dus het woord telt niet mee. " : "") + text;
  }

  function render(state, shown, from, ticket) {
    limit = PAGE;
    return showResults(shown, from, ticket).then(function (done) {
      if (!done) { return false; }
      lastShown = shown;
      lastFrom = from;
      var n = shown.length;
      status.textContent = countText(n);
      none.hidden = n !== 0;
      if (n === 0) { showDropButtons(state); }
      if (mapView) { showOnMap(shown); }
      form.dispatchEvent(new CustomEvent("sw:bijgewerkt", { detail: { aantal: n } }));
      if (asked) { warmUp(); }
      return true;
    });
  }

  var pending = 0;
  var missingCards = 0;
  var placesFailed = false;
  var textSearchFailed = false;
  var ready = false; // the offers are in: from now on the form filters them
  var lastSearch = null; // the query string the list now shows

  function update(push) {
    var state = readForm();
    var from = origin(state);
    var ticket = ++pending;
    var places = from ? loadPlaces().then(function () { placesFailed = false; }, function () {
      placesFailed = true;
      from = null;
    }) : Promise.resolve();
    var scores = state.q ? textScores(state.q) : Promise.resolve(null);
    var failed = false;
    scores = scores.catch(function () { failed = true; return null; });
    return Promise.all([scores, places]).then(function (done) {
      var found = done[0];
      if (ticket !== pending) { return; } // a newer keystroke is on its way
      items.forEach(function (item) { item.distance = from ? distanceKm(from, item) : null; });
      textSearchFailed = failed;
      var shown = items.filter(function (item) {
        return matches(item, state, from) && (!found || found.has(item.ref));
      });
      shown.sort(function (a, b) {
        if (state.sorteer === "afstand" && from) { return a.distance - b.distance || a.order - b.order; }
        if (found) { return found.get(b.ref) - found.get(a.ref) || a.order - b.order; }
        return a.order - b.order;
      });
      var query = toQuery(state);
      if (query !== location.search && !(query === location.pathname && !location.search)) {
        history[push ? "pushState" : "replaceState"](null, "", query);
      }
      lastSearch = location.search;
      return render(state, shown, from, ticket);
    });
  }

  /* ---- the warm-up: once someone has searched, the rest comes in the background --------------- */

  // Every offer's slug and title (aanbod/titels.json): with them a result shows at once, and its
  // card's text follows. For the map's markers too.
  var titles = null;
  var titlesLoaded = null;

  function loadTitles() {
    if (!titlesLoaded) {
      titlesLoaded = window.sportwijzer.json(form.getAttribute("data-titels") + "?v=" + version)
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

  function openMap() {
    var base = form.getAttribute("data-leaflet");
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "leaflet.css";
    document.head.appendChild(css);
    return Promise.all([loadScript(base + "leaflet.js"), loadTitles(), loadPlaces()]).then(function () {
      L.Icon.Default.imagePath = base + "images/";
      var map = L.map(mapArea, { scrollWheelZoom: false });
      L.tileLayer(form.getAttribute("data-tegels"), {
        maxZoom: 18, attribution: form.getAttribute("data-bron")
      }).addTo(map);
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
      openMap().then(function (view) { mapView = view; update(false); }, function () {
        mapButton.setAttribute("aria-expanded", "false");
        mapArea.hidden = true;
        mapButton.lastChild.textContent = "Toon op kaart";
        status.textContent = "De kaart kan nu niet laden. De lijst hieronder werkt wel.";
      });
    }
  });

  /* ---- wiring -------------------------------------------------------------------------------- */

  form.addEventListener("input", function (event) {
    if (!ready) { return; }
    asked = true;
    if (event.target.name === "q" || event.target.name === "leeftijd") { update(false); }
  });
  form.addEventListener("change", function (event) {
    if (!ready) { return; }
    asked = true;
    if (event.target.name === "bij" && event.target.value !== "mijn-locatie") { myPosition = null; }
    update(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!ready) { return; }
    update(true);
    status.focus();
  });
  form.addEventListener("reset", function () {
    if (!ready) { return; }
    setTimeout(function () { myPosition = null; update(true); }, 0);
  });
  window.addEventListener("popstate", function () {
    // the back button changed the search; a link within the page (#...) did not
    if (!ready || location.search === lastSearch) { return; }
    writeForm(fromQuery(location.search));
    update(false);
  });

  var locateButton = document.getElementById("sw-locatie");
  if (navigator.geolocation) {
    locateButton.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        myPosition = { lat: position.coords.latitude, lon: position.coords.longitude };
        var select = form.elements.bij;
        if (!select.querySelector('option[value="mijn-locatie"]')) {
          var option = document.createElement("option");
          option.value = "mijn-locatie";
          option.textContent = "Mijn locatie";
          select.appendChild(option);
        }
        select.value = "mijn-locatie";
        update(false);
      }, function () {
        status.textContent = "Je locatie is niet beschikbaar. Kies een plaats in de lijst.";
      });
    });
  } else {
    locateButton.hidden = true;
  }

  // Start once every offer's facts are in; if they cannot be loaded, the static list stays.
  var version = "";
  window.sportwijzer.json(form.getAttribute("data-feiten"))
    .then(function (data) {
      version = data.versie;
      perFile = data.kaartblok;
      items = itemsFrom(data);
      adoptStaticCards();
      var initial = fromQuery(location.search);
      if (initial.bij === "mijn-locatie") { initial.bij = ""; } // a shared link holds no location
      writeForm(initial);
      ready = true;
      return update(false);
    })
    .then(function () {
      var pages = document.getElementById("sw-paginas");
      if (pages) { pages.hidden = true; } // "Toon meer resultaten" takes over
      status.tabIndex = -1;
      form.hidden = false;
      mapBlock.hidden = false;
    })
    .catch(function () {
      // fail safe: without the offers' facts the static list and its pages stay as they are
      ready = false;
      cannotFilter();
    });

  // The list cannot be filtered: say so, say back the words that were asked, and link the lists
  // per sport, impairment and municipality that those words name.
  function cannotFilter() {
    var question = fromQuery(location.search).q;
    var box = document.getElementById("sw-niet-gelukt");
    if (!question || !box) { return; }
    var fold = window.sportwijzer.fold;
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
      var list = document.createElement("ul");
      links.forEach(function (link) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = link[1];
        a.textContent = link[0];
        li.appendChild(a);
        list.appendChild(li);
      });
      box.appendChild(intro);
      box.appendChild(list);
    }
    box.hidden = false;
  }
})();
