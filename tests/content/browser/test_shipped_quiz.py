"""The shipped quiz banks in the browser: words of their questions and explanations are kept out of
search. (The quiz's behaviour, on the fixture sites in both languages: tests/browser/test_quiz.py.)"""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page, expect

from waits import loaded

_SEARCH_DONE = """
q => {
    const input = document.querySelector('#tebiki-search input');
    const message = document.querySelector('#tebiki-search .pagefind-ui__message');
    return !!input && input.value === q && !!message && message.textContent.includes(`「${q}」`);  // tebiki's words
}
"""


def search(page: Page, site_url: str, query: str) -> list[str]:
    page.goto(site_url + "search/?q=" + quote(query))
    page.wait_for_function(_SEARCH_DONE, arg=query, timeout=10_000)
    loaded(page)
    return page.eval_on_selector_all(
        "#tebiki-search .pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))"
    )


def test_search_finds_no_quiz_answers_or_explanations(page: Page, site_url: str) -> None:
    # A phrase written only in an explanation (quizzes/point3.yml, Q-ACQ-06): the page has it…
    page.goto(site_url + "quiz/point3/")
    assert "値引き" in page.locator("article").inner_html()
    # …but searching for it finds nothing.
    assert search(page, site_url, "値引き") == []
    expect(page.locator("#tebiki-search .pagefind-ui__message")).to_contain_text("見つかりませんでした")

    # Words used in questions and explanations lead to the guideline, not to quiz pages or the answer key.
    for query in ("誓約書", "ロッカー", "相場"):
        links = search(page, site_url, query)
        assert not [h for h in links if "/quiz/" in h], (query, links)
    excerpts = page.locator("#tebiki-search .pagefind-ui__result-excerpt").all_inner_texts()
    assert not [e for e in excerpts if "正解" in e]

    # The list of quizzes can still be found, and leads to them.
    links = search(page, site_url, "確認クイズ")
    assert any(h.endswith("/quiz/") for h in links), links
