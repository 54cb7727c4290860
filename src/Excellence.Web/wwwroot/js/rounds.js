// The timeline rows of the year form: without JavaScript the add and remove buttons post the form and
// the server redisplays it; with it, rows are added and removed in place and renumbered before saving.
(function () {
  "use strict";
  var table = document.querySelector(".round-timeline tbody");
  var add = document.querySelector("[data-timeline-add]");
  if (!table || !add) return;

  function renumber() {
    Array.prototype.forEach.call(table.rows, function (row, i) {
      row.querySelectorAll("[name^='Input.Timeline[']").forEach(function (el) {
        el.name = el.name.replace(/^Input\.Timeline\[\d+\]/, "Input.Timeline[" + i + "]");
        if (el.id) el.id = el.id.replace(/^Input_Timeline_\d+__/, "Input_Timeline_" + i + "__");
      });
      row.querySelectorAll("[aria-label]").forEach(function (el) {
        el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+$/, String(i + 1)));
      });
    });
  }

  table.addEventListener("click", function (e) {
    var button = e.target.closest("[data-timeline-remove]");
    if (!button) return;
    e.preventDefault();
    button.closest("tr").remove();
    renumber();
  });

  add.addEventListener("click", function (e) {
    var last = table.rows[table.rows.length - 1];
    if (!last) return; // nothing to copy: let the server add the first row
    e.preventDefault();
    var row = last.cloneNode(true);
    row.querySelectorAll("input, select").forEach(function (el) {
      if (el.tagName === "SELECT") el.selectedIndex = 0; else el.value = "";
    });
    row.querySelectorAll(".invalid-feedback").forEach(function (el) { el.remove(); });
    table.appendChild(row);
    renumber();
    var first = row.querySelector("select");
    if (first) first.focus();
  });
})();
