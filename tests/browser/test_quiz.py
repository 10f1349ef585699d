"""Quizzes in Chromium on both fixture sites (ja, en): keyboard-only answering (arrow keys never
submit), the score and its announcement, every score band readable, the self-test, visible focus,
axe on a phone, answers kept out of search, the printable answer key, and pages without JavaScript.
Questions, answers and counts come from the fixture's quiz banks (tests/fixtures/sites/*/quizzes/)."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browsers import Site, axe_violations, describe, new_context, shows_its_language
from quiz_page import nothing_is_marked, question
from tebiki.data.quiz.model import Bank
from waits import goto, loaded, reload, search_done

# mkdocs-quiz's closing message for a score, by its own thresholds (mkdocs_quiz/js/quiz.js).
RESULT_MESSAGES = [
    (90, "Outstanding! You aced it!"),
    (75, "Great job! You really know your stuff!"),
    (60, "Good effort! Keep learning!"),
    (40, "Not bad, but there's room for improvement!"),
    (0, "Better luck next time! Keep trying!"),
]


def bank(site: Site, bank_id: str) -> Bank:
    return next(b for b in site.data.quizzes if b.id == bank_id)


def single_choice(site: Site) -> tuple[str, str]:
    """The first single-choice question of the fixture's banks: (bank, question)."""
    for b in site.data.quizzes:
        for q in b.questions:
            if q.type == "single" and len(q.choices) >= 2:
                return b.id, q.id
    pytest.fail("the fixture has no single-choice question")


def answered_count(page: Page) -> str:
    return page.locator("#quiz-results .quiz-results-answered").inner_text()


def test_a_question_is_answered_with_the_keyboard_alone(site_page: Page, site: Site) -> None:
    page = site_page
    bank_id, question_id = single_choice(site)
    data = next(q for q in bank(site, bank_id).questions if q.id == question_id)
    correct = next(i for i, c in enumerate(data.choices) if c.correct)
    goto(page, site.url + f"quiz/{bank_id}/#{question_id}")
    quiz = question(page, question_id)
    radios = quiz.locator("input[type=radio]")
    count = len(data.choices)
    expect(radios).to_have_count(count)

    # From the question's anchor, Tab reaches the first choice; nothing is chosen or marked yet.
    page.keyboard.press("Tab")
    expect(radios.first).to_be_focused()
    for i in range(count):
        expect(radios.nth(i)).not_to_be_checked()

    # Arrow keys move the choice around (↓ to the last one and back): nothing is submitted.
    for _ in range(count - 1):
        page.keyboard.press("ArrowDown")
        nothing_is_marked(quiz)
        assert answered_count(page) == "0"
    for _ in range(count - 1 - correct):
        page.keyboard.press("ArrowUp")
    expect(radios.nth(correct)).to_be_checked()
    expect(radios.nth(correct)).to_be_focused()
    nothing_is_marked(quiz)
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('quiz_progress_')).length") == 0

    # Tab to the submit button and press it: now the answer is checked and explained.
    page.keyboard.press("Tab")
    submit = quiz.locator("button[type=submit]")
    expect(submit).to_be_focused()
    expect(submit).to_have_text(site.quiz_t("Submit"))
    page.keyboard.press("Enter")
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_have_attribute("role", "status")  # announced to screen readers
    if data.choices[correct].feedback:
        expect(feedback).to_contain_text(data.choices[correct].feedback)
    expect(feedback.locator(".tebiki-verdict")).to_have_text(site._("Correct."))  # in words, not only green
    expect(feedback).to_be_focused()
    expect(quiz.locator("fieldset > div").nth(correct)).to_have_class("correct")
    explanation = quiz.locator("section.content")
    expect(explanation).to_be_visible()
    item_id = data.items[0]
    item = next(i for s in site.data.guideline.sections for i in s.items() if i.id == item_id)
    section = next(s.id for s in site.data.guideline.sections if item in s.items())
    expect(explanation.get_by_role("link", name=item.title)).to_have_attribute(
        "href", f"../../guideline/{section}/#{item_id}"
    )
    assert answered_count(page) == "1"

    # The reader may try again, also from the keyboard.
    again = quiz.get_by_role("button", name=site.quiz_t("Try Again"))
    expect(again).to_be_visible()
    again.focus()
    page.keyboard.press("Enter")
    nothing_is_marked(quiz)
    shows_its_language(page, site)


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


def biggest_bank(site: Site) -> Bank:
    return max(site.data.quizzes, key=lambda b: len(b.questions))


def test_the_score_is_shown_and_announced_and_the_page_stays_accessible(site_page: Page, site: Site) -> None:
    page, data = site_page, biggest_bank(site)
    page.emulate_media(reduced_motion="reduce")
    goto(page, site.url + f"quiz/{data.id}/")
    quizzes = page.locator(".tebiki-question .quiz")
    total = len(data.questions)
    assert total >= 3
    expect(quizzes).to_have_count(total)
    status = page.locator("#tebiki-quiz-status")
    expect(status).to_have_attribute("role", "status")
    wrong = 1
    for i in range(total):
        answer(quizzes.nth(i), right=i != wrong)  # one wrong answer
        if i < total - 1:
            expect(status).to_be_empty()  # feedback per question is announced in its own region
    score = round(100 * (total - 1) / total)
    results = page.locator("#quiz-results")
    expect(results.locator(".quiz-results-title")).to_have_text(site.quiz_t("Quiz Complete!"))
    expect(results.locator(".quiz-results-score-value")).to_have_text(f"{score}%")
    message = next(m for floor, m in RESULT_MESSAGES if score >= floor)
    expect(results.locator(".quiz-results-message")).to_contain_text(site.quiz_t(message))
    expect(status).to_have_text(
        site._(
            "You have answered all %(total)s questions: %(correct)s right, a score of %(score)s percent.",
            total=total,
            correct=total - 1,
            score=score,
        )
    )
    assert page.locator("canvas").count() == 0  # no confetti

    # The wrong answer is marked in words as well as colour.
    expect(quizzes.nth(wrong).locator(".quiz-feedback")).to_contain_text(site._("Wrong."))
    expect(quizzes.nth(0).locator(".tebiki-verdict")).to_have_text(site._("Correct."))
    if quizzes.nth(wrong).locator(".wrong label").count():
        marked = quizzes.nth(wrong).locator(".wrong label").evaluate("el => getComputedStyle(el, '::after').content")
        assert site._(" (wrong)") in marked
    shows_its_language(page, site)
    assert not (found := axe_violations(page)), describe(f"quiz/{data.id}/", found)

    # Progress is kept in this browser only, and restoring it is not announced again.
    reload(page)
    expect(page.locator("#quiz-results .quiz-results-score-value")).to_have_text(f"{score}%")
    expect(page.locator("#tebiki-quiz-status")).to_be_empty()


def test_a_wrong_choice_is_named_wrong_in_words(site_page: Page, site: Site) -> None:
    page = site_page
    bank_id, question_id = single_choice(site)
    goto(page, site.url + f"quiz/{bank_id}/")
    quiz = question(page, question_id)
    answer(quiz, right=False)
    label = quiz.locator(".wrong label")
    expect(label).to_have_count(1)
    assert site._(" (wrong)") in label.evaluate("el => getComputedStyle(el, '::after').content")


def test_every_score_band_is_readable(site_page: Page, site: Site) -> None:
    """The score is coloured by band (mkdocs-quiz's own colours failed contrast): check each band."""
    page, data = site_page, biggest_bank(site)
    goto(page, site.url + f"quiz/{data.id}/")
    quizzes = page.locator(".tebiki-question .quiz")
    total = len(data.questions)
    score = page.locator("#quiz-results .quiz-results-score-value")
    for right in range(total + 1):
        page.evaluate("() => localStorage.clear()")
        reload(page)
        for i in range(total):
            answer(quizzes.nth(i), right=i < right)
        expect(score).to_have_text(f"{round(100 * right / total)}%")
        violations = axe_violations(page, ["wcag2aa"])
        contrast = [v for v in violations if v["id"] == "color-contrast"]
        assert not contrast, (score.inner_text(), describe("score", contrast))


def test_the_self_test_is_answered_once_and_stays_accessible(site_page: Page, site: Site) -> None:
    page = site_page
    selftest = [q for b in site.data.quizzes for q in b.questions if q.selftest]
    assert selftest, "the fixture marks a question for the self-test"
    goto(page, site.url + "quiz/selftest/")
    quizzes = page.locator(".tebiki-question .quiz")
    expect(quizzes).to_have_count(len(selftest))
    for i in range(len(selftest)):
        answer(quizzes.nth(i), right=True)
    expect(page.locator("#quiz-results .quiz-results-score-value")).to_have_text("100%")
    expect(quizzes.first.locator("input").first).to_be_disabled()  # a test: no second try
    shows_its_language(page, site)
    assert not (found := axe_violations(page)), describe("quiz/selftest/", found)


@pytest.mark.parametrize("path", ["bank", "selftest"])
def test_the_intro_names_the_buttons_the_reader_sees(site_page: Page, site: Site, path: str) -> None:
    """“Press “Check answer”” on a page whose button says “Submit” sends the reader looking."""
    page = site_page
    goto(page, site.url + (f"quiz/{single_choice(site)[0]}/" if path == "bank" else "quiz/selftest/"))
    intro = page.locator(".tebiki-quiz-intro").inner_text()
    named = re.findall(r"[“「]([^”」]+)[”」]", intro)
    assert named, intro
    for label in named:
        expect(page.get_by_role("button", name=label, exact=True).first).to_be_visible()


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


def test_focus_is_visible_on_every_quiz_control(site_page: Page, site: Site) -> None:
    page = site_page
    # A bank with a choice question followed by a fill-in one.
    data = next(b for b in site.data.quizzes if {q.type for q in b.questions} >= {"multiple", "fill"})
    first = data.questions[0]
    goto(page, site.url + f"quiz/{data.id}/#{first.id}")
    seen = []
    for _ in range(len(first.choices) + 3):  # the choices, the button, then the next question's fill-in box
        before = page.evaluate_handle("document.activeElement")
        page.keyboard.press("Tab")
        page.wait_for_function("before => document.activeElement !== before", arg=before)
        # The indicator may be drawn a frame after focus moves (a busy machine showed it): wait for
        # it a while, then record what is there either way.
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(f"() => ({FOCUS_DRAWN})().drawn", timeout=5_000)
        seen.append(page.evaluate(FOCUS_DRAWN))
    kinds = {s["what"].split(".")[0] for s in seen}
    assert {"input", "button"} <= kinds, seen
    assert any("quiz-blank-input" in s["what"] for s in seen), seen
    assert all(s["drawn"] for s in seen), [s for s in seen if not s["drawn"]]


def test_a_quiz_page_on_a_phone_is_accessible_before_and_after_answering(site_mobile_page: Page, site: Site) -> None:
    page, data = site_mobile_page, biggest_bank(site)
    goto(page, site.url + f"quiz/{data.id}/")
    expect(page.locator("#quiz-progress-mobile")).to_be_visible()
    assert not (found := axe_violations(page)), describe("before answering", found)
    quizzes = page.locator(".tebiki-question .quiz")
    for i in range(quizzes.count()):
        answer(quizzes.nth(i), right=i % 2 == 0)
    assert not (found := axe_violations(page)), describe("after answering", found)
    shows_its_language(page, site)


def search(page: Page, site: Site, query: str) -> list[str]:
    """Search from the search page's address; the results' links once Pagefind has answered."""
    page.goto(site.url + "search/?q=" + quote(query))
    search_done(page, query)
    loaded(page)
    return page.eval_on_selector_all(
        "#tebiki-search .pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))"
    )


# A word the fixture writes only in a quiz explanation (quizzes/practice.yml, Q-PRA-03).
ONLY_IN_AN_EXPLANATION = {"ja": "バインダー", "en": "binders"}
# A word of every question of the fixture's banks, and of its guideline.
COMMON_WORD = {"ja": "記録", "en": "records"}


def test_search_finds_no_quiz_answers_or_explanations(site_page: Page, site: Site) -> None:
    page = site_page
    word = ONLY_IN_AN_EXPLANATION[site.language]
    explanation = next(q.explanation for b in site.data.quizzes for q in b.questions if q.id == "Q-PRA-03")
    assert word in explanation
    page.goto(site.url + "quiz/practice/")
    assert word in page.locator("article").inner_html()
    # ... but searching for it finds nothing.
    assert search(page, site, word) == []
    expect(page.locator("#tebiki-search .pagefind-ui__message")).to_contain_text(
        site._("No page matches “%(query)s”.", query=word)
    )
    # A word of every question and of the guideline leads to the guideline, not to quiz pages or the answer key.
    common = COMMON_WORD[site.language]
    assert all(common in q.question.lower() for b in site.data.quizzes for q in b.questions)
    links = search(page, site, common)
    assert any("/guideline/" in h for h in links), links
    assert not [h for h in links if "/quiz/" in h and not h.split("#")[0].endswith("/quiz/")], links
    excerpts = page.locator("#tebiki-search .pagefind-ui__result-excerpt").all_inner_texts()
    assert not [e for e in excerpts if site._("Correct.") in e]
    # The list of quizzes can still be found, and leads to them.
    page.goto(site.url + "quiz/")
    title = page.locator("h1").inner_text()
    links = search(page, site, title)
    assert any(h.split("#")[0].endswith("/quiz/") for h in links), (title, links)


def test_the_answer_key_prints_every_question_without_screen_only_parts(site_page: Page, site: Site) -> None:
    page = site_page
    goto(page, site.url + "quiz/answers/")
    expect(page.get_by_role("button", name=site._("Print this page"))).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".tebiki-print-note")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    banks = site.data.quizzes
    assert len(banks) >= 2
    expect(page.locator(".tebiki-answer-key h3")).to_have_count(sum(len(b.questions) for b in banks))
    assert page.locator(".tebiki-answer-key h2").nth(1).evaluate("el => getComputedStyle(el).breakBefore") == "page"
    shows_its_language(page, site)


def test_without_javascript_quiz_pages_point_to_the_answer_key(browser: Browser, site: Site) -> None:
    context = new_context(browser, locale=site.locale, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + f"quiz/{site.data.quizzes[0].id}/")
        note = page.locator(".tebiki-noscript")
        expect(note).to_be_visible()
        note.get_by_role("link").click()
        expect(page.locator("h1")).to_have_text(site._("Answers and explanations (to print)"))
    finally:
        context.close()
