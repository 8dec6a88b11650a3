/* The Meedoen Meerkamp self-test (toolkit/zelftest/).
 *
 * Without this script the page is a printable form. With it: the answers are kept in this
 * browser only (localStorage; nothing is sent anywhere), the buttons appear, and "Bekijk de
 * uitslag" shows a summary. The summary follows the rule of hooks/sportwijzer/twins/zelftest.py:
 * - answered: a score 1 to 5; the average over the answered parts, in tenths, half up;
 * - the weakest parts: answered, score 3 or lower, lowest first, a tie in page order, at most 3.
 *
 * An ES module. Its ready signal (ready.js) is "zelftest": done once the saved answers are back
 * and the buttons show; the result is aria-busy while it is being written.
 */
import { busy, done, start } from "./ready.js";

start("zelftest");
setUp();
done("zelftest");

function setUp() {
  var KEY = "sportwijzer-zelftest-meerkamp";
  var WEAK = 3;
  var MAX_WEAKEST = 3;

  var form = document.getElementById("sw-zelftest");
  if (!form) { return; }
  var parts = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-onderdeel]"));
  var result = document.getElementById("zt-uitslag");
  var heading = document.getElementById("zt-uitslag-kop");
  var text = document.getElementById("zt-uitslag-tekst");
  var list = document.getElementById("zt-zwakste");
  var status = document.getElementById("zt-status");

  // A whole number 1 to 5, or the text of one ("3"); anything else counts as not answered.
  function score(value) {
    if (typeof value === "number") { return Number.isInteger(value) && value >= 1 && value <= 5 ? value : null; }
    return typeof value === "string" && /^[1-5]$/.test(value) ? Number(value) : null;
  }

  /* The twin of samenvatting() in hooks/sportwijzer/twins/zelftest.py. */
  function samenvatting(scores, volgorde) {
    var answered = [];
    volgorde.forEach(function (part) {
      var s = score(scores[part]);
      if (s !== null) { answered.push({ part: part, score: s, index: answered.length }); }
    });
    var count = answered.length;
    var total = answered.reduce(function (sum, a) { return sum + a.score; }, 0);
    var weak = answered.filter(function (a) { return a.score <= WEAK; });
    weak.sort(function (a, b) { return a.score - b.score || a.index - b.index; });
    return {
      beantwoord: count,
      totaal: volgorde.length,
      gemiddelde_tienden: count ? Math.floor((total * 20 + count) / (2 * count)) : null,
      zwakste: weak.slice(0, MAX_WEAKEST).map(function (a) { return a.part; })
    };
  }

  function tienden(value) {
    return Math.floor(value / 10) + "," + (value % 10);
  }

  function answers() {
    var scores = {};
    parts.forEach(function (fieldset) {
      var checked = fieldset.querySelector("input[type=radio]:checked");
      if (checked) { scores[fieldset.dataset.onderdeel] = checked.value; }
    });
    return scores;
  }

  function save() {
    try {
      localStorage.setItem(KEY, JSON.stringify(answers()));
    } catch { // private mode, or storage full
      status.textContent = "Je antwoorden worden in deze browser niet bewaard. Print de pagina als je ze wilt houden.";
    }
    if (!result.hidden) { show(false); } // the result follows every change
  }

  function restore() {
    var saved = {};
    try { saved = JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch { saved = {}; }
    parts.forEach(function (fieldset) {
      var s = score(saved[fieldset.dataset.onderdeel]);
      var radio = s && fieldset.querySelector("input[type=radio][value='" + s + "']");
      if (radio) { radio.checked = true; }
    });
  }

  function byId(part) {
    return parts.filter(function (fieldset) { return fieldset.dataset.onderdeel === part; })[0];
  }

  function item(part, scores) {
    var fieldset = byId(part);
    var li = document.createElement("li");
    var name = document.createElement("strong");
    name.textContent = fieldset.dataset.naam;
    var link = document.createElement("a");
    link.href = fieldset.dataset.url;
    link.textContent = fieldset.dataset.pagina;
    li.appendChild(name);
    li.appendChild(document.createTextNode(" (score " + score(scores[part]) + "). Lees meer bij "));
    li.appendChild(link);
    li.appendChild(document.createTextNode("."));
    return li;
  }

  function sentence(summary) {
    if (!summary.beantwoord) {
      return "Je hebt nog geen enkel onderdeel een score gegeven. Kies bij elk onderdeel een score van 1 tot 5.";
    }
    var words = "Je hebt " + summary.beantwoord + " van de " + summary.totaal +
      " onderdelen een score gegeven. Je gemiddelde score is " + tienden(summary.gemiddelde_tienden) + ".";
    if (summary.beantwoord < summary.totaal) {
      words += " Geef de andere onderdelen ook een score, dan is het beeld compleet.";
    }
    if (summary.zwakste.length) {
      return words + " Hier kun je het meest verbeteren:";
    }
    return words + " Geen enkel onderdeel scoort 3 of lager. Goed bezig!";
  }

  function show(moveFocus) {
    busy(result, true);
    var scores = answers();
    var volgorde = parts.map(function (fieldset) { return fieldset.dataset.onderdeel; });
    var summary = samenvatting(scores, volgorde);
    text.textContent = sentence(summary);
    list.textContent = "";
    summary.zwakste.forEach(function (part) { list.appendChild(item(part, scores)); });
    list.hidden = !summary.zwakste.length;
    result.hidden = false;
    busy(result, false);
    if (moveFocus !== false) { status.textContent = ""; }
    if (moveFocus !== false) { heading.focus(); } // a screen reader reads on from the heading
  }

  function clear() {
    try { localStorage.removeItem(KEY); } catch { /* private mode */ }
    form.reset();
    result.hidden = true;
    status.textContent = "Je antwoorden zijn gewist.";
  }

  form.addEventListener("change", save);
  form.addEventListener("submit", function (event) { event.preventDefault(); show(true); });
  document.getElementById("zt-uitslag-knop").addEventListener("click", function () { show(true); });
  document.getElementById("zt-wis").addEventListener("click", clear);
  document.getElementById("zt-print").addEventListener("click", function () { window.print(); });
  Array.prototype.forEach.call(form.querySelectorAll("button[hidden]"), function (button) {
    button.hidden = false;
  });
  restore();
}
