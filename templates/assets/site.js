// mizan site: small enhancements. Every page works without this script;
// it adds the gap matrix filters and the side-by-side view of a law.
(function () {
  "use strict";

  // The menu: on a narrow screen (see site.css) a button shows and hides
  // it; without this script it is always shown.
  var siteNav = document.querySelector(".site-nav");
  var menuButton = siteNav && siteNav.querySelector(".nav-toggle");
  if (menuButton) {
    menuButton.hidden = false;
    siteNav.classList.add("collapsible");
    menuButton.addEventListener("click", function () {
      var open = siteNav.classList.toggle("open");
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Gap matrix: hide rows that do not match the chosen filters. The filters
  // live in the address (`?theme=protection&status=missing`), so a filtered
  // view can be shared, reloaded or opened in the other language.
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
    var params = new URLSearchParams(window.location.search);
    for (var p = 0; p < selects.length; p++) {
      var wanted = params.get(selects[p].getAttribute("data-filter"));
      // Only a value the select offers; anything else leaves it at "all".
      if (wanted !== null && Array.prototype.some.call(selects[p].options, function (o) { return o.value === wanted; })) {
        selects[p].value = wanted;
      }
    }
    var remember = function () {
      var q = new URLSearchParams();
      for (var i = 0; i < selects.length; i++) {
        if (selects[i].value) q.set(selects[i].getAttribute("data-filter"), selects[i].value);
      }
      var search = q.toString() ? "?" + q.toString() : "";
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
      }
      // The same view in the other language.
      var others = document.querySelectorAll(".lang-switch a[href]");
      for (var k = 0; k < others.length; k++) {
        others[k].href = others[k].href.replace(/[?#].*$/, "") + search;
      }
    };
    for (var k = 0; k < selects.length; k++) {
      selects[k].addEventListener("change", function () { apply(); remember(); });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
    remember();
  }

  // A law's page: show the other language beside each article. Its text is
  // read from that language's page of the same law, once, when first asked
  // for, so that each page holds its own language only.
  var toggle = document.getElementById("parallel-toggle");
  if (toggle) {
    var view = toggle.closest(".view-toggle");
    view.hidden = false;
    var key = "mizan.parallel";
    var loaded = null;
    var fill = function (other) {
      var sections = document.querySelectorAll("#statute section.article");
      for (var i = 0; i < sections.length; i++) {
        var row = sections[i].querySelector(".article-row");
        var box = document.createElement("div");
        box.className = "article-other";
        var found = other.getElementById(sections[i].id);
        var text = found && found.querySelector(".article-text");
        if (text) {
          box.lang = view.dataset.lang;
          box.dir = view.dataset.dir;
          var copy = document.importNode(text, true);
          // The copy keeps no ids (they are this page's) and no anchors.
          var named = copy.querySelectorAll("[id]");
          for (var j = 0; j < named.length; j++) named[j].removeAttribute("id");
          var heading = copy.querySelector(".article-heading");
          if (heading) {
            var p = document.createElement("p");
            p.className = "article-heading other-heading";
            p.textContent = heading.textContent;
            heading.replaceWith(p);
          }
          while (copy.firstChild) box.appendChild(copy.firstChild);
        } else {
          box.className += " missing";
          var note = document.createElement("p");
          note.textContent = view.dataset.missing;
          box.appendChild(note);
        }
        row.appendChild(box);
        row.classList.add("has-other");
      }
    };
    var load = function () {
      if (!loaded) {
        loaded = fetch(view.dataset.from)
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
          .then(function (html) { fill(new DOMParser().parseFromString(html, "text/html")); });
      }
      return loaded;
    };
    var set = function (on) {
      toggle.checked = on;
      if (!on) { document.body.classList.remove("parallel"); return; }
      load().then(function () {
        document.body.classList.toggle("parallel", toggle.checked);
      }, function () {
        loaded = null;
        toggle.checked = false;
        view.querySelector(".notice").hidden = false;
      });
    };
    try { set(window.localStorage.getItem(key) === "1"); } catch (e) { set(false); }
    toggle.addEventListener("change", function () {
      set(toggle.checked);
      try { window.localStorage.setItem(key, toggle.checked ? "1" : "0"); } catch (e) { /* private mode */ }
    });
  }
})();
