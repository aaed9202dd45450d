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
  var rows = document.querySelectorAll('tr[data-href]');
  for (var j = 0; j < rows.length; j++) {
    rows[j].addEventListener('click', function (e) {
      if (e.target.tagName === 'A') { return; }
      var target = document.getElementById(this.getAttribute('data-href').slice(1));
      if (target) { location.hash = this.getAttribute('data-href'); target.scrollIntoView(); }
    });
  }
  document.body.classList.add('js');
})();
