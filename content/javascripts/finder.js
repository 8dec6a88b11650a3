/* Sportwijzer finder: filters every offer in the browser (an ES module, the entry).
 *
 * The page works without this script (a static list, a page at a time); a browser without
 * modules keeps that list. This script adds: the form, live filtering over all offers (their
 * facts from aanbod/feiten.json), text search (zoeken.js, imported when someone types),
 * distances (aanbod/plekken.json, loaded when someone picks a place), the map on request.
 * A result's card comes from aanbod/kaartjes/<n>.json when it comes into view.
 *
 * Here the parts are wired: the address or the form read as the rules' state, searched, and the
 * list drawn, newest search first. The parts:
 *   finder_data.js     the files fetched, each once: facts, places, titles, cards, text index
 *   finder_address.js  the state and the address: the form, the link, the place kept for Back
 *   finder_search.js   one search: the query read, words scored, distances, what passes
 *   finder_form.js     what is on: chips, the Filters panel, problems beside their controls
 *   finder_list.js     the list: cards in view, "Toon meer", the count, events, partial matches
 *   finder_map.js      the map, only on request
 *   finder_fallback.js the static list again, when the finder cannot filter
 * The rules (what a link means, what matches, the order, how things are said) are in
 * finder_rules.js and query_reading.js, twins of hooks/sportwijzer/twins/. What someone
 * searches for never leaves the browser.
 *
 * Ready signal (ready.js): "finder" is waiting from the moment this module runs until the list
 * shows the answer to the address, or the static list is back. After that the list is aria-busy
 * from the first event that changes it until it shows the new result.
 */
import * as rules from "./finder_rules.js";
import * as query from "./query_reading.js";
import { busy, done, start } from "./ready.js";
import { finderData } from "./finder_data.js";
import { address, finderState, placeKeeper } from "./finder_address.js";
import { finderForm } from "./finder_form.js";
import { resultList } from "./finder_list.js";
import { finderMap } from "./finder_map.js";
import { finderSearch } from "./finder_search.js";
import { cannotFilter, staticListBack } from "./finder_fallback.js";

start("finder");
var form = document.getElementById("sw-finder");
var list = document.getElementById("sw-resultaten");
if (form && list && window.Map) { run(); } else { staticListBack(list); done("finder"); }

function run() {
  var heading = document.getElementById("resultaten");
  var setup = JSON.parse(form.getAttribute("data-regels"));
  var data = finderData(form);
  var state = finderState(form, setup.bekend);
  var pending = 0; // the newest search
  var drawn = 0; // the newest search whose list is drawn (or failed)
  var results = resultList(form, list, data, setup, function (ticket) { return ticket === pending; });
  var parts = finderForm(form, removeChip, function () { form.reset(); heading.focus(); });
  var search = finderSearch(data, parts.place, setup);
  var map = finderMap(form, data, results.cardBase, function () { update(null, lastRead()); },
    function () { results.say("De kaart kan nu niet laden. De lijst hieronder werkt wel."); });
  var ready = false; // the offers are in: from now on the form filters them
  var asked = false; // someone changed the search (not just the page loading)
  var changedEarly = false; // changed before the offers were in: the first list follows the form
  var myPosition = null;
  var lastState = rules.emptyState();
  var lastSearch = null; // the query string the list now shows
  var restorePlace = placeKeeper(list, heading, function () { return ready; });

  // Marks the list busy while `promise` redraws it: a screen reader waits before it reads the
  // list again. The newest redraw (`ticket`) takes the mark off, whether it worked or not.
  function redrawing(ticket, promise) {
    busy(list, true);
    var settle = function () {
      if (ticket === pending) { drawn = ticket; busy(list, false); }
    };
    return promise.then(function (value) { settle(); return value; },
                        function (error) { settle(); throw error; });
  }

  // The list is about to change (the first event of a change, before the search starts).
  function changing() {
    if (ready) { busy(list, true); }
  }

  // The list stays as it is after all (nothing came of the event that marked it).
  function unchanged() {
    if (drawn === pending) { busy(list, false); }
  }

  // Shows the list for `read` ({state, problems}: from the form, or from the address). `push`:
  // a new entry in the history (a choice), or not (typing, or the address itself).
  function update(push, read) {
    read = read || state.fromForm();
    var wanted = read.state;
    var ticket = ++pending;
    results.limit = wanted.toon;
    return redrawing(ticket, search.ask(wanted, myPosition).then(function (asked) {
      if (ticket !== pending) { return; } // a newer keystroke is on its way
      var chosen = search.select(wanted, asked);
      if (push !== null) {
        var link = address(wanted);
        if (link !== location.search && !(link === location.pathname && !location.search)) {
          history[push ? "pushState" : "replaceState"](null, "", link);
        }
      }
      lastSearch = location.search;
      lastState = wanted;
      results.problems = read.problems;
      results.placesFailed = asked.placesFailed;
      results.textSearchFailed = asked.textFailed;
      results.why = chosen.why;
      parts.showChips(wanted, asked.reading);
      parts.showProblems(read.problems);
      results.showEvents(wanted.q ? asked.events : []);
      results.mode = chosen.mode;
      results.showPartial(asked.reading);
      return render(wanted, chosen.shown, asked.from, ticket);
    }));
  }

  function render(wanted, shown, from, ticket) {
    return results.render(wanted, shown, from, ticket, parts.filtersOn).then(function (shownNow) {
      if (!shownNow) { return false; }
      map.follow(shown);
      form.dispatchEvent(new CustomEvent("sw:bijgewerkt", { detail: { aantal: shown.length } }));
      if (asked) { warmUp(); }
      return true;
    });
  }

  function lastRead() {
    return { state: lastState, problems: results.problems };
  }

  // A moment after the first search someone made (the first results are in view), fetch the
  // titles and the whole text index, so that every next keystroke is answered from the browser
  // itself. Not when the browser asks to save data: then each search fetches what it needs.
  var warming = false;

  function warmUp() {
    var connection = navigator.connection;
    if (warming || (connection && connection.saveData)) { return; }
    warming = true;
    setTimeout(function () {
      data.loadAll().then(function () { form.setAttribute("data-opgewarmd", "ja"); },
                          function () { warming = false; });
    }, 1000);
  }

  // A chip's ✕: that filter, or those words of the query, off.
  function removeChip(name, value, reading) {
    var next = state.fromForm().state;
    if (name === "q" && reading && Array.isArray(value)) {
      next.q = query.without(reading, value);
    } else if (rules.MULTI.indexOf(name) >= 0) {
      next[name] = next[name].filter(function (v) { return v !== value; });
    } else {
      next[name] = name === "leeftijd" || name === "km" ? null : "";
      if (name === "bij") { next.km = null; next.sorteer = ""; myPosition = null; }
      if (name === "voor") { state.forgetVoor(); }
    }
    state.writeForm(next);
    update(true);
    heading.focus();
  }

  results.onMore(function () {
    var more = results.showMore(pending);
    lastState.toon = more.limit;
    history.replaceState(history.state, "", address(lastState));
    lastSearch = location.search;
    redrawing(pending, more.drawn);
  });

  /* ---- wiring ---- */

  // Before the offers are in, a change only counts: the first list starts from the form.
  form.addEventListener("input", function (event) {
    if (!ready) { changedEarly = asked = true; return; }
    asked = true;
    changing(); // a choice's change event follows at once and searches
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
    parts.foldOnNarrow();
    heading.focus();
  });
  form.addEventListener("reset", function () {
    if (!ready) { return; }
    changing();
    setTimeout(function () {
      myPosition = null;
      state.forgetVoor();
      state.writeForm(rules.emptyState());
      update(true);
    }, 0);
  });
  window.addEventListener("popstate", function () {
    // the back button changed the search; a link within the page (#...) did not
    if (!ready || location.search === lastSearch) { return; }
    var read = state.fromAddress();
    state.writeForm(read.state);
    update(null, read).then(restorePlace);
  });

  form.querySelector(".sw-naar-resultaten").addEventListener("click", function (event) {
    event.preventDefault();
    parts.foldOnNarrow();
    heading.focus();
  });

  var locateButton = document.getElementById("sw-locatie");
  if (navigator.geolocation) {
    locateButton.addEventListener("click", function () {
      changing();
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
        unchanged();
        results.say("Je locatie is niet beschikbaar. Kies een plaats in de lijst.");
      });
    });
  } else {
    locateButton.hidden = true;
  }

  // The address goes into the form at once, but what someone typed in the search box before this
  // script ran (it is there before the rest of the form) stays, and counts.
  var typed = form.elements.q.value;
  state.addressInForm();
  if (typed) { form.elements.q.value = typed; changedEarly = asked = true; }

  // A search in the address: its static cards stay out of sight till the first list is in.
  form.addEventListener("sw:bijgewerkt", function () {
    document.documentElement.classList.remove("sw-zoekt");
  });

  // Start once every offer's facts are in; if they cannot be loaded, the static list stays.
  data.loadFacts()
    .then(function () {
      results.adoptStaticCards();
      // What the address says, or, if someone changed the form before the offers were in, what
      // the form says (and the address follows the form).
      var read = changedEarly ? state.fromForm() : state.addressInForm();
      ready = true;
      return update(changedEarly ? false : null, read);
    })
    .then(function () {
      var pages = document.getElementById("sw-paginas");
      if (pages) { pages.hidden = true; } // "Toon meer resultaten" takes over
      form.classList.remove("sw-wacht");
      restorePlace();
      done("finder");
    })
    .catch(function () {
      // fail safe: without the offers' facts the static list and its pages stay as they are
      ready = false;
      staticListBack(list);
      return cannotFilter(form, results.cardBase).then(function () { done("finder"); });
    });
}
