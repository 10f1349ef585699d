"""Read profile.yml and checklist.yml beside the guideline, and cross-check them.

Both files are optional together: a guideline without them has no checklist.
Every problem is collected with file, line, field and a hint, as for the guideline.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import TypeAdapter

from ...translations import UNSPACED, has_plurals
from ..collect import Collector, Reporter, adapter
from ..deontic import MARKERS, Markers, check_level
from ..guideline.model import Dimension, Guideline
from ..problems import DataError
from ..yaml_lines import load_with_lines
from . import conditions
from .conditions import Condition
from .model import Checklist, ChecklistSpec, Entry, Questionnaire

PROFILE = "profile.yml"
CHECKLIST = "checklist.yml"


def load_checklist(data_dir: Path, guideline: Guideline | None, root: Path | None = None) -> Checklist | None:
    """The checklist data, or None if neither file exists; raise DataError listing all problems.

    Without a guideline (it failed to load) the files are still checked, minus their references to it.

    Rules, by file. profile.yml: `check_questions`, `check_tracks`, `check_joined`, `check_reader`. checklist.yml:
    `check_scale`, `check_bands`, `check_entries`, `check_levels`. guideline.yml:
    `check_coverage_variants`, `deontic_markers`.
    """
    root = root or data_dir.parent
    profile_path, checklist_path = data_dir / PROFILE, data_dir / CHECKLIST
    if not profile_path.exists() and not checklist_path.exists():
        return None
    c = Collector(root)
    questionnaire, q_lines = c.load(profile_path, adapter(Questionnaire))
    spec, s_lines = c.load(checklist_path, adapter(ChecklistSpec))
    if questionnaire is None or spec is None:
        raise DataError(c.problems)
    profile, checklist = c.reporter(profile_path, q_lines), c.reporter(checklist_path, s_lines)
    options = check_questions(questionnaire, profile)
    check_tracks(questionnaire, options, profile)
    check_scale(spec, checklist)
    check_bands(spec, checklist)
    track_ids = [t.id for t in questionnaire.tracks]
    check_entries(spec, guideline, options, track_ids, checklist)
    if guideline is not None:
        check_joined(questionnaire, spec, guideline.meta.language, profile)
        check_reader(questionnaire, guideline.meta.language, profile)
        check_levels(spec, guideline, checklist, c.reporter(data_dir / "guideline.yml", {}))
        check_coverage_variants(guideline, track_ids, c.reporter(data_dir / "guideline.yml", {}))
    if c.problems:
        raise DataError(c.problems)
    return Checklist(questionnaire=questionnaire, spec=spec)


def _check_condition(condition: Condition | None, options: Mapping[str, list[str]], r: Reporter) -> None:
    if condition is not None:
        for where, message, hint in conditions.check(condition, options):
            r.at(where, message, hint)


def check_questions(questionnaire: Questionnaire, r: Reporter) -> dict[str, list[str]]:
    """Unique question IDs and option values; `ask_if` may only look back. Returns each question's values."""
    options: dict[str, list[str]] = {}
    for i, question in enumerate(questionnaire.questions):
        at = r.within("questions", i)
        if question.id in options:
            at.at(("id",), f"duplicate question ID {question.id!r}", "IDs must be unique")
        values = question.values()
        for j, value in enumerate(values):
            if value in values[:j]:
                at.at(("options", j, "value"), f"duplicate option {value!r}", "values must be unique within a question")
        _check_condition(question.ask_if, options, at.within("ask_if"))
        options[question.id] = values
    return options


def check_tracks(questionnaire: Questionnaire, options: Mapping[str, list[str]], r: Reporter) -> None:
    """Unique track IDs; every track but the last has `when`, the last (the catch-all) has none."""
    track_ids = [t.id for t in questionnaire.tracks]
    last = len(questionnaire.tracks) - 1
    for i, track in enumerate(questionnaire.tracks):
        at = r.within("tracks", i)
        if track.id in track_ids[:i]:
            at.at(("id",), f"duplicate track ID {track.id!r}", "IDs must be unique")
        if i == last and track.when is not None:
            at.at(
                ("when",),
                "the last track must have no `when`",
                "remove `when`: the last track takes every other profile",
            )
        if i != last and track.when is None:
            at.at((), "only the last track may omit `when`", "add `when`, or move this track to the end")
        _check_condition(track.when, options, at.within("when"))


def check_scale(spec: ChecklistSpec, r: Reporter) -> None:
    """Unique answer values, and at least one answer that scores."""
    scale_values = [p.value for p in spec.scale]
    for i, value in enumerate(scale_values):
        if value in scale_values[:i]:
            r.at(("scale", i, "value"), f"duplicate answer {value!r}", "values must be unique")
    if not any(p.points for p in spec.scale):
        r.at(("scale",), "no answer scores any points", "give the best answer the most points")


def check_bands(spec: ChecklistSpec, r: Reporter) -> None:
    """Bands from the highest min_score down, the last catching every score."""
    scores = [b.min_score for b in spec.bands]
    if scores != sorted(scores, reverse=True):
        r.at(("bands",), "bands must go from the highest min_score down", "reorder the bands")
    final = spec.bands[-1]
    if final.min_score != 0 or final.max_required_gaps is not None:
        r.at(
            ("bands", len(spec.bands) - 1),
            "the last band must catch every score",
            "set min_score: 0 and no max_required_gaps",
        )


def check_entries(
    spec: ChecklistSpec,
    guideline: Guideline | None,
    options: Mapping[str, list[str]],
    track_ids: list[str],
    r: Reporter,
) -> None:
    """Unique entry IDs, known items and rules (if the guideline loaded), valid conditions, one way per track."""
    items = guideline.item_index() if guideline is not None else None
    rules = guideline.rule_index() if guideline is not None else None
    seen: set[str] = set()
    for g, group in enumerate(spec.groups):
        for e, entry in enumerate(group.entries):
            at = r.within("groups", g, "entries", e)
            if entry.id in seen:
                at.at(
                    ("id",), f"duplicate entry ID {entry.id!r}", "IDs must be unique; saved answers are keyed by them"
                )
            if items is not None and entry.id in items:
                at.at(("id",), f"entry ID {entry.id!r} is also a guideline item ID", "use a different ID")
            seen.add(entry.id)
            for j, ref in enumerate(entry.items if items is not None else []):
                if items is not None and ref not in items:
                    at.at(("items", j), f"unknown item {ref!r}", "use the ID of an item in guideline/sections/")
            for j, ref in enumerate(entry.basis if rules is not None else []):
                if rules is not None and ref not in rules:
                    at.at(("basis", j), f"unknown rule {ref!r}", "use an ID from guideline/today.yml")
            _check_condition(entry.applies_if, options, at.within("applies_if"))
            check_ways(entry, track_ids, at)


def _joined_questions(condition: Condition | None, together: bool = False) -> set[str]:
    """Questions a condition puts beside another clause joined by "and" (nested all, several keys)."""
    if not condition:
        return set()
    if "all" in condition or "any" in condition:
        key = "all" if "all" in condition else "any"
        beside = together or (key == "all" and len(condition[key]) > 1)
        return set().union(*(_joined_questions(c, beside) for c in condition[key]))
    return set(condition) if together or len(condition) > 1 else set()


def check_joined(questionnaire: Questionnaire, spec: ChecklistSpec, language: str, r: Reporter) -> None:
    """In a language that joins clauses by inflecting them (Japanese: 〜ている → 〜ていて), an option
    that a condition joins to another needs `means_joined`, or an entry's 「対象」 (who it applies to)
    would not read as one phrase. Spaced languages join with a word (", and") and need none."""
    if language.split("-")[0] not in UNSPACED:
        return
    conditions_used = [t.when for t in questionnaire.tracks] + [e.applies_if for g in spec.groups for e in g.entries]
    joined = set().union(*(_joined_questions(c) for c in conditions_used))
    for i, question in enumerate(questionnaire.questions):
        if question.id not in joined:
            continue
        for j, option in enumerate(question.options):
            if option.means_joined is None:
                r.at(
                    ("questions", i, "options", j, "means"),
                    f"option {option.value!r} of {question.id!r} is joined to another condition, "
                    "but has no `means_joined`",
                    f"add `means_joined`: 「{option.means}」 in the form that leads on (〜ていて, 〜で, 〜ておらず)",
                )


def check_reader(questionnaire: Questionnaire, language: str, r: Reporter) -> None:
    """A reader named in a language with plurals gives the plural too ("schools where …")."""
    reader = questionnaire.reader
    if reader is not None and reader.plural is None and has_plurals(language):
        r.at(
            ("reader",),
            f"the reader {reader.singular!r} has no `plural`: {language!r} needs one for phrases such as "
            "“schools where …”",
            "add `plural:` under `reader:`, e.g. reader: {singular: school, plural: schools}",
        )


def deontic_markers(guideline: Guideline) -> Markers | None:
    """The guideline's own markers, else the built-in table for its language (None: neither)."""
    own = guideline.meta.deontic
    if own is not None:
        return Markers(required=tuple(own.required), recommended=tuple(own.recommended), words=own.words)
    return MARKERS.get(guideline.meta.language)


def check_levels(spec: ChecklistSpec, guideline: Guideline, r: Reporter, meta: Reporter) -> None:
    """Each entry's level matches the force of the rules it cites: a 必須 entry quotes a rule
    sentence, a 推奨 one an example or 望ましい sentence and no rule sentence (tebiki.data.deontic)."""
    markers = deontic_markers(guideline)
    if markers is None:
        meta.collector.add(
            meta.path,
            0,
            "language",
            f"no deontic markers for language {guideline.meta.language!r}",
            f"add `deontic:` with `required` and `recommended` phrases, or use one of: {', '.join(MARKERS)}",
        )
        return
    rules = guideline.rule_index()
    quotes = {rule_id: rule.quote for rule_id, rule in rules.items()}
    for g, group in enumerate(spec.groups):
        for e, entry in enumerate(group.entries):
            if not all(ref in rules for ref in entry.basis):
                continue  # unknown rules are reported by check_entries
            mismatch = check_level(entry.id, entry.level.value, entry.basis, quotes, markers)
            if mismatch is not None:
                r.within("groups", g, "entries", e).at(("level",), mismatch.message, mismatch.hint)


def check_ways(entry: Entry, track_ids: list[str], r: Reporter) -> None:
    """`how` per track names every track, and only known ones."""
    if not isinstance(entry.how, dict):
        return
    for track_id in track_ids:
        if track_id not in entry.how:
            r.at(
                ("how",),
                f"no way of doing it for track {track_id!r}",
                f"add `{track_id}:` under `how`, or write `how` as one text for every track",
            )
    for track_id in entry.how:
        if track_id not in track_ids:
            r.at(("how", track_id), f"unknown track {track_id!r}", f"use one of: {', '.join(track_ids)}")


def check_coverage_variants(guideline: Guideline, track_ids: list[str], r: Reporter) -> None:
    """The checklist's coverage rule in guideline.yml names tracks of profile.yml."""
    rule = guideline.meta.coverage.get(Dimension.checklist)
    if rule is None:
        return
    for i, variant in enumerate(rule.variants):
        if variant not in track_ids:
            if not r.lines:  # guideline.yml's line marks, read again only to report this
                text = r.collector.read(r.path)
                r = r.with_lines(load_with_lines(text)[1] if text else {})
            r.at(
                ("coverage", "checklist", "variants", i),
                f"unknown track {variant!r}",
                f"use track IDs from {PROFILE}: {', '.join(track_ids)}",
            )


def schemas() -> dict[str, dict]:
    return {
        "profile": TypeAdapter(Questionnaire).json_schema(),
        "checklist": TypeAdapter(ChecklistSpec).json_schema(),
    }
