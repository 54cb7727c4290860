// Live countdown to the submission deadline. The server renders the starting value; the browser only ticks.
(function () {
  "use strict";
  var el = document.querySelector(".countdown[data-deadline]");
  if (!el) return;
  var deadline = Date.parse(el.getAttribute("data-deadline"));
  // Correct for a wrong client clock: trust the server's "now" at page load.
  var skew = Date.parse(el.getAttribute("data-server-now")) - Date.now();
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function tick() {
    var left = Math.floor((deadline - (Date.now() + skew)) / 1000);
    if (left <= 0) {
      el.textContent = el.getAttribute("data-label-closed");
      return;
    }
    var parts = { d: Math.floor(left / 86400), h: pad(Math.floor(left % 86400 / 3600)), m: pad(Math.floor(left % 3600 / 60)), s: pad(left % 60) };
    Object.keys(parts).forEach(function (k) {
      var node = el.querySelector('[data-part="' + k + '"]');
      if (node) node.textContent = parts[k];
    });
    window.setTimeout(tick, 1000 - (Date.now() % 1000));
  }
  tick();
})();
