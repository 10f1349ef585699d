"""The short printed pamphlet, read in five minutes: one message, what to do first, one page
per point (problem → measures → the first checklist track's way → today's rule), the self-check as a
tick sheet, and where to ask. From the same data as the site; the item-by-item reference
is the other PDF (`printed.document`). Pure: data in, HTML out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..data.checklist.model import Entry
from ..data.guideline.model import Item, Kind, Section
from ..data.project import Project
from ..text import oneline
from ..translations import first_sentence
from .render import render_html

# What a page of one revision point holds at most: more would not fit its page.
MAX_PROBLEMS = 4
MAX_MEASURES = 6
MAX_SME = 3
MAX_RULES = 3


@dataclass(frozen=True)
class Point:
    """One revision point as its page shows it."""

    section: Section
    problems: list[Item]
    measures: list[Item]
    sme: list[tuple[Entry, str]] = field(default_factory=list)  # (entry, the first sentence of its SME way)
    rules: list[str] = field(default_factory=list)  # today's rule labels
    today: str = ""  # one sentence: what today's law asks (from the point's requirement)


def _first_sentence(text: str) -> str:
    return first_sentence(oneline(text))


def points(project: Project) -> list[Point]:
    guideline = project.guideline
    rules = guideline.rule_index()
    found = []
    for section in (s for s in guideline.sections if s.point):
        items = section.items()
        ids = {i.id for i in items}
        sme: list[tuple[Entry, str]] = []
        if project.checklist is not None:
            track = project.checklist.tracks[0].id
            sme = [
                (e, _first_sentence(e.how_for(track)))
                for e in project.checklist.entries()
                if any(i in ids for i in e.items)
            ][:MAX_SME]
        today = next((i.today for i in items if i.kind is Kind.requirement and i.today is not None), None)
        found.append(
            Point(
                section=section,
                problems=[i for i in items if i.kind is Kind.problem][:MAX_PROBLEMS],
                measures=[i for i in items if i.kind is Kind.measure][:MAX_MEASURES],
                sme=sme,
                rules=[rules[r].label for r in dict.fromkeys(r for i in items if i.today for r in i.today.rules)][
                    :MAX_RULES
                ],
                today=_first_sentence(today.summary) if today else "",
            )
        )
    return found


def required_entries(project: Project) -> list[Entry]:
    """The checklist entries the tick sheet lists: the required ones."""
    checklist = project.checklist
    return [e for e in checklist.entries() if e.level.value == "required"] if checklist else []


def document(project: Project, *, site_name: str, site_url: str | None, issued: dt.date) -> str:
    """The short pamphlet as HTML for WeasyPrint (the guideline's `pamphlet` data must be set)."""
    meta = project.guideline.meta
    if meta.pamphlet is None:
        raise ValueError("the guideline has no `pamphlet` data: print the reference instead")
    return render_html(
        "print/short.html.j2",
        meta=meta,
        pamphlet=meta.pamphlet,
        points=points(project),
        index=project.guideline.item_index(),
        checklist=project.checklist,
        required=required_entries(project),
        site_name=site_name,
        site_url=site_url,
        issued=issued,
    )
