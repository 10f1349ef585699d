"""Page weight: what a phone downloads for one page, measured in Chromium.

Each page opens in a fresh browser context (empty cache) on the gzip-capable
local server; every finished request's encoded body size is summed, i.e. the
bytes a static host would send. Requests to any other host are blocked and
counted: the site must make none (privacy), the default Material page does
(Google Fonts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tebiki.checks.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.bench.measure import run
from tools.bench.pages import SitePage

HOME_GOAL_KB = 120

# A quiz script is one whose URL or inline code names a quiz (mkdocs-quiz inlines its code).
_QUIZ_PROBE = """() => {
  const scripts = [...document.scripts].filter(s => /quiz/i.test(s.src) || /quiz/i.test(s.textContent));
  const hasQuiz = document.querySelector('[data-tebiki-quiz], .quiz, [data-quiz]') !== null;
  return {hasQuiz, quizScripts: scripts.map(s => s.src || `inline (${s.textContent.length} chars)`)};
}"""


@dataclass
class Weight:
    label: str
    path: str
    bytes: int = 0  # encoded (compressed) response bodies
    requests: int = 0
    by_type: dict[str, int] = field(default_factory=dict)  # resource type -> bytes
    blocked: list[str] = field(default_factory=list)  # requests to other hosts
    has_quiz: bool = False
    quiz_scripts: list[str] = field(default_factory=list)

    @property
    def kb(self) -> float:
        return self.bytes / 1024


def measure_pages(base_url: str, pages: list[SitePage]) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    host = urlsplit(base_url).netloc
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page in pages:
                out.append(_measure(browser, p.devices["Moto G4"], base_url + page.path, host, page))
        finally:
            browser.close()
    return out


def _measure(browser, device: dict, url: str, host: str, page: SitePage) -> Weight:  # type: ignore[no-untyped-def]
    weight = Weight(page.label, page.path)
    context = browser.new_context(**device)
    finished = []

    def route(r) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(r.request.url).netloc == host or not r.request.url.startswith("http"):
            r.continue_()
        else:
            weight.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("requestfinished", lambda request: finished.append(request))
    tab.goto(url, wait_until="networkidle")
    tab.wait_for_timeout(500)  # late requests, e.g. a search index fetched after load
    for request in finished:
        if not request.url.startswith("http"):
            continue
        size = request.sizes()["responseBodySize"]
        weight.bytes += size
        weight.requests += 1
        weight.by_type[request.resource_type] = weight.by_type.get(request.resource_type, 0) + size
    probe = tab.evaluate(_QUIZ_PROBE)
    weight.has_quiz, weight.quiz_scripts = probe["hasQuiz"], probe["quizScripts"]
    context.close()
    return weight


DEFAULT_MATERIAL_CONFIG = "site_name: Material for MkDocs default\ntheme:\n  name: material\n"
DEFAULT_MATERIAL_PAGE = """\
# Welcome to MkDocs

For full documentation visit [mkdocs.org](https://www.mkdocs.org).

## Commands

* `mkdocs new [dir-name]` - Create a new project.
* `mkdocs serve` - Start the live-reloading docs server.
* `mkdocs build` - Build the documentation site.
"""


def build_default_material(work: Path, mkdocs: str, env: dict[str, str]) -> Path:
    """What a user gets from `mkdocs new` with `theme: material`: the reference page."""
    project = work / "material-default"
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "mkdocs.yml").write_text(DEFAULT_MATERIAL_CONFIG, encoding="utf-8")
    (project / "docs" / "index.md").write_text(DEFAULT_MATERIAL_PAGE, encoding="utf-8")
    site = project / "site"
    run([mkdocs, "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)], cwd=project, env=env)
    return site
