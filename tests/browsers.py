"""Browser fixtures (used through tests/conftest.py): one headless Chromium per worker, a fresh context per test."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from babel.messages.pofile import read_po
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route, expect, sync_playwright

from tebiki import translations
from tebiki.checks.chromium import CHROMIUM, CHROMIUM_ARGS
from tebiki.data.checklist.model import Checklist
from tebiki.data.project import Paths, Project, load_project
from tebiki.generate.checklist import reader_words
from tebiki.publish import offline
from waits import settle

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

# Kana, kanji, CJK punctuation and full-width forms: none may show on an English site whose data is English.
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# The browser's own locale for a site of each language, as its visitors would have it.
LOCALES = {"ja": "ja-JP", "en": "en-GB"}


@dataclass
class Site:
    """A fixture site (tests/fixtures/sites/<language>) as the browser tests see it: its built copy,
    where it is served, its data, and its interface words in its language (from tebiki's catalogs)."""

    language: str
    project: Path
    url: str
    locale: str = field(init=False)

    def __post_init__(self) -> None:
        self.locale = LOCALES[self.language]

    @property
    def built(self) -> Path:
        return self.project / "site"

    @cached_property
    def data(self) -> Project:
        return load_project(Paths.under(self.project))

    @property
    def checklist(self) -> Checklist:
        assert self.data.checklist is not None, "the fixture site has a checklist"
        return self.data.checklist

    @cached_property
    def reader(self) -> dict[str, str]:
        """What the checklist's messages call the reader (`reader`, `readers`): the data's word or the catalog's."""
        with translations.using(self.language):
            return reader_words(self.checklist)

    @property
    def gap(self) -> str:
        """What the site's language puts between two sentences: a space, or nothing in Japanese."""
        with translations.using(self.language):
            return translations.gap()

    def t(self, msgid: str, **values: object) -> str:
        """A message of the theme's scripts in the site's language, its {name}s filled in as tebikiT does."""
        with translations.using(self.language):
            text = translations.gettext(msgid)
        return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), text)

    def _(self, msgid: str, **values: object) -> str:
        """A message of the templates in the site's language, its %(name)s filled in."""
        with translations.using(self.language):
            return translations._(msgid, **values)

    def quiz_t(self, msgid: str) -> str:
        """A string of mkdocs-quiz's own interface: from tebiki's catalog for it, else mkdocs-quiz's English."""
        po = translations.CATALOGS.parent / "mkdocs-quiz" / f"{self.language}.po"
        if not po.exists():
            return msgid
        with po.open("rb") as fh:
            message = read_po(fh).get(msgid)
        return str(message.string) if message and message.string else msgid

    def date(self, day: Any) -> str:
        with translations.using(self.language):
            return translations.date(day)


def shows_its_language(page: Page, site: Site) -> None:
    """The page says it is in the site's language, and an English page shows no Japanese character."""
    assert page.evaluate("document.documentElement.lang") == site.language
    if site.language == "en":
        text = page.locator("body").inner_text()
        found = sorted(set(JAPANESE.findall(text)))
        assert not found, f"Japanese characters on the English page {page.url}: {found[:10]}"


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


def rules_in_page(page: Page, profiles: list[dict[str, str]]) -> list[dict[str, Any]]:
    """What the checklist page's own script (window.TebikiRules) makes of each profile: the
    effective answers, whether complete, the track, the entries that apply and the questions asked."""
    return page.evaluate(
        """profiles => {
        const data = JSON.parse(document.getElementById("tebiki-checklist-data").textContent);
        const R = window.TebikiRules;
        return profiles.map(p => {
            const eff = R.effective(data.questions, p);
            const complete = R.complete(data.questions, p);
            return {
                eff, complete,
                track: complete ? R.trackOf(data.tracks, eff) : null,
                entries: data.entries.filter(e => R.holds(e.applies_if, eff)).map(e => e.id),
                asked: data.questions.filter(q => R.holds(q.ask_if, eff)).map(q => q.id),
            };
        });
    }""",
        profiles,
    )


class Requests:
    """Every request the page makes; those leaving 127.0.0.1 are aborted, so no network is needed."""

    def __init__(self, context: BrowserContext):
        self.urls: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route: Route) -> None:
        self.urls.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def external(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != "127.0.0.1"]


def each_page(
    context: BrowserContext,
    urls: Sequence[str],
    check: Callable[[Page, str], None],
    prepare: Callable[[Page, str], None] = lambda page, url: None,
    tabs: int = 4,
) -> None:
    """`check(page, url)` on each of `urls`, loaded with its network quiet, in order. Up to `tabs` are
    loaded at once in tabs of `context`: the half second of network quiet that each waits for then
    passes for all of them together. `prepare` is called on each new tab before it navigates (to
    listen to what that page does)."""
    for start in range(0, len(urls), tabs):
        opened = []
        for url in urls[start : start + tabs]:
            page = context.new_page()
            prepare(page, url)
            page.goto(url, wait_until="commit")
            opened.append((page, url))
        for page, url in opened:
            page.wait_for_load_state("networkidle")
            check(page, url)
            page.close()


def axe_violations(page: Page, tags: list[str] = WCAG_TAGS) -> list[dict[str, Any]]:
    # axe reads colours as painted: a header title caught mid-fade (Material swaps the site name for
    # the page's title on scroll) measured 3.42:1 once, on CI, after a quiz was answered.
    settle(page)
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


# On a busy two-core machine (two workers, each with a Chromium, and builds beside them) a page's
# script was seen taking more than expect()'s default 5 s to lay out the checklist. Every wait is on
# a condition, so a longer bound costs nothing when the page is quick.
expect.set_options(timeout=15_000)


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


def new_context(
    browser: Browser, viewport: dict[str, int] = DESKTOP, locale: str = "ja-JP", **kwargs: object
) -> BrowserContext:
    return browser.new_context(locale=locale, viewport=viewport, **kwargs)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = new_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page in a fresh Japanese-locale context (desktop viewport)."""
    return context.new_page()


def tap_choice(page: Page, name: str, value: str) -> None:
    """Tap a radio button's label until the choice is taken. On a busy machine a tap right after the
    page was laid out was seen to land on nothing (the form still moving, or the touch read as a
    long press); a reader taps again, and so does this, a bounded number of times."""
    choice = page.locator(f'input[name="{name}"][value="{value}"]')
    for _ in range(3):
        page.locator(f'label:has(input[name="{name}"][value="{value}"])').tap()
        try:
            expect(choice).to_be_checked(timeout=5_000)
            return
        except AssertionError:
            continue
    expect(choice).to_be_checked()


def phone_context(browser: Browser, locale: str = "ja-JP") -> BrowserContext:
    """A fresh context as a phone is: narrow, touch, twice as many pixels."""
    return new_context(browser, viewport=MOBILE, locale=locale, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture
def mobile_page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh Japanese-locale context with a phone-sized viewport."""
    ctx = phone_context(browser)
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
