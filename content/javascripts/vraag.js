/* hulp-bij-zoeken/: shows the form, fills it in from the finder's filters in the address, and
 * keeps the mail link and the preview up to date (an ES module).
 *
 * The rules are in desk.js, the twin of hooks/sportwijzer/twins/desk.py. Nothing is sent anywhere:
 * the link opens the person's own mail program. Free text never goes into the address.
 * Its ready signal (ready.js) is "vraag": done once the form shows, filled in from the address.
 */
import * as desk from "./desk.js";
import { done, start } from "./ready.js";

start("vraag");
var form = document.getElementById("sw-vraag");
var data = document.getElementById("sw-vraag-gegevens");
if (form && data) { setUp(JSON.parse(data.textContent)); }
done("vraag");

function setUp(setup) {
  var link = document.getElementById("sw-vraag-mail");
  var preview = document.getElementById("sw-vraag-voorbeeld");
  var known = {
    gemeente: Object.keys(setup.labels.gemeente),
    beperking: Object.keys(setup.labels.beperking),
    sport: Object.keys(setup.labels.sport),
    leeftijdsgroep: Object.keys(desk.GROUPS)
  };
  var pairs = [];
  new URLSearchParams(location.search).forEach(function (value, name) { pairs.push([name, value]); });
  fill(desk.readHelpParams(pairs, known));
  form.hidden = false;
  update();
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function fill(choices) {
    ["gemeente", "leeftijdsgroep", "sport"].forEach(function (name) {
      form.elements[name].value = choices[name];
    });
    choices.beperking.forEach(function (slug) {
      var box = document.getElementById("sw-v-b-" + slug);
      if (box) { box.checked = true; }
    });
  }

  function read() {
    var choices = desk.emptyForm();
    ["gemeente", "leeftijdsgroep", "sport", "vraag"].forEach(function (name) {
      choices[name] = form.elements[name].value;
    });
    form.querySelectorAll("input[name=beperking]:checked").forEach(function (box) {
      choices.beperking.push(box.value);
    });
    return choices;
  }

  function update() {
    var mail = desk.mail(read(), setup.labels, setup.loket);
    link.href = mail.href;
    preview.textContent = "Aan: " + setup.loket.email + "\nOnderwerp: " + mail.onderwerp +
      "\n\n" + mail.tekst;
  }
}
