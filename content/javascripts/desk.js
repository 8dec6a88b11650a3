/* Ask the regional desk ("het sportloket"): the link from where people get stuck, and the mail
 * that the page hulp-bij-zoeken/ opens in the person's own mail program.
 *
 * Python has the same rules in its twin of the same name, hooks/sportwijzer/twins/desk.py,
 * function for function (readHelpParams here is read_help_params there).
 * tests/browser/test_desk_rules.py runs one table of cases
 * (tests/desk_cases.py) through both and compares the answers: change both or neither.
 *
 * An ES module with no imports. The site sends nothing: the mail is a mailto: link, and its
 * body holds only what the person chose or wrote.
 */

export var PAGE = "hulp-bij-zoeken/";
// The finder's filters that travel to the help page. Never 'q', 'bij' or the list's settings.
export var LINK_FIELDS = ["beperking", "sport", "gemeente", "leeftijd"];
export var GROUPS = { kind: [0, 12], jongere: [13, 17], volwassene: [18, 64], senior: [65, 120] };
export var GROUP_NAMES = {
  kind: "kind (0 tot en met 12 jaar)",
  jongere: "jongere (13 tot en met 17 jaar)",
  volwassene: "volwassene (18 tot en met 64 jaar)",
  senior: "65 jaar of ouder"
};
export var MAX_VRAAG = 1000; // characters (code points, as Python counts)

var SPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;
var WHOLE = /^[0-9]{1,3}$/;
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
var CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;
var LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
var ASK = "Ik zoek een sport of een manier om te bewegen. Kunnen jullie met mij meedenken?";

function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
function label(labels, key) { return has(labels, key) ? labels[key] : ""; }

export function emptyForm() {
  return { gemeente: "", beperking: [], leeftijdsgroep: "", sport: "", vraag: "" };
}

// The desk's group for an age in whole years: 12 is 'kind', 13 'jongere', 65 'senior'.
export function ageGroup(age) {
  var names = Object.keys(GROUPS);
  for (var i = 0; i < names.length; i++) {
    if (age >= GROUPS[names[i]][0] && age <= GROUPS[names[i]][1]) { return names[i]; }
  }
  return "";
}

// The finder's state (readParams in finder_rules.js) as the help page's link parameters.
export function helpParams(state) {
  var pairs = (state.beperking || []).map(function (b) { return ["beperking", b]; });
  LINK_FIELDS.slice(1).forEach(function (name) {
    var value = state[name];
    if (value !== null && value !== undefined && value !== "") { pairs.push([name, String(value)]); }
  });
  return pairs;
}

// Percent-encoding as Python's quote(text, safe=""): a space is %20, never +.
// The address in a mailto: link, percent-encoded but for its @.
export function address(email) {
  return encode(email).replace(/%40/g, "@");
}

export function encode(text) {
  var whole = String(text).replace(LONE, function (match, before) {
    return (before || "") + "\uFFFD";
  });
  return encodeURIComponent(whole).replace(/[!'()*]/g, function (c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

export function helpUrl(pairs) {
  var query = pairs.map(function (pair) { return encode(pair[0]) + "=" + encode(pair[1]); });
  return PAGE + (query.length ? "?" + query.join("&") : "");
}

// A link's parameters as the help form's choices: only values the form offers; 'leeftijd'
// becomes its age group unless a group is given; free text never comes from a link.
export function readHelpParams(pairs, known) {
  var form = emptyForm();
  var age = "";
  pairs.forEach(function (pair) {
    var name = pair[0];
    var value = String(pair[1]).replace(SPACE, "");
    if (name === "leeftijd" && !age && WHOLE.test(value)) {
      age = ageGroup(parseInt(value, 10));
    } else if (!has(known, name) || known[name].indexOf(value) < 0) {
      return;
    } else if (name === "beperking") {
      if (form.beperking.indexOf(value) < 0) { form.beperking.push(value); }
    } else if ((name === "gemeente" || name === "sport" || name === "leeftijdsgroep") &&
               !form[name]) {
      form[name] = value;
    }
  });
  if (!form.leeftijdsgroep && has(known, "leeftijdsgroep") &&
      known.leeftijdsgroep.indexOf(age) >= 0) {
    form.leeftijdsgroep = age;
  }
  return form;
}

export function cleanText(text) {
  var clean = String(text).replace(/\r\n/g, "\n").replace(/\r/g, "\n").replace(CONTROL, "")
    .replace(SPACE, "");
  var chars = Array.from(clean);
  return chars.length <= MAX_VRAAG ? clean : chars.slice(0, MAX_VRAAG).join("") + "…";
}

export function subject(form, labels) {
  var sport = label(labels.sport, form.sport);
  var gemeente = label(labels.gemeente, form.gemeente);
  if (!sport && !gemeente) { return "Hulp bij zoeken naar sport"; }
  return "Hulp bij zoeken: " + (sport || "sport") + (gemeente ? " in " + gemeente : "");
}

export function body(form, labels, loket) {
  var lines = ["Beste " + loket + ",", "", ASK, ""];
  var beperkingen = form.beperking.filter(function (b) { return has(labels.beperking, b); })
    .map(function (b) { return labels.beperking[b]; });
  var facts = [
    ["Gemeente", label(labels.gemeente, form.gemeente)],
    ["Beperking", beperkingen.join(", ")],
    ["Leeftijd", label(GROUP_NAMES, form.leeftijdsgroep)],
    ["Sport", label(labels.sport, form.sport)]
  ];
  var chosen = facts.filter(function (f) { return f[1]; })
    .map(function (f) { return f[0] + ": " + f[1]; });
  if (chosen.length) { lines = lines.concat(chosen, [""]); }
  var vraag = cleanText(form.vraag);
  if (vraag) { lines = lines.concat(["Mijn vraag:", vraag, ""]); }
  return lines.join("\n");
}

// The mail to the desk: subject, text and the mailto: link (line ends as %0D%0A).
export function mail(form, labels, loket) {
  var onderwerp = subject(form, labels);
  var tekst = body(form, labels, loket.naam);
  var href = "mailto:" + address(loket.email) + "?subject=" + encode(onderwerp) +
    "&body=" + encode(tekst.replace(/\n/g, "\r\n"));
  return { onderwerp: onderwerp, tekst: tekst, href: href };
}
