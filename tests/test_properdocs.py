"""Longevity (issue 18, item 8): a tebiki site builds strict with ProperDocs, a MkDocs 1.x
continuation, from the same files, and passes coverage. ProperDocs sits in the same venv
as MkDocs (its own module; it redirects mkdocs.* imports only in its own process)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from support import BIN, mkdocs_build, tebiki

PROPERDOCS = BIN / "properdocs"


@pytest.mark.skipif(not PROPERDOCS.exists(), reason="properdocs is in the test extras: pip install -e '.[test]'")
def test_a_new_site_builds_strict_with_properdocs_as_with_mkdocs(tmp_path: Path) -> None:
    site = tmp_path / "mysite"
    assert tebiki("new", str(site), "--language", "en", cwd=tmp_path).returncode == 0
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs"]
    built = subprocess.run(cmd, cwd=site, capture_output=True, text=True, env=env, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    coverage = tebiki("coverage", "--site", "site-properdocs", cwd=site)
    assert coverage.returncode == 0 and "0 gap(s)" in coverage.stdout, coverage.stdout + coverage.stderr
    assert mkdocs_build(site, site / "site").returncode == 0

    def files(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}

    assert files(site / "site-properdocs") == files(site / "site")  # the same pages, assets and downloads
