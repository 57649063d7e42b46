// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // Quick exit: blank the screen at once, then replace this page in the history with a neutral site,
  // so that "back" does not return here. Without JavaScript the link goes to /exit, which redirects.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-quick-exit]');
    if (!link) {
      return;
    }
    event.preventDefault();
    document.documentElement.style.visibility = 'hidden';
    document.title = '';
    window.location.replace(link.getAttribute('data-exit-url') || link.href);
  });
}());
