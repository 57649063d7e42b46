// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // Quick exit: blank the screen at once, then replace this page in the history with /exit, which ends a
  // staff session, clears this site's data and redirects to a neutral site, so that "back" does not return
  // here. Without JavaScript the link goes to /exit all the same.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-quick-exit]');
    if (!link) {
      return;
    }
    event.preventDefault();
    document.documentElement.style.visibility = 'hidden';
    document.title = '';
    window.location.replace(link.href);
  });
}());
