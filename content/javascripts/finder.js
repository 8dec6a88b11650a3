/* Sportwijzer finder: filters every offer in the browser.
 *
 * The page works without this script (a static list, a page at a time). This script adds: the
 * form, live filtering over all offers (aanbod/kaarten.json), text search (lunr.js and the index,
 * loaded when someone types), distances, URL state and the map on request. What someone searches
 * for never leaves the browser.
 */
(function () {
  "use strict";

  var form = document.getElementById("sw-finder");
  var list = document.getElementById("sw-resultaten");
  if (!form || !list || !window.URLSearchParams || !window.Promise || !window.Map) {
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

  // One object per offer from the compact data file (finder_data() in hooks/sportwijzer/finder.py).
  function itemsFrom(data) {
    var field = data.aanbod;
    function tekst(i) { return i >= 0 ? data.teksten[i] : ""; }
    return field.slug.map(function (slug, order) {
      var sport = data.sporten[field.sport[order]];
      var beperkingen = field.beperkingen[order].map(function (i) { return data.beperkingen[i]; });
      return {
        el: null,
        order: order,
        ref: String(order),
        title: field.titel[order],
        summary: field.samenvatting[order],
        url: cardBase + slug + "/",
        sport: sport[0],
        sportName: sport[1],
        omgeving: sport[2],
        samen: sport[3],
        plaats: field.plaats[order],
        gemeente: data.gemeenten[field.gemeente[order]],
        beperkingen: beperkingen.map(function (b) { return b[0]; }),
        kort: beperkingen.map(function (b) { return b[1]; }).join(", "),
        min: field.min[order],
        max: field.max[order],
        lat: field.lat[order],
        lon: field.lon[order],
        kenmerken: field.kenmerken[order].map(function (i) { return data.kenmerken[i]; }),
        proefles: tekst(field.proefles[order]),
        status: tekst(field.status[order]),
        distanceEl: null
      };
    });
  }

  // The static cards of the first page are reused; the others are made from the template.
  function adoptStaticCards() {
    Array.prototype.forEach.call(list.children, function (li, i) {
      var link = li.querySelector("a");
      if (items[i] && link && link.getAttribute("href") === items[i].url) {
        items[i].el = li;
        items[i].distanceEl = li.querySelector(".sw-afstand");
      }
    });
  }

  function fill(li, name, text) {
    var part = li.querySelector('[data-veld="' + name + '"]');
    if (text === null) { part.parentNode.removeChild(part); return; }
    part.removeAttribute("data-veld");
    if (text) { part.appendChild(document.createTextNode(text)); }
  }

  function cardFor(item) {
    if (item.el) { return item.el; }
    var li = template.content.firstElementChild.cloneNode(true);
    li.setAttribute("data-ref", item.ref);
    var link = li.querySelector("a");
    link.setAttribute("href", item.url);
    link.textContent = item.title;
    li.querySelector("p").textContent = item.summary;
    fill(li, "sport", item.sportName);
    fill(li, "plaats", item.plaats);
    fill(li, "beperkingen", item.kort);
    fill(li, "gratis", item.kenmerken.indexOf("gratis") >= 0 ? "" : null);
    fill(li, "proefles", item.proefles || null);
    fill(li, "status", item.status || null);
    item.el = li;
    item.distanceEl = li.querySelector(".sw-afstand");
    return li;
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

  /* ---- text search with lunr, loaded on first use ------------------------------------------- */

  var searchIndex = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function loadIndex() {
    if (searchIndex) { return searchIndex; }
    var base = form.getAttribute("data-lunr");
    searchIndex = loadScript(base + "lunr.js")
      .then(function () { return loadScript(base + "lunr.stemmer.support.js"); })
      .then(function () { return loadScript(base + "lunr.nl.js"); })
      .then(function () { return fetch(form.getAttribute("data-index")); })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        return { index: rebuild(data.index), stop: data.stopwoorden, synonyms: data.synoniemen };
      })
      .catch(function (error) {
        searchIndex = null; // try again at the next word
        throw error;
      });
    return searchIndex;
  }

  // The index comes compact (compact() in hooks/sportwijzer/search.py): each term with, per
  // field, the gaps between the offers that hold it, and each field's length per offer.
  // lunr.js's own Builder computes the weights from those, exactly as lunr.py did.
  function rebuild(compact) {
    var builder = new lunr.Builder();
    var fields = compact.velden.map(function (f) { return f[0]; });
    var count = compact.lengtes[0] ? compact.lengtes[0].length : 0;
    builder.ref("ref");
    compact.velden.forEach(function (f) { builder.field(f[0], { boost: f[1] }); });
    builder.searchPipeline.add(lunr.nl.stemmer);
    builder.documentCount = count;
    for (var ref = 0; ref < count; ref++) {
      builder._documents[ref] = {};
      fields.forEach(function (field, f) {
        builder.fieldTermFrequencies[field + "/" + ref] = {};
        builder.fieldLengths[field + "/" + ref] = compact.lengtes[f][ref];
      });
    }
    compact.termen.forEach(function (row, position) {
      var term = row[0];
      var posting = { _index: position };
      fields.forEach(function (field, f) {
        var refs = {};
        var ref = 0;
        (row[f + 1] || []).forEach(function (entry) {
          var pair = typeof entry === "number" ? [entry, 1] : entry;
          ref += pair[0];
          refs[ref] = {};
          builder.fieldTermFrequencies[field + "/" + ref][term] = pair[1];
        });
        posting[field] = refs;
      });
      builder.invertedIndex[term] = posting;
    });
    builder.termIndex = compact.termen.length;
    return builder.build();
  }
  window.sportwijzerRebuild = rebuild; // tests/browser compare it with lunr.py's own index

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

  // Every group must match: the word itself (after stemming, as the start of a word, or with
  // one typo) or a term it also means. The scores of the groups add up.
  function textScores(query) {
    return loadIndex().then(function (search) {
      var total = null;
      groups(query, search.synonyms, search.stop).forEach(function (group) {
        var word = group[0];
        var found = new Map();
        search.index.query(function (q) {
          if (word) {
            var stem = lunr.nl.stemmer(new lunr.Token(word)).toString();
            q.term(word, { usePipeline: true, boost: 10 });
            q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
            if (word.length >= 4) { q.term(stem, { usePipeline: false, editDistance: 1, boost: 1 }); }
          }
          group.slice(1).forEach(function (term) { q.term(term, { usePipeline: true, boost: 8 }); });
        }).forEach(function (result) { found.set(result.ref, result.score); });
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
      return total; // null: no words to search for
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

  function showResults(shown, from) {
    inView = shown.slice(0, limit);
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
    var rest = shown.length - inView.length;
    more.hidden = rest <= 0;
    more.textContent = "Toon meer resultaten (nog " + rest + ")";
  }

  more.addEventListener("click", function () {
    var first = lastShown[inView.length];
    limit += PAGE;
    showResults(lastShown, lastFrom);
    status.textContent = countText(lastShown.length);
    if (first) { first.el.querySelector("a").focus(); }
  });

  function countText(n) {
    if (n === 0) { return "Geen aanbod gevonden."; }
    var text = n + (n === 1 ? " activiteit gevonden." : " activiteiten gevonden.");
    if (n > inView.length) { text += " Je ziet er nu " + inView.length + "."; }
    return (textSearchFailed ? "Zoeken op woord lukt nu niet, dus het woord telt niet mee. " : "") + text;
  }

  function render(state, shown, from) {
    limit = PAGE;
    lastShown = shown;
    lastFrom = from;
    showResults(shown, from);
    var n = shown.length;
    status.textContent = countText(n);
    none.hidden = n !== 0;
    if (n === 0) { showDropButtons(state); }
    if (mapView) { showOnMap(shown); }
    form.dispatchEvent(new CustomEvent("sw:bijgewerkt", { detail: { aantal: n } }));
  }

  var pending = 0;
  var textSearchFailed = false;
  var ready = false; // the offers are in: from now on the form filters them
  var lastSearch = null; // the query string the list now shows

  function update(push) {
    var state = readForm();
    var from = origin(state);
    items.forEach(function (item) { item.distance = from ? distanceKm(from, item) : null; });
    var ticket = ++pending;
    var scores = state.q ? textScores(state.q) : Promise.resolve(null);
    var failed = false;
    return scores.catch(function () { failed = true; return null; }).then(function (found) {
      if (ticket !== pending) { return; } // a newer keystroke is on its way
      textSearchFailed = failed;
      var shown = items.filter(function (item) {
        return matches(item, state, from) && (!found || found.has(item.ref));
      });
      shown.sort(function (a, b) {
        if (state.sorteer === "afstand" && from) { return a.distance - b.distance || a.order - b.order; }
        if (found) { return found.get(b.ref) - found.get(a.ref) || a.order - b.order; }
        return a.order - b.order;
      });
      render(state, shown, from);
      var query = toQuery(state);
      if (query !== location.search && !(query === location.pathname && !location.search)) {
        history[push ? "pushState" : "replaceState"](null, "", query);
      }
      lastSearch = location.search;
    });
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
    return loadScript(base + "leaflet.js").then(function () {
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
            link.href = item.url;
            link.textContent = item.title;
            L.marker([item.lat, item.lon], { title: item.title, alt: item.title })
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
    if (event.target.name === "q" || event.target.name === "leeftijd") { update(false); }
  });
  form.addEventListener("change", function (event) {
    if (!ready) { return; }
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
  fetch(form.getAttribute("data-kaarten"))
    .then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    })
    .then(function (data) {
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
    });
})();
