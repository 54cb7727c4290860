// Score sheet: the live total and the band descriptor of each criterion. The server computes the same total
// (points = max × band / 100, total rounded to 0.1); without this script the page still works.
(function () {
  "use strict";
  var form = document.getElementById("score-sheet");
  if (!form) return;
  var total = document.getElementById("score-total");

  function points(select) {
    if (select.value === "") return null;
    // Tenths of a point times 100, kept in integers to avoid floating error: max has one decimal at most.
    return Math.round(parseFloat(select.getAttribute("data-max")) * 10) * parseInt(select.value, 10);
  }

  function update(select) {
    var p = points(select);
    var cell = document.getElementById(select.id + "-points");
    if (cell) cell.textContent = p === null ? "–" : String(Math.round(p / 10) / 100);
    var desc = document.getElementById(select.id + "-desc");
    var option = select.options[select.selectedIndex];
    if (desc && option && option.getAttribute("data-descriptor")) desc.textContent = option.getAttribute("data-descriptor");
  }

  function recompute() {
    var sum = 0; // in thousandths of a point
    form.querySelectorAll("select.band-select").forEach(function (s) {
      var p = points(s);
      if (p !== null) sum += p;
    });
    // Round half away from zero to a tenth, as the server does (sum ≥ 0).
    if (total) total.textContent = (Math.floor((sum + 50) / 100) / 10).toFixed(1);
  }

  form.addEventListener("change", function (e) {
    if (e.target.classList && e.target.classList.contains("band-select")) {
      update(e.target);
      recompute();
    }
  });
})();
