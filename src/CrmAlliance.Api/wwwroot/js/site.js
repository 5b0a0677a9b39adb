// Starts Det Fælles Designsystem's components, and again after each of Blazor's enhanced navigations: those patch the
// page without a load event, so the components on the new content would otherwise stay inert.
(function () {
  function initDesignSystem() {
    if (window.DKFDS) {
      window.DKFDS.init();
    }
  }

  function focusErrorSummary() {
    // The error summary comes first so keyboard and screen-reader users land on it after a refused form; else a page
    // may name where focus belongs after its form succeeded (data-focus-on-load, e.g. the confirmation of a change).
    var summary = document.querySelector('[data-testid="error-summary"]') || document.querySelector('[data-focus-on-load]');
    if (summary) {
      summary.focus();
    }
  }

  function onPage() {
    initDesignSystem();
    focusErrorSummary();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', onPage);
  } else {
    onPage();
  }

  if (window.Blazor) {
    window.Blazor.addEventListener('enhancedload', onPage);
  }
})();
