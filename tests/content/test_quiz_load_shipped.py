"""Tests of the shipped guideline's content, moved from test_quiz_load.py: they name its IDs, wording or counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tebiki.data.project import Paths, load_project
from tebiki.data.quiz.model import QuestionType

MINI = Path(__file__).parent / "fixtures" / "mini"
BANK = "guideline/quizzes/one.yml"


def test_the_real_banks_load_and_cover_every_question_type() -> None:
    from support import ROOT

    project = load_project(Paths.under(ROOT))
    assert [b.id for b in project.quizzes] == ["point1", "point2", "point3", "sme", "now"]
    types = {q.type for b in project.quizzes for q in b.questions}
    assert types == set(QuestionType)
    assert any(q.selftest for b in project.quizzes for q in b.questions)


def test_the_quiz_bank_schema_validates_the_real_banks_as_an_editor_would() -> None:
    import json

    import jsonschema
    import yaml

    from support import ROOT

    schema = json.loads((ROOT / "schema" / "quiz-bank.schema.json").read_text(encoding="utf-8"))
    for path in (ROOT / "quizzes").glob("*.yml"):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/quiz-bank")
    bad = yaml.safe_load((ROOT / "quizzes" / "point1.yml").read_text(encoding="utf-8"))
    bad["questions"][0]["type"] = "essay"
    with pytest.raises(jsonschema.ValidationError, match="essay"):
        jsonschema.validate(bad, schema)


def test_a_numeric_fill_in_has_its_unit_outside_the_blank() -> None:
    """Only one typed answer is accepted (NFKC, digit-grouping commas dropped): a blank that
    also took the unit would mark 「5000人」 wrong though it is right (review §3, Q-SME-04)."""
    import re

    from support import ROOT
    from tebiki.data.quiz.model import BLANK

    project = load_project(Paths.under(ROOT))
    fills = [q for b in project.quizzes for q in b.questions if q.type is QuestionType.fill]
    numeric = [q for q in fills if q.answer and q.answer.isdigit()]
    assert {q.id for q in numeric} >= {"Q-SME-03", "Q-SME-04", "Q-NOW-06"}
    for q in numeric:
        after = q.question.split(BLANK, 1)[1].lstrip()
        assert re.match(r"(人|年|か月|日|件|時間)", after), (q.id, after[:10])
