"""`mkdocs serve` reloads an open tab through an inline script it adds to every page it serves;
each page's Content-Security-Policy (publish/csp.py) blocks inline scripts it does not list by
hash, and that one changes with every request. So while serving, every page also loads this
script from the site, which reads the blocked script's arguments (the build the page is from)
and asks the server the same way MkDocs' script does (MkDocs 1.6.1, `livereload/__init__.py`)."""

from __future__ import annotations

PATH = "assets/tebiki-livereload.js"

SCRIPT = """\
(function () {
  var call = null;
  for (var script of document.scripts) {
    call = /livereload\\((\\d+), (\\d+)\\)/.exec(script.textContent) || call;
  }
  if (!call) return;
  var epoch = parseFloat(call[1]), id = call[2], req, timer;
  function stop() {
    if (req) { req.onloadend = null; req.abort(); }
    clearTimeout(timer);
    req = timer = undefined;
  }
  function poll() {
    stop();
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) location.reload();
      else timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    req.open("GET", "/livereload/" + call[1] + "/" + id);
    req.send();
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll(); else stop();
  });
  window.addEventListener("beforeunload", stop);
  if (document.visibilityState === "visible") poll();
})();
"""


def add_to(page: str, to_root: str) -> str:
    """`page` loading the script (deferred: MkDocs adds its own at the end of the body when serving)."""
    tag = f'<script src="{to_root}{PATH}" defer></script>'
    end = page.rfind("</head>")
    return page[:end] + tag + page[end:] if end >= 0 else page + tag
