/* Files of this site that a script fetches when it needs them: a JSON file, or a browser
 * library that is a classic script (lunr, Leaflet), each loaded once. Only the site's own
 * address: the Content-Security-Policy refuses anything else.
 */

var loading = {};

// A classic script, added once; the promise settles when it has run or failed.
export function loadScript(src) {
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
}

// A JSON file of this site; fails on an error status.
export function json(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) { throw new Error(url + ": " + response.status); }
    return response.json();
  });
}
