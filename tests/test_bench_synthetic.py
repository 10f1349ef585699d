"""The benchmark's synthetic guidelines are valid data (the benchmark itself is not a test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tools.bench import synthetic

from tebiki.data.guideline.load import load_guideline
from tebiki.data.guideline.model import Kind
from tebiki.data.problems import DataError
from tebiki.data.project import Paths, load_project


def test_synthetic_guideline_passes_every_check_of_the_loader(tmp_path: Path) -> None:
    plan = synthetic.Plan(123)
    synthetic.write_data(tmp_path, plan)
    project = load_project(Paths.under(tmp_path))
    guideline = project.guideline
    items = guideline.items()
    assert [i.id for i in items] == plan.item_ids()
    assert len(guideline.sections) == plan.sections == 3
    assert len(guideline.rules) == plan.rules
    assert {i.kind for i in items} == {Kind(k) for k in synthetic.GROUP_KINDS}
    measure = next(i for i in items if i.kind is Kind.measure)
    assert measure.answers and all(guideline.item_index()[a][1].kind is Kind.problem for a in measure.answers)
    # Checklist entries in proportion, covering every measure and requirement.
    assert project.checklist is not None
    entries = [e for g in project.checklist.spec.groups for e in g.entries]
    assert 0.4 * plan.items <= len(entries) <= 0.6 * plan.items
    covered = {i for e in entries for i in e.items}
    assert covered == {i.id for i in items if i.kind in (Kind.measure, Kind.requirement)}
    # Quiz questions in proportion, covering every kind a reader must act on.
    questions = [q for bank in project.quizzes for q in bank.questions]
    assert 0.3 * plan.items <= len(questions) <= 0.6 * plan.items
    asked = {i for q in questions for i in q.items}
    assert asked == {i.id for i in items if i.kind.value in synthetic.QUIZ_KINDS}


def test_quotes_are_really_checked_against_the_synthetic_seed(tmp_path: Path) -> None:
    synthetic.write_data(tmp_path, synthetic.Plan(20))
    seed = tmp_path / "guideline" / "sources" / synthetic.SEED_FILE
    seed.write_text(seed.read_text(encoding="utf-8").replace("合成項目7番", "別の項目7番"), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_guideline(tmp_path / "guideline", tmp_path)
    (problem,) = exc.value.problems
    assert problem.field == "groups[0].items[7].text" and "text not found" in problem.message
