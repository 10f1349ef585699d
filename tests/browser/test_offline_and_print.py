"""The offline package opened from disk, and any page printed from the browser, in Chromium."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from support import ENGINE_SITE
from tebiki.data.project import Paths, load_project

PROJECT = load_project(Paths.under(ENGINE_SITE))
SECTION = PROJECT.guideline.sections[0]
ITEM = next(i for i in SECTION.items() if i.kind.name == "measure")  # a phrase only its section holds in full


def test_offline_search_works_from_disk(tab, unpacked: Path) -> None:
    """The header's search link leads to Pagefind's search, working from disk with no other request."""
    tab.goto((unpacked / "index.html").as_uri())
    tab.get_by_role("link", name="サイト内検索").first.click()
    tab.wait_for_url("**/search.html")
    tab.locator("#tebiki-search input").fill(ITEM.title)
    expect(tab.locator("#tebiki-search .pagefind-ui__message")).to_contain_text(f"「{ITEM.title}」の検索結果")
    results = tab.locator("#tebiki-search li.pagefind-ui__result .pagefind-ui__result-title a")
    expect(results.first).to_contain_text(SECTION.title)
    results.first.click()
    tab.wait_for_url(f"**/guideline/{SECTION.id}.html*")
    assert tab.locator("h1").inner_text().endswith(SECTION.title)
    assert tab.errors == []
    assert all(url.startswith("file://") for url in tab.requests), [
        u for u in tab.requests if not u.startswith("file:")
    ]


def test_offline_search_says_when_nothing_matches_and_matches_full_width(tab, unpacked: Path) -> None:
    tab.goto((unpacked / "search.html").as_uri())
    box = tab.locator("#tebiki-search input")
    expect(box).to_be_focused()
    message = tab.locator("#tebiki-search .pagefind-ui__message")
    box.fill("ｑｑｑｑ")  # in no page (a Japanese word that is not Pagefind falls back to parts of it)
    expect(message).to_contain_text("見つかりませんでした")
    box.fill("ｔｅｂｉｋｉ")  # full-width letters find the half-width "tebiki" of the fixture's home page
    expect(message).to_contain_text("「ｔｅｂｉｋｉ」の検索結果")
    expect(tab.locator("#tebiki-search li.pagefind-ui__result").first).to_be_visible()
    # The first results and 「さらに表示」 are tebiki's words, not Pagefind's own Japanese.
    box.fill("記録")  # on most pages of the fixture site
    expect(tab.get_by_role("button", name="さらに表示")).to_be_visible()
    assert tab.errors == []


def test_every_offline_page_opens_from_disk_without_errors(tab, unpacked: Path) -> None:
    """Checklists, quizzes and videos included as they land: each page loads with no script
    error and asks for nothing but files beside it."""
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) >= 10
    for path in pages:
        tab.goto(path.as_uri())
        assert tab.title(), path
    assert tab.errors == []
    assert all(url.startswith("file://") for url in tab.requests)


def test_navigation_links_work_from_disk(tab, unpacked: Path) -> None:
    tab.goto((unpacked / "index.html").as_uri())
    tab.locator("article").get_by_role("link", name=SECTION.title).click()
    tab.wait_for_url(f"**/guideline/{SECTION.id}.html")
    tab.get_by_role("link", name="出典と今のルール").first.click()  # in the navigation
    tab.wait_for_url("**/sources.html")
    tab.get_by_role("link", name="サイト内検索").first.click()
    tab.wait_for_url("**/search.html")


def test_a_page_prints_without_menus_or_controls(tab, site_url: str) -> None:
    tab.goto(site_url + f"guideline/{SECTION.id}/")
    tab.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".tebiki-search-link"):
        assert not tab.locator(selector).first.is_visible(), selector
    assert tab.locator("article h1").is_visible()
    reader = PdfReader(io.BytesIO(tab.pdf(format="A4")))
    # Compared without line breaks, and NFKC-folded (the PDF's text layer has CJK radicals such as ⽉ for 月).
    text = unicodedata.normalize("NFKC", "".join("".join(page.extract_text().split()) for page in reader.pages))
    assert SECTION.title in text and ITEM.title in text and "今のルールでは" in text
    for chrome in ("印刷・オフライン用", "サイト内検索", "Material for MkDocsで作成"):
        assert chrome.replace(" ", "") not in text, f"{chrome!r} is screen furniture"
    assert str(PROJECT.guideline.meta.successor_url) in text  # an outside link prints its address


def test_checklist_works_from_disk(tab, unpacked: Path) -> None:
    """A trainer at a venue without network: answer the profile, tick entries, see the score."""
    page_file = unpacked / "checklist" / "index.html"
    if not page_file.exists():
        pytest.skip("this guideline has no checklist")
    query = "size=small&entrusts=no"  # the fixture's profile: a small organisation that entrusts nothing
    tab.goto(page_file.as_uri() + "?" + query)
    status = tab.locator("[data-cl-status]")
    assert "点数：0点" in status.inner_text()
    first = tab.locator("[data-cl-entry]:visible").first.get_attribute("data-cl-entry")
    tab.check(f'input[name="answer-{first}"][value="done"]')
    tab.wait_for_function("() => !/点数：0点/.test(document.querySelector('[data-cl-status]').textContent)")
    assert "点" in status.inner_text()
    tab.reload()  # progress is kept in the browser, from disk as on the web
    assert tab.locator(f'input[name="answer-{first}"][value="done"]').is_checked()
    assert tab.errors == []
    assert all(url.startswith("file://") for url in tab.requests)
