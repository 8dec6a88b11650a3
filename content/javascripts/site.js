/* On every page: keyboard fixes for the theme's header, and the search box in the header.
 *
 * The menu button in the theme's header is a <label> for a hidden checkbox: a keyboard cannot
 * reach it. It gets a real <button> in its place that toggles the same checkbox. On a small
 * screen the magnifier (a link to the search box without JavaScript) becomes a button that opens
 * the box. The search box loads its script (javascripts/zoekbalk.js, import()) on its first focus
 * or keystroke, never before: a page that nobody searches on fetches no search files.
 *
 * An ES module (mkdocs.yml loads it with type: module). Its ready signal (ready.js) is "site";
 * it starts "zoekbalk" as soon as it asks for zoekbalk.js, so a test that types waits for it.
 * It sets no global: a script that needs something of another imports it.
 */
import { done, start } from "./ready.js";

start("site");
var names = { __drawer: "Menu" };
var menuButton = null;

Array.prototype.forEach.call(
  document.querySelectorAll("label.md-header__button[for]"),
  function (label) {
    var id = label.getAttribute("for");
    var box = document.getElementById(id);
    if (!box || !names[id]) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon sw-headerknop sw-headerknop" + id;
    button.setAttribute("aria-label", names[id]);
    button.setAttribute("aria-expanded", String(box.checked));
    button.innerHTML = label.innerHTML; // the theme's own icon
    button.addEventListener("click", function () { box.click(); });
    box.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(box.checked));
    });
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
    if (id === "__drawer") { menuButton = button; }
  }
);

// The menu drawer, below the theme's 76.25em, where the navigation lies off-screen. Closed, its
// links are out of the Tab order (inert). Open, it is a dialog: the rest of the page is inert,
// Tab and Shift+Tab go round inside it, Escape or its close button closes it, and the focus goes
// back to the menu button. On a wide screen the navigation is a sidebar: left as it is.
function menuDrawer(box, button) {
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!drawer || !window.matchMedia) { return; }
  var small = window.matchMedia("(max-width: 76.234375em)");
  var madeInert = [];
  // What stays usable while the drawer is open: the theme's toggles and the overlay that closes it.
  var keep = "script, style, link, input.md-toggle, label.md-overlay";

  var close = document.createElement("button");
  close.type = "button";
  close.className = "md-icon sw-menusluiten";
  close.setAttribute("aria-label", "Menu sluiten");
  close.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 ' +
    '17.59 19 19 17.59 13.41 12z"/></svg>';
  close.addEventListener("click", function () {
    if (box.checked) { box.click(); }
  });
  // First in the drawer, above every level of it (a section opens as a panel over the top level).
  drawer.insertBefore(close, drawer.firstChild);

  function setRestInert(inert) {
    madeInert.forEach(function (el) { el.inert = false; });
    madeInert = [];
    if (!inert) { return; }
    for (var node = drawer; node && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (el) {
        if (el === node || el.inert || el.matches(keep)) { return; }
        el.inert = true;
        madeInert.push(el);
      });
    }
  }

  function update() {
    var open = box.checked && small.matches;
    drawer.inert = small.matches && !box.checked;
    setRestInert(open);
  }

  function stops() {
    return Array.prototype.filter.call(
      drawer.querySelectorAll("a[href], button, input, select, textarea, [tabindex]"),
      function (el) {
        return el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 &&
          getComputedStyle(el).visibility === "visible";
      }
    );
  }

  // A section of the menu opens as a panel over the level above it. When the focus leaves the
  // panel for that level, the panel closes, so that the focus is never hidden under it. A
  // section opened by keyboard (Enter on its name) takes the focus to its first link.
  function panelOf(toggle) {
    return toggle.parentElement.querySelector(":scope > .md-nav");
  }
  drawer.addEventListener("focusin", function (event) {
    if (!small.matches || !event.target.closest(".md-nav--primary")) { return; }
    Array.prototype.forEach.call(
      drawer.querySelectorAll("input.md-nav__toggle:checked:not(#__toc)"),
      function (toggle) {
        var panel = panelOf(toggle);
        if (panel && !panel.contains(event.target)) { toggle.click(); }
      }
    );
  });
  drawer.addEventListener("change", function (event) {
    var toggle = event.target;
    var panel = toggle.id !== "__toc" && toggle.matches(".md-nav__toggle") && panelOf(toggle);
    if (!panel) { return; }
    panel.setAttribute("aria-expanded", String(toggle.checked));
    var label = document.getElementById(toggle.id + "_label");
    if (small.matches && toggle.checked && label && document.activeElement === label) {
      var first = stops().filter(function (el) { return panel.contains(el); })[0];
      if (first) { first.focus(); }
    }
  });

  box.addEventListener("change", function () {
    var active = document.activeElement;
    var wasInside = drawer.contains(active) || active === document.body;
    update();
    if (!small.matches) { return; }
    if (box.checked) { close.focus(); } else if (wasInside) { button.focus(); }
  });
  document.addEventListener("keydown", function (event) {
    if (!box.checked || !small.matches) { return; }
    if (event.key === "Escape") {
      event.preventDefault();
      box.click();
      return;
    }
    if (event.key !== "Tab") { return; }
    var list = stops();
    if (!list.length) { return; }
    var first = list[0];
    var last = list[list.length - 1];
    var active = document.activeElement;
    var outside = !drawer.contains(active);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  });
  if (small.addEventListener) {
    small.addEventListener("change", update);
  } else if (small.addListener) {
    small.addListener(update); // Safari before 14
  }
  update();
}

var drawerBox = document.getElementById("__drawer");
if (menuButton && drawerBox) { menuDrawer(drawerBox, menuButton); }

// Tables that scroll sideways on a small screen must be reachable by keyboard (WCAG 2.1.1).
// The theme wraps tables after this script runs: do it again whenever it has rendered.
function scrollableTables() {
  Array.prototype.forEach.call(
    document.querySelectorAll(".md-typeset__scrollwrap, .sw-tabelvlak"),
    function (box) {
      var caption = box.querySelector("caption, th");
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Tabel" + (caption ? ": " + caption.textContent.trim() : ""));
    }
  );
}
scrollableTables();
if (window.document$ && window.document$.subscribe) {
  window.document$.subscribe(scrollableTables);
}

// The search box in the header.
var box = document.getElementById("sw-zoekbalk");
var field = document.getElementById("sw-zoekbalk-q");
var opener = document.querySelector("a.sw-zoekknop");
if (box && field) {
  var loadSearchBox = function () {
    field.removeEventListener("focus", loadSearchBox);
    field.removeEventListener("keydown", loadSearchBox);
    start("zoekbalk");
    import("./zoekbalk.js").catch(function () {
      done("zoekbalk"); // fail safe: the box stays a plain form that opens the finder
    });
  };
  field.addEventListener("focus", loadSearchBox);
  field.addEventListener("keydown", loadSearchBox);
  // A module runs once the page is parsed: someone may be in the box already.
  if (document.activeElement === field) { loadSearchBox(); }
}
if (box && field && opener) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = opener.className;
  button.setAttribute("aria-label", opener.getAttribute("aria-label"));
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "sw-zoekbalk");
  button.innerHTML = opener.innerHTML; // the theme's own icon
  opener.parentNode.replaceChild(button, opener);
  button.addEventListener("click", function () {
    var open = !box.classList.contains("sw-zoekbalk--open");
    box.classList.toggle("sw-zoekbalk--open", open);
    button.setAttribute("aria-expanded", String(open));
    if (open) { field.focus(); }
  });
  // zoekbalk.js closes the box (Escape on an empty box) with this event
  box.addEventListener("sw:sluiten", function () {
    if (!box.classList.contains("sw-zoekbalk--open")) { return; }
    box.classList.remove("sw-zoekbalk--open");
    button.setAttribute("aria-expanded", "false");
    button.focus();
  });
}

done("site");
