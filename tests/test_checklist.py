"""Checklist data: the track and applicability rules over every profile, and clear errors for bad data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, edit
from tebiki.data.checklist import conditions
from tebiki.data.checklist.load import load_checklist
from tebiki.data.checklist.model import Checklist
from tebiki.data.guideline.load import load_guideline
from tebiki.data.problems import DataError
from tebiki.data.project import Paths, load_project

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def real() -> Checklist:
    checklist = load_project(Paths.under(ROOT)).checklist
    assert checklist is not None
    return checklist


def test_conditions_and_or() -> None:
    cond = {"any": [{"a": "x"}, {"all": [{"b": ["y", "z"]}, {"c": "w"}]}]}
    assert conditions.holds(cond, {"a": "x"})
    assert conditions.holds(cond, {"b": "z", "c": "w"})
    assert not conditions.holds(cond, {"b": "z"})
    assert not conditions.holds(cond, {})
    assert conditions.holds(None, {})


def test_every_measure_and_requirement_has_an_entry(real: Checklist) -> None:
    guideline = load_guideline(ROOT / "guideline", ROOT)
    used = {ref for e in real.entries() for ref in e.items}
    rule = guideline.meta.coverage["checklist"]
    missing = [i.id for i in guideline.items() if i.kind in rule.kinds and i.id not in used]
    assert not missing
    assert rule.variants == [t.id for t in real.tracks]


# ---- bad data: every problem with file, line, field and a hint --------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dest = tmp_path / "guideline"
    shutil.copytree(MINI, dest)
    return dest


def problems(data: Path) -> dict[str, object]:
    guideline = load_guideline(data, data.parent)
    with pytest.raises(DataError) as exc:
        load_checklist(data, guideline, data.parent)
    return {f"{p.file}:{p.line} {p.field}": p for p in exc.value.problems}


def test_mini_loads_and_yes_stays_text(data: Path) -> None:
    checklist = load_checklist(data, load_guideline(data, data.parent), data.parent)
    assert checklist is not None
    assert checklist.questions[1].values() == ["yes", "no"]  # YAML 1.2: unquoted yes/no are text


def test_no_checklist_files_means_no_checklist(data: Path) -> None:
    (data / "profile.yml").unlink()
    (data / "checklist.yml").unlink()
    assert load_checklist(data, load_guideline(data, data.parent), data.parent) is None


def test_one_file_without_the_other_is_an_error(data: Path) -> None:
    (data / "profile.yml").unlink()
    found = problems(data)
    assert list(found) == ["guideline/profile.yml:0 "]


def test_dangling_and_wrong_references_in_entries(data: Path) -> None:
    checklist = data / "checklist.yml"
    edit(checklist, "items: [T-MEA-01, T-ART]", "items: [T-MEA-01, T-NOPE]")
    edit(checklist, "basis: [rule-a]", "basis: [rule-x]")
    edit(
        checklist,
        "applies_if: {entrusts: yes, recontract: [yes, unknown]}",
        "applies_if: {entrust: yes, recontract: [maybe]}",
    )
    edit(checklist, "          sme: 責任者が扱い方を確かめます。\n", "          smb: 責任者が扱い方を確かめます。\n")
    found = problems(data)
    assert "guideline/checklist.yml:19 groups[0].entries[0].items[1]" in found
    assert "unknown item 'T-NOPE'" in found["guideline/checklist.yml:19 groups[0].entries[0].items[1]"].message
    assert "unknown rule 'rule-x'" in found["guideline/checklist.yml:21 groups[0].entries[0].basis[0]"].message
    assert "no way of doing it for track 'sme'" in found["guideline/checklist.yml:22 groups[0].entries[0].how"].message
    assert "unknown track 'smb'" in found["guideline/checklist.yml:24 groups[0].entries[0].how.smb"].message
    unknown = found["guideline/checklist.yml:35 groups[1].entries[0].applies_if.entrust"]
    assert "unknown question 'entrust'" in unknown.message and "entrusts" in unknown.hint
    bad = found["guideline/checklist.yml:35 groups[1].entries[0].applies_if.recontract"]
    assert "'maybe' is not an option of 'recontract'" in bad.message and "yes, unknown" in bad.hint


def test_profile_rules(data: Path) -> None:
    profile = data / "profile.yml"
    edit(profile, "ask_if: {entrusts: yes}", "ask_if: {recontract: yes}")  # looks ahead
    edit(profile, "    when: {size: small}\n", "    when: {not: {size: large}}\n")
    edit(profile, "    description: 標準の一覧です。\n", "    description: 標準の一覧です。\n    when: {size: large}\n")
    found = problems(data)
    ahead = found["guideline/profile.yml:16 questions[2].ask_if.recontract"]
    assert "unknown question 'recontract'" in ahead.message and "size, entrusts" in ahead.hint
    assert "`not` is not supported" in found["guideline/profile.yml:28 tracks[0].when.not"].message
    assert "the last track must have no `when`" in found["guideline/profile.yml:36 tracks[1].when"].message


def test_duplicate_entry_ids_and_bad_ids(data: Path) -> None:
    checklist = data / "checklist.yml"
    edit(checklist, "id: CL-SUB\n", "id: CL-WATCH\n")
    found = problems(data)
    dup = found["guideline/checklist.yml:30 groups[1].entries[0].id"]
    assert "duplicate entry ID 'CL-WATCH'" in dup.message and "saved answers" in dup.hint
    edit(checklist, "id: CL-WATCH\n", "id: cl-watch\n")
    found = problems(data)
    bad_id = found["guideline/checklist.yml:17 groups[0].entries[0].id"]
    assert "'cl-watch' is not a valid ID" in bad_id.message and "e.g. CL-LOCK" in bad_id.hint


def test_bands_must_catch_every_score(data: Path) -> None:
    edit(
        data / "checklist.yml",
        "{id: poor, label: 要改善, symbol: ✕, min_score: 0,",
        "{id: poor, label: 要改善, symbol: ✕, min_score: 10,",
    )
    found = problems(data)
    assert "the last band must catch every score" in found["guideline/checklist.yml:12 bands[1]"].message


def test_coverage_variants_must_be_tracks(data: Path) -> None:
    edit(
        data / "guideline.yml",
        "coverage:\n",
        "coverage:\n  checklist:\n    kinds: [measure]\n    variants: [sme, big]\n",
    )
    found = problems(data)
    (problem,) = found.values()
    assert problem.field.startswith("coverage.checklist.variants[") and "unknown track 'big'" in problem.message
    assert problem.line > 0


def test_a_joined_option_needs_its_joining_form_in_japanese(data: Path) -> None:
    """CL-SUB joins 「仕事を任せている」 to the recontract clause: without 〜ていて the
    「対象」 phrase (who an entry applies to) would not read as one sentence, so loading says what to add."""
    edit(data / "profile.yml", ", means_joined: 仕事を任せていて}", "}")
    found = problems(data)
    problem = next(p for key, p in found.items() if key.endswith("questions[1].options[0].means"))
    assert "joined to another condition" in problem.message and "means_joined" in problem.hint
    assert "仕事を任せている" in problem.hint
