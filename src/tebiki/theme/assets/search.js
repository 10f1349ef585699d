// Pagefind UI on the search page; `?q=` (from links or the home page form) runs a search at once.
(function () {
  var ui = new PagefindUI({
    element: "#tebiki-search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: document.getElementById("tebiki-search").dataset.placeholder }
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
