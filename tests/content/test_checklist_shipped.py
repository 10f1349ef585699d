"""Tests of the shipped guideline's content, moved from test_checklist.py: they name its IDs, wording or counts."""

from __future__ import annotations

import pytest
from shipped_profiles import SHOP, shipped_checklist

from support import every_profile
from tebiki.data.checklist import conditions
from tebiki.data.checklist.model import Checklist
from tebiki.generate.checklist import describe


@pytest.fixture(scope="module")
def real() -> Checklist:
    return shipped_checklist()


def applicable(checklist: Checklist, profile: dict[str, str]) -> list[str]:
    return [e.id for e in checklist.entries() if conditions.holds(e.applies_if, profile)]


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


def test_applies_to_is_described_in_words(real: Checklist) -> None:
    entries = {e.id: e for e in real.entries()}
    assert describe(entries["CL-RULES"].applies_if, real) == "すべての会社"
    assert describe(entries["CL-ACCESS"].applies_if, real) == "パソコンやシステムで個人データを扱っている会社"
    # Review §5 rewrite 9: joined in words (〜ていて、…（または、…）), no かつ／または logic and no quote marks.
    assert describe(entries["CL-SUBCHECK"].applies_if, real) == (
        "個人データを扱う仕事をほかの会社に任せていて、任せた先がさらに別の会社に任せている"
        "（または、任せた先がさらに別の会社に任せているか分からない）会社"
    )
    for entry in real.entries():
        text = describe(entry.applies_if, real)
        assert not any(word in text for word in ("かつ", "「", "」")), (entry.id, text)
    for track in real.tracks:
        if track.when is not None:
            assert describe(track.when, real) == (
                "従業員が100人以下で、過去6か月に扱った個人情報が5,000人を超えた日はなく、"
                "ほかの会社から任されて個人データを扱ってはいない会社"
            )
