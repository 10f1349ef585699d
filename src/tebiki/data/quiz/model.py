"""Question banks as typed data.

Like the guideline models, every model rejects unknown fields. Rules that
depend on several fields (a single-choice question has exactly one correct
choice, a fill-in question has a blank) are checked in `quiz.load`, where each
problem can point at the exact line of the field at fault.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from ..types import ItemId, Slug, Strict, Text

QuestionId = Annotated[
    str,
    StringConstraints(pattern=r"^Q-[A-Z0-9]+(-[A-Z0-9]+)*$"),
    Field(description="Stable ASCII ID such as Q-SEC-01; the question's anchor on its quiz page."),
]

# Where a fill-in question's answer goes in its text.
BLANK = "___"


class QuestionType(StrEnum):
    single = "single"  # radio buttons, exactly one correct choice
    multiple = "multiple"  # check boxes, two or more correct choices
    fill = "fill"  # one blank (`___` in the question) and the answer typed in


class Choice(Strict):
    text: Text = Field(description="The choice as the reader sees it (one line; Markdown allowed).")
    correct: bool = Field(default=False, description="Mark every correct choice `true`.")
    feedback: Text | None = Field(
        default=None, description="Shown when the reader picks this choice: why it is right or wrong."
    )


class Question(Strict):
    id: QuestionId
    items: list[ItemId] = Field(min_length=1, description="Guideline item IDs this question checks.")
    type: QuestionType
    question: Text = Field(description="The question, in plain Japanese. For `fill`, write ___ where the blank goes.")
    choices: list[Choice] = Field(default_factory=list, description="For `single` and `multiple`.")
    answer: Text | None = Field(
        default=None,
        description="For `fill`: the answer, written as NFKC (half-width digits and letters). "
        "Readers' input is NFKC-normalised, so ３０ matches 30.",
    )
    explanation: Text = Field(
        description="Shown after answering. Links to the items' pamphlet sections are added automatically."
    )
    selftest: bool = Field(default=False, description="Also ask this question in the comprehensive self-test.")


class Bank(Strict):
    """One question bank: one quiz page, one QTI package."""

    id: Slug = Field(description="Becomes the page path quiz/<id>/ and the QTI file name.")
    order: int = Field(ge=0, description="Position among the quizzes.")
    title: Text = Field(description="Page title, e.g. 確認クイズ：社内の安全管理措置の強化")
    nav_title: Text | None = Field(default=None, description="Shorter title for the navigation.")
    description: Text = Field(description="One sentence for search engines and link previews.")
    section: Slug | None = Field(default=None, description="ID of the pamphlet section this bank is about.")
    intro: Text = Field(description="The opening paragraph of the quiz page.")
    questions: list[Question] = Field(min_length=1)
