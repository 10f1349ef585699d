"""Privacy: no page of the site makes the visitor's browser talk to anyone but the site itself."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page

from browsers import QUERY, each_page
from support import site_pages

# Hosts that would leak visits to third parties (web fonts, CDNs, analytics).
THIRD_PARTY_HTML = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|googletagmanager|google-analytics|"
    r"cdn\.jsdelivr|unpkg\.com|cdnjs|cloudflare|polyfill\.io",
    re.IGNORECASE,
)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1"


def _visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    _scroll_through(page)


def _scroll_through(page: Page) -> None:
    """Scroll to the bottom in steps, so anything loaded lazily is requested too."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
                window.scrollTo(0, y);
                await new Promise(r => setTimeout(r, 20));
            }
            window.scrollTo(0, document.body.scrollHeight);
        }"""
    )
    page.wait_for_load_state("networkidle")


def test_every_page_requests_only_the_site_itself(context: BrowserContext, built_site: Path, site_url: str) -> None:
    requests: list[tuple[str, str]] = []

    def record(page: Page, url: str) -> None:
        where = url.removeprefix(site_url) or "/"
        page.on("request", lambda request: requests.append((where, request.url)))

    paths = site_pages(built_site)
    each_page(context, [site_url + path for path in paths], lambda page, _: _scroll_through(page), record)
    assert {where for where, _ in requests} == {path or "/" for path in paths}, "a page's requests were not seen"
    # The search page fetches its index only once a query is typed: exercise that too.
    page = context.new_page()
    record(page, site_url + f"search/?q={QUERY}")
    _visit(page, site_url + "search/?q=" + QUERY)
    page.wait_for_selector("#tebiki-search .pagefind-ui__result", timeout=10_000)
    page.wait_for_load_state("networkidle")

    assert any("/pagefind/" in url for _, url in requests), "the search index was never fetched"
    foreign = sorted({f"{where}: {url}" for where, url in requests if not _is_local(url)})
    assert not foreign, "requests left the site:\n" + "\n".join(foreign)


def test_no_page_references_third_party_hosts(built_site: Path) -> None:
    offenders = []
    for path in site_pages(built_site):
        html = built_site / path if path.endswith(".html") else built_site / path / "index.html"
        text = html.read_text(encoding="utf-8")
        for match in THIRD_PARTY_HTML.finditer(text):
            offenders.append(f"{path or '/'}: …{text[max(0, match.start() - 60) : match.end() + 20]}…")
    assert not offenders, "third-party hosts referenced:\n" + "\n".join(offenders)


def test_no_stylesheet_or_script_references_third_party_hosts(built_site: Path) -> None:
    offenders = []
    for asset in sorted(built_site.rglob("*")):
        if asset.suffix not in (".css", ".js") or not asset.is_file():
            continue
        text = asset.read_text(encoding="utf-8", errors="replace")
        if re.search(r"fonts\.googleapis|fonts\.gstatic", text):
            offenders.append(asset.relative_to(built_site).as_posix())
    assert not offenders, "assets reference Google Fonts:\n" + "\n".join(offenders)
