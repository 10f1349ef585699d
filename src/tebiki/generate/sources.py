"""The sources and credits page, with today's rules and the items that map to them."""

from __future__ import annotations

from collections.abc import Iterator

from ..project import Project
from .pamphlet import section_path
from .render import render

PATH = "sources.md"


def rule_anchor(rule_id: str) -> str:
    return f"rule-{rule_id}"


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    guideline = project.guideline
    used_by: dict[str, list[tuple[str, str, str]]] = {}
    for section in guideline.sections:
        for item in section.items():
            for rule in item.today.rules:
                used_by.setdefault(rule, []).append((item.id, item.title, section_path(section)))
    yield (
        PATH,
        render("sources.md.j2", guideline=guideline, used_by=used_by, rule_anchor=rule_anchor),
        "guideline/sources.yml",
    )
