/* What the finder's form says is on (an ES module): a chip per filter and per thing the query
 * names, the count on the Filters button, each problem of a link beside its control, the
 * Filters panel (folded below 60em), and the places of 'Vanaf' as points.
 */
import * as rules from "./finder_rules.js";
import * as query from "./query_reading.js";

// The form's parts. `onRemove(name, value)` runs when someone takes a chip away;
// `onClearAll()` when someone presses "Wis alles".
export function finderForm(form, onRemove, onClearAll) {
  var chips = document.getElementById("sw-aan");
  var pickPlace = document.getElementById("sw-plaats-kiezen");
  var panel = document.getElementById("sw-filters");
  var panelButton = document.getElementById("sw-filters-knop");
  var panelCount = document.getElementById("sw-filters-aan");
  var narrow = window.matchMedia("(max-width: 59.9375em)");
  var parts = { filtersOn: 0 }; // how many filters of the form are on (not the query's words)

  function optionLabel(name, value) {
    var field = form.elements[name];
    if (!field) { return value; }
    var option = field.length !== undefined && field.tagName !== "SELECT"
      ? Array.prototype.filter.call(field, function (b) { return b.value === value; })[0]
      : Array.prototype.filter.call(field.options, function (o) { return o.value === value; })[0];
    if (!option) { return value; }
    return option.labels && option.labels[0] ? option.labels[0].textContent : option.textContent;
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

  // A place's slug ('bij' of the form, or of a query: 'in Kampen') as {lat, lon, name}, or null.
  parts.place = function (slug) {
    var option = slug ? placeOption(slug) : null;
    return option ? { lat: parseFloat(option.dataset.lat), lon: parseFloat(option.dataset.lon),
                      name: option.getAttribute("data-naam") } : null;
  };

  // [field, value, what the chip says]
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

  function chipItem(button) {
    var li = document.createElement("li");
    li.appendChild(button);
    chips.appendChild(li);
  }

  parts.showChips = function (state, reading) {
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
      button.addEventListener("click", function () { onRemove(name, entry[1], reading); });
      chipItem(button);
    });
    if (on.length > 1) {
      var all = document.createElement("button");
      all.type = "button";
      all.className = "sw-chip sw-chip--alles";
      all.textContent = "Wis alles";
      all.addEventListener("click", onClearAll);
      chipItem(all);
    }
    chips.hidden = on.length === 0;
    parts.filtersOn = on.filter(function (entry) { return entry[0] !== "q"; }).length;
    panelCount.textContent = parts.filtersOn ? " (" + parts.filtersOn + " aan)" : "";
  };

  // Each problem ([field, text]) beside its control, described by it and marked invalid.
  parts.showProblems = function (problems) {
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
  };

  /* ---- the Filters panel (folded below 60em) ---- */

  function openPanel(open) {
    form.classList.toggle("sw-open", open);
    panelButton.setAttribute("aria-expanded", String(open));
  }

  // Folds the panel on a narrow screen: the results come next.
  parts.foldOnNarrow = function () {
    if (narrow.matches) { openPanel(false); }
  };

  panelButton.addEventListener("click", function () {
    var open = panelButton.getAttribute("aria-expanded") !== "true";
    openPanel(open);
    if (open) { panel.querySelector("input, select").focus(); }
  });

  pickPlace.querySelector("button").addEventListener("click", function () {
    openPanel(true);
    form.elements.bij.focus();
  });

  return parts;
}
