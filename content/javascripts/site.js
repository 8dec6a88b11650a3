/* On every page: keyboard fixes for the theme's header, and the search box in the header.
 *
 * The menu button in the theme's header is a <label> for a hidden checkbox: a keyboard cannot
 * reach it. It gets a real <button> in its place that toggles the same checkbox. On a small
 * screen the magnifier (a link to the search box without JavaScript) becomes a button that opens
 * the box. The search box loads its script (javascripts/zoekbalk.js) on its first focus or
 * keystroke, never before: a page that nobody searches on fetches no search files.
 */
(function () {
  "use strict";

  // Scripts loaded on demand, each once (zoekbalk.js, zoeken.js, lunr, Leaflet).
  var loading = {};
  window.sportwijzer = {
    laad: function (src) {
      if (!loading[src]) {
        loading[src] = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = src;
          script.onload = resolve;
          script.onerror = function () { delete loading[src]; reject(new Error(src)); };
          document.head.appendChild(script);
        });
      }
      return loading[src];
    },
    // A JSON file of this site; fails on an error status.
    json: function (url) {
      return fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(url + ": " + response.status); }
        return response.json();
      });
    },
    // Lower case without accents, as fold() in hooks/sportwijzer/search.py.
    fold: function (text) {
      return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }
  };

  var names = { __drawer: "Menu" };

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

  // The search box in the header.
  var box = document.getElementById("sw-zoekbalk");
  var field = document.getElementById("sw-zoekbalk-q");
  var opener = document.querySelector("a.sw-zoekknop");
  if (box && field) {
    var start = function () {
      field.removeEventListener("focus", start);
      field.removeEventListener("keydown", start);
      window.sportwijzer.laad(box.getAttribute("data-script")).catch(function () {
        // fail safe: the box stays a plain form that opens the finder
      });
    };
    field.addEventListener("focus", start);
    field.addEventListener("keydown", start);
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
})();
