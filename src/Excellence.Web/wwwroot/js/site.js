// Site-wide behaviour kept out of the markup so the Content-Security-Policy can forbid inline script.
(function () {
  "use strict";
  // htmx sends the antiforgery token with every state-changing request.
  document.addEventListener("htmx:configRequest", function (e) {
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    if (token) e.detail.headers["X-CSRF-TOKEN"] = token.value;
  });
  // A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): focusable, announced as a region.
  function focusableScrollers() {
    document.querySelectorAll(".table-responsive").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        if (!el.hasAttribute("aria-label")) {
          var caption = el.querySelector("caption");
          var heading = el.closest("section, .card, form");
          var label = caption ? caption.textContent : heading && heading.querySelector("h1, h2, h3, h4") ? heading.querySelector("h1, h2, h3, h4").textContent : document.title;
          el.setAttribute("aria-label", label.trim());
        }
      } else if (el.getAttribute("tabindex") === "0") {
        el.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);
  document.addEventListener("htmx:afterSwap", focusableScrollers);
  // Buttons that ask before doing something irreversible: data-confirm="…".
  document.addEventListener("submit", function (e) {
    var button = e.submitter;
    var message = (button && button.getAttribute("data-confirm")) || e.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) e.preventDefault();
  });
})();
