// The matrix page's filters, applied in the browser without asking the server again. The rule is
// the server's (feature/Matrix with the URL's filter), on the data attributes the page carries:
// a cell matches when it applies to the architecture and has one of the levels; a row is kept when
// a cell matches and the search text is in its title, key or a heading above it, or when a row
// below it in its section is kept. The URL keeps the filter, so a filtered view can be shared.
'use strict';
(function () {
  var form = document.getElementById('filters');
  var table = document.getElementById('matrix');
  var shown = document.getElementById('shown');
  var clear = document.getElementById('clear');
  if (!form || !table) {
    return;
  }
  document.documentElement.classList.add('js');

  // Each row once: its cells, and the lower-cased texts a search looks in.
  var headings = [];
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    var depth = Number(tr.getAttribute('data-depth'));
    var title = tr.querySelector('.title').textContent;
    headings.length = depth;
    var texts = [title, tr.getAttribute('data-key')].concat(headings.filter(Boolean))
      .map(function (text) { return text.toLowerCase(); });
    headings[depth] = title;
    return {
      tr: tr,
      depth: depth,
      texts: texts,
      cells: Array.prototype.slice.call(tr.cells, 1).map(function (td) {
        return {
          td: td,
          level: td.getAttribute('data-level'),
          arches: (td.getAttribute('data-arches') || '').split(' ')
        };
      })
    };
  });
  var withStatuses = rows.filter(function (row) { return !row.tr.classList.contains('heading'); }).length;

  function chosen() {
    var levels = Array.prototype.filter.call(form.elements.level, function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    var text = form.elements.q.value;
    return { arch: form.elements.arch.value, levels: levels, q: text.trim() ? text : '' };
  }

  function apply() {
    var filter = chosen();
    var q = filter.q.toLowerCase();
    var kept = 0;
    // From the bottom up, so a heading knows whether a row in its section is kept:
    // keptAt[d] says a row at depth d, below the current one and in the same section, is kept.
    var keptAt = [];
    for (var i = rows.length - 1; i >= 0; i--) {
      var row = rows[i];
      var textMatches = !q || row.texts.some(function (text) { return text.indexOf(q) >= 0; });
      var matches = row.cells.map(function (cell) {
        return cell.level !== null
          && (!filter.arch || cell.arches.indexOf(filter.arch) >= 0)
          && (filter.levels.length === 0 || filter.levels.indexOf(cell.level) >= 0);
      });
      var hasCells = textMatches && matches.indexOf(true) >= 0;
      var below = keptAt.slice(row.depth + 1).indexOf(true) >= 0;
      keptAt.length = Math.min(keptAt.length, row.depth + 1);
      var show = hasCells || below;
      keptAt[row.depth] = keptAt[row.depth] || show;
      row.tr.hidden = !show;
      row.cells.forEach(function (cell, j) { cell.td.classList.toggle('out', !(hasCells && matches[j])); });
      if (hasCells) {
        kept++;
      }
    }
    shown.textContent = 'Showing ' + kept + ' of ' + withStatuses + ' rows with statuses.';
    remember(filter);
  }

  // The same query string the form sends without JavaScript.
  function remember(filter) {
    var params = new URLSearchParams();
    if (filter.arch) {
      params.set('arch', filter.arch);
    }
    filter.levels.forEach(function (level) { params.append('level', level); });
    if (filter.q) {
      params.set('q', filter.q);
    }
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }

  // The URL wins over whatever the browser restored into the form.
  function restore() {
    var params = new URLSearchParams(location.search);
    var levels = [];
    params.getAll('level').forEach(function (value) { levels = levels.concat(value.split(',')); });
    form.elements.arch.value = params.get('arch') || '';
    Array.prototype.forEach.call(form.elements.level, function (box) {
      box.checked = levels.indexOf(box.value) >= 0;
    });
    form.elements.q.value = params.get('q') || '';
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  clear.addEventListener('click', function (event) {
    event.preventDefault();
    form.elements.arch.value = '';
    form.elements.q.value = '';
    Array.prototype.forEach.call(form.elements.level, function (box) { box.checked = false; });
    apply();
  });
  restore();
  apply();
}());
