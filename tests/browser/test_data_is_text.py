"""Data is text: a payload in every free-text field of every data file runs nothing, loads
nothing and is shown to the reader as the characters it is made of."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Dialog, Page, Route
from playwright.sync_api import Error as PlaywrightError

from browsers import each_page
from injection import Injected, inject
from support import mkdocs_build, serve, site_pages

# Another origin than the site's: a request to it is a request leaving the site.
CANARY = "http://127.0.0.1:9"
MARKER = re.compile(r"F\d{4}")

# Text of the page as a reader gets it: every text node outside scripts and styles,
# hidden ones included (a slide not yet shown, a checklist entry of another profile).
TEXT_NODES = """() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts = [document.title];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement.closest('script, style, template')) parts.push(node.data);
    }
    return parts.join('\\n');
}"""

# Markup that data must never become: a script or handler from the payload, a javascript: link.
INJECTED_MARKUP = """() => [...document.querySelectorAll(
    'script:not([src]):not([type="application/json"]), [onerror], [onload], [onclick], a[href], iframe[src]'
)].filter(el =>
    /F\\d{4}/.test(el.textContent || '') && el.tagName === 'SCRIPT'
    || el.hasAttribute('onerror') || el.hasAttribute('onload') || el.hasAttribute('onclick')
    || /^\\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || '')
).map(el => el.outerHTML.slice(0, 160))"""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Injected, Path]:
    injected = inject(tmp_path_factory.mktemp("injected") / "project", CANARY)
    site = injected.root / "site"
    result = mkdocs_build(injected.root, site)
    assert result.returncode == 0, f"the injected site must still build:\n{result.stdout}\n{result.stderr}"
    return injected, site


def test_the_payload_reaches_every_kind_of_data_file(injected_site: tuple[Injected, Path]) -> None:
    injected, _ = injected_site
    files = {where.split(":")[0] for where in injected.fields.values()}
    for expected in ("guideline.yml", "today.yml", "sources.yml", "profile.yml"):
        assert f"guideline/{expected}" in files
    assert any(f.startswith("guideline/sections/") for f in files)
    assert any(f.startswith("quizzes/") for f in files)
    assert {"guideline/checklist.yml", "guideline/seminars.yml", "guideline/trainer.yml"} <= files
    # Every item's own words, whatever the guideline: the fields a reader meets first.
    item_fields = {where.rsplit(".", 1)[-1] for where in injected.fields.values() if ".items." in where}
    assert {"title", "plain", "why"} <= item_fields, item_fields
    assert injected.markdown, "the fields documented as Markdown are found from the schema"


def test_no_data_field_runs_script_or_loads_anything(browser: Browser, injected_site: tuple[Injected, Path]) -> None:
    injected, site = injected_site
    context = browser.new_context(locale="ja-JP")
    dialogs: list[str] = []
    foreign: list[str] = []
    markup: list[str] = []
    errors: list[str] = []
    shown: dict[str, str] = {}

    with serve(site) as url:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))

        def where(page_url: str) -> str:
            return page_url.removeprefix(url) or "/"

        def route(route: Route) -> None:
            if route.request.url.startswith(origin + "/"):
                route.continue_()
                return
            try:
                source = where(route.request.frame.page.url)
            except PlaywrightError:  # no frame yet: a window the page opened
                source = "a new window"
            foreign.append(f"{source}: {route.request.url}")
            route.abort()

        def listen(page: Page, page_url: str) -> None:
            def on_dialog(dialog: Dialog) -> None:
                dialogs.append(f"{where(page_url)}: {dialog.message}")
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on("pageerror", lambda exc: errors.append(f"{where(page_url)}: {exc}"))

        def read(page: Page, page_url: str) -> None:
            markup.extend(f"{where(page_url)}: {m}" for m in page.evaluate(INJECTED_MARKUP))
            shown[where(page_url)] = page.evaluate(TEXT_NODES)

        context.route("**/*", route)
        paths = site_pages(site)
        each_page(context, [url + path for path in paths], read, prepare=listen)
    context.close()
    assert len(shown) == len(paths), "a page was not read"

    assert not dialogs, f"{len(dialogs)} dialogs from data:\n" + "\n".join(dialogs[:20])
    assert not foreign, "requests left the site:\n" + "\n".join(sorted(set(foreign))[:20])
    assert not markup, "data became markup:\n" + "\n".join(markup[:20])
    assert not errors, "script errors:\n" + "\n".join(errors[:20])

    # Every field the site shows is shown whole, as text: the payload's characters, once at least.
    # Markdown fields are rendered and sanitised: their link text stays, their markup goes.
    text = "\n".join(shown.values())
    seen = set(MARKER.findall(text))

    def as_text(m: str) -> bool:
        if m in injected.markdown:
            return f"{m}link" in text  # rendered; its markup is cut (shown as text where used as text)
        return injected.payload(m) in text

    mangled = [f"{m} ({injected.fields[m]})" for m in sorted(seen) if not as_text(m)]
    assert not mangled, f"{len(mangled)} fields not shown as their text:\n" + "\n".join(mangled[:30])
    # Most fields are on a page; the rest are kept for other outputs (PDF, QTI, handouts).
    assert len(seen) > 0.8 * len(injected.fields), sorted(set(injected.fields) - seen)[:40]
