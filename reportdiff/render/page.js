(function () {
  var radios = document.querySelectorAll('input[name="filter"]');
  function apply() {
    var v = document.querySelector('input[name="filter"]:checked').value;
    document.body.classList.remove('only-changed', 'only-new', 'only-dropped');
    if (v !== 'all') { document.body.classList.add('only-' + v); }
  }
  for (var i = 0; i < radios.length; i++) { radios[i].addEventListener('change', apply); }
  var promiseRadios = document.querySelectorAll('input[name="cfilter"]');
  function applyPromises() {
    var v = document.querySelector('input[name="cfilter"]:checked').value;
    document.body.setAttribute('data-promises', v);
  }
  for (var k = 0; k < promiseRadios.length; k++) { promiseRadios[k].addEventListener('change', applyPromises); }
  // A pane scrolls to one of its paragraphs without moving the page.
  function scrollPane(id) {
    var el = id && document.getElementById(id);
    if (!el) { return; }
    var pane = el.closest('.pane');
    if (pane) { pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8; }
    el.classList.add('flash');
    setTimeout(function () { el.classList.remove('flash'); }, 1500);
  }
  var rows = document.querySelectorAll('tr.ledger-row');
  for (var j = 0; j < rows.length; j++) {
    rows[j].addEventListener('click', function (e) {
      if (e.target.tagName === 'A') { return; }
      this.classList.toggle('open');
      scrollPane(this.getAttribute('data-old'));
      var href = this.getAttribute('data-href');
      if (href) {
        location.hash = href;
        scrollPane(href.slice(1));
        var target = document.getElementById(href.slice(1));
        if (target) { target.scrollIntoView({block: 'nearest'}); }
      }
    });
  }
  // Side-by-side diffs: next/previous change, and a context-only mode.
  var positions = {};
  function go(view, step) {
    var section = document.getElementById(view);
    var total = parseInt(section.getAttribute('data-total'), 10);
    if (!total) { return; }
    var n = (positions[view] || 0) + step;
    if (n < 1) { n = total; } else if (n > total) { n = 1; }
    positions[view] = n;
    var old = section.querySelectorAll('.current');
    for (var q = 0; q < old.length; q++) { old[q].classList.remove('current'); }
    var marks = section.querySelectorAll('[data-h="' + n + '"]');
    for (var r = 0; r < marks.length; r++) { marks[r].classList.add('current'); }
    if (marks.length) { marks[0].scrollIntoView({block: 'center'}); }
    section.querySelector('.pos').textContent = 'change ' + n + ' of ' + total;
  }
  var buttons = document.querySelectorAll('.difftools button');
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener('click', function () {
      go(this.getAttribute('data-view'), this.classList.contains('next') ? 1 : -1);
    });
  }
  var contexts = document.querySelectorAll('.context-only');
  for (var x = 0; x < contexts.length; x++) {
    contexts[x].addEventListener('change', function () {
      document.getElementById(this.getAttribute('data-view')).classList.toggle('context', this.checked);
    });
  }
  document.body.classList.add('js');
})();
