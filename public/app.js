/* global document, window, HTMLFormElement, HTMLInputElement */
// Jalon — petites améliorations progressives ; tout fonctionne aussi sans JavaScript.
(function () {
  'use strict';

  // Asks before submitting a form marked `data-confirm="question"` (revoking a link…).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // Ticking a task saves it at once: its row's form is submitted (htmx, which boosts the
  // checklist's forms, then swaps the row in place).
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.name !== 'done' || !box.form) return;
    if (box.form.closest('.task-list')) box.form.requestSubmit();
  });

  // Selects the whole secret link when it gets the focus, ready to copy.
  document.addEventListener('focusin', function (event) {
    var input = event.target;
    if (input instanceof HTMLInputElement && input.classList.contains('feed-url')) input.select();
  });
})();
