"""QTI packages of the question banks, for trainers' learning-management systems.

mkdocs-quiz's own exporter writes the QTI XML; it is called as a library with a
collection built from the banks (not from Markdown, and not through its `cli_run`
option, which breaks `--strict` builds). Identifiers are the stable question IDs
and the ZIP entries carry a fixed timestamp, so the same banks give the same bytes.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Iterator

import markdown
from mkdocs_quiz.qti import Answer, Blank, QTIExporter, QTIVersion, Quiz, QuizCollection

from ..data.project import Project
from ..data.quiz.model import Question, QuestionType
from ..text import oneline
from . import qti_xml
from .paths import UrlOf, section_path
from .quiz import QTI_VERSIONS, fill_parts, qti_path, selftest_questions, selftest_title
from .render import render
from .render import text as as_text

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Stands for `"` in the collection's title while mkdocs-quiz writes it: it escapes &, < and >
# there but not quotes, and the title goes into attributes. A private-use character, then
# replaced by &quot;, which is right in attributes and text alike.
_QUOTE = "\ue000"
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


class _Converter:
    """Markdown to HTML for the QTI items, with what every question needs made once.

    `markdown.markdown()` builds a new Markdown instance per call, and the item index
    was built per question: with thousands of questions, each in two QTI versions,
    that grew with questions × items. One instance, reset between texts, gives the
    same HTML.
    """

    def __init__(self, project: Project, url_of: UrlOf):
        self.md = markdown.Markdown()
        self.index = project.guideline.item_index()
        self.url_of = url_of

    def html(self, text: str) -> str:
        return self.md.reset().convert(text)

    def inline(self, text: str) -> str:
        """One line of Markdown as inline HTML (no paragraph around it)."""
        html = self.html(text)
        match = _PARAGRAPH.match(html)
        return match.group(1) if match else html

    def link(self, item_id: str) -> tuple[str, str | None]:
        section, item = self.index[item_id]
        url = self.url_of(section_path(section))
        return item.title, f"{url}#{item_id}" if url else None


def _quiz(convert: _Converter, question: Question) -> Quiz:
    content = convert.html(render("quiz-qti.md.j2", question=question, item_link=convert.link))
    if question.type is QuestionType.fill:
        before, after = fill_parts(question)
        text = convert.inline(as_text(oneline(before))) + "{{BLANK_0}}" + convert.inline(as_text(oneline(after)))
        assert question.answer is not None  # checked by the loader
        return Quiz(
            question=text,
            blanks=[Blank(correct_answer=question.answer, identifier=f"{question.id}-BLANK")],
            content=content,
            identifier=question.id,
        )
    answers = [
        Answer(text=convert.inline(as_text(oneline(c.text))), is_correct=c.correct, identifier=f"{question.id}-{n}")
        for n, c in enumerate(question.choices, 1)
    ]
    return Quiz(
        question=convert.inline(as_text(oneline(question.question))),
        answers=answers,
        content=content,
        identifier=question.id,
    )


def package(collection: QuizCollection, version: str) -> bytes:
    """One QTI content package (ZIP) holding the collection's questions."""
    qti_version = QTIVersion.from_string(version)
    title = collection.title.replace(_QUOTE, "")
    exporter = QTIExporter.create(dataclasses.replace(collection, title=title.replace('"', _QUOTE)), qti_version)
    entries = {
        name: xml.replace(_QUOTE, "&quot;")
        for name, xml in (
            ("imsmanifest.xml", exporter.generate_manifest()),
            ("assessment.xml", exporter.generate_assessment()),
        )
    }
    questions = {f"items/{quiz.identifier}.xml": quiz.question for quiz in collection.quizzes}
    items = {name: qti_xml.retitle(xml, questions[name]) for name, xml in exporter.generate_items().items()}
    # What the exporter leaves out (XHTML content, the feedback shown), put right in its XML.
    if qti_version is QTIVersion.V2_1:
        entries["assessment.xml"] = qti_xml.assessment21(entries["assessment.xml"], title)
        items = {name: qti_xml.item21(xml) for name, xml in items.items()}
    else:
        items = {name: qti_xml.item12(xml) for name, xml in items.items()}
    entries.update(items)
    for name, text in entries.items():
        qti_xml.check_well_formed(name, text)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for filename, text in entries.items():
            info = zipfile.ZipInfo(filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text)
    return buffer.getvalue()


def packages(project: Project, url_of: UrlOf) -> Iterator[tuple[str, bytes]]:
    """(docs path, ZIP bytes) for every bank and the self-test, in every QTI version."""
    sets = [(bank.id, bank.title, bank.questions) for bank in project.quizzes]
    selftest = selftest_questions(project)
    if selftest:
        sets.append(("selftest", selftest_title(), selftest))
    convert = _Converter(project, url_of)
    for name, title, questions in sets:
        # The exporters only read the collection: one serves every version.
        collection = QuizCollection(
            title=title,
            quizzes=[_quiz(convert, q) for q in questions],
            description=project.guideline.meta.short_title,
            identifier=f"tebiki-{name}",
        )
        for version in QTI_VERSIONS:
            yield qti_path(name, version), package(collection, version)
