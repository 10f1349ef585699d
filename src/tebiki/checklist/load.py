"""Read profile.yml and checklist.yml beside the guideline, and cross-check them.

Both files are optional together: a guideline without them has no checklist.
Every problem is collected with file, line, field and a hint, as for the guideline.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..deontic import MARKERS, Markers, check_level
from ..load import Collector
from ..model import Guideline
from ..problems import DataError
from ..yaml_lines import dotted, line_of
from . import conditions
from .model import Checklist, ChecklistSpec, Questionnaire

PROFILE = "profile.yml"
CHECKLIST = "checklist.yml"


def load_checklist(data_dir: Path, guideline: Guideline, root: Path | None = None) -> Checklist | None:
    """The checklist data, or None if neither file exists; raise DataError listing all problems."""
    root = root or data_dir.parent
    profile_path, checklist_path = data_dir / PROFILE, data_dir / CHECKLIST
    if not profile_path.exists() and not checklist_path.exists():
        return None
    c = Collector(root)
    questionnaire, q_lines = c.load(profile_path, TypeAdapter(Questionnaire))
    spec, s_lines = c.load(checklist_path, TypeAdapter(ChecklistSpec))
    if questionnaire is None or spec is None:
        raise DataError(c.problems)

    def at(path: Path, lines: Mapping, loc: tuple[Any, ...], message: str, hint: str) -> None:
        c.add(path, line_of(lines, loc), dotted(loc), message, hint)

    # Questions: unique IDs and values; `ask_if` may only look back.
    options: dict[str, list[str]] = {}
    for i, question in enumerate(questionnaire.questions):
        loc: tuple[Any, ...] = ("questions", i)
        if question.id in options:
            at(profile_path, q_lines, loc + ("id",), f"duplicate question ID {question.id!r}", "IDs must be unique")
        values = question.values()
        for j, value in enumerate(values):
            if value in values[:j]:
                at(
                    profile_path,
                    q_lines,
                    loc + ("options", j, "value"),
                    f"duplicate option {value!r}",
                    "values must be unique within a question",
                )
        if question.ask_if is not None:
            for where, message, hint in conditions.check(question.ask_if, options, loc + ("ask_if",)):
                at(profile_path, q_lines, where, message, hint)
        options[question.id] = values

    # Tracks: unique, and only the last one is the catch-all.
    track_ids = [t.id for t in questionnaire.tracks]
    last = len(questionnaire.tracks) - 1
    for i, track in enumerate(questionnaire.tracks):
        loc = ("tracks", i)
        if track.id in track_ids[:i]:
            at(profile_path, q_lines, loc + ("id",), f"duplicate track ID {track.id!r}", "IDs must be unique")
        if i == last and track.when is not None:
            at(
                profile_path,
                q_lines,
                loc + ("when",),
                "the last track must have no `when`",
                "remove `when`: the last track takes every other profile",
            )
        if i != last and track.when is None:
            at(
                profile_path,
                q_lines,
                loc,
                "only the last track may omit `when`",
                "add `when`, or move this track to the end",
            )
        if track.when is not None:
            for where, message, hint in conditions.check(track.when, options, loc + ("when",)):
                at(profile_path, q_lines, where, message, hint)

    # Scale and bands.
    scale_values = [p.value for p in spec.scale]
    for i, value in enumerate(scale_values):
        if value in scale_values[:i]:
            at(checklist_path, s_lines, ("scale", i, "value"), f"duplicate answer {value!r}", "values must be unique")
    if not any(p.points for p in spec.scale):
        at(checklist_path, s_lines, ("scale",), "no answer scores any points", "give the best answer the most points")
    scores = [b.min_score for b in spec.bands]
    if scores != sorted(scores, reverse=True):
        at(checklist_path, s_lines, ("bands",), "bands must go from the highest min_score down", "reorder the bands")
    final = spec.bands[-1]
    if final.min_score != 0 or final.max_required_gaps is not None:
        at(
            checklist_path,
            s_lines,
            ("bands", len(spec.bands) - 1),
            "the last band must catch every score",
            "set min_score: 0 and no max_required_gaps",
        )

    # Entries: unique IDs, known items and rules, valid conditions, one way per track,
    # and a level that matches the force of the quoted basis.
    items = guideline.item_index()
    rules = guideline.rule_index()
    quotes = {rule_id: rule.quote for rule_id, rule in rules.items()}
    markers = deontic_markers(guideline)
    if markers is None:
        c.add(
            data_dir / "guideline.yml",
            0,
            "language",
            f"no deontic markers for language {guideline.meta.language!r}",
            f"add `deontic:` with `required` and `recommended` phrases, or use one of: {', '.join(MARKERS)}",
        )
    seen: set[str] = set()
    for g, group in enumerate(spec.groups):
        for e, entry in enumerate(group.entries):
            loc = ("groups", g, "entries", e)

            def add(field: tuple[Any, ...], message: str, hint: str, loc: tuple[Any, ...] = loc) -> None:
                at(checklist_path, s_lines, loc + field, message, hint)

            if entry.id in seen:
                add(("id",), f"duplicate entry ID {entry.id!r}", "IDs must be unique; saved answers are keyed by them")
            if entry.id in items:
                add(("id",), f"entry ID {entry.id!r} is also a guideline item ID", "use a different ID")
            seen.add(entry.id)
            for j, ref in enumerate(entry.items):
                if ref not in items:
                    add(("items", j), f"unknown item {ref!r}", "use the ID of an item in guideline/sections/")
            for j, ref in enumerate(entry.basis):
                if ref not in rules:
                    add(("basis", j), f"unknown rule {ref!r}", "use an ID from guideline/today.yml")
            if markers is not None and all(ref in rules for ref in entry.basis):
                mismatch = check_level(entry.id, entry.level.value, entry.basis, quotes, markers)
                if mismatch is not None:
                    add(("level",), mismatch.message, mismatch.hint)
            if entry.applies_if is not None:
                for where, message, hint in conditions.check(entry.applies_if, options, loc + ("applies_if",)):
                    at(checklist_path, s_lines, where, message, hint)
            if isinstance(entry.how, dict):
                for track_id in track_ids:
                    if track_id not in entry.how:
                        add(
                            ("how",),
                            f"no way of doing it for track {track_id!r}",
                            f"add `{track_id}:` under `how`, or write `how` as one text for every track",
                        )
                for track_id in entry.how:
                    if track_id not in track_ids:
                        add(("how", track_id), f"unknown track {track_id!r}", f"use one of: {', '.join(track_ids)}")

    rule = guideline.meta.coverage.get("checklist")
    if rule is not None:
        for variant in rule.variants:
            if variant not in track_ids:
                c.add(
                    data_dir / "guideline.yml",
                    0,
                    "coverage.checklist.variants",
                    f"unknown track {variant!r}",
                    f"use track IDs from {PROFILE}: {', '.join(track_ids)}",
                )
    if c.problems:
        raise DataError(c.problems)
    return Checklist(questionnaire=questionnaire, spec=spec)


def deontic_markers(guideline: Guideline) -> Markers | None:
    """The guideline's own markers, else the built-in table for its language (None: neither)."""
    own = guideline.meta.deontic
    if own is not None:
        return Markers(required=tuple(own.required), recommended=tuple(own.recommended), words=own.words)
    return MARKERS.get(guideline.meta.language)


def schemas() -> dict[str, dict]:
    return {
        "profile": TypeAdapter(Questionnaire).json_schema(),
        "checklist": TypeAdapter(ChecklistSpec).json_schema(),
    }
