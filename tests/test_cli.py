"""The `tebiki` command as a maintainer runs it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT

MINI = Path(__file__).parent / "fixtures" / "mini"
TEBIKI = [sys.executable, "-m", "tebiki.cli"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TEBIKI, *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_validate_ok_on_the_real_data() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert re.match(r"OK: \d+ items in \d+ sections", result.stdout)


def test_validate_reports_every_problem_and_exits_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    one = data / "sections" / "one.yml"
    one.write_text(
        one.read_text(encoding="utf-8")
        .replace("order: 1", "order: x")
        .replace("answers: [T-PRB-01]", "answers: [T-NOPE]"),
        encoding="utf-8",
    )
    result = run("--root", str(tmp_path), "--data", "data", "validate")
    assert result.returncode == 2
    # Type errors stop cross-checks for that file, so only the first shows; both have file:line.
    assert "data/sections/one.yml:2: order: Input should be a valid integer" in result.stderr
    assert "→" in result.stderr


def test_coverage_passes_on_the_built_site_and_writes_json(built_site: Path, tmp_path: Path) -> None:
    report = tmp_path / "coverage.json"
    result = run("--root", str(built_site.parent), "coverage", "--site", str(built_site), "--json", str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "items fully covered; 0 gap(s)" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["ok"] and data["dimensions"][0] == "pamphlet"
    assert all(row["coverage"]["pamphlet"]["where"] for row in data["items"])


def test_coverage_without_a_built_site_says_what_to_do(tmp_path: Path) -> None:
    result = run("coverage", "--site", str(tmp_path / "nothing"))
    assert result.returncode == 3 and "mkdocs build" in result.stderr


def test_committed_json_schemas_are_current(tmp_path: Path) -> None:
    assert run("schema", "--out", str(tmp_path)).returncode == 0
    for fresh in tmp_path.glob("*.schema.json"):
        committed = ROOT / "schema" / fresh.name
        assert committed.exists() and committed.read_text() == fresh.read_text(), (
            f"schema/{fresh.name} is stale: run `tebiki schema`"
        )
