"""Search on the shipped site: real Japanese queries find the right pages, first or among the first
three, online and offline. (The search's behaviour, on the fixture sites in both languages:
tests/browser/test_search.py.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browsers import new_context
from search_page import PAGE_RESULT_LINK, SEARCH_INPUT, all_result_paths, pages_holding, result_paths, search
from tebiki.publish import offline

# (query, page expected among the first three page results, must it be the very first?)
# Words and pages taken from the guideline content (guideline/sections/*.yml) and the home page.
QUERIES: list[tuple[str, str, bool]] = [
    ("個人データ", "guideline/point1/", False),
    ("安全管理措置", "guideline/point1/", False),
    ("スマートフォン", "guideline/point1/", True),
    ("私物", "guideline/point1/", True),
    ("ログ", "guideline/point1/", True),
    ("入退室", "guideline/point1/", False),
    ("委託先の監督", "guideline/point2/", True),
    ("再委託", "guideline/point2/", True),
    ("再々委託", "guideline/point2/", True),
    ("監査", "guideline/point2/", True),
    ("損害賠償", "guideline/point2/", False),
    ("誓約書", "guideline/point3/", True),
    ("取得の経緯", "guideline/point3/", True),
    ("共同利用", "guideline/point3/", False),  # the glossary, which defines it, comes first
    ("名簿", "guideline/point3/", False),
    ("中小企業", "guideline/sme/", True),
    ("優越的地位", "guideline/sme/", True),
    ("責任分担", "guideline/sme/", True),
    ("説明会", "seminars/", True),  # the list of briefings
    ("説明会", "guideline/outreach/", False),  # the 2014 plan for them
    # The download page of the printed pamphlet rightly ranks first too.
    ("パンフレット", "guideline/outreach/", False),
    ("パブリックコメント", "guideline/timeline/", True),
    ("漏えい", "guideline/now/", True),  # the page of today's breach-reporting duties
]

# What readers type, and the page that must come first for it (the page about it, not one that mentions it).
# Full-width forms are folded (NFKC) before the search, so they must find what the half-width forms find.
FIRST: dict[str, str] = {
    "個人データ": "glossary/",  # the glossary defines it
    "スマートフォン": "guideline/point1/",
    "私物": "guideline/point1/",
    "ログ": "guideline/point1/",
    "CPO": "guideline/point1/",
    "ＣＰＯ": "guideline/point1/",
    "監視カメラ": "guideline/point1/",
    "持ち込み": "guideline/point1/",
    "持ち出し": "guideline/point1/",
    "データベース": "glossary/",  # the glossary defines it
    "ダウンロード": "guideline/point1/",
    "委託先": "guideline/point2/",
    "委託先の監督": "guideline/point2/",
    "子会社": "guideline/point2/",
    "再委託": "guideline/point2/",
    "再々委託": "guideline/point2/",
    "監査": "guideline/point2/",
    "損害賠償": "guideline/point2/",
    "契約": "guideline/point2/",
    "委託契約": "guideline/point2/",
    "事前報告": "guideline/point2/",
    "承認": "guideline/point2/",
    "委託元": "guideline/point2/",
    "誓約書": "guideline/point3/",
    "取得の経緯": "guideline/point3/",
    "共同利用": "glossary/",  # the glossary defines it
    "中小企業": "guideline/sme/",
    "中小規模事業者": "guideline/sme/",
    "名簿業者": "guideline/point3/",  # on four pages, cut three ways by Pagefind's dictionary
    "優越的地位": "guideline/sme/",
    "責任分担": "guideline/sme/",
    "パブリックコメント": "guideline/timeline/",
    "廃止": "guideline/timeline/",
    "パンフレット": "guideline/outreach/",
    "クラウド": "guideline/now/",
    "オプトアウト": "glossary/",  # the glossary defines it
    "ＵＳＢ": "checklist/",
    "USBメモリ": "checklist/",
    "ＵＳＢメモリ": "checklist/",
    "パスワード": "checklist/",
    "シュレッダー": "checklist/",
    "鍵": "checklist/",
    "就業規則": "checklist/",
    "解説動画": "seminars/overview/",
    "理解度チェック": "quiz/",
    "クイズ": "quiz/",
    "研修": "quiz/trainers/",
}


def test_japanese_queries_find_the_right_pages(page: Page, site_url: str) -> None:
    page.goto(site_url + "search/")
    page.wait_for_selector(SEARCH_INPUT)
    failures = []
    for query, expected, first in QUERIES:
        search(page, query=query)
        paths = result_paths(page, site_url)
        top = paths[:1] if first else paths[:3]
        if expected not in top:
            where = "first" if first else "in the top 3"
            failures.append(f"{query!r}: expected {expected} {where}, got {paths[:5]}")
    assert not failures, "search results:\n" + "\n".join(failures)


@pytest.mark.parametrize(
    ("full", "half"), [("ＵＳＢ", "USB"), ("ＵＳＢメモリ", "USBメモリ"), ("ＣＰＯ", "CPO"), ("５，０００", "5,000")]
)
def test_full_width_and_half_width_find_the_same_pages(page: Page, site_url: str, full: str, half: str) -> None:
    page.goto(site_url + "search/")
    search(page, query=half)
    wanted = result_paths(page, site_url)[:3]  # the results that are ready once the search is done
    assert wanted, f"{half!r} finds nothing"
    search(page, query=full)
    assert result_paths(page, site_url)[:3] == wanted


def test_each_real_query_puts_its_page_first(page: Page, site_url: str) -> None:
    assert len(FIRST) >= 40
    page.goto(site_url + "search/")
    page.wait_for_selector(SEARCH_INPUT)
    wrong = []
    for query, expected in FIRST.items():
        search(page, query=query)
        paths = result_paths(page, site_url)
        if paths[:1] != [expected]:
            wrong.append(f"{query!r}: expected {expected} first, got {paths[:3]}")
    assert not wrong, f"{len(wrong)} of {len(FIRST)} queries:\n" + "\n".join(wrong)


# --- Every page that holds the words, and the same results offline -------------------------------


@pytest.mark.parametrize("word", ["中小企業", "名簿業者", "パスワード", "委託先", "ＵＳＢ"])
def test_every_page_holding_the_word_is_found(page: Page, site_url: str, built_site: Path, word: str) -> None:
    expected = pages_holding(built_site, word)
    assert expected, f"no page holds {word!r}: the test needs a word from the content"
    page.goto(site_url + "search/")
    search(page, query=word)
    missing = expected - set(all_result_paths(page, site_url))
    assert not missing, f"{word!r} is on {sorted(missing)} but the search does not find them"


@pytest.fixture(scope="module")
def offline_search(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The offline package unpacked (a space in the path, as on many USB sticks): its search page's URL."""
    target = tmp_path_factory.mktemp("usb stick")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(target)
    return (target / offline.FOLDER / "search.html").as_uri()


def test_offline_search_gives_the_same_results_as_the_site(
    browser: Browser, site_url: str, offline_search: str
) -> None:
    """One engine: the same index and ranking from file:// as on the web, query by query."""
    queries = [*FIRST, "５，０００", "ｑｑｑｑ"]
    online, away = new_context(browser).new_page(), new_context(browser).new_page()
    errors: list[str] = []
    away.on("pageerror", lambda e: errors.append(str(e)))
    away.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    online.goto(site_url + "search/")
    away.goto(offline_search)
    root = offline_search.removesuffix("search.html")
    differ = []
    for query in queries:
        search(online, away, query=query)
        here, there = all_result_paths(online, site_url), all_result_paths(away, root)
        if here != there:
            differ.append(f"{query!r}: online {here[:5]}…, offline {there[:5]}…")
        elif query in FIRST and there[:1] != [FIRST[query]]:
            differ.append(f"{query!r}: expected {FIRST[query]} first offline, got {there[:3]}")
    assert not differ, f"{len(differ)} of {len(queries)} queries:\n" + "\n".join(differ)
    assert errors == []
    requests: list[str] = []
    away.on("request", lambda r: requests.append(r.url))
    search(away, query="委託先の監督")
    away.locator(PAGE_RESULT_LINK).first.click()
    away.wait_for_url("**/guideline/point2.html")
    expect(away.locator("h1")).to_contain_text("委託先")
    assert all(url.startswith("file:") for url in requests), [u for u in requests if not u.startswith("file:")]
