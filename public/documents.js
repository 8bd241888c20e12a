/* global document, window, fetch, HTMLAnchorElement */
// Jalon — « Tous les documents » : suit la préparation de l'archive (fichiers prêts sur le total)
// pendant son téléchargement. Sans JavaScript, le lien télécharge l'archive tel quel.
(function () {
  'use strict';

  var POLL_MS = 400;

  function token() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return (b + 0x100).toString(16).slice(1);
      })
      .join('');
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      hex.slice(12, 16),
      hex.slice(16, 20),
      hex.slice(20),
    ].join('-');
  }

  function show(status, text, state) {
    status.hidden = false;
    status.textContent = text;
    status.setAttribute('data-state', state);
  }

  function follow(link, status) {
    var base = link.getAttribute('data-pack-base') || link.getAttribute('href').split('?')[0];
    link.setAttribute('data-pack-base', base);
    var id = token();
    link.setAttribute('href', base + '?progress=' + id);
    var progressUrl = base.replace(/documents\.zip$/, 'pack-progress/') + id;
    var started = Date.now();
    show(status, 'Préparation de l’archive…', 'running');
    link.setAttribute('aria-busy', 'true');
    function stop() {
      link.removeAttribute('aria-busy');
    }
    function poll() {
      fetch(progressUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) {
          return res.ok ? res.json() : null;
        })
        .then(function (p) {
          if (!p) {
            show(status, 'Impossible de suivre la préparation de l’archive.', 'failed');
            return stop();
          }
          if (p.state === 'done') {
            show(status, 'Archive prête : ' + p.total + ' / ' + p.total + ' documents.', 'done');
            return stop();
          }
          if (p.state === 'failed') {
            show(
              status,
              'La préparation de l’archive a échoué : réessayez dans un instant.',
              'failed',
            );
            return stop();
          }
          if (p.state === 'running' && p.total > 0) {
            show(
              status,
              'Préparation de l’archive : ' + p.done + ' / ' + p.total + ' documents…',
              'running',
            );
          }
          // Pending for long: the request never reached the server (refused, or cancelled).
          if (p.state === 'pending' && Date.now() - started > 30000) return stop();
          window.setTimeout(poll, POLL_MS);
        })
        .catch(function () {
          window.setTimeout(poll, POLL_MS * 3);
        });
    }
    window.setTimeout(poll, POLL_MS / 2);
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a[data-pack]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    var status = document.getElementById(link.getAttribute('data-pack'));
    if (status) follow(link, status);
  });
})();
