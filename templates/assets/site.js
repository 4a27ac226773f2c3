// mizan site: small enhancements. Every page works without this script;
// it adds the gap matrix filters and the side-by-side view of a law.
(function () {
  "use strict";

  // Gap matrix: hide rows that do not match the chosen filters.
  var form = document.getElementById("gap-filters");
  var table = document.getElementById("gap-matrix");
  if (form && table) {
    form.hidden = false;
    var selects = form.querySelectorAll("select[data-filter]");
    var rows = table.tBodies[0].rows;
    var count = document.getElementById("gap-count");
    var apply = function () {
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var ok = true;
        for (var j = 0; j < selects.length; j++) {
          var want = selects[j].value;
          if (want && row.getAttribute("data-" + selects[j].getAttribute("data-filter")) !== want) {
            ok = false;
          }
        }
        row.hidden = !ok;
        if (ok) shown++;
      }
      if (count) {
        count.textContent = document.documentElement.lang === "ar"
          ? String(shown).replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0660 + Number(d)); })
          : String(shown);
      }
    };
    for (var k = 0; k < selects.length; k++) selects[k].addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // A law's page: show the other language beside each article.
  var toggle = document.getElementById("parallel-toggle");
  if (toggle) {
    toggle.closest(".view-toggle").hidden = false;
    var key = "mizan.parallel";
    var set = function (on) {
      document.body.classList.toggle("parallel", on);
      toggle.checked = on;
    };
    try { set(window.localStorage.getItem(key) === "1"); } catch (e) { set(false); }
    toggle.addEventListener("change", function () {
      set(toggle.checked);
      try { window.localStorage.setItem(key, toggle.checked ? "1" : "0"); } catch (e) { /* private mode */ }
    });
  }
})();
