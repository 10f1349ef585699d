"""Quiz answering in Chromium on the fixture guideline: check boxes and Space, full-width
digits in a blank, a wrong or empty blank, and typed markup shown as text.
(The shipped banks' own questions are tested in tests/content/browser/test_quiz.py.)"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from quiz_page import nothing_is_marked, question, type_answer

PAGE = "quiz/practice/"  # tests/fixtures/sites/ja/quizzes/practice.yml


def test_space_on_a_check_box_does_not_submit_a_multiple_choice_question(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE + "#Q-PRA-01", wait_until="networkidle")
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
    expect(quiz.locator(".quiz-feedback")).to_contain_text("確かめる日を先に決めておくと")
    expect(quiz.locator("fieldset > .correct")).to_have_count(2)


def test_full_width_answers_are_right(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE, wait_until="networkidle")
    for question_id, typed, canonical in [("Q-PRA-02", "１", "1"), ("Q-PRA-03", "１，０００", "1000")]:
        quiz = type_answer(page, question_id, typed)
        expect(quiz.locator(".quiz-feedback")).to_have_text("正解です。")
        box = quiz.locator(".quiz-blank-input")
        expect(box).to_have_class("quiz-blank-input correct")
        expect(box).to_have_value(canonical)
        expect(quiz.locator("section.content")).to_contain_text("解説")


def test_a_wrong_fill_in_answer_shows_the_right_one(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE, wait_until="networkidle")
    quiz = type_answer(page, "Q-PRA-03", "５０")
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_contain_text("不正解です。")
    expect(feedback).to_contain_text("50 → 1000")


def test_typed_markup_is_shown_as_text_and_an_empty_blank_is_named_in_japanese(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE, wait_until="networkidle")
    quiz = type_answer(page, "Q-PRA-03", '<b id="typed">9</b>')
    expect(quiz.locator(".quiz-feedback del")).to_have_text('<b id="typed">9</b>')
    expect(page.locator("#typed")).to_have_count(0)

    quiz = type_answer(page, "Q-PRA-02", "")
    expect(quiz.locator(".quiz-feedback del")).to_have_text("（未入力）")  # src/tebiki/theme/locales/mkdocs-quiz/ja.po
