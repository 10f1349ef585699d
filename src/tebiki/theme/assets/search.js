// Pagefind UI on the search page; `?q=` (from links or the home page form) runs a search at once.
(function () {
  var ui = new PagefindUI({
    element: "#tebiki-search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    // Full-width and half-width letters and digits are one: ＵＳＢ finds USB, ５０００ finds 5000
    // (the pages are written with half-width ones; NFKC folds the query the same way).
    processTerm: function (term) { return term.normalize("NFKC"); },
    translations: { placeholder: document.getElementById("tebiki-search").dataset.placeholder }
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
