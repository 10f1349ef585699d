"""The maintainers' guide (docs-dev/) builds strict, and its data reference, generated from
schema/*.json at build time, names every file, definition and field of every schema."""

from __future__ import annotations

import json
from pathlib import Path

from support import ROOT, mkdocs_build


def test_the_guide_builds_and_its_reference_lists_every_schema_field(tmp_path: Path) -> None:
    built = mkdocs_build(ROOT / "docs-dev", tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site" / "reference" / "index.html").read_text(encoding="utf-8")
    schemas = sorted((ROOT / "schema").glob("*.schema.json"))
    assert schemas
    for path in schemas:
        schema = json.loads(path.read_text(encoding="utf-8"))
        name = path.name.removesuffix(".schema.json")
        assert f'id="{name}-file"' in page, name
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for field in definition.get("properties", {}):
                assert f"<code>{field}</code>" in page, f"{name}: {field}"
        for def_name in schema.get("$defs", {}):
            assert f'id="{name}-{def_name.lower()}"' in page, f"{name}: {def_name}"
    guide = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "tebiki new mysite" in guide and 'href="reference/"' in guide
