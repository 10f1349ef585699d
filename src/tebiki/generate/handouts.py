"""The trainers' printed handouts as HTML, and the QR code images, built with the site.

Handouts: the self-check checklist with every track's way, and for each kit a quiz
sheet (no answers) and a separate answer key. Each carries QR codes to the online
checklist and quizzes on the published site. They need the pages' public URLs, so
they are made when MkDocs knows the files (like the QTI packages), from HTML templates
in theme/templates/handout/; publish/typeset.py prints them to PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..data.project import Project
from ..translations import _
from . import trainer as pages
from .checklist import describe
from .paths import UrlOf
from .quiz import fill_parts
from .render import render_html
from .siteurl import is_placeholder


class HandoutError(Exception):
    pass


@dataclass(frozen=True)
class Code:
    """A QR code as printed: what it opens, the URL (also printed in words) and the image."""

    label: str
    url: str
    image: str  # data: URI of the SVG


def _codes(project: Project, url_of: UrlOf, *, printed: bool = True) -> list[Code]:
    from ..generate import qr  # imported late: segno (with urllib and xml) only for guidelines with trainer kits

    codes = []
    for target in pages.qr_targets(project):
        url = url_of(target.page)
        if url is None:
            raise HandoutError(
                f"no public URL for {target.page}: the handouts' QR codes need it.\n"
                "→ set `site_url` in mkdocs.yml to the address the site is published at."
            )
        if printed and is_placeholder(url):
            return []  # paper cannot be corrected: no codes rather than a dead address
        codes.append(Code(target.label, url, qr.data_uri(url)))
    return codes


def qr_images(project: Project, url_of: UrlOf) -> Iterator[tuple[str, bytes]]:
    """(docs path, SVG) of the QR codes the closing slide shows."""
    if project.trainer is None:
        return
    from ..generate import qr

    for target, code in zip(pages.qr_targets(project), _codes(project, url_of, printed=False), strict=True):
        yield target.image, qr.svg(code.url)


def documents(project: Project, url_of: UrlOf, *, site_name: str) -> Iterator[tuple[str, str, str]]:
    """(docs path, title, HTML) of every handout."""
    if project.trainer is None:
        return

    def _pdf(template: str, title: str, path: str, **context: object) -> tuple[str, str, str]:
        return path, title, render_html(template, title=title, **context)

    codes = _codes(project, url_of)
    common = {"site_name": site_name, "meta": project.guideline.meta, "codes": codes}
    items = project.guideline.item_index()
    if project.checklist is not None:
        checklist = project.checklist
        yield _pdf(
            "handout/checklist.html.j2",
            project.checklist.spec.title,
            pages.HANDOUT_CHECKLIST,
            checklist=project.checklist,
            items=items,
            describe=lambda condition: describe(condition, checklist),
            **common,
        )
    for kit in project.trainer.kits:
        sets = pages.live_questions(project, kit)
        if not sets:
            continue
        context = {"kit": kit, "sets": sets, "marks": pages.choice_marks(), "items": items, "fill_parts": fill_parts}
        context.update(common)
        sheet = _("Quiz question sheet: %(title)s", title=kit.title)
        key = _("Quiz answers and explanations: %(title)s", title=kit.title)
        yield _pdf("handout/quiz-sheet.html.j2", sheet, pages.quiz_sheet_path(kit), **context)
        yield _pdf("handout/answer-key.html.j2", key, pages.answer_key_path(kit), **context)
