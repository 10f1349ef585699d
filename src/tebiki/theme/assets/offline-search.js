// Search for the offline package (pages opened from file://, where Pagefind cannot load).
// The build inlines every page section in tebiki-offline-index.js; this matches each word
// of the query as a substring, which suits Japanese (no spaces between words), after NFKC
// normalisation so that full-width and half-width letters and digits match each other.
(function () {
  // Interface strings in the site's language (assets/i18n.js, written by the build).
  var t = window.tebikiT || function (msgid) { return msgid; };
  var index = window.tebikiSearchIndex || [];
  var form = document.getElementById("tebiki-search");
  var input = document.getElementById("tebiki-offline-q");
  var status = document.getElementById("tebiki-offline-status");
  var list = document.getElementById("tebiki-offline-results");
  if (!form || !input || !status || !list) return;

  function norm(s) { return s.normalize("NFKC").toLowerCase(); }
  var prepared = index.map(function (e) {
    return { entry: e, hay: norm(e.p + " " + e.h + " " + e.t) };
  });

  function excerpt(text, word) {
    var at = norm(text).indexOf(word);
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, (at < 0 ? 0 : at) + word.length + 80);
    return { before: (start > 0 ? "…" : "") + text.slice(start, Math.max(start, at)),
             match: at < 0 ? "" : text.slice(at, at + word.length),
             after: text.slice(at < 0 ? start : at + word.length, end) + (end < text.length ? "…" : "") };
  }

  function search(query) {
    var words = norm(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = prepared.filter(function (p) {
      return words.every(function (w) { return p.hay.indexOf(w) >= 0; });
    }).map(function (p) {
      var score = 0;
      words.forEach(function (w) { score += p.hay.split(w).length - 1 + (norm(p.entry.h).indexOf(w) >= 0 ? 5 : 0); });
      return { entry: p.entry, score: score };
    }).sort(function (a, b) { return b.score - a.score; });
    status.textContent = hits.length
      ? t("Results for “%(query)s”: %(count)s", { query: query, count: hits.length })
      : t("No page matches “%(query)s”.", { query: query });
    hits.slice(0, 50).forEach(function (hit) {
      var e = hit.entry;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.u;
      a.textContent = e.h && e.h !== e.p ? e.p + " › " + e.h : e.p;
      li.appendChild(a);
      var ex = excerpt(e.t || e.h, words[0]);
      var p = document.createElement("p");
      p.appendChild(document.createTextNode(ex.before));
      if (ex.match) {
        var mark = document.createElement("mark");
        mark.textContent = ex.match;
        p.appendChild(mark);
      }
      p.appendChild(document.createTextNode(ex.after));
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    try { history.replaceState(null, "", url.href); } catch (err) { /* file:// may refuse; harmless */ }
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; search(q); } else { input.focus(); }
})();
