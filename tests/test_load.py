"""The loader: valid data loads; every kind of bad data gets file, line, field and a hint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import edit
from support import guideline_problems as problems
from tebiki.data.guideline.load import load_guideline
from tebiki.data.guideline.model import Kind
from tebiki.data.problems import DataError

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dest = tmp_path / "guideline"
    shutil.copytree(MINI, dest)
    return dest


def test_valid_data_loads_in_order_with_indexes(data: Path) -> None:
    g = load_guideline(data, data.parent)
    assert [i.id for i in g.items()] == ["T-ART", "T-PRB-01", "T-MEA-01"]
    assert g.item_index()["T-MEA-01"][1].answers == ["T-PRB-01"]
    assert g.item_index()["T-ART"][1].kind is Kind.requirement


def test_yaml_syntax_error_names_file_and_line(data: Path) -> None:
    edit(data / "sections/one.yml", "title: 条文", "title: [条文")
    (p,) = problems(data)
    assert p.file == "guideline/sections/one.yml"
    assert p.line >= 9 and "YAML error" in p.message


def test_duplicate_key_is_an_error(data: Path) -> None:
    edit(data / "sections/one.yml", "order: 1\n", "order: 1\norder: 2\n")
    (p,) = problems(data)
    assert p.line == 3 and "twice" in p.message


def test_unknown_field_is_rejected(data: Path) -> None:
    edit(data / "sections/one.yml", "plain: 見張りがいませんでした。", "plian: 見張りがいませんでした。")
    found = problems(data)
    by_field = {p.field: p for p in found}
    assert "groups[1].items[0].plian" in by_field
    assert by_field["groups[1].items[0].plian"].line == 27
    assert "unknown fields" in by_field["groups[1].items[0].plian"].hint
    # The misspelt field also leaves the real one missing: both are reported.
    assert "groups[1].items[0].plain" in by_field


def test_wrong_type_is_reported(data: Path) -> None:
    edit(data / "sections/one.yml", "order: 1", "order: first")
    (p,) = problems(data)
    assert (p.field, p.line) == ("order", 2)


def test_missing_required_field_points_at_its_parent(data: Path) -> None:
    edit(data / "sections/one.yml", "        why: 止まっていると気づけません。\n", "")
    edit(data / "sections/one.yml", "        title: 監視を確かめる\n", "")
    (p,) = problems(data)
    assert p.field == "groups[2].items[0].title" and "add this field" in p.hint
    assert p.line == 32  # the item's first line


def test_bad_enum_and_id_format(data: Path) -> None:
    edit(data / "sections/one.yml", "kind: problem", "kind: issue")
    edit(data / "sections/one.yml", "id: T-MEA-01", "id: t_mea_01")
    fields = {p.field for p in problems(data)}
    assert {"groups[1].items[0].kind", "groups[2].items[0].id"} <= fields


def test_duplicate_ids_across_files(data: Path) -> None:
    shutil.copy(data / "sections/one.yml", data / "sections/two.yml")
    edit(data / "sections/two.yml", "id: one", "id: two")
    found = problems(data)
    dupes = [p for p in found if "duplicate item ID" in p.message]
    assert {p.message for p in dupes} == {f"duplicate item ID {i!r}" for i in ("T-ART", "T-PRB-01", "T-MEA-01")}
    assert all(p.file == "guideline/sections/two.yml" and "one.yml" in p.hint for p in dupes)


def test_dangling_references_are_all_reported(data: Path) -> None:
    edit(data / "sections/one.yml", "rules: [rule-a], summary: 今は", "rules: [rule-zz], summary: 今は")
    edit(data / "sections/one.yml", "answers: [T-PRB-01]", "answers: [T-PRB-99]")
    edit(data / "sections/one.yml", "{document: seed, line: 7", "{document: nowhere, line: 7")
    edit(data / "today.yml", "source: rules", "source: missing")
    found = problems(data)
    messages = {(p.file, p.field, p.message) for p in found}
    assert ("guideline/sections/one.yml", "groups[2].items[0].today.rules[0]", "unknown rule 'rule-zz'") in messages
    assert ("guideline/sections/one.yml", "groups[2].items[0].answers[0]", "unknown item 'T-PRB-99'") in messages
    assert ("guideline/sections/one.yml", "groups[1].items[0].source.document", "unknown source 'nowhere'") in messages
    assert ("guideline/today.yml", "[0].source", "unknown source 'missing'") in messages


def test_answers_must_name_a_problem(data: Path) -> None:
    edit(data / "sections/one.yml", "answers: [T-PRB-01]", "answers: [T-ART]")
    (p,) = problems(data)
    assert "is a requirement, not a problem" in p.message


def test_quote_must_match_the_source_near_its_line(data: Path) -> None:
    edit(data / "sections/one.yml", "text: 監視の仕組みの動作を定期確認。", "text: 監視の仕組みを毎日確認。")
    (p,) = problems(data)
    assert p.field == "groups[2].items[0].text" and "not found anywhere" in p.message


def test_quote_in_wrong_place_names_the_line(data: Path) -> None:
    edit(data / "sections/one.yml", "{document: seed, line: 11", "{document: seed, line: 1")
    edit(data / "sources/seed.txt", "改訂のポイント\n", "改訂のポイント\n" + "\n" * 20)
    found = problems(data)
    assert any("near that line" in p.message for p in found)


def test_rule_quote_is_checked_against_its_source(data: Path) -> None:
    edit(data / "today.yml", "講じなければならない。", "講じること。")
    (p,) = problems(data)
    assert (p.file, p.field) == ("guideline/today.yml", "[0].quote")


def test_today_needs_rules_unless_no_equivalent(data: Path) -> None:
    edit(data / "sections/one.yml", "{equivalence: direct, rules: [rule-a],", "{equivalence: direct,")
    (p,) = problems(data)
    assert "equivalence: none" in p.message


def test_unknown_coverage_dimension(data: Path) -> None:
    edit(data / "guideline.yml", "  pamphlet:", "  pamflet:")
    (p,) = problems(data)
    assert p.field == "coverage.pamflet" and "'pamphlet'" in p.message and "one of" in p.hint


def test_every_problem_at_once_sorted_by_file(data: Path) -> None:
    edit(data / "sections/one.yml", "order: 1", "order: first")
    edit(data / "today.yml", "label: 規定A", "label: 規定A\n  colour: red")
    found = problems(data)
    assert [p.file for p in found] == ["guideline/sections/one.yml", "guideline/today.yml"]
    report = str(DataError(found))
    assert report.startswith("2 problems in the tebiki data:")
    assert "guideline/today.yml:3: #1 › colour: Extra inputs" in report
