"""The self-check pages: one interactive checklist, and one static page per track.

The interactive page carries everything its script needs as JSON in the page
(questions, tracks, conditions, scale, bands, entries): no request is made for it.
Every entry on every page is marked `data-tebiki-checklist` with its items and
`data-track` with the tracks whose way of doing it the page shows, for coverage.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..data.checklist import conditions
from ..data.checklist.conditions import Condition
from ..data.checklist.model import Checklist, Entry, Level
from ..data.project import Project
from ..text import oneline
from ..translations import _, gap, pgettext
from .paths import item_link
from .printed import PrintPart
from .render import render
from .sources import rule_anchor

DIR = "checklist"
INTERACTIVE = f"{DIR}/index.md"


def level_labels() -> dict[Level, str]:
    return {Level.required: _("Required"), Level.recommended: _("Recommended")}


def reader_words(checklist: Checklist) -> dict[str, str]:
    """What the checklist's messages call the reader, as their placeholders `reader` and `readers`:
    the profile's `reader`, or the catalog's neutral word (organisation, 組織)."""
    named = checklist.questionnaire.reader
    if named is not None:
        return {"reader": named.singular, "readers": named.plural or named.singular}
    # Translators: what the self-check calls the one it asks about when the guideline names no reader.
    singular = pgettext("reader", "organisation")
    # Translators: the plural of the word above (in Japanese the same word).
    return {"reader": singular, "readers": pgettext("reader", "organisations")}


def track_path(track_id: str) -> str:
    return f"{DIR}/{track_id}.md"


def pages(project: Project) -> Iterator[tuple[str, str, str]]:
    checklist = project.checklist
    if checklist is None:
        return
    context = _context(project, checklist)
    yield INTERACTIVE, render("checklist.md.j2", **context, data=script_data(checklist)), "guideline/checklist.yml"
    for track in checklist.tracks:
        yield track_path(track.id), render("checklist-track.md.j2", **context, track=track), "guideline/checklist.yml"


def _context(project: Project, checklist: Checklist) -> dict[str, Any]:
    guideline = project.guideline
    rules = guideline.rule_index()

    def rule_link(rule_id: str) -> tuple[str, str]:
        return rules[rule_id].label, f"../sources.md#{rule_anchor(rule_id)}"

    return {
        "checklist": checklist,
        "spec": checklist.spec,
        "tracks": checklist.tracks,
        "track_ids": [t.id for t in checklist.tracks],
        "level_label": lambda level: level_labels()[level],
        "applies_to": lambda entry: describe(entry.applies_if, checklist),
        "item_link": item_link(guideline),
        "rule_link": rule_link,
        "track_path": lambda track_id: track_path(track_id).removeprefix(f"{DIR}/"),
        "max_points": max(p.points or 0 for p in checklist.spec.scale),
        "na_label": next((p.label for p in checklist.spec.scale if p.points is None), None),
        "meta": guideline.meta,
        **reader_words(checklist),
    }


def describe(condition: Condition | None, checklist: Checklist) -> str:
    """The readers a condition selects, in one phrase of the site's language built from each
    option's `means`: "and" joins clauses (Japanese 〜ていて、…), alternatives follow in brackets
    ("… (or …)", 「…（または、…）」), so no logic words or quote marks reach the reader.
    The phrase follows a label ("Applies to: …"), so in English it starts in lower case."""
    reader = reader_words(checklist)
    if condition is None:
        # Translators: follows “Applies to:” or “For:”; %(reader)s is what the guideline calls its reader.
        return _("every %(reader)s", **reader)
    options = {q.id: {o.value: o for o in q.options} for q in checklist.questions}

    def words(node: _Node, final: bool) -> str:
        """`final`: the phrase ends the description; otherwise another clause follows it."""
        kind, body = node
        if kind == "leaf":
            option = options[body[0]][body[1]]
            return option.means if final or option.means_joined is None else option.means_joined
        parts = sorted(body, key=lambda child: child[0] != "leaf")  # plain clauses first, alternatives last
        if kind == "all":
            last = len(parts) - 1
            return pgettext("condition", ", and ").join(words(p, final and i == last) for i, p in enumerate(parts))
        first, *others = parts
        lead = words(first, final)
        if first[0] == "all":  # only alternatives with several clauses each: bracket the first as well
            lead = _("(%(words)s)", words=lead)
        return pgettext("condition", "%(first)s (or %(others)s)") % {
            "first": lead,
            "others": pgettext("condition", ", or ").join(words(p, final) for p in others),
        }

    # Translators: follows “Applies to:” or “For:”; %(readers)s is the plural of what the guideline calls
    # its reader; %(condition)s says what they do, e.g. “they have 20 people or fewer”.
    return _("%(readers)s where %(condition)s", condition=words(_tree(condition), True), **reader)


# A condition as a tree: ("leaf", (question, option)) or ("all" | "any", [children]), nested lists flattened.
_Node = tuple[str, Any]


def _tree(condition: Condition) -> _Node:
    if "all" in condition or "any" in condition:
        kind = "all" if "all" in condition else "any"
        return _flat(kind, [_tree(c) for c in condition[kind]])
    clauses = []
    for question, wanted in condition.items():
        values = wanted if isinstance(wanted, list) else [wanted]
        clauses.append(_flat("any", [("leaf", (question, v)) for v in values]))
    return _flat("all", clauses)


def _flat(kind: str, children: list[_Node]) -> _Node:
    """One child stands for itself; a child of the same kind is merged (A and (B and C) is A and B and C)."""
    if len(children) == 1:
        return children[0]
    merged: list[_Node] = []
    for child in children:
        merged += child[1] if child[0] == kind else [child]
    return kind, merged


def script_data(checklist: Checklist) -> dict[str, Any]:
    """What src/tebiki/theme/assets/checklist.js needs, embedded in the page as JSON."""
    spec = checklist.spec
    return {
        "reader": reader_words(checklist),
        "gap": gap(),  # what the script puts between two sentences it joins
        "questions": [
            {
                "id": q.id,
                "text": oneline(q.text),
                "ask_if": q.ask_if,
                "options": [{"value": o.value, "label": o.label} for o in q.options],
            }
            for q in checklist.questions
        ],
        "tracks": [
            {"id": t.id, "label": t.label, "summary": oneline(t.summary), "when": t.when} for t in checklist.tracks
        ],
        "scale": [{"value": p.value, "label": p.label, "points": p.points} for p in spec.scale],
        "bands": [{**b.model_dump(), "advice": oneline(b.advice)} for b in spec.bands],
        "groups": [{"id": g.id, "title": g.title} for g in spec.groups],
        "levels": {level.value: label for level, label in level_labels().items()},
        "entries": [_entry_data(e, g.id, checklist) for g in spec.groups for e in g.entries],
    }


def _entry_data(entry: Entry, group: str, checklist: Checklist) -> dict[str, Any]:
    return {
        "id": entry.id,
        "group": group,
        "title": oneline(entry.title),
        "level": entry.level.value,
        "applies_if": entry.applies_if,
        "how": {t.id: oneline(entry.how_for(t.id)) for t in checklist.tracks},
        "next": oneline(entry.next),
        "items": entry.items,
    }


def print_parts(project: Project) -> Iterator[PrintPart]:
    """The checklists on paper: every entry as a tick-box, once per track, with that track's way."""
    checklist = project.checklist
    if checklist is None:
        return
    spec = checklist.spec
    tracks: list[dict[str, Any]] = [
        {
            "id": track.id,
            "title": track.title,
            "intro": track.description,
            "groups": [
                {
                    "title": group.title,
                    "entries": [
                        {
                            "id": entry.id,
                            "text": entry.title,
                            "level": entry.level.value,
                            "how": entry.how_for(track.id),
                            "applies": None if entry.applies_if is None else describe(entry.applies_if, checklist),
                            "items": entry.items,
                        }
                        for entry in group.entries
                        # Paper has no profile to hide entries by: leave out what can never apply on this track.
                        if conditions.possible_on(entry.applies_if, track.id, checklist.questions, checklist.tracks)
                    ],
                }
                for group in spec.groups
            ],
        }
        for track in checklist.tracks
    ]
    for track in tracks:
        track["groups"] = [g for g in track["groups"] if g["entries"]]
    yield PrintPart(
        id="part-checklist",
        title=spec.title,
        template="print/checklist.html.j2",
        # The spec's lead and description speak of the interactive page: paper gets its own words.
        context={"tracks": tracks, "index": project.guideline.item_index()},
        lead=_(
            "What each %(reader)s has to do, in versions for %(tracks)s: tick what is done.",
            tracks=_(" and ").join(_("“%(words)s”", words=t.label) for t in checklist.tracks),
            reader=reader_words(checklist)["reader"],
        ),
    )
