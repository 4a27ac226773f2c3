// mizan search page: queries the Pagefind bundles of one text language and
// lists matching articles, each linking to its anchor on its law's page.
// Results are built with text nodes only: no text from the index is ever
// parsed as HTML.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("q");
  var langSelect = document.getElementById("search-lang");
  var section = document.getElementById("search-results-section");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var base = form.getAttribute("data-base");
  var root = form.getAttribute("data-root");
  var bundles = {};
  JSON.parse(form.getAttribute("data-bundles")).forEach(function (pair) { bundles[pair[0]] = pair[1]; });
  var loaded = {};
  var arabic = document.documentElement.lang === "ar";

  if (location.protocol === "file:") {
    document.getElementById("search-http").hidden = false;
    return;
  }

  function digits(n) {
    var s = String(n);
    return arabic ? s.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0660 + Number(d)); }) : s;
  }

  function load(lang) {
    if (!loaded[lang]) {
      var dirs = bundles[lang] || [];
      var url = function (d) { return new URL(root + d + "/", document.baseURI).href; };
      loaded[lang] = import(url(dirs[0]) + "pagefind.js").then(function (pf) {
        return pf.options({ excerptLength: 28 }).then(function () {
          var merges = dirs.slice(1).map(function (d) { return pf.mergeIndex(url(d), { language: lang }); });
          return Promise.all(merges).then(function () { return pf; });
        });
      });
    }
    return loaded[lang];
  }

  // Pagefind marks hits with <mark>; keep those and nothing else.
  function excerpt(text) {
    var p = document.createElement("p");
    p.className = "excerpt";
    text.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      if (part) {
        var node = document.createTextNode(part);
        if (inMark) { var m = document.createElement("mark"); m.appendChild(node); p.appendChild(m); }
        else p.appendChild(node);
      }
      return inMark;
    }, false);
    return p;
  }

  var searchId = 0;
  function run(query, lang) {
    var id = ++searchId;
    section.hidden = false;
    list.textContent = "";
    status.textContent = "…";
    // Invisible characters are folded away, as in the index.
    var folded = query.replace(/[\u0640\u00AD\u061C\u200C-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "");
    return load(lang).then(function (pf) {
      return pf.search(folded);
    }).then(function (res) {
      return Promise.all(res.results.slice(0, 30).map(function (r) { return r.data(); })).then(function (data) {
        if (id !== searchId) return;
        status.textContent = data.length
          ? status.getAttribute("data-count") + " " + digits(res.results.length)
          : status.getAttribute("data-none");
        data.forEach(function (d) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.className = "result-title";
          a.href = base + (d.meta.path || "");
          a.textContent = d.meta.title || d.meta.path;
          a.lang = lang;
          var title = document.createElement("p");
          title.style.margin = "0";
          title.appendChild(a);
          li.appendChild(title);
          var ex = excerpt(d.excerpt || "");
          ex.lang = lang;
          ex.dir = lang === "ar" ? "rtl" : "ltr";
          li.appendChild(ex);
          list.appendChild(li);
        });
      });
    }).catch(function (e) {
      status.textContent = String(e && e.message ? e.message : e);
    });
  }

  var params = new URLSearchParams(location.search);
  var q = params.get("q");
  var wanted = params.get("in");
  if (wanted && bundles[wanted]) langSelect.value = wanted;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var query = input.value.trim();
    if (!query) return;
    var url = new URL(location.href);
    url.searchParams.set("q", query);
    url.searchParams.set("in", langSelect.value);
    history.replaceState(null, "", url);
    run(query, langSelect.value);
  });
  if (q) {
    input.value = q;
    run(q, langSelect.value);
  }
})();
