/* The finder's state and its address (an ES module).
 *
 * The address is the single source of truth: every state of the list, "Toon meer" included, has
 * its own short link (rules.toParams), and Back brings it back. Here: the address and the form
 * read as the rules' state, the state written back into the form and into an address, and the
 * place kept with each entry of the history for Back (the scroll position and the result
 * followed).
 */
import * as rules from "./finder_rules.js";

// The state of the address, of the form, and the form set to a state. `known`: the values a
// link may hold per field (browser_rules() in hooks/sportwijzer/finder/page.py).
export function finderState(form, known) {
  var voor = ""; // 'voor' from the keuzehulp: no control of its own, kept till its chip goes

  function fromAddress() {
    var pairs = [];
    new URLSearchParams(location.search).forEach(function (value, name) {
      pairs.push([name, value]);
    });
    return rules.readParams(pairs, known);
  }

  // The form as the rules read it; 'sorteer' only when it differs from what the rules choose.
  function fromForm() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) { pairs.push([name, String(value)]); });
    var read = rules.readParams(pairs, known);
    var state = read.state;
    if (state.sorteer === rules.sortMode(Object.assign({}, state, { sorteer: "" }), !!state.bij)) {
      state.sorteer = "";
      read.problems = read.problems.filter(function (p) { return p[0] !== "sorteer"; });
    }
    if (voor) { state.voor = voor; }
    return read;
  }

  function writeForm(state) {
    voor = state.voor;
    rules.FIELDS.forEach(function (name) {
      var fields = form.elements[name];
      if (!fields) { return; }
      var values = rules.MULTI.indexOf(name) >= 0 ? state[name] : [state[name]];
      if (name === "sorteer") { values = [rules.sortMode(state, !!state.bij)]; }
      if (fields.length !== undefined && fields.tagName !== "SELECT") {
        Array.prototype.forEach.call(fields, function (box) {
          box.checked = values.indexOf(box.value) >= 0;
        });
      } else {
        var value = values[0] === null || values[0] === undefined ? "" : String(values[0]);
        fields.value = value;
        if (fields.value !== value) { fields.value = ""; }
      }
    });
  }

  // The address goes into the form; a link holds no location.
  function addressInForm() {
    var read = fromAddress();
    if (read.state.bij === rules.MY_LOCATION) { read.state.bij = ""; }
    writeForm(read.state);
    return read;
  }

  return {
    fromAddress: fromAddress,
    fromForm: fromForm,
    writeForm: writeForm,
    addressInForm: addressInForm,
    forgetVoor: function () { voor = ""; }
  };
}

// The address of a state: '?beperking=visueel&toon=100', or the bare path when nothing is set.
export function address(state) {
  var params = new URLSearchParams();
  rules.toParams(state).forEach(function (pair) { params.append(pair[0], pair[1]); });
  var text = params.toString();
  return text ? "?" + text : location.pathname;
}

// The place, kept with the address for Back: history.state of the entry holds {y: the scroll
// position, followed: the href of the result someone followed from here}, each kept when the
// other changes. `isReady()`: the list shows the finder's answer (before that, nothing is kept).
export function placeKeeper(list, heading, isReady) {
  function keepPlace(more) {
    history.replaceState(Object.assign({}, history.state, { y: Math.round(window.scrollY) }, more), "");
  }

  // The focus on the result someone followed from this entry, if it is in the list; `kept`: the
  // scroll position is already where it was, so focusing does not scroll.
  function focusFollowed(kept) {
    var href = history.state && history.state.followed;
    var link = href && Array.prototype.filter.call(list.querySelectorAll("a[href]"), function (a) {
      return a.getAttribute("href") === href;
    })[0];
    if (link) { link.focus({ preventScroll: kept }); }
  }

  if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
  var scrollTimer = null;
  window.addEventListener("scroll", function () {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(function () {
      if (isReady()) { keepPlace(); }
    }, 150);
  }, { passive: true });
  window.addEventListener("pagehide", function () {
    if (isReady()) { keepPlace(); }
  });
  list.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    keepPlace({ followed: link.getAttribute("href") });
  });
  // Back from an offer's page that the browser kept whole (bfcache): the scroll position is
  // still there; the focus goes back to the link that was followed.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && isReady()) { focusFollowed(true); }
  });

  // Where this entry was: its scroll position, or the results when the link asks for them.
  return function restorePlace() {
    var kept = history.state && typeof history.state.y === "number" ? history.state.y : null;
    if (kept !== null) {
      window.scrollTo(0, kept);
    } else if (location.hash === "#resultaten") {
      heading.focus();
    }
    focusFollowed(kept !== null);
  };
}
