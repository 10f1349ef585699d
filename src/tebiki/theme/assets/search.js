// Pagefind UI on the search page, online and offline; `?q=` (from links or the home page form)
// runs a search at once.
(function () {
  var box = document.getElementById("tebiki-search");
  if (!box || typeof PagefindUI === "undefined") return;
  var offline = box.dataset.offline === "true";

  // Japanese has no spaces: Pagefind splits the pages with its dictionary when indexing but the
  // query with the browser's, and the two disagree (中小企業 is one word to the browser, mostly
  // 中 + 小 + 企業 in the index, and not the same on every page), so a query word can miss pages
  // that hold it. The build lists the index's own words with the pages Pagefind finds for each
  // (pagefind/tebiki-words.js). A run of text is split into index words, choosing the split
  // whose rarest piece is on the most pages (Pagefind wants every piece on a page): pages hold
  // the phrase however the index cut it. Fewer pieces break a tie.
  var words = window.tebikiSearchWords || {};
  var longest = 0;
  Object.keys(words).forEach(function (w) { longest = Math.max(longest, w.length); });

  function better(a, b) { return !b || a.pages > b.pages || (a.pages === b.pages && a.pieces < b.pieces); }
  function split(run) {
    if (run.length < 2) return run;
    var n = run.length, best = [{ pages: Infinity, pieces: 0 }];
    for (var i = 1; i <= n; i++) {
      best[i] = null;
      for (var j = Math.max(0, i - longest); j < i; j++) {
        var piece = run.slice(j, i);
        if (!best[j] || !Object.prototype.hasOwnProperty.call(words, piece)) continue;
        var option = { pages: Math.min(best[j].pages, words[piece]), pieces: best[j].pieces + 1, from: j };
        if (better(option, best[i])) best[i] = option;
      }
    }
    if (!best[n]) return run; // not made of index words: left to Pagefind as typed
    var pieces = [];
    for (var k = n; k > 0; k = best[k].from) pieces.unshift(run.slice(best[k].from, k));
    return pieces.join(" ");
  }

  // Full-width and half-width letters and digits are one: ＵＳＢ finds USB, ５０００ finds 5000
  // (NFKC folds the query as the pages are written). The index words are lowercase and without
  // marks (Pagefind stores パスワード as パスワート), so the query is compared in that form.
  function processTerm(term) {
    return term.normalize("NFKC").split(/\s+/).map(function (part) {
      return split(part.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC"));
    }).join(" ");
  }

  // Offline the pages are files: Pagefind's root-relative URLs are made relative to this page,
  // which sits at the root of the package, and a folder's URL to its index.html.
  function local(url) {
    var parts = url.replace(/^\/+/, "").split("#");
    if (parts[0] === "" || parts[0].slice(-1) === "/") parts[0] += "index.html";
    return parts.join("#");
  }
  function processResult(result) {
    if (!offline) return result;
    result.url = local(result.url);
    (result.sub_results || []).forEach(function (sub) { sub.url = local(sub.url); });
    return result;
  }

  var ui = new PagefindUI({
    element: "#tebiki-search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    processTerm: processTerm,
    processResult: processResult,
    translations: JSON.parse(box.dataset.translations || "{}"),
    // From file:// Chromium refuses web workers; Pagefind then searches on the page itself.
    noWorker: offline
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
