(function () {
  "use strict";
  var ids = ["f-severity", "f-predicate", "f-doc"];
  var sel = ids.map(function (id) { return document.getElementById(id); });
  var showSuppressed = document.getElementById("f-suppressed");
  var count = document.getElementById("f-count");
  var none = document.getElementById("f-none");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  function apply() {
    var sev = sel[0].value, pred = sel[1].value, doc = sel[2].value, shown = 0;
    cards.forEach(function (card) {
      var ok = (!sev || card.dataset.severity === sev) && (!pred || card.dataset.predicate === pred) &&
               (!doc || card.dataset.docs.split(" ").indexOf(doc) >= 0) &&
               (showSuppressed.checked || card.dataset.suppressed !== "1");
      card.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    count.textContent = "showing " + shown + " of " + cards.length + " findings";
    none.classList.toggle("hidden", shown !== 0 || cards.length === 0);
  }
  sel.forEach(function (s) { s.addEventListener("change", apply); });
  showSuppressed.addEventListener("change", apply);
  document.getElementById("f-reset").addEventListener("click", function () {
    sel.forEach(function (s) { s.value = ""; });
    showSuppressed.checked = true;
    apply();
  });
  var search = document.getElementById("s-filter");
  var subjects = Array.prototype.slice.call(document.querySelectorAll("details.subject"));
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    subjects.forEach(function (d) {
      d.classList.toggle("hidden", q !== "" && d.dataset.search.indexOf(q) < 0);
    });
  });
  apply();
})();
