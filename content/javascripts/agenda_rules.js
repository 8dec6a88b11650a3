/* The agenda's rules: how a link's filters are read and written, which events match, which have
 * passed on a given day, and how a count is said.
 *
 * Python has the same rules in hooks/sportwijzer/twins/agenda_rules.py, function for function
 * (readParams here is read_params there). tests/browser/test_agenda_pages.py runs one table of
 * cases through both and compares the answers: change both or neither.
 *
 * An ES module; an impairment is served as in the finder (finder_rules.js). An event is an
 * object of its facts: beperkingen, gemeente, doelgroep (slugs) and tot ('YYYY-MM-DD').
 */
import { serves, unknownValue, usableParams } from "./finder_rules.js";

// The URL parameters, in the order a link writes them
export var FIELDS = ["beperking", "gemeente", "doelgroep"];
export var MULTI = ["beperking"]; // may come more than once
export var NAMES = { beperking: "Beperking", gemeente: "Gemeente", doelgroep: "Voor wie" };
var ISO_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function isMulti(name) { return MULTI.indexOf(name) >= 0; }

export function emptyState() {
  return { beperking: [], gemeente: "", doelgroep: "" };
}

// A link's parameters ([name, value] pairs, in order) as the agenda's state, and a problem
// ([field, Dutch sentence]) for each value it cannot use; that value does not filter.
export function readParams(pairs, known) {
  var state = emptyState();
  var problems = [];
  usableParams(pairs, FIELDS, MULTI).forEach(function (pair) {
    var name = pair[0];
    var value = pair[1];
    if ((known[name] || []).indexOf(value) < 0) {
      problems.push([name, unknownValue(NAMES[name], value)]);
    } else if (isMulti(name)) {
      if (state[name].indexOf(value) < 0) { state[name].push(value); }
    } else {
      state[name] = value;
    }
  });
  return { state: state, problems: problems };
}

// The state as a link's parameters, in the order of FIELDS.
export function toParams(state) {
  var pairs = [];
  FIELDS.forEach(function (name) {
    (isMulti(name) ? state[name] : [state[name]]).forEach(function (one) {
      if (one) { pairs.push([name, one]); }
    });
  });
  return pairs;
}

// Does the event meet every filter? An event for 'iedereen' serves every impairment.
export function matches(event, state, rules) {
  var wanted = state.beperking;
  if (wanted.length && !wanted.some(function (b) { return serves(event.beperkingen, b, rules); })) {
    return false;
  }
  return (!state.gemeente || event.gemeente === state.gemeente) &&
    (!state.doelgroep || event.doelgroep.indexOf(state.doelgroep) >= 0);
}

// Over once its last day ('YYYY-MM-DD') is before today; a day that cannot be read never hides.
export function isOver(lastDay, today) {
  if (!ISO_DAY.test(lastDay) || !ISO_DAY.test(today)) { return false; }
  return lastDay < today;
}

// What the list says above the events: nothing while it shows all of them.
export function countText(n, filtered) {
  if (n === 0) {
    return filtered ? "Geen evenementen gevonden. Kies minder filters."
      : "Er staan nu geen evenementen op de agenda.";
  }
  if (!filtered) { return ""; }
  return n === 1 ? "1 evenement gevonden." : n + " evenementen gevonden.";
}

// Is any filter on?
export function filtered(state) {
  return toParams(state).length > 0;
}
