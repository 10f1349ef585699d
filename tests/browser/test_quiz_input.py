"""Quiz answering in Chromium on both fixture sites (ja, en): check boxes and Space, full-width
digits in a blank, a wrong or empty blank, and typed markup shown as text.
(The shipped banks' own questions are tested in tests/content/browser/test_shipped_quiz.py.)"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from browsers import Site, shows_its_language
from quiz_page import nothing_is_marked, question, type_answer
from waits import goto

PAGE = "quiz/practice/"  # tests/fixtures/sites/*/quizzes/practice.yml


def test_space_on_a_check_box_does_not_submit_a_multiple_choice_question(site_page: Page, site: Site) -> None:
    page = site_page
    data = next(q for b in site.data.quizzes for q in b.questions if q.id == "Q-PRA-01")
    goto(page, site.url + PAGE + "#Q-PRA-01")
    quiz = question(page, "Q-PRA-01")
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
    feedback = data.choices[0].feedback
    assert feedback
    expect(quiz.locator(".quiz-feedback")).to_contain_text(feedback)
    expect(quiz.locator("fieldset > .correct")).to_have_count(sum(c.correct for c in data.choices))


def test_full_width_answers_are_right(site_page: Page, site: Site) -> None:
    page = site_page
    goto(page, site.url + PAGE)
    for question_id, typed, canonical in [("Q-PRA-02", "１", "1"), ("Q-PRA-03", "１，０００", "1000")]:
        quiz = type_answer(page, question_id, typed)
        expect(quiz.locator(".quiz-feedback")).to_have_text(site._("Correct."))
        box = quiz.locator(".quiz-blank-input")
        expect(box).to_have_class("quiz-blank-input correct")
        expect(box).to_have_value(canonical)
        expect(quiz.locator("section.content")).to_contain_text(site._("Explanation:"))
    shows_its_language(page, site)


def test_a_wrong_fill_in_answer_shows_the_right_one(site_page: Page, site: Site) -> None:
    page = site_page
    goto(page, site.url + PAGE)
    quiz = type_answer(page, "Q-PRA-03", "５０")
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_contain_text(site._("Wrong."))
    expect(feedback).to_contain_text("50 → 1000")


def test_typed_markup_is_shown_as_text_and_an_empty_blank_is_named_in_the_sites_language(
    site_page: Page, site: Site
) -> None:
    page = site_page
    goto(page, site.url + PAGE)
    quiz = type_answer(page, "Q-PRA-03", '<b id="typed">9</b>')
    expect(quiz.locator(".quiz-feedback del")).to_have_text('<b id="typed">9</b>')
    expect(page.locator("#typed")).to_have_count(0)

    quiz = type_answer(page, "Q-PRA-02", "")
    expect(quiz.locator(".quiz-feedback del")).to_have_text(site.quiz_t("(empty)"))  # mkdocs-quiz's catalog
    shows_its_language(page, site)
