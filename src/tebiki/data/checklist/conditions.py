"""The applicability rules: when a question is asked, which track a profile is on,
and whether an entry applies.

A condition is data, written in YAML and embedded as JSON in the checklist page:

    {entrusts: "yes"}                      the answer to `entrusts` is "yes"
    {recontract: ["yes", "unknown"]}       the answer is one of these
    {employees: upto100, contractor: "no"} every key holds (and)
    {all: [cond, ...]}  /  {any: [cond, ...]}

A question that was not answered (or not asked) matches nothing. There is no
`not`: each question has a short list of options, so the other options say it.

src/tebiki/theme/assets/checklist-rules.js is the same interpreter, line for line, for the
browser; tests run both on every profile and compare the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

Answers = Mapping[str, str]
Condition = Mapping[str, Any]


class _Question(Protocol):
    id: str
    ask_if: Condition | None

    def values(self) -> list[str]: ...


class _Track(Protocol):
    id: str
    when: Condition | None


def holds(condition: Condition | None, answers: Answers) -> bool:
    """True if `answers` satisfy `condition`; no condition always holds."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(c, answers) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, answers) for c in condition["any"])
    for question, wanted in condition.items():
        options = wanted if isinstance(wanted, list) else [wanted]
        if question not in answers or answers[question] not in options:
            return False
    return True


def effective(questions: Sequence[_Question], answers: Answers) -> dict[str, str]:
    """Keep only valid answers to questions that are asked, given the answers before them."""
    out: dict[str, str] = {}
    for question in questions:
        value = answers.get(question.id)
        if holds(question.ask_if, out) and value in question.values():
            out[question.id] = value
    return out


def complete(questions: Sequence[_Question], answers: Answers) -> bool:
    """True when every question that is asked has an answer."""
    eff = effective(questions, answers)
    return all(q.id in eff for q in questions if holds(q.ask_if, eff))


def track_of(tracks: Sequence[_Track], answers: Answers) -> str:
    """The first track whose `when` holds; the last track has no `when` and catches the rest."""
    for track in tracks:
        if holds(track.when, answers):
            return track.id
    raise ValueError("no track matched: the last track must have no `when`")


def check(
    condition: Any, options: Mapping[str, Sequence[str]], loc: tuple[Any, ...] = ()
) -> Iterable[tuple[tuple[Any, ...], str, str]]:
    """Problems in one condition: (location, message, hint). `options` maps the questions
    the condition may use to their option values."""
    if not isinstance(condition, dict) or not condition:
        yield loc, 'a condition must be a mapping such as {entrusts: "yes"}', "see the comment at the top of the file"
        return
    for combinator in ("all", "any"):
        if combinator in condition:
            parts = condition[combinator]
            if len(condition) != 1:
                yield (
                    loc,
                    f"`{combinator}` must be the only key of its mapping",
                    f"nest the other keys inside `{combinator}`",
                )
            if not isinstance(parts, list) or not parts:
                yield loc + (combinator,), f"`{combinator}` needs a list of conditions", "write e.g. [{a: x}, {b: y}]"
                return
            for i, part in enumerate(parts):
                yield from check(part, options, loc + (combinator, i))
            return
    if "not" in condition:
        yield loc + ("not",), "`not` is not supported", 'name the other options instead, e.g. {entrusts: "no"}'
        return
    for question, wanted in condition.items():
        yield from _check_answer(question, wanted, options, loc + (question,))


def _check_answer(
    question: str, wanted: Any, options: Mapping[str, Sequence[str]], loc: tuple[Any, ...]
) -> Iterable[tuple[tuple[Any, ...], str, str]]:
    """One `question: option(s)` pair of a condition: a question asked before, and its options."""
    if question not in options:
        known = ", ".join(options) or "(none)"
        yield loc, f"unknown question {question!r}", f"use a question asked before this point: {known}"
        return
    values = wanted if isinstance(wanted, list) else [wanted]
    if not values:
        yield loc, "empty list of options", "list at least one option"
    for value in values:
        if not isinstance(value, str) or value not in options[question]:
            yield loc, f"{value!r} is not an option of {question!r}", f"use one of: {', '.join(options[question])}"
