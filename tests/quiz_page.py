"""The quiz page as a reader answers it, shared by the engine and the shipped-content quiz tests."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def question(page: Page, question_id: str) -> Locator:
    """The rendered quiz of a question, found from its heading (the heading carries the question ID)."""
    return page.locator(f"h2#{question_id} + .tebiki-question .quiz")


def nothing_is_marked(quiz: Locator) -> None:
    expect(quiz.locator(".correct, .wrong")).to_have_count(0)
    expect(quiz.locator(".quiz-feedback")).to_be_empty()
    expect(quiz.locator("section.content")).to_be_hidden()


def type_answer(page: Page, question_id: str, text: str) -> Locator:
    """Tab into the blank from the question's anchor, type `text` and press Enter."""
    page.goto(f"{page.url.split('#')[0]}#{question_id}")
    quiz = question(page, question_id)
    page.keyboard.press("Tab")
    box = quiz.locator(".quiz-blank-input")
    expect(box).to_be_focused()
    page.keyboard.insert_text(text)  # as an input method hands over full-width text
    page.keyboard.press("Enter")
    return quiz
