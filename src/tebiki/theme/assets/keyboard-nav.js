// Material's phone menu button and its drawer's sub-panel controls are <label>s for hidden checkboxes: they
// work with a mouse or finger (also without JavaScript) but are no buttons for the keyboard or assistive
// technology, and HTML allows no role on a <label> tied to a control. Where the drawer is in use (narrow
// screens), each such label is swapped for a real <button> with the same classes and content that toggles the
// same checkbox and says whether its panel is open (aria-expanded); on wide screens Material's labels return.
// Focus follows the panels, Escape closes the drawer. The CSS hides whatever the drawer does not show.
// Material's drawer and search checkboxes carried autocomplete=off, which HTML does not allow on a checkbox
// (mkdocs_plugin/markup_fixes.py removes it), so that a browser would not bring them back checked after a
// reload or Back: they are closed here instead, as the page is shown.
window.addEventListener("pageshow", function () {
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
});
(function () {
  // Interface strings in the site's language (assets/i18n.js, written by the build).
  var t = window.tebikiT || function (msgid) { return msgid; };
  var drawer = document.getElementById("__drawer");
  var headerLabel = document.querySelector('.md-header label[for="__drawer"]');
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !headerLabel || !sidebar) return;
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  sidebar.id = sidebar.id || "tebiki-drawer";

  // label -> its button, and back; every control of the drawer and its sub-panels but the drawer's own title
  // (which also holds the home link) and the overlay, which are pointer conveniences only.
  var pairs = [];
  var labels = [headerLabel].concat(
    Array.prototype.slice.call(document.querySelectorAll('.md-nav--primary label[for]:not([for="__drawer"])'))
  );
  labels.forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " tebiki-drawer-button";
    // Material's stylesheet places these controls by their `for` (e.g. [for=__toc] only on phones); the
    // attribute means nothing on a button but keeps them styled exactly like the labels they replace.
    button.setAttribute("for", label.htmlFor);
    button.innerHTML = label.innerHTML;
    if (label === headerLabel) {
      button.setAttribute("aria-label", label.title || t("Menu"));
      button.title = label.title || t("Menu");
      button.setAttribute("aria-controls", sidebar.id);
    } else {
      var panel = panelOf(toggle);
      if (panel) {
        panel.id = panel.id || toggle.id + "_panel";
        button.setAttribute("aria-controls", panel.id);
      }
    }
    button.addEventListener("click", function () { toggle.click(); });
    pairs.push({ label: label, button: button, toggle: toggle });
  });
  var menu = pairs[0].button;

  function panelOf(toggle) {
    return toggle.parentElement.querySelector(":scope > .md-nav");
  }
  function buttonFor(selector) {
    var found = pairs.find(function (pair) { return pair.button.isConnected && pair.button.matches(selector); });
    return found && found.button;
  }
  function showState() {
    pairs.forEach(function (pair) {
      pair.button.setAttribute("aria-expanded", pair.toggle.checked ? "true" : "false");
    });
  }
  // One of the two is in the document at a time; the id (a sub-panel's aria-labelledby) moves along.
  function followScreen() {
    pairs.forEach(function (pair) {
      var from = narrow.matches ? pair.label : pair.button;
      var to = narrow.matches ? pair.button : pair.label;
      if (!from.isConnected) return;
      if (from.id) { to.id = from.id; from.removeAttribute("id"); }
      from.replaceWith(to);
    });
    showState();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      if (menu.isConnected) menu.focus();
    }
  });
  // Opening a sub-panel moves focus to its back button; closing it returns focus to its opener.
  pairs.slice(1).forEach(function (pair) {
    pair.toggle.addEventListener("change", function () {
      showState();
      var panel = panelOf(pair.toggle);
      if (panel) panel.setAttribute("aria-expanded", pair.toggle.checked ? "true" : "false");
      if (!narrow.matches) return;
      var target = pair.toggle.checked
        ? buttonFor('.md-nav__title[for="' + pair.toggle.id + '"]')
        : buttonFor('.md-nav__link[for="' + pair.toggle.id + '"]');
      if (target) target.focus({ preventScroll: true });
    });
  });
  // The open drawer takes focus; focus leaving it (other than to the menu button) closes it.
  drawer.addEventListener("change", function () {
    showState();
    if (!drawer.checked || !narrow.matches) return;
    var first = Array.prototype.find.call(sidebar.querySelectorAll("a[href], button"), function (el) {
      return getComputedStyle(el).visibility === "visible" && el.getClientRects().length > 0;
    });
    if (first) first.focus({ preventScroll: true });
  });
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && narrow.matches && !sidebar.contains(event.target) && event.target !== menu) {
      drawer.click();
    }
  });
  narrow.addEventListener("change", followScreen);
  followScreen();
})();
// A table wider than the screen scrolls sideways inside Material's wrapper, which a keyboard user can
// scroll only if it takes focus (WCAG 2.1.1; axe: scrollable-region-focusable). Wrappers that overflow
// become focusable regions named after their table's caption; they stop being so when the table fits.
(function () {
  var t = window.tebikiT || function (msgid) { return msgid; };
  function reachable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && wrap.getAttribute("role") !== "region") {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : t("Table"));
      } else if (!scrolls && wrap.getAttribute("role") === "region") {
        ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }
  window.addEventListener("load", reachable);
  window.addEventListener("resize", reachable);
})();
