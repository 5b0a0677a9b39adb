// Search as you type: a form marked data-search-as-you-type is submitted a short pause after typing in (or changing)
// one of its data-search-field inputs, through Blazor's enhanced navigation, so only the page's changed parts are
// patched, the address keeps the query, and one history entry stands for the whole search. Focus and caret stay in
// the field; text typed while an answer was on its way is kept and searched for next. Without script the form's own
// submit button works the same way.
(function () {
  var pauseMs = 250;
  var timer = null;
  var typed = null; // { id, value, start, end } of the field last typed in
  // What was typed into other fields of the page marked data-keep-while-searching (e.g. the invitation's e-mail
  // beside a company search): the search's answer would otherwise put back the values of the page it came from.
  var keptValues = {};
  var searching = false;

  function searchUrl(form) {
    var url = new URL(form.getAttribute('action') || location.pathname, document.baseURI);
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      // A new search starts from the first page; empty fields stay out of the address.
      if (name !== 'side' && value !== '') {
        params.append(name, value);
      }
    });
    url.search = params.toString();
    return url;
  }

  function submit(form) {
    timer = null;
    var url = searchUrl(form);
    if (url.href === location.href) {
      return;
    }

    if (window.Blazor && window.Blazor.navigateTo) {
      searching = true;
      window.Blazor.navigateTo(url.pathname + url.search, { replaceHistoryEntry: true });
    } else {
      form.requestSubmit();
    }
  }

  function schedule(field) {
    var form = field.form;
    if (!form || !form.hasAttribute('data-search-as-you-type')) {
      return;
    }

    typed = { id: field.id, value: field.value, start: field.selectionStart, end: field.selectionEnd };
    clearTimeout(timer);
    timer = setTimeout(function () { submit(form); }, pauseMs);
  }

  function onInput(event) {
    var field = event.target;
    if (field instanceof HTMLElement && field.hasAttribute('data-search-field')) {
      schedule(field);
    } else if (field instanceof HTMLElement && field.hasAttribute('data-keep-while-searching') && field.id) {
      keptValues[field.id] = field.value;
    }
  }

  function restoreKept() {
    if (!searching) {
      return;
    }

    searching = false;
    Object.keys(keptValues).forEach(function (id) {
      var field = document.getElementById(id);
      if (field && field.value !== keptValues[id]) {
        field.value = keptValues[id];
      }
    });
  }

  // After the page is patched: the field keeps what was typed since (Blazor sets the answer's value) and its caret.
  function restore() {
    restoreKept();
    if (!typed) {
      return;
    }

    var field = document.getElementById(typed.id);
    if (!field || !field.form || !field.form.hasAttribute('data-search-as-you-type')) {
      typed = null;
      return;
    }

    var wasFocused = document.activeElement === field;
    var selection = typed;
    if (field.value !== typed.value) {
      field.value = typed.value;
      schedule(field);
    } else {
      typed = null;
    }

    if (wasFocused || document.activeElement === document.body || document.activeElement === null) {
      field.focus();
      if (typeof selection.start === 'number' && field.setSelectionRange && field.type !== 'select-one') {
        try {
          field.setSelectionRange(selection.start, selection.end);
        } catch (e) {
          // Fields without a caret (number, select) have nothing to restore.
        }
      }
    }
  }

  document.addEventListener('input', onInput);
  document.addEventListener('change', function (event) {
    if (event.target instanceof HTMLSelectElement) {
      onInput(event);
    }
  });
  // The form's own button submits at once, and a link followed leaves the search: no search left waiting behind them.
  // A form sent for real takes its fields' values with it: nothing typed before is put back afterwards.
  document.addEventListener('submit', function () { clearTimeout(timer); keptValues = {}; searching = false; });
  document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('a[href]')) {
      clearTimeout(timer);
      typed = null;
    }
  });

  if (window.Blazor) {
    window.Blazor.addEventListener('enhancedload', restore);
  }
})();
