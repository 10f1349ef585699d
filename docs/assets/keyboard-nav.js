// Material's menu button and its drawer's sub-panel buttons are <label>s, which the keyboard cannot reach:
// make them focusable (only where the drawer is in use) and operable like buttons. Material itself clicks a
// focused label on Enter; Space and Escape are added here. The CSS hides whatever the drawer does not show.
(function () {
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector('.md-header label[for="__drawer"]');
  if (!drawer || !menu) return;
  // Set here rather than in the markup: the HTML standard forbids a role on a <label> tied to a control,
  // yet assistive technology must hear a button with a name and a state.
  menu.setAttribute("role", "button");
  menu.setAttribute("aria-label", "メニュー");
  menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var panelLabels = document.querySelectorAll(
    '.md-nav--primary label.md-nav__link[for], .md-nav--primary .md-nav label.md-nav__title[for]'
  );
  function labelsFollowScreen() {
    panelLabels.forEach(function (label) {
      if (narrow.matches) { label.setAttribute("tabindex", "0"); label.setAttribute("role", "button"); }
      else { label.removeAttribute("tabindex"); label.removeAttribute("role"); }
    });
  }
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if (event.key === " " && active instanceof HTMLLabelElement && active.getAttribute("role") === "button") {
      event.preventDefault();
      active.click();
    } else if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      menu.focus();
    }
  });
  // Opening a sub-panel moves focus to its back button; closing it returns focus to its opener.
  document.querySelectorAll(".md-nav--primary .md-nav__toggle").forEach(function (toggle) {
    toggle.addEventListener("change", function () {
      if (!narrow.matches) return;
      var opener = document.querySelector('.md-nav--primary label.md-nav__link[for="' + toggle.id + '"]');
      var back = toggle.parentElement.querySelector(':scope > .md-nav > label.md-nav__title[for="' + toggle.id + '"]');
      var target = toggle.checked ? back : opener;
      if (target) target.focus({ preventScroll: true });
    });
  });
  // The open drawer takes focus; focus leaving it (other than to the menu button) closes it.
  var sidebar = document.querySelector(".md-sidebar--primary");
  drawer.addEventListener("change", function () {
    menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    if (!drawer.checked || !narrow.matches || !sidebar) return;
    var first = Array.prototype.find.call(sidebar.querySelectorAll('a[href], label[tabindex="0"]'), function (el) {
      return getComputedStyle(el).visibility === "visible" && el.getClientRects().length > 0;
    });
    if (first) first.focus({ preventScroll: true });
  });
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && narrow.matches && sidebar && !sidebar.contains(event.target) && event.target !== menu) {
      drawer.click();
    }
  });
  narrow.addEventListener("change", labelsFollowScreen);
  labelsFollowScreen();
})();
