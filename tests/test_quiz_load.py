"""Question banks: valid banks load; every kind of bad bank gets file, line, field and a hint."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import edit
from tebiki.data.problems import DataError
from tebiki.data.project import Paths, Project, load_project
from tebiki.data.quiz.load import canonical_answer
from tebiki.data.quiz.model import QuestionType

MINI = Path(__file__).parent / "fixtures" / "mini"
BANK = "guideline/quizzes/one.yml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "guideline")
    return tmp_path


def paths(root: Path) -> Paths:
    return Paths(root=root, data=root / "guideline", quizzes=root / "guideline" / "quizzes")


def problems(root: Path) -> list:
    with pytest.raises(DataError) as exc:
        load_project(paths(root))
    return exc.value.problems


def only(root: Path):
    (p,) = problems(root)
    return p


def bank(root: Path) -> Path:
    return root / BANK


def test_valid_bank_loads_with_its_questions(root: Path) -> None:
    project: Project = load_project(paths(root))
    (one,) = project.quizzes
    assert [q.id for q in one.questions] == ["Q-T-01", "Q-T-02", "Q-T-03"]
    assert [q.type for q in one.questions] == [QuestionType.single, QuestionType.multiple, QuestionType.fill]
    assert one.questions[0].items == ["T-MEA-01", "T-PRB-01"] and one.questions[0].selftest


def test_no_quiz_folder_means_no_quizzes(root: Path) -> None:
    shutil.rmtree(root / "guideline" / "quizzes")
    assert load_project(paths(root)).quizzes == []


def test_single_choice_with_two_correct_answers(root: Path) -> None:
    edit(
        bank(root),
        "      - text: 入れたら確かめなくてよい\n",
        "      - text: 入れたら確かめなくてよい\n        correct: true\n",
    )
    p = only(root)
    assert (p.file, p.line, p.field) == (BANK, 14, "questions[0].choices")
    assert "exactly one correct choice; it has 2" in p.message
    assert "type: multiple" in p.hint


def test_unknown_item_id(root: Path) -> None:
    edit(bank(root), "items: [T-MEA-01, T-PRB-01]", "items: [T-MEA-01, T-NOPE-01]")
    p = only(root)
    assert (p.file, p.line, p.field) == (BANK, 10, "questions[0].items[1]")
    assert p.message == "unknown item 'T-NOPE-01'"
    assert "guideline/sections" in p.hint


def test_empty_choice_list(root: Path) -> None:
    text = bank(root).read_text(encoding="utf-8")
    start = text.index("    choices:\n      - text: 守る仕組みを作る")
    end = text.index("    explanation: 必要かつ適切な措置を講じます。")
    bank(root).write_text(text[:start] + "    choices: []\n" + text[end:], encoding="utf-8")
    p = only(root)
    assert (p.line, p.field, p.message) == (25, "questions[1].choices", "the choice list is empty")


def test_multiple_choice_needs_two_correct_answers(root: Path) -> None:
    edit(bank(root), "      - text: 記録を確かめる\n        correct: true\n", "      - text: 記録を確かめる\n")
    p = only(root)
    assert p.field == "questions[1].choices" and "at least two correct choices; it has 1" in p.message
    assert "type: single" in p.hint


def test_fill_in_needs_one_blank_and_an_answer(root: Path) -> None:
    edit(bank(root), "従業員が ___ 人以下", "従業員が100人以下")
    edit(bank(root), '    answer: "100"\n', "")
    found = {(p.line, p.field): p.message for p in problems(root)}
    assert found == {
        (35, "questions[2].question"): "a fill-in question needs exactly one blank ___",
        (32, "questions[2].answer"): "a fill-in question needs `answer`",
    }


def test_fill_in_answer_must_be_written_as_readers_input_is_compared(root: Path) -> None:
    edit(bank(root), 'answer: "100"', 'answer: "１，０００"')
    p = only(root)
    assert (p.line, p.field) == (36, "questions[2].answer")
    assert "'1000'" in p.hint and "full-width input still matches" in p.hint


def test_choices_and_answer_belong_to_their_types(root: Path) -> None:
    edit(bank(root), "    type: fill\n", "    type: fill\n    choices:\n      - text: 百\n")
    edit(bank(root), "    type: single\n", '    type: single\n    answer: "x"\n')
    found = {p.field: p.message for p in problems(root)}
    assert found["questions[2].choices"] == "a fill-in question has no choices"
    assert found["questions[0].answer"].startswith("only fill-in questions have `answer`")


def test_duplicate_choice_text(root: Path) -> None:
    edit(bank(root), "      - text: 何もしない", "      - text: 守る仕組みを作る")
    p = only(root)
    assert (p.line, p.field, p.message) == (30, "questions[1].choices[2].text", "two choices have the same text")


def test_quiz_syntax_in_text_is_rejected(root: Path) -> None:
    edit(bank(root), "explanation: 必要かつ適切な措置を講じます。", "explanation: 答えは[[措置]]です。")
    p = only(root)
    assert p.field == "questions[1].explanation" and "quiz syntax" in p.message


def test_unknown_field_and_bad_ids(root: Path) -> None:
    edit(bank(root), "    explanation: 仕組みは", "    explaination: 仕組みは")
    edit(bank(root), "  - id: Q-T-02", "  - id: T-02")
    found = {p.field: p for p in problems(root)}
    assert found["questions[0].explaination"].line == 20
    assert "unknown fields are not allowed" in found["questions[0].explaination"].hint
    assert found["questions[1].id"].line == 21
    assert "questions[0].explanation" in found  # the required field is now missing


def test_duplicate_question_ids_across_banks(root: Path) -> None:
    other = root / "guideline" / "quizzes" / "two.yml"
    other.write_text(
        bank(root).read_text(encoding="utf-8").replace("id: one", "id: two").replace("Q-T-02", "Q-T-99"),
        encoding="utf-8",
    )
    found = {(p.file, p.field, p.message) for p in problems(root)}
    assert ("guideline/quizzes/two.yml", "questions[0].id", "duplicate question ID 'Q-T-01'") in found
    assert ("guideline/quizzes/two.yml", "questions[2].id", "duplicate question ID 'Q-T-03'") in found
    assert not any("Q-T-99" in message for _, _, message in found)


def test_unknown_section(root: Path) -> None:
    edit(bank(root), "section: one", "section: nine")
    p = only(root)
    assert (p.line, p.field, p.message) == (6, "section", "unknown section 'nine'")


def test_guideline_and_bank_problems_are_reported_together(root: Path) -> None:
    edit(root / "guideline" / "sections" / "one.yml", "order: 1", "order: x")
    edit(bank(root), "    type: multiple", "    type: several")
    found = {(p.file, p.field) for p in problems(root)}
    assert found == {("guideline/sections/one.yml", "order"), (BANK, "questions[1].type")}


def test_canonical_answer_matches_full_width_and_grouped_digits() -> None:
    assert canonical_answer("３０") == "30"
    assert canonical_answer(" ＣＰＯ ") == "cpo"
    assert canonical_answer("５，０００") == "5000"
    assert canonical_answer("1,234,567") == "1234567"
    assert canonical_answer("1,2345") == "1,2345"  # not digit grouping: left alone


def test_cli_validate_reports_bank_problems_with_file_and_line(root: Path) -> None:
    edit(bank(root), "items: [T-ART]", "items: [T-NOPE-01]")
    cmd = [sys.executable, "-m", "tebiki.cli", "--root", str(root), "--quizzes", "guideline/quizzes", "validate"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert f"{BANK}:22: questions #2 › items #1: unknown item 'T-NOPE-01'" in result.stderr
