"""Read the question banks in `quizzes/*.yml` and validate them, collecting every problem.

Structural checks need only the bank; item references need the guideline. When
the guideline itself failed to load, the banks are still checked structurally so
that a maintainer sees every problem in one run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..collect import Collector, Reporter, adapter, check_unique
from ..guideline.model import Guideline
from ..problems import DataError
from .model import BLANK, Bank, Question, QuestionType

# Text that would be read as mkdocs-quiz syntax and break the generated quiz.
_QUIZ_SYNTAX = re.compile(r"\[\[|\]\]|</?quiz>", re.IGNORECASE)
# Digit grouping such as 5,000: the reader's input is compared without it.
_GROUPED_DIGITS = re.compile(r"(\d),(\d{3})(?!\d)")


def canonical_answer(text: str) -> str:
    """How a typed answer is compared (mirrors src/tebiki/theme/assets/tebiki-quiz.js): NFKC, trimmed,
    digit-grouping commas removed, case-insensitive."""
    text = unicodedata.normalize("NFKC", text).strip()
    while _GROUPED_DIGITS.search(text):
        text = _GROUPED_DIGITS.sub(r"\1\2", text, count=1)
    return text.lower()


def load_banks(quizzes_dir: Path, root: Path, guideline: Guideline | None) -> list[Bank]:
    """Load every bank under `quizzes_dir` (none if the folder is absent); raise DataError listing all problems."""
    c = Collector(root)
    files = sorted(quizzes_dir.glob("*.yml")) if quizzes_dir.is_dir() else []
    loaded: list[tuple[Path, Bank, Mapping]] = []
    for path in files:
        bank, lines = c.load(path, adapter(Bank))
        if bank is not None:
            loaded.append((path, bank, lines))
    check_unique(c, [(path, lines, b.id, ("id",)) for path, b, lines in loaded], "bank")
    check_unique(
        c,
        [(path, lines, q.id, ("questions", i, "id")) for path, b, lines in loaded for i, q in enumerate(b.questions)],
        "question",
    )
    sections = {s.id for s in guideline.sections} if guideline is not None else None
    # Built once: per question, it made loading grow with questions × items.
    item_ids = set(guideline.item_index()) if guideline is not None else None
    for path, bank, lines in loaded:
        r = c.reporter(path, lines)
        if sections is not None and bank.section is not None and bank.section not in sections:
            r.at(
                ("section",),
                f"unknown section {bank.section!r}",
                "use the `id` of a file in guideline/sections/, or drop `section`",
            )
        for i, question in enumerate(bank.questions):
            at = r.within("questions", i)
            if item_ids is not None:
                check_question_items(question, item_ids, at)
            for rule in QUESTION_RULES:
                rule(question, at)
    if c.problems:
        raise DataError(c.problems)
    return sorted((b for _, b, _ in loaded), key=lambda b: (b.order, b.id))


def check_question_items(q: Question, item_ids: set[str], r: Reporter) -> None:
    """The items a question checks exist in the guideline."""
    for j, item in enumerate(q.items):
        if item not in item_ids:
            r.at(("items", j), f"unknown item {item!r}", "use the `id` of an item in guideline/sections/*.yml")


def check_no_quiz_syntax(q: Question, r: Reporter) -> None:
    """No text uses the marks mkdocs-quiz reserves for its own syntax."""
    texts: list[tuple[tuple[Any, ...], str]] = [(("question",), q.question), (("explanation",), q.explanation)]
    for j, choice in enumerate(q.choices):
        texts.append((("choices", j, "text"), choice.text))
        if choice.feedback:
            texts.append((("choices", j, "feedback"), choice.feedback))
    for field, text in texts:
        if _QUIZ_SYNTAX.search(text):
            r.at(
                field, "text contains quiz syntax ([[, ]] or <quiz>)", "reword it; these marks are reserved for quizzes"
            )


def check_fill_in(q: Question, r: Reporter) -> None:
    """A fill-in question: one blank, no choices, an answer in the form readers' input is compared in."""
    if q.type is not QuestionType.fill:
        return
    if q.choices:
        r.at(("choices",), "a fill-in question has no choices", "remove `choices`, or change `type`")
    if q.question.count(BLANK) != 1:
        r.at(
            ("question",), f"a fill-in question needs exactly one blank {BLANK}", f"write {BLANK} where the answer goes"
        )
    if q.answer is None:
        r.at(("answer",), "a fill-in question needs `answer`", 'add the expected answer, e.g. answer: "100"')
    elif canonical_answer(q.answer) != q.answer.lower() or "\n" in q.answer:
        r.at(
            ("answer",),
            f"answer {q.answer!r} is not in the form readers' input is compared in",
            f"write it as {canonical_answer(q.answer)!r} (half-width, no digit-grouping commas); "
            "full-width input still matches",
        )


def check_choice_fields(q: Question, r: Reporter) -> None:
    """A choice question has no `answer` and no blank."""
    if q.type is QuestionType.fill:
        return
    if q.answer is not None:
        r.at(
            ("answer",),
            f"only fill-in questions have `answer`; this one is {q.type.value}",
            "mark choices `correct: true` instead",
        )
    if BLANK in q.question:
        r.at(
            ("question",),
            f"{BLANK} marks a blank, but this is a {q.type.value} question",
            "change `type` to fill, or reword",
        )


def check_choices(q: Question, r: Reporter) -> None:
    """A choice question: two or more distinct choices, as many correct ones as its type says."""
    if q.type is QuestionType.fill:
        return
    if not q.choices:
        r.at(("choices",), "the choice list is empty", "add at least two choices")
        return
    if len(q.choices) < 2:
        r.at(("choices",), "a choice question needs at least two choices", "add another choice")
    seen: set[str] = set()
    for j, choice in enumerate(q.choices):
        key = " ".join(choice.text.split())
        if key in seen:
            # mkdocs-quiz tells choices apart by their text: duplicates would be marked alike.
            r.at(("choices", j, "text"), "two choices have the same text", "make every choice different")
        seen.add(key)
    correct = sum(c.correct for c in q.choices)
    if q.type is QuestionType.single and correct != 1:
        r.at(
            ("choices",),
            f"a single-choice question needs exactly one correct choice; it has {correct}",
            "mark one choice `correct: true`, or use `type: multiple` for several correct answers",
        )
    if q.type is QuestionType.multiple and correct < 2:
        r.at(
            ("choices",),
            f"a multiple-choice question needs at least two correct choices; it has {correct}",
            "mkdocs-quiz shows one correct choice as radio buttons: use `type: single`, or mark more choices correct",
        )


# The rules every question of quizzes/*.yml is checked against (besides its item references), in order.
QUESTION_RULES: tuple[Callable[[Question, Reporter], None], ...] = (
    check_no_quiz_syntax,
    check_fill_in,
    check_choice_fields,
    check_choices,
)


def schemas() -> dict[str, dict]:
    return {"quiz-bank": TypeAdapter(Bank).json_schema()}
