"""Tests of the shipped guideline's content, moved from test_cli.py: they name its IDs, wording or counts."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT

TEBIKI = [sys.executable, "-m", "tebiki.cli"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TEBIKI, *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_generate_writes_pages_without_touching_docs(tmp_path: Path) -> None:
    result = run("generate", "--out", str(tmp_path / "out"))
    assert result.returncode == 0
    assert (tmp_path / "out" / "guideline" / "point1.md").exists()
    assert (tmp_path / "out" / "sources.md").exists()
    assert not (tmp_path / "out" / "index.md").exists()
    run("generate", "--out", str(tmp_path / "full"), "--include-docs")
    assert (tmp_path / "full" / "index.md").exists()


def test_coverage_fails_with_the_list_of_gaps(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "guideline" / "point2")
    result = run("coverage", "--site", str(site), "--json", str(tmp_path / "c.json"))
    assert result.returncode == 1
    assert "ENT-ART (requirement): no pamphlet section" in result.stderr
    assert "MISSING" in result.stdout


def test_schemas_validate_the_real_data_as_an_editor_would() -> None:
    import jsonschema
    import yaml

    def as_editor_sees(path: Path):
        # Editors see YAML dates as strings; PyYAML turns them into date objects.
        return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))

    schema = json.loads((ROOT / "schema" / "section.schema.json").read_text())
    for path in (ROOT / "guideline" / "sections").glob("*.yml"):
        jsonschema.validate(as_editor_sees(path), schema)
    bad = as_editor_sees(ROOT / "guideline" / "sections" / "point1-security.yml")
    bad["colour"] = "red"
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError as exc:
        assert "colour" in exc.message
    else:
        raise AssertionError("the schema accepted an unknown field")


def test_checklist_schemas_validate_the_checklist_data() -> None:
    import jsonschema

    from tebiki.data.yaml_lines import load_with_lines

    for name in ("profile", "checklist"):
        path = ROOT / "guideline" / f"{name}.yml"
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../schema/{name}.schema.json\n")
        schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text())
        data, _ = load_with_lines(text)  # YAML 1.2, as yaml-language-server reads it
        jsonschema.validate(data, schema)
    result = run("validate")
    assert re.search(r"checklist: \d+ entries, \d+ profile questions, tracks sme, standard", result.stdout)
