"""Browser fixtures (used through tests/conftest.py): one headless Chromium per worker, a fresh context per test."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tebiki.checks.chromium import CHROMIUM, CHROMIUM_ARGS
from tebiki.publish import offline

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    # WCAG 2.2 AA 2.5.8 (target size) is off by default in axe-core: switch it on explicitly.
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}
# axe's best practices too, as Lighthouse's accessibility score includes some (e.g. aria-allowed-role).
BEST_PRACTICE_TAGS = [*WCAG_TAGS, "best-practice"]
# A word of the engine fixture guideline (tests/fixtures/sites/ja) that its search finds.
QUERY = "記録"
SEARCH_RESULTS = "#tebiki-search li.pagefind-ui__result .pagefind-ui__result-title a"

# The focused element: what it is, whether a focus indicator is drawn, and whether a sighted user can see it.
FOCUS_STATE = """
() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const onScreen = box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
    const hit = onScreen ? document.elementFromPoint(x, y) : null;
    return {
        what: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "")
            + " " + JSON.stringify((el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 30)),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        visible: style.visibility === "visible" && !!hit && (hit === el || el.contains(hit) || hit.contains(el)),
        inMain: !!el.closest("main"),
    };
}
"""


def axe_violations(page: Page, tags: list[str] = WCAG_TAGS) -> list[dict[str, Any]]:
    options = {**AXE_OPTIONS, "runOnly": {"type": "tag", "values": tags}}
    return Axe().run(page, options=options).response["violations"]


def describe(where: str, violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{where}: [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' > '.join(map(str, node['target']))}\n        {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def new_context(browser: Browser, viewport: dict[str, int] = DESKTOP, **kwargs: object) -> BrowserContext:
    return browser.new_context(locale="ja-JP", viewport=viewport, **kwargs)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = new_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page in a fresh Japanese-locale context (desktop viewport)."""
    return context.new_page()


@pytest.fixture
def mobile_page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh Japanese-locale context with a phone-sized viewport."""
    ctx = new_context(browser, viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture(scope="module")
def unpacked(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip unpacked as on a venue laptop, e.g. onto a USB stick."""
    target = tmp_path_factory.mktemp("usb stick")  # a space in the path, as on many drives
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(target)
    return target / offline.FOLDER


@pytest.fixture
def tab(page: Any) -> Any:
    """A page (the `page` fixture) that records every request and every script error."""
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    return page
