// mizan search page: queries the Pagefind bundles of one text language and
// lists matching articles and provisions, each labelled by its type and
// linking to its own page. Filters (Pagefind's) narrow by type, law and
// instrument; the query, the language and the filters stay in the URL. A
// query written in another language's letters is offered that language's
// texts in one click (or searched there at once when the URL chose no
// language). British spellings are asked in American form, as the index
// holds them beside the British ones.
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
  var arabic = form.getAttribute("data-numerals") === "arabic-indic";
  var spellings = JSON.parse(form.getAttribute("data-spellings") || "[]");
  var filterBox = document.getElementById("search-filters");
  var filterSelects = filterBox ? filterBox.querySelectorAll("select[data-filter]") : [];
  var switchBox = document.getElementById("search-switch");
  var switchButton = document.getElementById("search-switch-button");

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

  // Pagefind matches a query word by prefix and, when a word matches
  // nothing, by ever shorter prefixes of it ("passport" finds "passed").
  // Each result is checked against the query: every query word must be
  // the beginning of a word of the record (Arabic and English folded and
  // lightly stemmed the same way on both sides), or the result is dropped.
  var INVISIBLE = /[\u0640\u00AD\u061C\u200C-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
  function fold(s) {
    return s.toLowerCase()
      .replace(INVISIBLE, "")
      .replace(/[\u064B-\u065F\u0670]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064A")
      .replace(/\u0629/g, "\u0647")
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); });
  }
  var AR_PREFIXES = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644", "\u0648", "\u0628", "\u0641", "\u0644", "\u0643"];
  var AR_SUFFIXES = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062A", "\u0648\u0646", "\u064A\u0646", "\u064A\u0647", "\u0647", "\u064A"];
  function core(w) {
    if (/[\u0600-\u06FF]/.test(w)) {
      for (var i = 0; i < AR_PREFIXES.length; i++) {
        var p = AR_PREFIXES[i];
        if (w.indexOf(p) === 0 && w.length - p.length >= 3) { w = w.slice(p.length); break; }
      }
      for (var j = 0; j < AR_SUFFIXES.length; j++) {
        var x = AR_SUFFIXES[j];
        if (w.length - x.length >= 3 && w.slice(-x.length) === x) { w = w.slice(0, -x.length); break; }
      }
      return w;
    }
    // English: the word less a common ending (trafficking, trafficked:
    // traffick; penalties: penalty), keeping at least three letters.
    var m = /^(.{3,})(?:ies|ied)$/.exec(w);
    if (m) return m[1] + "y";
    m = /^(.{3,}?)(?:ings|ing|edly|ed|es|s|ly|e)$/.exec(w);
    return m ? m[1] : w;
  }
  function american(w) {
    for (var i = 0; i < spellings.length; i++) {
      if (w.indexOf(spellings[i][0]) === 0) return spellings[i][1] + w.slice(spellings[i][0].length);
    }
    return w;
  }
  function words(s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(american); }
  // The query in American spelling, word by word.
  function americanQuery(q) {
    return q.replace(/[A-Za-z]+/g, function (w) {
      var a = american(w.toLowerCase());
      return a === w.toLowerCase() ? w : a;
    });
  }
  // The language a query is written in, by its letters (Arabic or Latin).
  function scriptOf(q) {
    var ar = (q.match(/[\u0600-\u06FF\u0750-\u077F]/g) || []).length;
    var la = (q.match(/[A-Za-z]/g) || []).length;
    return ar > la ? "ar" : la > ar ? "en" : null;
  }

  // The values of each filter, from the language's index.
  var filled = {};
  function fillFilters(pf, lang) {
    if (!filterBox) return Promise.resolve();
    if (filled[lang]) return filled[lang];
    filled[lang] = pf.filters().then(function (all) {
      filterSelects.forEach(function (sel) {
        var key = sel.getAttribute("data-filter");
        if (key === "type") return;
        var keep = sel.value;
        while (sel.options.length > 1) sel.remove(1);
        Object.keys((all && all[key]) || {}).sort().forEach(function (v) {
          var o = document.createElement("option");
          o.value = v;
          o.textContent = v;
          o.lang = lang;
          sel.appendChild(o);
        });
        sel.value = keep;
        if (sel.value !== keep) sel.value = "";
      });
      filterBox.hidden = false;
    });
    return filled[lang];
  }
  function chosenFilters() {
    var f = {};
    filterSelects.forEach(function (sel) {
      if (sel.value) f[sel.getAttribute("data-filter")] = sel.value;
    });
    return f;
  }
  function offerSwitch(query, lang) {
    var other = scriptOf(query);
    if (!switchBox || !other || other === lang || !bundles[other]) {
      if (switchBox) switchBox.hidden = true;
      return;
    }
    var option = langSelect.querySelector('option[value="' + other + '"]');
    switchButton.textContent = option ? option.getAttribute("data-switch") : other;
    switchButton.onclick = function () {
      langSelect.value = other;
      remember(query);
      run(query, other);
    };
    switchBox.hidden = false;
  }
  function remember(query) {
    var url = new URL(location.href);
    url.searchParams.set("q", query);
    url.searchParams.set("in", langSelect.value);
    filterSelects.forEach(function (sel) {
      var key = sel.getAttribute("data-filter");
      if (sel.value) url.searchParams.set(key, sel.value); else url.searchParams.delete(key);
    });
    history.replaceState(null, "", url);
  }
  function holds(d, terms) {
    var cores = words((d.content || "") + " " + ((d.meta && d.meta.title) || "")).map(core);
    return terms.every(function (t) {
      return cores.some(function (c) { return c.indexOf(t) === 0; });
    });
  }

  var searchId = 0;
  function run(query, lang) {
    var id = ++searchId;
    section.hidden = false;
    list.textContent = "";
    status.textContent = "…";
    // Invisible characters are folded away, as in the index.
    var folded = query.replace(/[\u0640\u00AD\u061C\u200C-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "");
    offerSwitch(folded, lang);
    return load(lang).then(function (pf) {
      // The filters' values are listed beside the search, not before it.
      var filters = chosenFilters();
      return Promise.all([fillFilters(pf, lang), pf.search(americanQuery(folded), { filters: filters })])
        .then(function (both) { return both[1]; });
    }).then(function (res) {
      var terms = words(folded).map(core);
      return Promise.all(res.results.slice(0, 100).map(function (r) { return r.data(); })).then(function (all) {
        if (id !== searchId) return;
        var data = all.filter(function (d) { return holds(d, terms); });
        // Records that hold the query's words as written (not only their
        // stems: "forced" is not "force") come first, then those whose
        // heading holds them; Pagefind's order otherwise.
        var exact = words(folded);
        var rank = function (d) {
          var body = words(d.content || "");
          var head = words((d.meta && d.meta.title) || "");
          var n = 0;
          exact.forEach(function (w) {
            if (body.indexOf(w) >= 0 || head.indexOf(w) >= 0) n += 2;
            if (head.indexOf(w) >= 0) n += 1;
          });
          return n;
        };
        data = data.map(function (d, i) { return { d: d, i: i, r: rank(d) }; })
          .sort(function (x, y) { return y.r - x.r || x.i - y.i; })
          .map(function (x) { return x.d; });
        status.textContent = data.length
          ? status.getAttribute("data-count") + " " + digits(data.length) + (res.results.length > 100 ? "+" : "")
          : status.getAttribute("data-none");
        data.slice(0, 30).forEach(function (d) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.className = "result-title";
          // Records carry their page's URL (relative to a language root,
          // Pagefind adds nothing to it) and the law or instrument as the
          // `source` filter: the title is only the article's heading.
          var url = String(d.raw_url || d.url || "").replace(/^\//, "");
          var source = d.filters && d.filters.source && d.filters.source[0];
          a.href = base + url;
          a.textContent = (source ? source + ": " : "") + (d.meta.title || url);
          a.lang = lang;
          var title = document.createElement("p");
          title.style.margin = "0";
          var type = d.filters && d.filters.type && d.filters.type[0];
          if (type && list.getAttribute("data-" + type)) {
            var tag = document.createElement("span");
            tag.className = "tag result-type result-" + type;
            tag.textContent = list.getAttribute("data-" + type);
            title.appendChild(tag);
            title.appendChild(document.createTextNode(" "));
          }
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

  // An Akoma Ntoso URI is not a query: the resolver page answers it.
  function resolveUri(query) {
    if (query.indexOf("/akn/") !== 0) return false;
    location.assign(base + "resolve/index.html?uri=" + encodeURIComponent(query));
    return true;
  }

  var params = new URLSearchParams(location.search);
  var q = params.get("q");
  var wanted = params.get("in");
  if (wanted && bundles[wanted]) langSelect.value = wanted;
  else if (q && bundles[scriptOf(q)]) langSelect.value = scriptOf(q);
  filterSelects.forEach(function (sel) {
    var v = params.get(sel.getAttribute("data-filter"));
    if (v) {
      // The law and instrument lists are filled when the index loads.
      if (!sel.querySelector('option[value="' + CSS.escape(v) + '"]')) {
        var o = document.createElement("option");
        o.value = v;
        o.textContent = v;
        sel.appendChild(o);
      }
      sel.value = v;
    }
    sel.addEventListener("change", function () {
      var query = input.value.trim();
      if (!query) return;
      remember(query);
      run(query, langSelect.value);
    });
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var query = input.value.trim();
    if (!query || resolveUri(query)) return;
    remember(query);
    run(query, langSelect.value);
  });
  if (q && resolveUri(q.trim())) return;
  if (q) {
    input.value = q;
    run(q, langSelect.value);
  }
  // The chosen language's shards are merged, and its filters listed, as
  // soon as the page opens (or another language is chosen), while the
  // reader types: a query then waits only for its own words' index. A
  // failure here is shown by the search that needs the index.
  function warm() {
    var lang = langSelect.value;
    if (!bundles[lang]) return;
    load(lang).then(function (pf) { return fillFilters(pf, lang); }).catch(function () {});
  }
  warm();
  langSelect.addEventListener("change", warm);
})();
