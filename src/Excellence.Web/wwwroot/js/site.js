// Site-wide behaviour kept out of the markup so the Content-Security-Policy can forbid inline script.
(function () {
  "use strict";
  // htmx sends the antiforgery token with every state-changing request.
  document.addEventListener("htmx:configRequest", function (e) {
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    if (token) e.detail.headers["X-CSRF-TOKEN"] = token.value;
  });
  // Buttons that ask before doing something irreversible: data-confirm="…".
  document.addEventListener("submit", function (e) {
    var button = e.submitter;
    var message = (button && button.getAttribute("data-confirm")) || e.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) e.preventDefault();
  });
})();
