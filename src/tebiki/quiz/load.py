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

from pydantic import TypeAdapter

from ..load import Collector, _check_unique_across
from ..model import Guideline
from ..problems import DataError
from ..yaml_lines import dotted, line_of
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
        bank, lines = c.load(path, TypeAdapter(Bank))
        if bank is not None:
            loaded.append((path, bank, lines))
    _check_unique_across(c, [(path, lines, b.id, ("id",)) for path, b, lines in loaded], "bank")
    _check_unique_across(
        c,
        [(path, lines, q.id, ("questions", i, "id")) for path, b, lines in loaded for i, q in enumerate(b.questions)],
        "question",
    )
    sections = {s.id for s in guideline.sections} if guideline is not None else None
    # Built once: per question, it made loading grow with questions × items.
    item_ids = set(guideline.item_index()) if guideline is not None else None
    for path, bank, lines in loaded:
        if sections is not None and bank.section is not None and bank.section not in sections:
            c.add(
                path,
                line_of(lines, ("section",)),
                "section",
                f"unknown section {bank.section!r}",
                "use the `id` of a file in guideline/sections/, or drop `section`",
            )
        for i, question in enumerate(bank.questions):
            _check_question(question, _reporter(c, path, lines, ("questions", i)), item_ids)
    if c.problems:
        raise DataError(c.problems)
    return sorted((b for _, b, _ in loaded), key=lambda b: (b.order, b.id))


def _reporter(c: Collector, path: Path, lines: Mapping, loc: tuple) -> Callable[..., None]:
    """Report a problem with a field of the question at `loc`, at that field's line."""

    def add(field: tuple, message: str, hint: str) -> None:
        c.add(path, line_of(lines, loc + field), dotted(loc + field), message, hint)

    return add


def _check_question(q: Question, add: Callable[..., None], item_ids: set[str] | None) -> None:
    if item_ids is not None:
        for j, item in enumerate(q.items):
            if item not in item_ids:
                add(("items", j), f"unknown item {item!r}", "use the `id` of an item in guideline/sections/*.yml")
    texts: list[tuple[tuple, str]] = [(("question",), q.question), (("explanation",), q.explanation)]
    for j, choice in enumerate(q.choices):
        texts.append((("choices", j, "text"), choice.text))
        if choice.feedback:
            texts.append((("choices", j, "feedback"), choice.feedback))
    for field, text in texts:
        if _QUIZ_SYNTAX.search(text):
            add(
                field, "text contains quiz syntax ([[, ]] or <quiz>)", "reword it; these marks are reserved for quizzes"
            )

    if q.type is QuestionType.fill:
        if q.choices:
            add(("choices",), "a fill-in question has no choices", "remove `choices`, or change `type`")
        if q.question.count(BLANK) != 1:
            add(
                ("question",),
                f"a fill-in question needs exactly one blank {BLANK}",
                f"write {BLANK} where the answer goes",
            )
        if q.answer is None:
            add(("answer",), "a fill-in question needs `answer`", 'add the expected answer, e.g. answer: "100"')
        elif canonical_answer(q.answer) != q.answer.lower() or "\n" in q.answer:
            add(
                ("answer",),
                f"answer {q.answer!r} is not in the form readers' input is compared in",
                f"write it as {canonical_answer(q.answer)!r} (half-width, no digit-grouping commas); "
                "full-width input still matches",
            )
        return

    if q.answer is not None:
        add(
            ("answer",),
            f"only fill-in questions have `answer`; this one is {q.type.value}",
            "mark choices `correct: true` instead",
        )
    if BLANK in q.question:
        add(
            ("question",),
            f"{BLANK} marks a blank, but this is a {q.type.value} question",
            "change `type` to fill, or reword",
        )
    if not q.choices:
        add(("choices",), "the choice list is empty", "add at least two choices")
        return
    if len(q.choices) < 2:
        add(("choices",), "a choice question needs at least two choices", "add another choice")
    seen: set[str] = set()
    for j, choice in enumerate(q.choices):
        key = " ".join(choice.text.split())
        if key in seen:
            # mkdocs-quiz tells choices apart by their text: duplicates would be marked alike.
            add(("choices", j, "text"), "two choices have the same text", "make every choice different")
        seen.add(key)
    correct = sum(c.correct for c in q.choices)
    if q.type is QuestionType.single and correct != 1:
        add(
            ("choices",),
            f"a single-choice question needs exactly one correct choice; it has {correct}",
            "mark one choice `correct: true`, or use `type: multiple` for several correct answers",
        )
    if q.type is QuestionType.multiple and correct < 2:
        add(
            ("choices",),
            f"a multiple-choice question needs at least two correct choices; it has {correct}",
            "mkdocs-quiz shows one correct choice as radio buttons: use `type: single`, or mark more choices correct",
        )


def schemas() -> dict[str, dict]:
    return {"quiz-bank": TypeAdapter(Bank).json_schema()}
