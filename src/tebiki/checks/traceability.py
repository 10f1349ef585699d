"""Write the coverage report, as proven on the built site, into the traceability page."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..data.guideline.model import Dimension, Guideline
from ..files import html_files
from ..generate import traceability
from ..generate.render import render_html
from ..translations import _
from .coverage import Report


def labels() -> dict[Dimension, str]:
    """The column heading of each coverage dimension, in the site's language."""
    return {
        Dimension.pamphlet: _("Explanation pages"),
        Dimension.checklist: _("Checklist"),
        Dimension.quiz: _("Quizzes"),
        Dimension.slides: _("Slides"),
        Dimension.video: _("Briefing videos"),
    }


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


class TraceabilityError(Exception):
    pass


def _titles(site_dir: Path) -> dict[str, str]:
    """URL path of each page -> its heading, as text."""
    out = {}
    for page, path in html_files(site_dir):
        match = _H1.search(path.read_text(encoding="utf-8"))
        if match:
            out[page] = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
    return out


def _page_file(site_dir: Path) -> tuple[Path, str] | None:
    """The built traceability page and its relative path back to the site root."""
    name = traceability.PATH.removesuffix(".md")
    if (site_dir / name / "index.html").is_file():
        return site_dir / name / "index.html", "../"
    if (site_dir / f"{name}.html").is_file():
        return site_dir / f"{name}.html", ""
    return None


_SLIDE = re.compile(r"^slide-(\d+)$")


def _links(where: list[str], titles: dict[str, str], to_root: str) -> list[dict[str, str]]:
    """Links to the places of one cell, each named by its page (and slide, or a number)."""
    pages = [w.split("#", 1)[0] for w in where]
    links, seen = [], dict.fromkeys(pages, 0)
    for place, page in zip(where, pages, strict=True):
        text = titles.get(page, page)
        anchor = place.partition("#")[2]
        if slide := _SLIDE.match(anchor):
            text += _(", slide %(number)s", number=slide.group(1))
        elif pages.count(page) > 1:
            seen[page] += 1
            text += _(" (%(number)s)", number=seen[page])
        href = place.replace("index.html#", "#") if to_root else place  # directory URLs
        links.append({"href": to_root + href, "text": text})
    return links


def fill(site_dir: Path, guideline: Guideline, report: Report) -> None:
    """Put `report` into the built traceability page, if the site has one."""
    found = _page_file(site_dir)
    if found is None:
        return
    target, to_root = found
    titles = _titles(site_dir)
    rows = {row["id"]: row for row in report.rows}
    sections = []
    for section in guideline.sections:
        section_rows = []
        for item in section.items():
            row = rows[item.id]
            cells = []
            for name in report.dimensions:
                cells.append({"links": _links(row["coverage"][name]["where"], titles, to_root)})
            section_rows.append({"id": item.id, "title": item.title, "cells": cells})
        sections.append({"id": section.id, "title": section.title, "rows": section_rows})
    table = render_html(
        "traceability.html.j2",
        sections=sections,
        dimensions=report.dimensions,
        labels=labels(),
        covered=sum(1 for r in report.rows if all(c["where"] or not c["required"] for c in r["coverage"].values())),
        total=len(report.rows),
    )
    text = target.read_text(encoding="utf-8")
    if text.count(traceability.SLOT) != 1:
        raise TraceabilityError(f"{target}: the traceability page has no place for the coverage report")
    target.write_text(text.replace(traceability.SLOT, table.strip()), encoding="utf-8")
