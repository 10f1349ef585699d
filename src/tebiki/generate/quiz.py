"""Quiz pages: one per question bank, a comprehensive self-test, a landing page,
a page for trainers (QTI downloads) and a printable answer key.

The quiz pages are mkdocs-quiz Markdown (`<quiz>` blocks). mkdocs-quiz runs only
on pages that opt in through their front matter; every question sits in a
wrapper that keeps it out of the search index and marks the items it covers.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass

from babel.messages.pofile import read_po

from .. import translations
from ..data.problems import display_path
from ..data.project import Project
from ..data.quiz.model import BLANK, Bank, Question
from ..translations import _
from .paths import QUIZ_DIR, item_link, section_path
from .paths import bank_path as _bank_path
from .render import render
from .theme_files import QUIZ_LOCALES

INDEX = f"{QUIZ_DIR}/index.md"
SELFTEST = f"{QUIZ_DIR}/selftest.md"
TRAINERS = f"{QUIZ_DIR}/trainers.md"
ANSWERS = f"{QUIZ_DIR}/answers.md"
QTI_VERSIONS = ("1.2", "2.1")


@functools.cache
def _quiz_catalog(language: str) -> dict[str, str]:
    path = QUIZ_LOCALES / f"{language}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as po:
        return {str(m.id): str(m.string) for m in read_po(po) if m.id and m.string}


# mkdocs-quiz's messages on the buttons the quiz pages' intros name: key -> msgid.
BUTTON_MESSAGES = {"submit": "Submit", "reset": "Reset quiz"}
# The labels mkdocs-quiz shows on this site, as the MkDocs glue read them from its configuration
# (a site's own `custom_translations` win over tebiki's catalog); unset: tebiki's catalog.
_shown: ContextVar[Mapping[str, str] | None] = ContextVar("tebiki_quiz_buttons", default=None)


def show_buttons(labels: Mapping[str, str] | None) -> None:
    """From now on (in this context) the intros quote `labels` (key -> label, as BUTTON_MESSAGES)."""
    _shown.set(dict(labels) if labels is not None else None)


def quiz_buttons() -> dict[str, str]:
    """The labels mkdocs-quiz puts on its buttons, so that the intro names the buttons the reader
    sees: the site's, or tebiki's catalog in the active language (mkdocs-quiz's English without one)."""
    shown = _shown.get()
    if shown is not None:
        return dict(shown)
    words = _quiz_catalog(translations.active())
    return {key: words.get(msgid, msgid) for key, msgid in BUTTON_MESSAGES.items()}


def selftest_title() -> str:
    return _("Final test")


def bank_path(bank: Bank) -> str:
    return _bank_path(bank.id)


def qti_href(name: str, version: str) -> str:
    """The QTI package of a bank (or of the self-test), relative to the quiz pages."""
    return f"qti/tebiki-{name}-qti{version.replace('.', '')}.zip"


def qti_path(name: str, version: str) -> str:
    """Where the QTI package is published, relative to the docs root."""
    return f"{QUIZ_DIR}/{qti_href(name, version)}"


def selftest_questions(project: Project) -> list[Question]:
    return [q for bank in project.quizzes for q in bank.questions if q.selftest]


@dataclass(frozen=True)
class Where:
    """Where a question is asked on its bank's page, for links from item sections."""

    bank: Bank
    number: int
    question: Question

    @property
    def path(self) -> str:
        return bank_path(self.bank)


def questions_by_item(project: Project) -> dict[str, list[Where]]:
    """Item ID -> the questions that check it, in bank order."""
    out: dict[str, list[Where]] = {}
    for bank in project.quizzes:
        for n, question in enumerate(bank.questions, 1):
            for item in question.items:
                out.setdefault(item, []).append(Where(bank, n, question))
    return out


def fill_parts(question: Question) -> tuple[str, str]:
    """The text before and after the blank of a fill-in question."""
    before, after = question.question.split(BLANK)
    return before, after


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    if not project.quizzes:
        return
    guideline = project.guideline
    link = item_link(guideline)
    sections = {s.id: s for s in guideline.sections}
    folder = display_path(project.paths.quizzes, project.paths.root)
    common = {
        "meta": guideline.meta,
        "item_link": link,
        "fill_parts": fill_parts,
        "qti_href": qti_href,
        "versions": QTI_VERSIONS,
        "buttons": quiz_buttons(),
    }
    selftest = selftest_questions(project)
    yield (
        INDEX,
        render("quiz-index.md.j2", banks=project.quizzes, selftest=selftest, **common),
        folder,
    )
    for bank in project.quizzes:
        section = sections.get(bank.section) if bank.section else None
        yield (
            bank_path(bank),
            render(
                "quiz-page.md.j2",
                title=bank.title,
                description=bank.description,
                intro=bank.intro,
                questions=bank.questions,
                section=section,
                section_link=f"../{section_path(section)}" if section else None,
                selftest=False,
                **common,
            ),
            f"{folder}/{bank.id}.yml",
        )
    if selftest:
        yield (
            SELFTEST,
            render(
                "quiz-page.md.j2",
                title=selftest_title(),
                description=_("A test of questions from every quiz: how well you know the guideline and today's rules.")
                if guideline.meta.superseded
                else _("A test of questions from every quiz: how well you know the guideline."),
                intro=None,
                questions=selftest,
                section=None,
                section_link=None,
                selftest=True,
                **common,
            ),
            folder,
        )
    yield (
        TRAINERS,
        render("quiz-trainers.md.j2", banks=project.quizzes, selftest=selftest, **common),
        folder,
    )
    yield (
        ANSWERS,
        render("quiz-answers.md.j2", banks=project.quizzes, **common),
        folder,
    )


def nav(project: Project) -> list[dict[str, str]]:
    """Navigation entries for the `tebiki:quizzes` placeholder."""
    if not project.quizzes:
        return []
    entries = [{_("About the quizzes"): INDEX}]
    entries += [{bank.nav_title or bank.title: bank_path(bank)} for bank in project.quizzes]
    if selftest_questions(project):
        entries.append({selftest_title(): SELFTEST})
    entries += [{_("For trainers"): TRAINERS}, {_("Answers and explanations (to print)"): ANSWERS}]
    return entries
