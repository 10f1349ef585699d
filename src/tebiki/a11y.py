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
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from .chromium import CHROMIUM, CHROMIUM_ARGS
from .localsite import serve, site_pages
from .model import Strict
from .problems import DataError, Problem, display_path
from .translations import _

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DEFAULT_RESULTS = ".tebiki/a11y-results.json"
VIEWPORT_SIZE = (1280, 900)  # a desktop screen, as the browser tests use
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": TAGS},
    # WCAG 2.2 AA 2.5.8 (target size) is off by default in axe-core: switch it on, as the tests do.
    "rules": {"target-size": {"enabled": True}},
}


class Violation(Strict):
    rule: str
    impact: str | None = None
    help: str
    nodes: int = Field(ge=1)


class PageResult(Strict):
    url: str  # relative to the site root, e.g. "guideline/point1/"
    title: str
    violations: list[Violation] = Field(default_factory=list)
    passed_rules: int = Field(ge=0)
    incomplete_rules: int = Field(ge=0, description="Rules axe could not decide: checked by hand.")


class Rule(Strict):
    id: str
    help: str


class Run(Strict):
    """One automated run, as written by `tebiki a11y`."""

    date: dt.datetime
    commit: str | None = None
    tool: str  # e.g. "axe-core 4.10.2"
    browser: str
    tags: list[str]
    pages: Annotated[list[PageResult], Field(min_length=1)]
    rules: list[Rule]

    @property
    def violations(self) -> int:
        return sum(len(p.violations) for p in self.pages)


def current_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def load(path: Path, root: Path) -> Run | None:
    """The last run's results, or None if there has been none here; a damaged file is an error."""
    if not path.exists():
        return None
    try:
        return TypeAdapter(Run).validate_json(path.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataError(
            [Problem(display_path(path, root), 0, where, first["msg"], "run `tebiki a11y` again to rewrite this file")]
        ) from None


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
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(out)
    return out


@dataclass(frozen=True)
class Results:
    """What the results page shows: the last run here, and the commit being built now."""

    run: Run | None
    building: str | None  # commit of the sources being built, if this is a git checkout

    @property
    def stale(self) -> bool:
        """The run tested another commit than the one being built: the page must say so."""
        return self.run is not None and self.building is not None and self.run.commit != self.building


def results(path: Path, root: Path) -> Results:
    return Results(run=load(path, root), building=current_commit(root))
