// Organisation profile form: show the market-entity type only for 市场主体 and the "other" texts only when
// 其他 is chosen. Without JavaScript every field stays visible and the server applies the same rules.
(function () {
    function update(form) {
        var nature = form.querySelector('[data-nature] input[type=radio]:checked');
        var natureValue = nature ? nature.value : '';
        var sectorOther = form.querySelector('[data-sector-other]');
        form.querySelectorAll('[data-shown-when]').forEach(function (el) {
            var rule = el.getAttribute('data-shown-when').split(':');
            var shown = rule[0] === 'nature' ? natureValue === rule[1] : !!(sectorOther && sectorOther.checked);
            el.classList.toggle('d-none', !shown);
        });
    }
    document.querySelectorAll('form').forEach(function (form) {
        if (!form.querySelector('.profile-fields')) return;
        form.addEventListener('change', function () { update(form); });
        update(form);
    });
})();
