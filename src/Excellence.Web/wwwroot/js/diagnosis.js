// Diagnosis: the radar chart of a report (from data-radar) and the questionnaire's save-as-you-go.
(function () {
  'use strict';

  function radar() {
    var el = document.getElementById('diagnosis-radar');
    if (!el || !window.echarts) return;
    var data = JSON.parse(el.getAttribute('data-radar'));
    var chart = window.echarts.init(el);
    chart.setOption({
      animation: false,
      radar: { indicator: data.indicators, radius: el.clientWidth < 480 ? '48%' : '62%', axisName: { color: '#333', fontSize: el.clientWidth < 480 ? 10 : 11 } },
      series: [{ type: 'radar', data: [{ value: data.values, name: data.label, areaStyle: { opacity: 0.25 } }] }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // Analytics: bar or stacked bar charts from data-chart = { type, categories, series: [{ name, data }] }.
  function charts() {
    if (!window.echarts) return;
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var spec = JSON.parse(el.getAttribute('data-chart'));
      var chart = window.echarts.init(el);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { show: spec.series.length > 1, top: 0 },
        grid: { left: 40, right: 10, top: spec.series.length > 1 ? 30 : 10, bottom: 60 },
        xAxis: { type: 'category', data: spec.categories, axisLabel: { rotate: spec.categories.length > 6 ? 40 : 0, fontSize: 11 } },
        yAxis: { type: 'value' },
        series: spec.series.map(function (s) {
          return { name: s.name, type: 'bar', stack: spec.type === 'stack' ? 'levels' : undefined, data: s.data };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function questionnaire() {
    var form = document.getElementById('diagnosis-form');
    if (!form) return;
    var url = form.getAttribute('data-save-url');
    var versionInput = document.getElementById('diagnosis-version');
    var state = document.getElementById('diagnosis-save-state');
    var bar = document.getElementById('diagnosis-progress-bar');
    var text = document.getElementById('diagnosis-progress-text');
    var token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    var queue = [];
    var busy = false;

    function progress(answered, total) {
      bar.style.width = (total ? Math.round(answered * 100 / total) : 0) + '%';
      bar.parentElement.setAttribute('aria-valuenow', answered);
      text.textContent = text.getAttribute('data-template').replace('{0}', answered).replace('{1}', total);
    }
    progress(+bar.getAttribute('data-answered'), +bar.getAttribute('data-total'));

    function next() {
      if (busy || queue.length === 0) return;
      busy = true;
      var item = queue[0];
      state.textContent = state.getAttribute('data-saving');
      var body = new URLSearchParams({ code: item.code, value: item.value, version: versionInput.value, __RequestVerificationToken: token });
      fetch(url, { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (r) {
          if (r.status === 412) { var e = new Error('stale'); e.stale = true; throw e; }
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (saved) {
          queue.shift();
          versionInput.value = saved.version;
          state.textContent = state.getAttribute('data-saved').replace('{0}', saved.savedAt);
          state.classList.remove('text-danger');
          progress(saved.answered, saved.total);
          busy = false;
          next();
        })
        .catch(function (err) {
          if (err && err.stale) {
            // Saved elsewhere meanwhile (another tab or colleague): retrying cannot help, reloading does.
            state.textContent = state.getAttribute('data-stale');
            state.classList.add('text-danger');
            return;
          }
          state.textContent = state.getAttribute('data-failed');
          state.classList.add('text-danger');
          busy = false;
          setTimeout(next, 3000);
        });
    }

    form.addEventListener('change', function (e) {
      var input = e.target;
      if (input.type !== 'radio' || !input.name.startsWith('Answers[')) return;
      var code = input.name.slice(8, -1);
      queue = queue.filter(function (q) { return q.code !== code; });
      queue.push({ code: code, value: input.value });
      var q = input.closest('.diagnosis-question');
      if (q) q.classList.remove('is-missing');
      next();
    });
  }

  document.addEventListener('DOMContentLoaded', function () { radar(); charts(); questionnaire(); });
})();
