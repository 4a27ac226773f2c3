// mizan resolver page: reads an Akoma Ntoso URI (from the form or from
// ?uri=), narrows it to a form the site's `_redirects` map lists, and goes
// to that page. The grammar is the one mizan's parser reads (the book's
// Formats chapter); text from the URI is only ever set as text.
(function () {
  "use strict";
  var form = document.getElementById("resolve-form");
  if (!form) return;
  var input = document.getElementById("uri");
  var status = document.getElementById("resolve-status");
  var root = form.getAttribute("data-root");
  var pageLang = form.getAttribute("data-lang");
  var LANGS = { eng: "en", ara: "ar" };
  var GRAMMAR = new RegExp(
    "^/akn/([a-z]{2}(?:-[a-z0-9]+)?)/([a-z][a-z0-9-]*)((?:/[a-z][a-z0-9-]*){0,2})" +
    "/([0-9]{4}(?:-[0-9]{2}-[0-9]{2})?)/([a-z0-9][a-z0-9-]*)" +
    "(?:/([a-z]{3})(@|:)?([0-9]{4}-[0-9]{2}-[0-9]{2})?)?" +
    "((?:/!?[a-z][a-z0-9_-]*)*)" +
    "(?:/?~([a-z]+_[a-z0-9_]+))?" +
    "(?:\\.(xml|html|akn))?$");

  if (location.protocol === "file:") {
    document.getElementById("resolve-http").hidden = false;
    return;
  }

  var map = null;
  function load() {
    if (!map) {
      map = fetch(new URL(root + "_redirects", document.baseURI).href).then(function (r) {
        if (!r.ok) throw new Error(r.status + " _redirects");
        return r.text();
      }).then(function (text) {
        var m = {};
        text.split("\n").forEach(function (line) {
          var f = line.trim().split(/\s+/);
          if (f.length >= 2 && f[0].charAt(0) === "/") m[f[0]] = f[1];
        });
        return m;
      });
    }
    return map;
  }

  // The message, then a URI or a path as code that reads left to right
  // inside an Arabic page.
  function say(key, extra) {
    status.textContent = status.getAttribute("data-" + key) + (extra ? " " : "");
    if (extra) {
      var code = document.createElement("code");
      code.dir = "ltr";
      code.textContent = extra;
      status.appendChild(code);
    }
  }

  // The forms to look up, most specific first, and the language root.
  function candidates(uri) {
    var m = GRAMMAR.exec(uri);
    if (!m) return null;
    var work = "/akn/" + m[1] + "/" + m[2] + m[3] + "/" + m[4] + "/" + m[5];
    var lang = m[6] ? LANGS[m[6]] : pageLang;
    if (m[6] && !lang) return { lang: pageLang, keys: [] };
    var keys = [uri];
    var eid = m[10];
    if (eid) {
      var parts = eid.split("__");
      // The portion itself, its article inside containers, then the
      // article that holds a paragraph or point.
      for (var i = 0; i < parts.length; i++) {
        for (var j = parts.length; j > i; j--) {
          keys.push(work + "/~" + parts.slice(i, j).join("__"));
        }
      }
    } else {
      if (m[6]) keys.push(work + "/" + m[6] + (m[7] === "@" && !m[8] ? "@" : ""));
      keys.push(work + "/!main");
    }
    keys.push(work);
    return { lang: lang, keys: keys };
  }

  function go(uri) {
    var c = candidates(uri);
    if (!c) {
      var example = document.querySelector("#resolve-examples code");
      say("invalid", example ? example.textContent : "");
      return;
    }
    load().then(function (m) {
      var target = null;
      c.keys.some(function (k) { target = m[k] || null; return target; });
      if (!target) {
        say("none");
        return;
      }
      // Targets are written for the site's first language: use the URI's.
      var page = target.replace(/^\/[a-z]{2}\//, c.lang + "/");
      say("found", page);
      location.assign(new URL(root + page, document.baseURI).href);
    }).catch(function (e) {
      status.textContent = String(e && e.message ? e.message : e);
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var uri = input.value.trim();
    if (!uri) return;
    var url = new URL(location.href);
    url.searchParams.set("uri", uri);
    history.replaceState(null, "", url);
    go(uri);
  });
  var given = new URLSearchParams(location.search).get("uri");
  if (given) {
    input.value = given;
    go(given.trim());
  }
})();
