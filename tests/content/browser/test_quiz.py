"""Quizzes in the browser: keyboard-only answering (arrow keys never submit), full-width input,
the score and its announcement, axe after answering, and answers kept out of search."""

from __future__ import annotations

from urllib.parse import quote

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from quiz_page import nothing_is_marked, question, type_answer
from support import ROOT
from tebiki.data.project import Paths, load_project

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def focused(page: Page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.className")


def answered_count(page: Page) -> str:
    return page.locator("#quiz-results .quiz-results-answered").inner_text()


def test_a_question_is_answered_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/point1/#Q-SEC-01", wait_until="networkidle")
    quiz = question(page, "Q-SEC-01")
    radios = quiz.locator("input[type=radio]")
    expect(radios).to_have_count(3)
    correct = [radios.nth(i).get_attribute("data-correct") for i in range(3)].index("true")

    # From the question's anchor, Tab reaches the first choice; nothing is chosen or marked yet.
    page.keyboard.press("Tab")
    expect(radios.first).to_be_focused()
    for i in range(3):
        expect(radios.nth(i)).not_to_be_checked()

    # Arrow keys move the choice around (↓ past the correct one and back): nothing is submitted.
    for _ in range(2):
        page.keyboard.press("ArrowDown")
        nothing_is_marked(quiz)
        assert answered_count(page) == "0"
    for _ in range(2 - correct):
        page.keyboard.press("ArrowUp")
    expect(radios.nth(correct)).to_be_checked()
    expect(radios.nth(correct)).to_be_focused()
    nothing_is_marked(quiz)
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('quiz_progress_')).length") == 0

    # Tab to 「答え合わせ」 and press it: now the answer is checked and explained.
    page.keyboard.press("Tab")
    expect(quiz.locator("button[type=submit]")).to_be_focused()
    expect(quiz.locator("button[type=submit]")).to_have_text("答え合わせ")
    page.keyboard.press("Enter")
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_have_attribute("role", "status")  # announced to screen readers
    expect(feedback).to_contain_text("そのとおりです")
    expect(feedback.locator(".tebiki-verdict")).to_have_text("正解です。")  # said in words, not only green
    expect(feedback).to_be_focused()
    expect(quiz.locator("fieldset > div").nth(correct)).to_have_class("correct")
    explanation = quiz.locator("section.content")
    expect(explanation).to_be_visible()
    expect(explanation.get_by_role("link", name="個人データを守るために必要かつ適切な措置をとる")).to_have_attribute(
        "href", "../../guideline/point1/#SEC-ART"
    )
    assert answered_count(page) == "1"

    # The reader may try again, also from the keyboard.
    again = quiz.get_by_role("button", name="もう一度答える")
    expect(again).to_be_visible()
    again.focus()
    page.keyboard.press("Enter")
    nothing_is_marked(quiz)


def test_space_on_a_check_box_does_not_submit_a_multiple_choice_question(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/point1/#Q-SEC-04", wait_until="networkidle")
    quiz = question(page, "Q-SEC-04")
    page.keyboard.press("Tab")
    expect(quiz.locator("input[type=checkbox]").first).to_be_focused()
    page.keyboard.press(" ")
    page.keyboard.press("Tab")
    page.keyboard.press(" ")
    nothing_is_marked(quiz)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(quiz.locator("button[type=submit]")).to_be_focused()
    page.keyboard.press(" ")
    expect(quiz.locator(".quiz-feedback")).to_contain_text("私物はロッカーに預けてから入室")
    expect(quiz.locator("fieldset > .correct")).to_have_count(2)


def test_full_width_answers_are_right(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/sme/", wait_until="networkidle")
    for question_id, typed, canonical in [("Q-SME-03", "１００", "100"), ("Q-SME-04", "５，０００", "5000")]:
        quiz = type_answer(page, question_id, typed)
        expect(quiz.locator(".quiz-feedback")).to_have_text("正解です。")
        box = quiz.locator(".quiz-blank-input")
        expect(box).to_have_class("quiz-blank-input correct")
        expect(box).to_have_value(canonical)
        expect(quiz.locator("section.content")).to_contain_text("解説")

    page.goto(site_url + "quiz/now/", wait_until="networkidle")
    quiz = type_answer(page, "Q-NOW-06", "３")  # on another page too
    expect(quiz.locator(".quiz-feedback")).to_have_text("正解です。")


def test_a_wrong_fill_in_answer_shows_the_right_one(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/sme/", wait_until="networkidle")
    quiz = type_answer(page, "Q-SME-03", "５０")
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_contain_text("不正解です。")
    expect(feedback).to_contain_text("50 → 100")


def test_typed_markup_is_shown_as_text_and_an_empty_blank_is_named_in_japanese(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/sme/", wait_until="networkidle")
    quiz = type_answer(page, "Q-SME-03", '<b id="typed">9</b>')
    wrong = quiz.locator(".quiz-feedback del")
    expect(wrong).to_have_text('<b id="typed">9</b>')
    expect(page.locator("#typed")).to_have_count(0)

    quiz = type_answer(page, "Q-SME-04", "")
    expect(quiz.locator(".quiz-feedback del")).to_have_text("（未入力）")  # src/tebiki/theme/locales/mkdocs-quiz/ja.po


def answer(quiz: Locator, right: bool) -> None:
    """Answer one question by mouse: all correct choices, or one wrong choice."""
    blank = quiz.locator(".quiz-blank-input")
    if blank.count():
        value = blank.get_attribute("data-answer") if right else "0"
        blank.fill(value or "")
    else:
        inputs = quiz.locator("input[name=answer]")
        for i in range(inputs.count()):
            is_correct = inputs.nth(i).get_attribute("data-correct") == "true"
            if is_correct == right:
                inputs.nth(i).check()
                if not right:
                    break
    quiz.locator("button[type=submit]").click()


def test_the_score_is_shown_and_announced_and_the_page_stays_accessible(page: Page, site_url: str) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + "quiz/point3/", wait_until="networkidle")
    quizzes = page.locator(".tebiki-question .quiz")
    total = quizzes.count()
    assert total == 6
    status = page.locator("#tebiki-quiz-status")
    expect(status).to_have_attribute("role", "status")
    for i in range(total):
        answer(quizzes.nth(i), right=i != 2)  # one wrong answer
        if i < total - 1:
            expect(status).to_be_empty()  # feedback per question is announced in its own region
    results = page.locator("#quiz-results")
    expect(results.locator(".quiz-results-title")).to_have_text("すべての問題に回答しました")
    expect(results.locator(".quiz-results-score-value")).to_have_text("83%")
    expect(results.locator(".quiz-results-message")).to_contain_text("よく理解できています")
    expect(status).to_have_text("全6問に回答しました。正解は5問、正答率は83パーセントです。")
    assert page.locator("canvas").count() == 0  # no confetti

    # The wrong answer is marked in words as well as colour.
    expect(quizzes.nth(2).locator(".quiz-feedback")).to_contain_text("不正解です。")
    expect(quizzes.nth(0).locator(".tebiki-verdict")).to_have_text("正解です。")
    wrong = quizzes.nth(2).locator(".wrong label")
    assert "（不正解）" in wrong.evaluate("el => getComputedStyle(el, '::after').content")

    violations = Axe().run(page, options=WCAG).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]

    # Progress is kept in this browser only, and restoring it is not announced again.
    page.reload(wait_until="networkidle")
    expect(page.locator("#quiz-results .quiz-results-score-value")).to_have_text("83%")
    expect(page.locator("#tebiki-quiz-status")).to_be_empty()


def test_every_score_band_is_readable(page: Page, site_url: str) -> None:
    """The score is coloured by band (mkdocs-quiz's own colours failed contrast): check each band."""
    page.goto(site_url + "quiz/point2/", wait_until="networkidle")
    quizzes = page.locator(".tebiki-question .quiz")
    total = quizzes.count()
    score = page.locator("#quiz-results .quiz-results-score-value")
    for right in range(total + 1):
        page.evaluate("() => localStorage.clear()")
        page.reload(wait_until="networkidle")
        for i in range(total):
            answer(quizzes.nth(i), right=i < right)
        expect(score).to_have_text(f"{round(100 * right / total)}%")
        violations = Axe().run(page, options={"runOnly": ["color-contrast"]}).response["violations"]
        assert not violations, (score.inner_text(), [n["target"] for v in violations for n in v["nodes"]])


def test_the_self_test_is_answered_once_and_stays_accessible(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/selftest/", wait_until="networkidle")
    quizzes = page.locator(".tebiki-question .quiz")
    total = quizzes.count()
    assert total >= 8
    for i in range(total):
        answer(quizzes.nth(i), right=True)
    expect(page.locator("#quiz-results .quiz-results-score-value")).to_have_text("100%")
    expect(quizzes.first.locator("input").first).to_be_disabled()  # a test: no second try
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


# The focused element: is a focus indicator drawn (outline or box-shadow)?
FOCUS_DRAWN = """
() => {
    const el = document.activeElement, style = getComputedStyle(el);
    return {
        what: el.tagName.toLowerCase() + "." + el.className,
        drawn: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
    };
}
"""


def test_focus_is_visible_on_every_quiz_control(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/now/#Q-NOW-05", wait_until="networkidle")
    seen = []
    for _ in range(9):  # three choices, the button, then the next questions' controls and a fill-in box
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_DRAWN))
    kinds = {s["what"].split(".")[0] for s in seen}
    assert {"input", "button"} <= kinds, seen
    assert any("quiz-blank-input" in s["what"] for s in seen), seen
    assert all(s["drawn"] for s in seen), [s for s in seen if not s["drawn"]]


def test_a_quiz_page_on_a_phone_is_accessible_before_and_after_answering(mobile_page: Page, site_url: str) -> None:
    page = mobile_page
    page.goto(site_url + "quiz/sme/", wait_until="networkidle")
    expect(page.locator("#quiz-progress-mobile")).to_be_visible()
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    quizzes = page.locator(".tebiki-question .quiz")
    for i in range(quizzes.count()):
        answer(quizzes.nth(i), right=i % 2 == 0)
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


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
    page.wait_for_load_state("networkidle")
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


def test_the_answer_key_prints_every_question_without_screen_only_parts(page: Page, site_url: str) -> None:
    page.goto(site_url + "quiz/answers/", wait_until="networkidle")
    expect(page.get_by_role("button", name="このページを印刷する")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".tebiki-print-note")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    banks = load_project(Paths.under(ROOT)).quizzes
    assert page.locator(".tebiki-answer-key h3").count() == sum(len(b.questions) for b in banks)
    assert page.locator(".tebiki-answer-key h2").nth(1).evaluate("el => getComputedStyle(el).breakBefore") == "page"


def test_without_javascript_quiz_pages_point_to_the_answer_key(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    page.goto(site_url + "quiz/point2/")
    note = page.locator(".tebiki-noscript")
    expect(note).to_be_visible()
    note.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("解答と解説（印刷用）")
    context.close()
