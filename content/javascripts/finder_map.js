/* The finder's map, only on request (an ES module): Leaflet (assets/vendor/leaflet/, a classic
 * script) and the map's tiles load when someone presses "Toon op kaart", never with the page.
 * The map shows the results as markers, at most MAP_MAX, and follows the list a moment after
 * the last keystroke. It opens on the region, and shows the region when it has nothing else
 * to show: its middle comes from regio.yml (data-midden, made by finder/page.py).
 *
 * While the map loads or redraws its markers, its area is aria-busy (ready.js).
 */
import { loadScript } from "./loading.js";
import { busy } from "./ready.js";

/* global L */ // defined by leaflet.js, which openMap() loads before anything here uses it

var MAP_MAX = 500; // thousands of markers would make every keystroke slow
var REGION_ZOOM = 9;

// The map. `data`: finderData() (places and titles for the markers); `cardBase`: where an
// offer's page is; `onOpen()`: the map is there and wants the results; `onFail()`: it cannot load.
export function finderMap(form, data, cardBase, onOpen, onFail) {
  var block = document.getElementById("sw-map-block");
  var button = document.getElementById("sw-map-button");
  var area = document.getElementById("sw-map");
  var tileNote = document.getElementById("sw-map-tiles");
  var moreNote = document.getElementById("sw-map-more");
  var middle = form.getAttribute("data-midden").split(",").map(Number);
  var view = null;
  var timer = null;

  function openMap() {
    var base = form.getAttribute("data-leaflet");
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "leaflet.css";
    document.head.appendChild(css);
    return Promise.all([loadScript(base + "leaflet.js"), data.loadTitles(), data.loadPlaces()])
      .then(function () {
        L.Icon.Default.imagePath = base + "images/";
        // the region first, till the results' markers are drawn
        var map = L.map(area, { scrollWheelZoom: false }).setView(middle, REGION_ZOOM);
        L.tileLayer(form.getAttribute("data-tegels"), {
          maxZoom: 18, attribution: form.getAttribute("data-bron")
        }).on("tileerror", function () { tileNote.hidden = false; })
          .on("tileload", function () { tileNote.hidden = true; })
          .addTo(map);
        var layer = L.layerGroup().addTo(map);
        return function show(shown) {
          layer.clearLayers();
          var points = [];
          shown.forEach(function (item) {
            var link = document.createElement("a");
            var title = data.titles.titel[item.order];
            link.href = cardBase + data.titles.slug[item.order] + "/";
            link.textContent = title;
            L.marker([item.lat, item.lon], { title: title, alt: title })
              .bindPopup(link).addTo(layer);
            points.push([item.lat, item.lon]);
          });
          // a marker stands 41 px above its point: room above, so the top one shows whole
          if (points.length) {
            map.fitBounds(points, { paddingTopLeft: [20, 50], paddingBottomRight: [20, 10], maxZoom: 14 });
          }
          else { map.setView(middle, REGION_ZOOM); }
        };
      });
  }

  function setButton(open) {
    button.setAttribute("aria-expanded", String(open));
    area.hidden = !open;
    button.lastChild.textContent = open ? "Verberg de kaart" : "Toon op kaart";
  }

  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") === "true";
    setButton(!open);
    if (!open && !view) {
      busy(area, true);
      openMap().then(function (show) { view = show; onOpen(); }, function () {
        busy(area, false);
        setButton(false);
        onFail();
      });
    }
  });

  return {
    // The map follows the results (a moment after the last keystroke); with none, no map.
    follow: function (shown) {
      block.hidden = shown.length === 0;
      if (!view) { return; }
      clearTimeout(timer);
      if (!shown.length) { busy(area, false); return; }
      busy(area, true);
      timer = setTimeout(function () {
        view(shown.slice(0, MAP_MAX));
        moreNote.hidden = shown.length <= MAP_MAX;
        moreNote.textContent = "De kaart toont de eerste " + MAP_MAX + " van de " + shown.length +
          " resultaten. Kies meer filters om de rest te zien.";
        busy(area, false);
      }, 150);
    }
  };
}
