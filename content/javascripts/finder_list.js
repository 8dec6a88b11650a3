/* The finder's list of results (an ES module): the cards in view, "Toon meer", the status line
 * with the count, why a result is shown, the coming events the words find, what did not fit,
 * and the way to the desk when nothing fits.
 *
 * The static cards of the first page are reused; the others are made from the page's template
 * (sw-card-template). A card with only its title (after the warm-up) shows what the facts know
 * and is completed when its text (aanbod/kaartjes/N.json) comes in; it is aria-busy till then.
 */
import * as rules from "./finder_rules.js";
import * as query from "./query_reading.js";
import { helpParams, helpUrl } from "./desk.js";
import { busy } from "./ready.js";

// The list. `data`: finderData(); `setup`: the form's rules (data-regels); `current(ticket)`:
// whether the search `ticket` is still the newest.
export function resultList(form, list, data, setup, current) {
  var template = document.getElementById("sw-card-template");
  var status = document.getElementById("sw-aantal");
  var none = document.getElementById("sw-geen");
  var noneText = document.getElementById("sw-geen-tekst");
  var partialDesk = document.getElementById("sw-deels-loket");
  var askDesk = document.getElementById("sw-vraag-loket"); // carries the filters to the desk
  var deskBase = askDesk.getAttribute("href");
  var more = document.getElementById("sw-meer");
  var eventGroup = document.getElementById("sw-agenda-treffers");
  var partial = document.getElementById("sw-deels");
  var iconFolder = form.getAttribute("data-iconen");
  var cardBase = form.getAttribute("data-aanbod");
  if (cardBase === "./") { cardBase = ""; } // as the static cards' links are written

  var results = {
    cardBase: cardBase,
    limit: rules.PAGE,
    inView: [],
    shown: [], // every result of the search the list shows, in order
    from: null, // where distances are measured from: {lat, lon, name}, or null
    mode: "alles", // query.answer()'s stand: 'alles', 'deels' or 'geen'
    problems: [], // the link's problems, said in the status line
    // Why a result is shown, under its title: 'Past bij: Autisme · 8–17 jaar · 12 km van
    // Kampen'. What the list now answers ({wish, found, place}), or null without a query that
    // names something. The words are made only for the cards in view.
    why: null,
    missingCards: 0,
    placesFailed: false,
    textSearchFailed: false
  };

  // The static cards of the first page are the items' elements.
  results.adoptStaticCards = function () {
    Array.prototype.forEach.call(list.children, function (li) {
      var item = data.items[Number(li.getAttribute("data-ref"))];
      if (item && li.querySelector("a")) {
        item.el = li;
        item.distanceEl = li.querySelector(".sw-afstand");
      }
    });
  };

  // A sport's icon: its symbol in the page's sprite (the sports of the static cards), else the
  // symbol in its own small file (ICON_FOLDER in hooks/sportwijzer/finder/data.py).
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
    var titles = data.titles;
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
    if (card) { complete(item); } else { busy(li, true); }
    return li;
  }

  function complete(item) {
    var li = item.el;
    var card = item.card;
    if (!li || !card || !li.querySelector("[data-veld]")) { return; }
    li.querySelector(".sw-card__text").textContent = card[2];
    fill(li, "plaats", card[3]);
    fill(li, "proefles", card[4] || null);
    fill(li, "status", card[5] || null);
    busy(li, false);
  }

  // The cards' text for the results in view, once the typing pauses: a keystroke does not send
  // fifty requests that the next keystroke makes useless.
  var completing = null;

  function completeSoon(wanted) {
    clearTimeout(completing);
    completing = setTimeout(function () {
      data.loadCards(wanted).then(function () {
        wanted.forEach(function (item) {
          complete(item);
          // A card whose file failed keeps what the facts know and stops being busy: a screen
          // reader must not wait for it. Its text can still come when it is in view again.
          busy(item.el, false);
        });
      });
    }, 150);
  }

  function showWhy(item) {
    var why = results.why;
    var line = item.el.querySelector(".sw-waarom");
    if (!why) { if (line) { line.parentNode.removeChild(line); } return; }
    if (!line) {
      line = document.createElement("p");
      line.className = "sw-waarom";
      var title = item.el.querySelector(".sw-card__title");
      title.parentNode.insertBefore(line, title.nextSibling);
    }
    var hit = !!(why.found && item.ref in why.found);
    line.textContent = query.whyText(
      query.fit(item.facts, why.wish, item.distance, hit, why.place, data.lexicon.namen, setup));
  }

  function putInView(from) {
    var fragment = document.createDocumentFragment();
    results.inView.forEach(function (item) {
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

  // Shows the first `limit` results: at once if every title is known (after the warm-up), else
  // once their cards are in. False if a newer search came first.
  function showResults(shown, from, ticket) {
    var wanted = shown.slice(0, results.limit);
    var knownTitles = data.titles;
    return (knownTitles ? Promise.resolve() : data.loadCards(wanted)).then(function () {
      if (!current(ticket)) { return false; }
      results.inView = wanted.filter(function (item) { return item.el || item.card || knownTitles; });
      results.missingCards = wanted.length - results.inView.length;
      putInView(from);
      if (knownTitles) { completeSoon(wanted); }
      var rest = shown.length - wanted.length;
      more.hidden = rest <= 0;
      more.textContent = "Toon meer resultaten (nog " + rest + ")";
      return true;
    });
  }

  // The status line: the count, then each problem on a line of its own (read out together).
  results.showCount = function (n) {
    var text = results.mode === "deels" ? query.partialCount(n) : rules.countText(n);
    if (n > results.inView.length) { text += " Je ziet er nu " + results.inView.length + "."; }
    if (results.missingCards) { text += " " + results.missingCards + " ervan kunnen nu niet laden."; }
    if (results.placesFailed) { text = "Afstanden laden nu niet, dus de afstand telt niet mee. " + text; }
    if (results.textSearchFailed) { text = "Zoeken op woord lukt nu niet, dus het woord telt niet mee. " + text; }
    status.textContent = text;
    results.problems.forEach(function (problem) {
      var line = document.createElement("span");
      line.className = "sw-fout";
      line.textContent = " " + problem[1];
      status.appendChild(line);
    });
  };

  // A line in the status line that is not a count ('De kaart kan nu niet laden. …').
  results.say = function (text) { status.textContent = text; };

  // The list for `shown` (items in order), measured from `from`. False if a newer search came
  // first. `state` is the rules' state it answers; `filtersOn` how many filters are on.
  results.render = function (state, shown, from, ticket, filtersOn) {
    return showResults(shown, from, ticket).then(function (done) {
      if (!done) { return false; }
      results.shown = shown;
      results.from = from;
      var n = shown.length;
      results.showCount(n);
      none.hidden = n !== 0;
      noneText.textContent = query.noneText(!!state.q, filtersOn > 0);
      askDesk.href = deskBase + helpUrl(helpParams(state)).replace(/^[^?]*/, "");
      if (partialDesk) { partialDesk.href = askDesk.href; }
      return true;
    });
  };

  // "Toon meer": PAGE results more, the focus on the first of them. `ticket`: the search shown.
  results.showMore = function (ticket) {
    var first = results.shown[results.inView.length];
    results.limit += rules.PAGE;
    return {
      limit: results.limit,
      drawn: showResults(results.shown, results.from, ticket).then(function (done) {
        if (!done) { return false; }
        results.showCount(results.shown.length);
        if (first && first.el) { first.el.querySelector("a").focus(); }
        return true;
      })
    };
  };

  results.onMore = function (handler) { more.addEventListener("click", handler); };

  // Coming events the words found ([kind, title, site path]), in their own group, "Agenda".
  results.showEvents = function (events) {
    if (!eventGroup) { return; }
    var lines = eventGroup.querySelector("ul");
    lines.textContent = "";
    events.forEach(function (doc) {
      var line = document.createElement("li");
      var link = document.createElement("a");
      link.href = eventGroup.getAttribute("data-agenda") + doc[2].slice("agenda/".length);
      link.textContent = doc[1];
      line.appendChild(link);
      lines.appendChild(line);
    });
    eventGroup.hidden = events.length === 0;
  };

  // Above the list when nothing fits everything that was asked: what did not fit, then the
  // best partial matches. The desk's link stays.
  results.showPartial = function (reading) {
    if (!partial) { return; }
    partial.hidden = results.mode !== "deels";
    if (results.mode === "deels") {
      partial.querySelector("p").textContent = query.partialText(reading);
    }
  };

  return results;
}
