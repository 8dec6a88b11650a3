/* When the finder cannot filter (an ES module): the static list is the answer again, with its
 * pages, and a search in the address is said back with the lists per sport, impairment and
 * municipality that its words name.
 */
import { busy } from "./ready.js";

// The static list is the answer again: finder.html hides its cards while a search in the
// address waits for the finder (class sw-zoekt, the status line's own text kept in data-tekst).
export function staticListBack(list) {
  var html = document.documentElement;
  var status = document.getElementById("sw-aantal");
  html.classList.remove("sw-js");
  if (!html.classList.contains("sw-zoekt")) { return; }
  html.classList.remove("sw-zoekt");
  if (status && status.hasAttribute("data-tekst")) { status.textContent = status.getAttribute("data-tekst"); }
  busy(list, false);
}

function linkList(links) {
  var ul = document.createElement("ul");
  links.forEach(function (link) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = link[1];
    a.textContent = link[0];
    li.appendChild(a);
    ul.appendChild(li);
  });
  return ul;
}

// The lists per sport, impairment and municipality whose names hold a word of `question`:
// [name, address]. `fold`: lower case without accents (zoeken.js).
function listsFor(form, question, root, fold) {
  var words = fold(question).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; });
  var links = [];
  [["sport", "sport/"], ["gemeente", "gemeente/"], ["beperking", "beperking/"]].forEach(function (kind) {
    var fields = form.elements[kind[0]];
    var choices = fields.tagName === "SELECT" ? fields.options : fields;
    Array.prototype.forEach.call(choices, function (choice) {
      var name = choice.labels && choice.labels[0] ? choice.labels[0].textContent : choice.textContent;
      var names = fold(name + " " + choice.value).split(/[^a-z0-9]+/);
      if (choice.value && words.some(function (w) { return names.indexOf(w) >= 0; })) {
        links.push([name, root + kind[1] + choice.value + "/"]);
      }
    });
  });
  return links;
}

// The list cannot be filtered: say so, say back the words that were asked, and link the lists
// that those words name. Settles once the note is complete.
export function cannotFilter(form, cardBase) {
  var question = new URLSearchParams(location.search).get("q");
  var box = document.getElementById("sw-niet-gelukt");
  if (!question || !box) { return Promise.resolve(); }
  var text = document.createElement("p");
  var strong = document.createElement("strong");
  strong.textContent = "Zoeken en filteren lukken nu niet. ";
  text.appendChild(strong);
  text.appendChild(document.createTextNode("Je zocht op ‘" + question + "’. Hieronder staat al het aanbod, op naam."));
  box.appendChild(text);
  box.hidden = false;
  return import("./zoeken.js").then(function (search) {
    var links = listsFor(form, question, (cardBase || "./") + "../", search.fold);
    if (!links.length) { return; }
    var intro = document.createElement("p");
    intro.textContent = "Deze lijsten passen bij je zoekwoord:";
    box.appendChild(intro);
    box.appendChild(linkList(links));
  }, function () {}); // without zoeken.js the note has no lists: the static list is there
}
