// Pagefind UI on the search page, online and offline; `?q=` (from links or the home page form)
// runs a search at once.
(function () {
  var box = document.getElementById("tebiki-search");
  if (!box || typeof PagefindUI === "undefined") return;
  var offline = box.dataset.offline === "true";

  // Japanese has no spaces: Pagefind splits the pages with its dictionary when indexing but the
  // query with the browser's, and the two disagree (中小企業 is one word to the browser, mostly
  // 中 + 小 + 企業 in the index, and not cut the same way on every page), so a query word can
  // miss pages that hold it. The build lists the index's own words with the pages Pagefind finds
  // for each (pagefind/tebiki-words.js). Each word of the query, as the browser cuts it (as
  // Pagefind will), is searched as the split into index words that Pagefind finds on the most
  // pages (it wants every piece on a page): the pages hold the word however the index cut it.
  // Fewer pieces break a tie.
  var words = window.tebikiSearchWords || {};
  var has = function (w) { return Object.prototype.hasOwnProperty.call(words, w); };
  // Only where Pagefind itself cuts the query with the browser's segmenter (languages written
  // without spaces); elsewhere the query goes to Pagefind as typed, NFKC aside.
  var lang = document.documentElement.lang || "";
  var unspaced = ["ja", "zh", "th"].indexOf(lang.split("-")[0].toLowerCase()) >= 0;
  var segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(lang, { granularity: "word" }) : null;
  var LONGEST = 16; // longer runs are left to Pagefind: the ways to split grow as 2^length

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  // The index words are lowercase and without marks (Pagefind stores パスワード as ハスワート).
  function bare(text) { return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC"); }

  // `word` cut into the pieces to search, in its own spelling (Pagefind strips the marks itself
  // and cuts each piece again with the browser's segmenter, which must see real words).
  function splitWord(word) {
    var key = bare(word);
    if (key.length < 2 || key.length > LONGEST || key.length !== word.length) return word;
    var best = null;
    (function walk(at, ends, pages) {
      if (best && pages.length < best.pages.length) return; // only loses pages from here on
      if (at === key.length) {
        if (!best || pages.length > best.pages.length ||
            (pages.length === best.pages.length && ends.length < best.ends.length)) {
          best = { ends: ends.slice(), pages: pages };
        }
        return;
      }
      for (var end = key.length; end > at; end--) {
        var piece = key.slice(at, end);
        if (!has(piece)) continue;
        ends.push(end);
        walk(end, ends, pages === null ? words[piece] : intersect(pages, words[piece]));
        ends.pop();
      }
    })(0, [], null);
    if (!best || !best.pages.length) return word; // not made of index words: left to Pagefind
    return best.ends.map(function (end, i) { return word.slice(i ? best.ends[i - 1] : 0, end); }).join(" ");
  }
  // The browser's cut of `run`, and the same with each word split into index words.
  function cuts(run) {
    if (!segmenter) return [run, splitWord(run)];
    var plain = [], split = [];
    for (var part of segmenter.segment(run)) {
      plain.push(part.segment);
      split.push(part.isWordLike ? splitWord(part.segment) : part.segment);
    }
    return [plain.join(" "), split.join(" ")];
  }

  // Full-width and half-width letters and digits are one: ＵＳＢ finds USB, ５０００ finds 5000
  // (NFKC folds the query as the pages are written). Both cuts are kept for the phrase search.
  var phrases = {};
  function processTerm(term) {
    if (!unspaced) return term.normalize("NFKC");
    var parts = term.normalize("NFKC").split(/\s+/).map(cuts);
    var split = parts.map(function (c) { return c[1]; }).join(" ");
    phrases[split] = [split, parts.map(function (c) { return c[0]; }).join(" ")];
    return split;
  }

  // Pagefind ranks the pages holding the pieces of a split word (中 小 企業) by how often they
  // hold each piece, wherever: the pages holding them side by side, the phrase typed, come first.
  // The interface hands over the module it loads (publish/search.py, hook_ui); exact searches
  // ("…", Pagefind's own) of both cuts of the query find those pages; each group keeps
  // Pagefind's order.
  window.tebikiSearchModule = function (pagefind) {
    var wrapped = Object.assign({}, pagefind);
    wrapped.search = function (term, options) {
      var plain = pagefind.search(term, options);
      if (!term || !/\S\s+\S/.test(term.trim())) return plain;
      var forms = Array.from(new Set(phrases[term] || [term]));
      var exactly = forms.map(function (form) { return pagefind.search("\"" + form.trim() + "\"", options); });
      return Promise.all([plain].concat(exactly)).then(function (found) {
        var all = found[0], exact = new Set();
        if (!all) return all;
        found.slice(1).forEach(function (f) { (f ? f.results : []).forEach(function (r) { exact.add(r.id); }); });
        var first = all.results.filter(function (r) { return exact.has(r.id); });
        var rest = all.results.filter(function (r) { return !exact.has(r.id); });
        return Object.assign({}, all, { results: first.concat(rest) });
      });
    };
    return wrapped;
  };

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
    noWorker: offline,
    // Offline, result URLs from the root ("/guideline/point1.html"), made relative below.
    baseUrl: offline ? "/" : undefined
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
