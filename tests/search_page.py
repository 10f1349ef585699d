"""The search page as a test drives it (the Pagefind UI of tests/browser/test_search.py and
tests/content/browser/test_shipped_search.py): typing a query, reading the results as site paths,
online and offline, and which pages hold a word."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from waits import search_done

SEARCH_INPUT = "#tebiki-search input.pagefind-ui__search-input"
# Each page-level result's own title link (not the links to sections within it).
PAGE_RESULT_LINK = "#tebiki-search li.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a"


def result_paths(page: Page, site_url: str) -> list[str]:
    """The page-level results in order, as paths relative to the site root (e.g. "guideline/records/").
    Offline (`site_url` a file:// URL) the links are relative files, e.g. guideline/records.html."""
    hrefs = page.eval_on_selector_all(PAGE_RESULT_LINK, "els => els.map(e => e.getAttribute('href'))")
    if site_url.startswith("file:"):
        return [offline_path(urlsplit(h).path) for h in hrefs]
    prefix = urlsplit(site_url).path
    paths = []
    for href in hrefs:
        path = urlsplit(href).path
        assert path.startswith(prefix), f"result link {href!r} is not under {prefix}"
        paths.append(path.removeprefix(prefix))
    return paths


def offline_path(href: str) -> str:
    """An offline result link as the online path: guideline/records.html → guideline/records/."""
    assert not href.startswith("/"), f"offline result link {href!r} leads outside the package"
    if href == "index.html" or href.endswith("/index.html"):
        return href.removesuffix("index.html")
    assert href.endswith(".html"), f"offline result link {href!r} is not a page file"
    return href.removesuffix(".html") + "/"


def all_result_paths(page: Page, site_url: str) -> list[str]:
    """Every page result, pressing the 'more results' button until all are shown."""
    more = page.locator("#tebiki-search button.pagefind-ui__button")
    results = page.locator("#tebiki-search li.pagefind-ui__result")
    while more.count():
        shown = results.count()
        more.click()
        expect(results).not_to_have_count(shown)
    expect(page.locator(PAGE_RESULT_LINK)).to_have_count(results.count())
    return result_paths(page, site_url)


def search(*pages: Page, query: str) -> None:
    """`query` searched on each page: typed into every one before waiting on any, so they search at once."""
    for page in pages:
        box = page.locator(SEARCH_INPUT)
        box.fill("")
        expect(page.locator("#tebiki-search .pagefind-ui__message")).to_have_count(0)
        box.fill(query)
    for page in pages:
        search_done(page, query)


class _IndexedText(HTMLParser):
    """The text Pagefind indexes: inside data-pagefind-body, outside data-pagefind-ignore, scripts and styles."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # elements open inside the body
        self.skip = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        names = dict(attrs)
        if not self.depth:
            self.depth = 1 if "data-pagefind-body" in names else 0
            return
        self.depth += 1
        if self.skip or tag in {"script", "style", "template", "svg"} or "data-pagefind-ignore" in names:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in self.VOID:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def pages_holding(site: Path, word: str) -> set[str]:
    """The pages whose indexed text contains `word` (NFKC, any case), as site paths."""
    found = set()
    wanted = unicodedata.normalize("NFKC", word).casefold()
    for path in site.rglob("*.html"):
        parser = _IndexedText()
        parser.feed(path.read_text(encoding="utf-8"))
        if wanted in unicodedata.normalize("NFKC", "".join(parser.text)).casefold():
            found.add(path.relative_to(site).as_posix().removesuffix("index.html"))
    return found
