"""Hostile or broken data files: every problem at once, each with file, line and a hint, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, edit
from tebiki.data.problems import DataError
from tebiki.data.project import Paths, load_project
from tebiki.data.yaml_lines import MAX_ALIAS_VALUES

MINI = Path(__file__).parent / "fixtures" / "mini"
SECTION = "sections/one.yml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "guideline")
    shutil.move(tmp_path / "guideline" / "quizzes", tmp_path / "quizzes")
    return tmp_path


def problems(root: Path) -> list:
    with pytest.raises(DataError) as exc:
        load_project(Paths.under(root))
    return exc.value.problems


def validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tebiki.cli", "--root", str(root), "validate"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_problems_in_five_files_are_reported_together(root: Path) -> None:
    data = root / "guideline"
    edit(data / SECTION, "answers: [T-PRB-01]", "answers: [T-PRB-99]")
    edit(data / "today.yml", "quote: 事業者は、必要かつ", "quote: 事業者は、不要かつ")
    edit(data / "checklist.yml", "items: [T-MEA-01, T-ART]", "items: [T-NOPE-01, T-ART]")
    edit(data / "profile.yml", "ask_if: {entrusts: yes}", "ask_if: {entrusts: maybe}")
    edit(root / "quizzes" / "one.yml", "items: [T-MEA-01, T-PRB-01]", "items: [T-NOPE-02]")
    found = problems(root)
    assert sorted(p.file for p in found) == [
        "guideline/checklist.yml",
        "guideline/profile.yml",
        "guideline/sections/one.yml",
        "guideline/today.yml",
        "quizzes/one.yml",
    ], found
    result = validate(root)
    assert result.returncode == 2 and result.stderr.startswith("5 problems in the tebiki data"), result.stderr


def test_files_that_fail_validation_do_not_hide_problems_in_the_others(root: Path) -> None:
    data = root / "guideline"
    edit(data / "today.yml", "label: 規定A", "label: 規定A\n  colour: red")  # the guideline fails to load
    edit(data / "profile.yml", "  - id: size", "  - id: size\n    colour: red")
    edit(root / "quizzes" / "one.yml", "items: [T-MEA-01, T-PRB-01]", "items: []")
    assert sorted({p.file for p in problems(root)}) == [
        "guideline/profile.yml",
        "guideline/today.yml",
        "quizzes/one.yml",
    ]


@pytest.mark.parametrize(
    ("change", "line", "says"),
    [
        (lambda t: t.replace(b"title:", b"title: \xff\xfe", 1), None, "not UTF-8"),
        (lambda t: t.replace(b"title:", b"title: \x07", 1), None, "U+0007"),
        (lambda t: t.replace(b"line: 4", b"line: !!int abc", 1), None, "not a valid"),
        (lambda t: b"", 0, "empty"),
        (lambda t: b"# only a comment\n", 0, "empty"),
        (lambda t: b"a:\n" + b"".join(b"  " * i + b"- x:\n" for i in range(1, 450)), None, "nest"),
    ],
    ids=["invalid-utf8", "control-char", "bad-int-tag", "empty", "comments-only", "deep-nesting"],
)
def test_broken_section_file_is_a_problem_with_a_hint(root: Path, change, line, says: str) -> None:
    path = root / "guideline" / SECTION
    path.write_bytes(change(path.read_bytes()))
    (p,) = [p for p in problems(root) if p.file == "guideline/sections/one.yml"]
    assert says in p.message and p.hint, p
    if line is not None:
        assert p.line == line
    else:
        assert p.line > 0
    result = validate(root)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr


def test_an_impossible_date_is_reported_at_its_line(root: Path) -> None:
    edit(root / "guideline" / "guideline.yml", "abolished: 2017-05-30", "abolished: 2017-02-30")
    (p,) = problems(root)
    assert p.file == "guideline/guideline.yml" and p.line > 0 and "2017-02-30" in p.message
    assert "YYYY-MM-DD" in p.hint


def test_a_folder_named_like_a_data_file_is_a_problem(root: Path) -> None:
    (root / "guideline" / "sections" / "zz.yml").mkdir()
    (p,) = problems(root)
    assert p.file == "guideline/sections/zz.yml" and "folder" in p.message


def test_a_key_repeated_beside_a_merge_is_refused(root: Path) -> None:
    path = root / "guideline" / "today.yml"
    path.write_text(
        "- &base {id: rule-a, label: 規定A, law: 法第1条, source: rules,\n"
        "         quote: 事業者は、必要かつ適切な措置を講じなければならない。}\n"
        "- <<: *base\n  id: rule-b\n  id: rule-c\n",
        encoding="utf-8",
    )
    found = [p for p in problems(root) if p.file == "guideline/today.yml"]
    assert found and "appears twice" in found[0].message and found[0].line == 5


def test_an_alias_bomb_is_refused_quickly(root: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]  # 10^9 leaves
    (root / "guideline" / "guideline.yml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    (p,) = [p for p in problems(root) if p.file == "guideline/guideline.yml"]
    assert f"{MAX_ALIAS_VALUES:,}" in p.message


def test_an_oversized_file_is_refused_before_parsing(root: Path) -> None:
    path = root / "guideline" / SECTION
    path.write_text(path.read_text(encoding="utf-8") + "# " + "x" * (11 * 1024 * 1024) + "\n", encoding="utf-8")
    (p,) = problems(root)
    assert "MB" in p.message and "split" in p.hint


def test_a_full_disk_is_an_environment_problem_not_a_traceback(tmp_path: Path) -> None:
    # /dev/full fails every write with ENOSPC, as a full disk does.
    out = tmp_path / "schema"
    out.mkdir()
    (out / "guideline.schema.json").symlink_to("/dev/full")
    result = subprocess.run(
        [sys.executable, "-m", "tebiki.cli", "schema", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 5 and "disk is full" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_chromium_is_an_environment_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tebiki import cli

    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    monkeypatch.setattr(cli, "CHROMIUM", str(tmp_path / "no-chromium"))
    assert cli.main(["--root", str(ROOT), "a11y", "--site", str(tmp_path)]) == cli.Exit.ENVIRONMENT
    assert "Chromium is not installed" in capsys.readouterr().err


def test_a_quote_typo_shows_the_closest_source_line_and_what_differs(root: Path) -> None:
    edit(root / "guideline" / SECTION, "text: ダウンロードを監視する", "text: ダウンロードを監査する")
    (p,) = problems(root)
    assert "closest is line 7" in p.message and "the quote has 「査」 where the source has 「視」" in p.message


def test_quotes_that_cannot_be_checked_are_a_warning(root: Path) -> None:
    edit(root / "guideline" / "sources.yml", "  file: rules.txt\n", "")
    project = load_project(Paths.under(root))
    (warning,) = project.warnings
    assert warning.file == "guideline/sources.yml" and warning.line == 7 and "'rules'" in warning.message
    result = validate(root)
    assert result.returncode == 0 and "warning: guideline/sources.yml:7" in result.stderr
