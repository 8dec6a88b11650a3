/* The search box in the header: suggestions as you type, grouped, each a link.
 *
 * Loaded by site.js on the box's first focus or keystroke. A WAI-ARIA combobox (the 1.2 pattern
 * with a listbox popup): the focus stays in the box, the arrow keys move through the
 * suggestions (aria-activedescendant), Enter opens the chosen one or, with none chosen, the
 * finder with ?q= (the form's own action), Escape closes the list. The number of suggestions is
 * announced. The query runs in javascripts/zoeken.js, the same one the finder uses; nothing
 * anyone types leaves the browser. What the query names (javascripts/query_reading.js, as the
 * finder reads it: 'zoon autisme' is Kind and Autisme) comes first: the finder with those
 * chips.
 *
 * An ES module. Its ready signal (ready.js) is "zoekbalk": done once the box is a combobox;
 * while a query runs (from the keystroke until its suggestions show) the list is aria-busy.
 */
import { busy, done, start } from "./ready.js";
import { json } from "./loading.js";
import { open } from "./zoeken.js";

start("zoekbalk");
setUp();
done("zoekbalk");

function setUp() {
  var box = document.getElementById("sw-zoekbalk");
  var field = document.getElementById("sw-zoekbalk-q");
  var popup = document.getElementById("sw-zoekbalk-uitslag");
  var status = document.getElementById("sw-zoekbalk-status");
  if (!box || !field || !popup || !window.Promise || !window.Map || !window.fetch) {
    return; // fail safe: a plain form that opens the finder
  }

  // The groups, in the order they are shown, and how many suggestions each shows at most.
  var GROUPS = [
    ["aanbod", "Aanbod", 5],
    ["agenda", "Agenda", 2],
    ["sport", "Sporten", 3],
    ["beperking", "Beperkingen", 2],
    ["gemeente", "Plaatsen", 3],
    ["partner", "Organisaties", 3],
    ["pagina", "Informatie", 4]
  ];
  var indexUrl = box.getAttribute("data-index");
  var root = indexUrl.slice(0, indexUrl.length - "zoeken/index.json".length);
  var cardFolder = box.getAttribute("data-kaartjes");
  var finder = box.querySelector("form").getAttribute("action");

  var listbox = document.createElement("div");
  listbox.id = "sw-zoekbalk-lijst";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Suggesties");
  popup.appendChild(listbox);

  field.setAttribute("role", "combobox");
  field.setAttribute("aria-autocomplete", "list");
  field.setAttribute("aria-expanded", "false");
  field.setAttribute("aria-controls", listbox.id);

  var cards = {};
  var ticket = 0;
  var timer = null;
  var active = -1;

  function engine() {
    return open(indexUrl, box.getAttribute("data-lunr"));
  }

  // An offer's card, from the file that holds it (search.perFile offers a file).
  function card(ref, search) {
    var number = Math.floor(ref / search.perFile);
    if (!cards[number]) {
      cards[number] = json(cardFolder + number + ".json?v=" + search.version)
        .catch(function (error) { delete cards[number]; throw error; });
    }
    return cards[number].then(function (file) { return file[ref - number * search.perFile]; });
  }

  // What a query names, as the finder reads it: the labels of its chips ([] if nothing, or if
  // the reading cannot load: then the words are suggested as before).
  var readerLoaded = null;

  function understood(query, lexicon) {
    if (!readerLoaded) {
      readerLoaded = import("./query_reading.js")
        .catch(function (error) { readerLoaded = null; throw error; });
    }
    return readerLoaded.then(function (reader) {
      var reading = reader.readQuery(query, lexicon);
      return reading.delen.length ? reader.chips(reading).map(function (chip) { return chip[0]; }) : [];
    }, function () { return []; });
  }

  // The suggestions for a query: per group the best ones, as [title, detail, path].
  function suggestions(query) {
    return engine().then(function (search) {
      return Promise.all([search.scores(query), understood(query, search.lexicon)]).then(function (done) {
        var found = done[0];
        var byGroup = { begrepen: done[1] };
        GROUPS.forEach(function (g) { byGroup[g[0]] = []; });
        if (!found) { return byGroup; }
        var ranked = Array.from(found.keys()).sort(function (a, b) {
          return found.get(b) - found.get(a) || Number(a) - Number(b);
        });
        var limits = {};
        GROUPS.forEach(function (g) { limits[g[0]] = g[2]; });
        var offers = [];
        ranked.forEach(function (ref) {
          var n = Number(ref);
          if (n < search.offers) {
            if (offers.length < limits.aanbod) { offers.push(n); }
            return;
          }
          var doc = search.documents[n - search.offers];
          var list = byGroup[doc[0]];
          if (list && list.length < limits[doc[0]]) { list.push([doc[1], "", root + doc[2]]); }
        });
        // Events, and the finder with what the query names, take the place of the last offers:
        // the list stays as long as it was.
        offers = offers.slice(0, limits.aanbod - byGroup.agenda.length -
                                 (byGroup.begrepen.length ? 2 : 0));
        return Promise.all(offers.map(function (n) {
          return card(n, search).then(function (c) {
            return [c[1], c[3], finder + c[0] + "/"];
          }, function () { return null; });
        })).then(function (made) {
          byGroup.aanbod = made.filter(Boolean);
          byGroup.totaal = offers.length ? ranked.filter(function (ref) {
            return Number(ref) < search.offers;
          }).length : 0;
          return byGroup;
        });
      });
    });
  }

  function options() {
    return listbox.querySelectorAll('[role="option"]');
  }

  function choose(index) {
    var all = options();
    Array.prototype.forEach.call(all, function (option, i) {
      option.setAttribute("aria-selected", String(i === index));
    });
    active = index;
    if (index >= 0 && all[index]) {
      field.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      field.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    popup.hidden = true;
    field.setAttribute("aria-expanded", "false");
    choose(-1);
  }

  // A group of suggestions with its heading, and one suggestion (a link, an option of the list).
  function group(key, title) {
    var box = document.createElement("div");
    box.setAttribute("role", "group");
    box.className = "sw-zoekbalk__groep";
    var name = document.createElement("div");
    name.setAttribute("role", "presentation");
    name.className = "sw-zoekbalk__kop";
    name.id = "sw-zb-" + key;
    name.textContent = title;
    box.setAttribute("aria-labelledby", name.id);
    box.appendChild(name);
    return box;
  }

  function option(number, href, text, kind) {
    var link = document.createElement("a");
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    link.id = "sw-zb-" + number;
    link.href = href;
    link.tabIndex = -1;
    link.className = "sw-zoekbalk__keuze" + (kind ? " " + kind : "");
    link.textContent = text;
    return link;
  }

  function show(byGroup, query) {
    listbox.textContent = "";
    var count = 0;
    var toFinder = finder + "?q=" + encodeURIComponent(query);
    if (byGroup.begrepen.length) { // first: the finder, with what the query names as its chips
      var first = group("zoeken", "Zoeken in het aanbod");
      first.appendChild(option(count, toFinder, "Aanbod: " + byGroup.begrepen.join(" · "),
                               "sw-zoekbalk__begrepen"));
      listbox.appendChild(first);
      count += 1;
    }
    GROUPS.forEach(function (g) {
      var found = byGroup[g[0]];
      if (!found.length) { return; }
      var box = group(g[0], g[1]);
      found.forEach(function (hit) {
        var link = option(count, hit[2], hit[0], "");
        if (hit[1] && hit[0].indexOf(hit[1]) < 0) { // the place, unless the title names it
          var detail = document.createElement("span");
          detail.className = "sw-zoekbalk__plaats";
          detail.textContent = ", " + hit[1];
          link.appendChild(detail);
        }
        box.appendChild(link);
        count += 1;
      });
      listbox.appendChild(box);
    });
    var all = option(count, toFinder, byGroup.totaal
      ? "Alle " + byGroup.totaal + (byGroup.totaal === 1 ? " activiteit" : " activiteiten") +
        " voor ‘" + query + "’"
      : "Zoek ‘" + query + "’ in al het aanbod", "sw-zoekbalk__alles");
    listbox.appendChild(all);
    popup.hidden = false;
    field.setAttribute("aria-expanded", "true");
    choose(-1);
    status.textContent = count === 0
      ? "Geen suggesties. Druk op Enter om in al het aanbod te zoeken."
      : count + (count === 1 ? " suggestie" : " suggesties") +
        ". Kies met pijltje omlaag, of druk op Enter om in al het aanbod te zoeken.";
  }

  // The list is busy from a keystroke until the newest query has shown its suggestions (or
  // failed): not while an older answer comes in, nor while the next keystroke's timer runs.
  function settled(mine) {
    if (mine === ticket && timer === null) { busy(listbox, false); }
  }

  function update() {
    clearTimeout(timer); // a keystroke's update, now
    timer = null;
    var query = field.value.trim();
    var mine = ++ticket;
    if (!query) { close(); status.textContent = ""; settled(mine); return; }
    busy(listbox, true);
    suggestions(query).then(function (byGroup) {
      if (mine === ticket && field.value.trim() === query) { show(byGroup, query); }
      settled(mine);
    }, function () {
      if (mine !== ticket) { return; }
      close();
      status.textContent = "Suggesties laden nu niet. Druk op Enter om in het aanbod te zoeken.";
      settled(mine);
    });
  }

  field.addEventListener("input", function () {
    clearTimeout(timer);
    busy(listbox, true);
    timer = setTimeout(update, 60);
  });
  field.addEventListener("focus", function () {
    if (field.value.trim() && popup.hidden) { update(); }
  });
  field.addEventListener("keydown", function (event) {
    var all = options();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (popup.hidden) {
        if (field.value.trim()) { update(); }
        event.preventDefault();
        return;
      }
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = active + step;
      if (next >= all.length) { next = -1; }
      if (next < -1) { next = all.length - 1; }
      choose(next);
    } else if (event.key === "Enter" && !popup.hidden && active >= 0 && all[active]) {
      event.preventDefault();
      window.location.href = all[active].href;
    } else if (event.key === "Escape") {
      if (!popup.hidden) {
        event.preventDefault();
        close();
        status.textContent = "";
      } else if (field.value) {
        event.preventDefault();
        field.value = "";
      } else {
        box.dispatchEvent(new CustomEvent("sw:sluiten"));
      }
    } else if (event.key === "Tab") {
      close();
    }
  });
  // A click or tap on a suggestion follows its link; elsewhere it closes the list.
  document.addEventListener("pointerdown", function (event) {
    if (!box.contains(event.target)) { close(); }
  });
  listbox.addEventListener("mousedown", function (event) {
    event.preventDefault(); // keep the focus in the box until the link is followed
  });

  // The box may already hold a word (typed while this script loaded) and the focus.
  if (document.activeElement === field && field.value.trim()) { update(); }
}
