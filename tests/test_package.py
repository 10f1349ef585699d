"""The wheel ships everything a site needs: every file of the theme folder (overrides,
assets, templates, default pages, catalogs), so a site built from an installed tebiki
lacks nothing that a build from this checkout has."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from support import ROOT


def test_the_wheel_holds_every_theme_file(tmp_path: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-q",
        "-w",
        str(tmp_path),
        str(ROOT),
    ]
    built = subprocess.run(cmd, check=False, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = tmp_path.glob("tebiki-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = ROOT / "src" / "tebiki" / "theme"
    files = [p for p in theme.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert len(files) > 40
    missing = [
        p.relative_to(theme).as_posix() for p in files if "tebiki/theme/" + p.relative_to(theme).as_posix() not in names
    ]
    assert not missing, f"add them to [tool.setuptools.package-data] in pyproject.toml: {missing}"
    assert "tebiki/scaffold.py" in names and "tebiki/mkdocs_plugin/plugin.py" in names
