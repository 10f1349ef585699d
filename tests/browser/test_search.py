"""The site's own Pagefind search on both fixture sites (ja, en), under the sub-path: full-width
input folded, links that stay under the sub-path, the search and 404 pages not indexed, ?q= from
the address and the home page's form, keyboard use, every page holding a word found, and the same
results from the offline package. (Rankings of real queries on the shipped guideline:
tests/content/browser/test_shipped_search.py.)"""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from browsers import Site, axe_violations, describe, new_context, shows_its_language
from search_page import PAGE_RESULT_LINK, SEARCH_INPUT, all_result_paths, pages_holding, result_paths, search
from tebiki.publish import offline
from waits import search_done

RESULT_LINK = "#tebiki-search .pagefind-ui__result-link"

# Words of each fixture's data (guideline/, checklist, profile) that several pages hold.
WORDS = {"ja": ["記録", "担当者", "説明会"], "en": ["records", "responsible", "month"]}
# A number the fixtures' profile writes in half-width digits (profile.yml: 20人以下 / 20 or fewer).
FULL_AND_HALF = {"ja": ("２０人", "20人"), "en": ("２０", "20")}


def is_focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement?.matches(s) ?? false", selector)


def test_full_width_and_half_width_find_the_same_pages(site_page: Page, site: Site) -> None:
    page = site_page
    full, half = FULL_AND_HALF[site.language]
    page.goto(site.url + "search/")
    search(page, query=half)
    wanted = result_paths(page, site.url)[:3]  # the results that are ready once the search is done
    assert wanted, f"{half!r} finds nothing"
    search(page, query=full)
    assert result_paths(page, site.url)[:3] == wanted


def test_result_links_stay_under_the_sub_path(site_page: Page, site: Site) -> None:
    page = site_page
    prefix = urlsplit(site.url).path
    page.goto(site.url + "search/")
    search(page, query=WORDS[site.language][0])
    hrefs = page.eval_on_selector_all(RESULT_LINK, "els => els.map(e => e.getAttribute('href'))")
    assert hrefs, "no result links"
    outside = [h for h in hrefs if not urlsplit(h).path.startswith(prefix)]
    assert not outside, f"result links outside {prefix}: {outside}"
    shows_its_language(page, site)
    # And they really lead somewhere: the first page result opens a page with its heading.
    first = result_paths(page, site.url)[0]
    page.locator(PAGE_RESULT_LINK).first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == prefix + first)
    expect(page.locator("h1")).to_have_count(1)


def test_search_pages_are_not_indexed(site_page: Page, site: Site) -> None:
    """The search page and the 404 page are not content: they must not turn up as results."""
    page = site_page
    page.goto(site.url + "search/")
    for query in (site._("Site search"), site._("Page not found (404)").split("(")[0].strip(), "404"):
        search(page, query=query)
        paths = result_paths(page, site.url)
        assert "search/" not in paths and "404.html" not in paths, f"{query!r} found {paths}"


def test_query_parameter_runs_the_search_at_once(site_page: Page, site: Site) -> None:
    page, word = site_page, WORDS[site.language][1]
    page.goto(site.url + "search/?q=" + quote(word))
    search_done(page, word)
    paths = result_paths(page, site.url)
    assert paths and paths[0] in pages_holding(site.built, word), paths


def test_header_search_link_leads_to_a_working_search(site_page: Page, site: Site) -> None:
    page, word = site_page, WORDS[site.language][0]
    section = site.data.guideline.sections[0].id
    page.goto(site.url + f"guideline/{section}/")
    page.locator("header a.tebiki-search-link").click()
    page.wait_for_url(site.url + "search/")
    box = page.locator(SEARCH_INPUT)
    expect(box).to_be_focused()  # autofocus: the visitor can type straight away
    page.keyboard.type(word)
    search_done(page, word)
    assert set(result_paths(page, site.url)) <= pages_holding(site.built, word) | {""}
    assert result_paths(page, site.url)


def test_home_page_search_form_submits_to_the_search_page(site_page: Page, site: Site) -> None:
    page, word = site_page, WORDS[site.language][1]
    page.goto(site.url)
    page.locator("#home-q").fill(word)
    page.locator("#home-q").press("Enter")
    page.wait_for_url(site.url + "search/?q=*")
    search_done(page, word)
    assert result_paths(page, site.url)[0] in pages_holding(site.built, word)


def test_search_is_keyboard_operable(site_page: Page, site: Site) -> None:
    page, word = site_page, WORDS[site.language][1]
    page.goto(site.url + "search/")
    page.wait_for_selector(SEARCH_INPUT)
    if not is_focused(page, SEARCH_INPUT):
        # Without autofocus the box must be reachable with Tab from the start of the page.
        for _ in range(40):
            page.keyboard.press("Tab")
            if is_focused(page, SEARCH_INPUT):
                break
        else:
            pytest.fail("the search box cannot be reached with the Tab key")
    page.keyboard.type(word)
    search_done(page, word)
    first_href = page.locator(PAGE_RESULT_LINK).first.get_attribute("href")
    first = result_paths(page, site.url)[0]
    for _ in range(5):
        page.keyboard.press("Tab")
        if is_focused(page, RESULT_LINK):
            break
    else:
        pytest.fail("Tab never reached a result link")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == first_href
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(site.url).path + first)
    expect(page.locator("h1")).to_have_count(1)


def test_the_search_page_with_results_is_accessible(site_page: Page, site: Site) -> None:
    page, word = site_page, WORDS[site.language][0]
    page.goto(site.url + "search/?q=" + quote(word))
    search_done(page, word)
    assert not (found := axe_violations(page)), describe("search/", found)
    shows_its_language(page, site)


def test_every_page_holding_the_word_is_found(site_page: Page, site: Site) -> None:
    page = site_page
    page.goto(site.url + "search/")
    for word in WORDS[site.language]:
        expected = pages_holding(site.built, word)
        assert len(expected) >= 2, f"few pages hold {word!r}: the test needs a word of the fixture's data"
        search(page, query=word)
        missing = expected - set(all_result_paths(page, site.url))
        assert not missing, f"{word!r} is on {sorted(missing)} but the search does not find them"


@pytest.fixture(scope="module")
def offline_search(site_offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The offline package unpacked (a space in the path, as on many USB sticks): its search page's URL."""
    target = tmp_path_factory.mktemp("usb stick")
    with zipfile.ZipFile(site_offline_zip) as zf:
        zf.extractall(target)
    return (target / offline.FOLDER / "search.html").as_uri()


def test_offline_search_gives_the_same_results_as_the_site(browser: Browser, site: Site, offline_search: str) -> None:
    """One engine: the same index and ranking from file:// as on the web, query by query."""
    full, half = FULL_AND_HALF[site.language]
    queries = [*WORDS[site.language], full, half, "ｑｑｑｑ"]
    online = new_context(browser, locale=site.locale).new_page()
    away = new_context(browser, locale=site.locale).new_page()
    errors: list[str] = []
    away.on("pageerror", lambda e: errors.append(str(e)))
    away.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    online.goto(site.url + "search/")
    away.goto(offline_search)
    root = offline_search.removesuffix("search.html")
    differ = []
    for query in queries:
        search(online, away, query=query)
        here, there = all_result_paths(online, site.url), all_result_paths(away, root)
        if here != there:
            differ.append(f"{query!r}: online {here[:5]}…, offline {there[:5]}…")
    assert not differ, f"{len(differ)} of {len(queries)} queries:\n" + "\n".join(differ)
    assert errors == []
    requests: list[str] = []
    away.on("request", lambda r: requests.append(r.url))
    word = WORDS[site.language][0]
    search(away, query=word)
    link = away.locator(PAGE_RESULT_LINK).first
    target = urljoin(offline_search, link.get_attribute("href") or "").split("#")[0]
    link.click()
    away.wait_for_url(lambda url: url.split("#")[0] == target)
    expect(away.locator("h1")).to_have_count(1)
    assert all(url.startswith("file:") for url in requests), [u for u in requests if not u.startswith("file:")]
    online.context.close()
    away.context.close()
