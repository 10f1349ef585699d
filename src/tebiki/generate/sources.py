"""The sources and credits page, with today's rules and the items that map to them."""

from __future__ import annotations

from collections.abc import Iterator

from ..data.project import Project
from ..translations import _
from .pamphlet import section_path
from .printed import PrintPart
from .render import render

PATH = "sources.md"


def rule_anchor(rule_id: str) -> str:
    return f"rule-{rule_id}"


def rule_publishers(project: Project) -> list[str]:
    """Who published the documents today's rules are quoted from, in order of first use."""
    by_id = {s.id: s for s in project.guideline.sources}
    return list(dict.fromkeys(by_id[r.source].publisher for r in project.guideline.rules))


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    guideline = project.guideline
    used_by: dict[str, list[tuple[str, str, str]]] = {}
    for section in guideline.sections:
        for item in section.items():
            for rule in item.today.rules if item.today else []:
                used_by.setdefault(rule, []).append((item.id, item.title, section_path(section)))
    yield (
        PATH,
        render(
            "sources.md.j2",
            guideline=guideline,
            used_by=used_by,
            rule_anchor=rule_anchor,
            rule_publishers=rule_publishers(project),
        ),
        "guideline/sources.yml",
    )


def print_parts(project: Project) -> Iterator[PrintPart]:
    """The credits and today's rules close the printed pamphlet, as they close the site."""
    guideline = project.guideline
    yield PrintPart(
        id="part-sources",
        title=_("Sources and today's rules") if guideline.meta.superseded else _("Sources"),
        template="print/sources.html.j2",
        context={"guideline": guideline, "rule_anchor": rule_anchor, "rule_publishers": rule_publishers(project)},
        lead=_("Where quotations come from and on what terms; the rules of today each item maps to.")
        if guideline.meta.superseded
        else _("Where quotations come from and on what terms."),
        appendix=True,
    )
