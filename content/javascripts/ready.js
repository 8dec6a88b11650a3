/* One signal that a script has finished what it does to the page, the same for every script.
 *
 * A script that changes the page calls start(name) when it begins (at once, when its module
 * runs) and done(name) when the page shows what it should: the result, or the plain HTML when
 * the script gave up. The names stand on <html>: data-waiting lists the scripts still at work,
 * data-ready the scripts that finished at least once. While a script changes one region after
 * that (a list that filters again, a card that loads), busy(element, true) marks that region
 * aria-busy="true", so that a screen reader waits for it, and busy(element, false) ends it.
 *
 * The browser tests wait on this and nothing else (tests/browser/harness.py, wait_ready): a
 * page is settled when data-waiting is empty, the names asked for are in data-ready, and no
 * element is aria-busy.
 */

var root = document.documentElement;

function names(attribute) {
  return (root.getAttribute(attribute) || "").split(" ").filter(function (n) { return n; });
}

function put(attribute, list) {
  if (list.length) { root.setAttribute(attribute, list.join(" ")); } else { root.removeAttribute(attribute); }
}

function without(list, name) {
  return list.filter(function (n) { return n !== name; });
}

export function start(name) {
  put("data-waiting", without(names("data-waiting"), name).concat([name]));
}

export function done(name) {
  put("data-waiting", without(names("data-waiting"), name));
  put("data-ready", without(names("data-ready"), name).concat([name]));
}

export function busy(element, isBusy) {
  if (!element) { return; }
  if (isBusy) { element.setAttribute("aria-busy", "true"); } else { element.removeAttribute("aria-busy"); }
}
