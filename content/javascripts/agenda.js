/* The agenda's filters and its own clock (an ES module).
 *
 * The page works without this script: every event that was not over on the build day, by month.
 * This script shows the filters (impairment, municipality, for whom), keeps them in the address
 * (?beperking=…&gemeente=…&doelgroep=…, Back brings a choice back), and hides the events whose
 * last day (data-tot) is before the browser's own date: the list stays right on the days after
 * the build. The rules are in agenda_rules.js, the twin of hooks/sportwijzer/twins/agenda_rules.py.
 * Its ready signal (ready.js) is "agenda": done once the list shows the address's filters; the
 * list is aria-busy while a new choice filters it.
 */
import * as rules from "./agenda_rules.js";
import { busy, done, start } from "./ready.js";

start("agenda");
var form = document.getElementById("sw-agenda-filters");
var list = document.getElementById("sw-agenda-lijst");
if (form && list && window.URLSearchParams && Array.from) { setUp(); }
done("agenda");

// The browser's date as 'YYYY-MM-DD', in its own time zone (a person's day, not UTC's).
function localDay(date) {
  var two = function (n) { return (n < 10 ? "0" : "") + n; };
  return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
}

function setUp() {
  var setup = JSON.parse(form.getAttribute("data-regels"));
  var status = document.getElementById("sw-agenda-aantal");
  var problemList = document.getElementById("sw-agenda-problemen");
  var items = Array.prototype.slice.call(list.querySelectorAll("li.sw-evenement"));
  var sections = Array.prototype.slice.call(list.querySelectorAll(".sw-maand"));
  var today = localDay(new Date());

  function facts(item) {
    return {
      beperkingen: item.getAttribute("data-beperkingen").split(" ").filter(Boolean),
      gemeente: item.getAttribute("data-gemeente"),
      doelgroep: item.getAttribute("data-doelgroep").split(" ").filter(Boolean),
      tot: item.getAttribute("data-tot")
    };
  }

  function fromAddress() {
    return rules.readParams(Array.from(new URLSearchParams(location.search)), setup.bekend);
  }

  function fromForm() {
    return rules.readParams(Array.from(new FormData(form)), setup.bekend);
  }

  function showInForm(state) {
    Array.prototype.forEach.call(form.elements.beperking, function (box) {
      box.checked = state.beperking.indexOf(box.value) >= 0;
    });
    form.elements.gemeente.value = state.gemeente;
    form.elements.doelgroep.value = state.doelgroep;
  }

  function showProblems(problems) {
    problemList.textContent = "";
    problems.forEach(function (problem) {
      var line = document.createElement("li");
      line.textContent = problem[1];
      problemList.appendChild(line);
    });
    problemList.hidden = problems.length === 0;
  }

  function apply(state) {
    busy(list, true);
    var shown = 0;
    items.forEach(function (item) {
      var fact = facts(item);
      var show = !rules.isOver(fact.tot, today) && rules.matches(fact, state, setup);
      item.hidden = !show;
      shown += show ? 1 : 0;
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("li.sw-evenement:not([hidden])");
    });
    status.textContent = rules.countText(shown, rules.filtered(state));
    busy(list, false);
  }

  function address(state) {
    var params = new URLSearchParams();
    rules.toParams(state).forEach(function (pair) { params.append(pair[0], pair[1]); });
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }

  form.addEventListener("change", function () {
    var read = fromForm();
    var target = address(read.state);
    if (target !== location.search && !(target === location.pathname && !location.search)) {
      history.pushState(null, "", target);
    }
    showProblems([]);
    apply(read.state);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("popstate", function () {
    var read = fromAddress();
    showInForm(read.state);
    showProblems(read.problems);
    apply(read.state);
  });

  var first = fromAddress();
  // Folded until used, so that on a phone the first events are on the first screen.
  document.getElementById("sw-agenda-vouw").open = rules.filtered(first.state) ||
    first.problems.length > 0;
  showInForm(first.state);
  showProblems(first.problems);
  apply(first.state);
  form.hidden = false;
}
