"""The automated accessibility run whose results the site publishes (FACTS §5).

`tebiki a11y` serves the built site under its sub-path on 127.0.0.1, opens every
page in Debian's Chromium and runs axe-core (bundled by axe-playwright-python)
with the WCAG 2.0/2.1/2.2 A and AA rules. It writes what it found, with the date
and the commit it tested, to a JSON file; the next build renders that file as
the test-results page (generate/accessibility.py). `make publish` and the Pages
workflow run it on every publication, so the page never describes another site.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..data.a11y_results import PageResult, Rule, Run, Violation
from ..files import write_atomic
from ..translations import _
from .chromium import CHROMIUM, CHROMIUM_ARGS
from .localsite import serve, site_pages

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORT_SIZE = (1280, 900)  # a desktop screen, as the browser tests use
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": TAGS},
    # WCAG 2.2 AA 2.5.8 (target size) is off by default in axe-core: switch it on, as the tests do.
    "rules": {"target-size": {"enabled": True}},
}


def _heading(page: Any) -> str:  # a Playwright page
    """The page's own heading: its <title> also carries the site name."""
    h1 = page.locator("h1")
    return " ".join(h1.first.inner_text().split()) if h1.count() else page.title()


def run(site_dir: Path, *, commit: str | None, sub_path: str = "/tebiki/", pages: list[str] | None = None) -> Run:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    pages = pages if pages is not None else site_pages(site_dir)
    axe = Axe()
    results: list[PageResult] = []
    rules: dict[str, str] = {}
    tool = "axe-core"
    with serve(site_dir, sub_path) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            width, height = VIEWPORT_SIZE
            page = browser.new_page(viewport={"width": width, "height": height}, locale="ja-JP")
            for url in pages:
                page.goto(base + url, wait_until="networkidle")  # let scripts (Pagefind UI) settle
                raw = axe.run(page, options=AXE_OPTIONS).response
                tool = f"axe-core {raw['testEngine']['version']}"
                for rule in raw["passes"] + raw["violations"] + raw["incomplete"]:
                    rules[rule["id"]] = rule["help"]
                results.append(
                    PageResult(
                        url=url,
                        title=_heading(page),
                        violations=[
                            Violation(rule=v["id"], impact=v.get("impact"), help=v["help"], nodes=len(v["nodes"]))
                            for v in raw["violations"]
                        ],
                        passed_rules=len(raw["passes"]),
                        incomplete_rules=len(raw["incomplete"]),
                    )
                )
            version = _(
                "Chromium %(version)s (screen %(width)s×%(height)s)",
                version=browser.version,
                width=width,
                height=height,
            )
        finally:
            browser.close()
    return Run(
        date=dt.datetime.now(tz=dt.UTC).replace(microsecond=0),
        commit=commit,
        tool=tool,
        browser=version,
        tags=TAGS,
        pages=results,
        rules=[Rule(id=k, help=v) for k, v in sorted(rules.items())],
    )


def write(result: Run, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    write_atomic(out, text.encode())
    return out
