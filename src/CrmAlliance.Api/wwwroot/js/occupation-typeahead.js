// Occupation typeahead: as the user types in a [data-occupation-search] field, the select it names in aria-controls
// is filled with the matching DISCO-08 occupations from the `occupations` GraphQL query (the same OccupationSearch the
// server uses), so the form submits the chosen code. Without script the server fills the select from the typed text
// when the form is sent. Only the most specific codes are offered (mostSpecific: true), so an occupation appears once:
// 721200, not also its unit group 7212 of the same title.
(function () {
  var pauseMs = 200;
  var timer = null;
  var latest = 0;
  var query = 'query($search: String) { occupations(search: $search, mostSpecific: true, first: 100) { code title titleDa } }';

  function label(occupation) {
    var danish = document.documentElement.lang !== 'en';
    var title = danish && occupation.titleDa ? occupation.titleDa : occupation.title;
    return title + ' (' + occupation.code + ')';
  }

  function fill(field, select, occupations) {
    var chosen = select.value;
    var placeholder = select.querySelector('option[value=""]');
    select.replaceChildren();
    if (placeholder) {
      select.appendChild(placeholder);
    }

    occupations.forEach(function (occupation) {
      var option = document.createElement('option');
      option.value = occupation.code;
      option.textContent = label(occupation);
      option.selected = occupation.code === chosen;
      select.appendChild(option);
    });

    var status = document.getElementById(field.getAttribute('data-occupation-status'));
    if (status) {
      var template = occupations.length === 1 ? status.getAttribute('data-one') : status.getAttribute('data-many');
      status.textContent = (template || '').replace('{0}', String(occupations.length));
    }
  }

  function search(field) {
    timer = null;
    var select = document.getElementById(field.getAttribute('aria-controls'));
    var text = field.value.trim();
    if (!select || text.length < 2) {
      return;
    }

    var ticket = ++latest;
    fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: query, variables: { search: text } }),
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        // An answer to older typing is dropped: the newest search decides the list.
        if (ticket !== latest || !answer || !answer.data) {
          return;
        }

        fill(field, select, answer.data.occupations);
      })
      .catch(function () {
        // Offline or refused: the server fills the list when the form is sent.
      });
  }

  document.addEventListener('input', function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.hasAttribute('data-occupation-search')) {
      clearTimeout(timer);
      timer = setTimeout(function () { search(field); }, pauseMs);
    }
  });
})();
