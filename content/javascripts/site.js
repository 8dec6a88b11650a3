/* Keyboard fixes for the theme's header, on every page.
 *
 * The menu and search buttons in the theme's header are <label>s for hidden checkboxes: a
 * keyboard cannot reach them. Each gets a real <button> in its place that toggles the same
 * checkbox. On a phone the search field opens the search when it gets the focus, so it is
 * never focused while out of sight.
 */
(function () {
  "use strict";

  var names = { __drawer: "Menu", __search: "Zoeken" };

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
    }
  );

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

  var input = document.querySelector(".md-search__input");
  var search = document.getElementById("__search");
  if (input && search) {
    input.addEventListener("focus", function () {
      if (!search.checked) {
        search.checked = true;
        search.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }
})();
