"""Checklist data: the track and applicability rules over every profile, and clear errors for bad data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, edit, every_profile
from tebiki.checklist import conditions
from tebiki.checklist.load import load_checklist
from tebiki.checklist.model import Checklist
from tebiki.generate.checklist import describe
from tebiki.load import load_guideline
from tebiki.problems import DataError
from tebiki.project import Paths, load_project

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def real() -> Checklist:
    checklist = load_project(Paths.under(ROOT)).checklist
    assert checklist is not None
    return checklist


def applicable(checklist: Checklist, profile: dict[str, str]) -> list[str]:
    return [e.id for e in checklist.entries() if conditions.holds(e.applies_if, profile)]


# ---- the track follows the PPC definition of 中小規模事業者 ------------------------------


def test_track_is_sme_exactly_by_the_ppc_definition(real: Checklist) -> None:
    """通則編 10 (別添) ※2: 100 or fewer employees, except > 5,000 people on any day in the
    past six months, and except businesses handling personal data as a contractor."""
    profiles = every_profile(real)
    assert len(profiles) == 2**7 + 3 * 2**7  # recontract (3 options) is asked only when entrusting
    for profile in profiles:
        expected = (
            "sme"
            if profile["employees"] == "upto100" and profile["over5000"] == "no" and profile["contractor"] == "no"
            else "standard"
        )
        assert conditions.track_of(real.tracks, profile) == expected, profile


@pytest.mark.parametrize(
    ("employees", "over5000", "contractor", "track"),
    [
        ("upto100", "no", "no", "sme"),
        ("upto100", "yes", "no", "standard"),  # more than 5,000 people
        ("upto100", "no", "yes", "standard"),  # a contractor, however small
        ("over100", "no", "no", "standard"),
        ("over100", "yes", "yes", "standard"),
    ],
)
def test_track_table(real: Checklist, employees: str, over5000: str, contractor: str, track: str) -> None:
    profile = {"employees": employees, "over5000": over5000, "contractor": contractor}
    assert conditions.track_of(real.tracks, profile) == track


# ---- which entries apply ------------------------------------------------------------------

SHOP = {
    "employees": "upto100",
    "over5000": "no",
    "contractor": "no",
    "entrusts": "no",
    "acquires": "no",
    "it": "yes",
    "room": "no",
    "abroad": "no",
}


def test_ten_person_shop_and_ten_person_contractor_get_different_lists(real: Checklist) -> None:
    contractor = {**SHOP, "contractor": "yes"}
    assert conditions.track_of(real.tracks, SHOP) == "sme"
    assert conditions.track_of(real.tracks, contractor) == "standard"
    shop_list, contractor_list = applicable(real, SHOP), applicable(real, contractor)
    assert set(contractor_list) - set(shop_list) == {"CL-ENTRUSTED", "CL-RESUB"}
    assert set(shop_list) <= set(contractor_list)


def test_every_entry_applies_to_some_profile_and_rules_follow_the_answers(real: Checklist) -> None:
    groups = {e.id: g.id for g in real.spec.groups for e in g.entries}
    reached: set[str] = set()
    for profile in every_profile(real):
        entries = applicable(real, profile)
        reached.update(entries)
        by_group = {groups[e] for e in entries}
        assert "basics" in by_group and "places" in by_group  # every business
        assert ("computers" in by_group) == (profile["it"] == "yes"), profile
        assert ("entrusting" in by_group) == (profile["entrusts"] == "yes"), profile
        assert ("acquiring" in by_group) == (profile["acquires"] == "yes"), profile
        assert ("contracted" in by_group) == (profile["contractor"] == "yes"), profile
        assert ("CL-ROOM" in entries) == (profile["room"] == "yes"), profile
        assert ("CL-ABROAD" in entries) == (profile["abroad"] == "yes"), profile
        assert ("CL-SUBCHECK" in entries) == (profile.get("recontract") in ("yes", "unknown")), profile
    assert reached == {e.id for e in real.entries()}


def test_a_question_not_asked_does_not_count(real: Checklist) -> None:
    stale = {**SHOP, "recontract": "yes"}  # answered while entrusting, then entrusting switched off
    eff = conditions.effective(real.questions, stale)
    assert "recontract" not in eff
    assert "CL-SUBCHECK" not in applicable(real, eff)
    assert conditions.complete(real.questions, eff)
    assert not conditions.complete(real.questions, {**SHOP, "entrusts": "yes"})  # recontract now asked
    assert not conditions.complete(real.questions, {"employees": "upto100"})
    assert conditions.effective(real.questions, {"employees": "lots"}) == {}  # not an option: dropped


def test_conditions_and_or() -> None:
    cond = {"any": [{"a": "x"}, {"all": [{"b": ["y", "z"]}, {"c": "w"}]}]}
    assert conditions.holds(cond, {"a": "x"})
    assert conditions.holds(cond, {"b": "z", "c": "w"})
    assert not conditions.holds(cond, {"b": "z"})
    assert not conditions.holds(cond, {})
    assert conditions.holds(None, {})


def test_applies_to_is_described_in_words(real: Checklist) -> None:
    entries = {e.id: e for e in real.entries()}
    assert describe(entries["CL-RULES"].applies_if, real) == "すべての会社"
    assert describe(entries["CL-ACCESS"].applies_if, real) == "「パソコンやシステムで個人データを扱っている」会社"
    sub = describe(entries["CL-SUBCHECK"].applies_if, real)
    assert sub.startswith("「個人データを扱う仕事をほかの会社に任せている」かつ（「任せた先がさらに")
    assert "または「任せた先がさらに別の会社に任せているか分からない」）会社" in sub


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
    assert "String should match pattern" in found["guideline/checklist.yml:17 groups[0].entries[0].id"].message


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
    assert problem.field == "coverage.checklist.variants" and "unknown track 'big'" in problem.message
