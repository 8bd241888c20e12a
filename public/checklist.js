/* global document, window, HTMLInputElement, HTMLSelectElement */
// Jalon — liste de contrôle et actions groupées : améliorations progressives (tout fonctionne
// aussi sans JavaScript : filtres par lien, formulaires ordinaires, « Tous présents » par lien).
(function () {
  'use strict';

  var STORE = 'jalon-bulk-tick';

  function selectedTasks() {
    return document.querySelectorAll('input[name="taskIds"][form="bulk-tick"]:checked');
  }

  // « N tâches sélectionnées » beside the bulk tick button.
  function countSelection() {
    var out = document.getElementById('bulk-tick-count');
    if (!out) return;
    var n = selectedTasks().length;
    out.textContent = n === 0 ? '' : n === 1 ? '1 tâche sélectionnée' : n + ' tâches sélectionnées';
  }

  document.addEventListener('change', function (event) {
    var box = event.target;
    if (box instanceof HTMLInputElement && box.name === 'taskIds') countSelection();
  });
  document.addEventListener('htmx:after:swap', countSelection);

  // The selection survives a refused bulk tick (the page comes back with its rows unticked).
  document.addEventListener('submit', function (event) {
    if (!event.target || event.target.id !== 'bulk-tick') return;
    var ids = Array.prototype.map.call(selectedTasks(), function (box) {
      return box.value;
    });
    try {
      window.sessionStorage.setItem(STORE, JSON.stringify(ids));
    } catch {
      /* storage refused: nothing kept */
    }
  });

  function restoreSelection() {
    var form = document.getElementById('bulk-tick');
    if (!form) return;
    var kept;
    try {
      kept = window.sessionStorage.getItem(STORE);
      window.sessionStorage.removeItem(STORE);
    } catch {
      kept = null;
    }
    if (kept && form.getAttribute('data-bulk-failed') === '1') {
      JSON.parse(kept).forEach(function (id) {
        var box = document.querySelector('input[name="taskIds"][value="' + id + '"]');
        if (box instanceof HTMLInputElement) box.checked = true;
      });
    }
    countSelection();
  }

  // « Tous présents »: « Présent » for every candidate not yet recorded, in place.
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof window.Element)) return;
    if (target.id === 'all-present') {
      event.preventDefault();
      var first = null;
      document.querySelectorAll('select[data-attendance]').forEach(function (select) {
        if (select instanceof HTMLSelectElement && select.value === '') select.value = 'PRESENT';
        if (!first) first = select;
      });
      if (first) first.focus();
      return;
    }
    var all = target.getAttribute('data-check-all');
    var none = target.getAttribute('data-check-none');
    if (all || none) {
      var form = target.closest('form');
      if (!form) return;
      form.querySelectorAll('input[name="' + (all || none) + '"]').forEach(function (box) {
        box.checked = Boolean(all);
      });
    }
  });

  function init() {
    document.querySelectorAll('.bulk-toggle').forEach(function (p) {
      p.hidden = false;
    });
    restoreSelection();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
