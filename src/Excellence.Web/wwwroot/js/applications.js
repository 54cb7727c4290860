// The application form: live 字数 counters, autosave (every few seconds and on leaving a field), a local
// copy so a closed tab never loses text, retries when a save fails, and a banner when a save was stale.
(function () {
  "use strict";

  // Counters: <div class="word-count" data-count-for="id" data-limit="8000" data-template="已输入 {0} / {1} 字">.
  function updateCounter(el) {
    var field = document.getElementById(el.getAttribute("data-count-for"));
    if (!field) return;
    var limit = parseInt(el.getAttribute("data-limit"), 10);
    var n = window.WordCount.count(field.value);
    el.querySelector(".wc-text").textContent = el.getAttribute("data-template").replace("{0}", n).replace("{1}", limit);
    el.classList.toggle("over", n > limit);
    var warn = el.querySelector(".wc-over");
    if (warn) warn.hidden = n <= limit;
  }
  document.querySelectorAll(".word-count[data-count-for]").forEach(function (el) {
    var field = document.getElementById(el.getAttribute("data-count-for"));
    if (field) field.addEventListener("input", function () { updateCounter(el); });
    updateCounter(el);
  });

  // A submitted application needs no local copy any more.
  var readonly = document.getElementById("application-readonly");
  if (readonly) { try { localStorage.removeItem("excellence.application." + readonly.getAttribute("data-application-id")); } catch (e) { } }

  var form = document.getElementById("application-form");
  if (!form) return;
  var storageKey = "excellence.application." + form.getAttribute("data-application-id");
  var status = document.getElementById("autosave-status");
  var staleBanner = document.getElementById("stale-banner");
  var restoreBanner = document.getElementById("restore-banner");
  var versionInput = form.querySelector('input[name="Input.Version"]');
  var dirty = false, saving = false, retryDelay = 3000, retryTimer = null, stale = false;

  function setStatus(text, kind) {
    if (!status) return;
    status.textContent = text;
    status.className = "autosave-status autosave-" + kind;
  }
  function fields() {
    var data = {};
    form.querySelectorAll("input, textarea, select").forEach(function (el) {
      if (!el.name || el.name === "__RequestVerificationToken" || el.name === "Input.Version" || el.type === "file") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      data[el.name] = el.value;
    });
    return data;
  }
  // What the server is known to hold, field by field: the page as loaded, then each successful save.
  var base = null;
  function keepLocal() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ base: base, at: Date.now(), fields: fields() }));
    } catch (e) { /* storage full or disabled: the server copy still counts */ }
  }
  function dropLocal() { try { localStorage.removeItem(storageKey); } catch (e) { } }
  function restore(copy) {
    Object.keys(copy.fields).forEach(function (name) {
      var els = form.querySelectorAll('[name="' + name.replace(/"/g, '\\"') + '"]');
      els.forEach(function (el) {
        if (el.type === "radio" || el.type === "checkbox") el.checked = el.value === copy.fields[name];
        else el.value = copy.fields[name];
      });
    });
    document.querySelectorAll(".word-count[data-count-for]").forEach(updateCounter);
  }

  function showErrors(errors) {
    form.querySelectorAll(".autosave-error").forEach(function (e) { e.remove(); });
    form.querySelectorAll(".is-invalid").forEach(function (e) { e.classList.remove("is-invalid"); });
    Object.keys(errors || {}).forEach(function (name) {
      var el = form.querySelector('[name="' + name + '"]');
      if (!el) return;
      el.classList.add("is-invalid");
      var div = document.createElement("div");
      div.className = "invalid-feedback d-block autosave-error";
      div.textContent = errors[name];
      el.insertAdjacentElement("afterend", div);
    });
  }
  function showChecklist(missing) {
    var list = document.getElementById("checklist");
    if (!list || !missing) return;
    list.innerHTML = "";
    missing.forEach(function (m) {
      var li = document.createElement("li");
      li.textContent = m;
      list.appendChild(li);
    });
    var done = document.getElementById("checklist-done");
    if (done) done.hidden = missing.length > 0;
  }

  function save() {
    if (!dirty || saving || stale || posting) return;
    saving = true;
    dirty = false;
    setStatus(status.getAttribute("data-saving"), "saving");
    var body = new FormData(form);
    var sent = fields();
    fetch(form.getAttribute("data-autosave-url"), { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); })
      .then(function (res) {
        saving = false;
        if (res.status === 200) {
          versionInput.value = res.body.version;
          base = sent;
          retryDelay = 3000;
          showErrors({});
          showChecklist(res.body.missing);
          setStatus(status.getAttribute("data-saved").replace("{0}", res.body.savedAt), "saved");
          if (!dirty) dropLocal(); else keepLocal();
        } else if (res.status === 400) {
          showErrors(res.body.errors);
          setStatus(status.getAttribute("data-invalid"), "failed");
        } else if (res.status === 412) {
          stale = true;
          keepLocal();
          staleBanner.querySelector(".stale-detail").textContent = res.body.message;
          staleBanner.hidden = false;
          setStatus(status.getAttribute("data-stale"), "failed");
        } else {
          throw new Error("status " + res.status);
        }
      })
      .catch(function () {
        // Network or server failure: say so, keep the local copy, try again with a growing pause.
        saving = false;
        dirty = true;
        keepLocal();
        setStatus(status.getAttribute("data-failed"), "failed");
        clearTimeout(retryTimer);
        retryTimer = setTimeout(save, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60000);
      });
  }

  function changed() {
    dirty = true;
    keepLocal();
    if (!stale) setStatus(status.getAttribute("data-unsaved"), "unsaved");
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("focusout", function () { setTimeout(save, 0); });
  setInterval(save, parseInt(form.getAttribute("data-autosave-seconds") || "5", 10) * 1000);
  window.addEventListener("beforeunload", function (e) {
    if ((dirty || saving) && !posting) { keepLocal(); e.preventDefault(); }
  });

  // A local copy left by a closed tab, merged field by field: a field the server still holds as the copy
  // last knew it takes the local text at once; a field both sides changed is offered, never overwritten.
  base = fields();
  var copy = null;
  try { copy = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { copy = null; }
  if (copy && copy.fields && copy.base) {
    var current = fields(), apply = {}, conflicts = {}, applied = 0, conflicting = 0;
    Object.keys(copy.fields).forEach(function (k) {
      if (copy.fields[k] === current[k]) return;
      if (current[k] === copy.base[k] || current[k] === undefined) { apply[k] = copy.fields[k]; applied++; }
      else if (copy.fields[k] !== copy.base[k]) { conflicts[k] = copy.fields[k]; conflicting++; }
    });
    if (applied > 0) {
      restore({ fields: apply });
      dirty = true;
      setStatus(status.getAttribute("data-restored"), "unsaved");
      save();
    }
    if (conflicting > 0 && restoreBanner) {
      restoreBanner.hidden = false;
      restoreBanner.querySelector("button").addEventListener("click", function () {
        restore({ fields: conflicts });
        restoreBanner.hidden = true;
        changed();
      });
    }
    if (applied === 0 && conflicting === 0) dropLocal();
  }

  // Rows of the tables (二、三): add a row from the template.
  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    button.addEventListener("click", function () {
      var body = document.getElementById(button.getAttribute("data-add-row"));
      var template = document.getElementById(button.getAttribute("data-template"));
      var index = body.querySelectorAll("tr").length;
      var html = template.innerHTML.replace(/__i__/g, String(index)).replace(/__n__/g, String(index + 1));
      body.insertAdjacentHTML("beforeend", html);
    });
  });

  // Recommender or direct: show the part that applies.
  function syncPath() {
    var direct = form.querySelector('input[name="Input.Direct"][value="true"]');
    var show = direct && direct.checked;
    document.querySelectorAll("[data-path=direct]").forEach(function (e) { e.hidden = !show; });
    document.querySelectorAll("[data-path=recommended]").forEach(function (e) { e.hidden = show; });
  }
  form.querySelectorAll('input[name="Input.Direct"]').forEach(function (r) { r.addEventListener("change", syncPath); });
  syncPath();

  // A full post (save or submit) carries every field itself: no autosave may race it.
  var posting = false;
  form.addEventListener("submit", function (e) {
    posting = true;
    setTimeout(function () { if (e.defaultPrevented) posting = false; }, 0);
  });
})();

// Evidence uploads with a progress bar (the plain form still works without JavaScript).
(function () {
  "use strict";
  var form = document.getElementById("evidence-form");
  if (!form || !window.XMLHttpRequest) return;
  var progress = document.getElementById("evidence-progress");
  var bar = progress.querySelector(".progress-bar");
  var message = document.getElementById("evidence-message");
  form.addEventListener("submit", function (e) {
    var input = form.querySelector('input[type="file"]');
    if (!input.files || input.files.length === 0) return;
    e.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("action"));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (p) {
      if (!p.lengthComputable) return;
      var pct = Math.round(p.loaded * 100 / p.total);
      bar.style.width = pct + "%";
      progress.setAttribute("aria-valuenow", String(pct));
    });
    xhr.addEventListener("load", function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = { message: "" }; }
      if (xhr.status === 200) { window.location.reload(); return; }
      progress.hidden = true;
      message.className = "small mt-1 text-danger";
      message.textContent = body.message || ("HTTP " + xhr.status);
    });
    xhr.addEventListener("error", function () {
      progress.hidden = true;
      message.className = "small mt-1 text-danger";
      message.textContent = form.getAttribute("data-failed") || "Upload failed";
    });
    progress.hidden = false;
    bar.style.width = "0%";
    message.textContent = "";
    xhr.send(new FormData(form));
  });
})();
