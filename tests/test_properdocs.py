"""Longevity (issue 18, item 8): a tebiki site builds strict with ProperDocs, a MkDocs 1.x
continuation, from the same files, and passes coverage. ProperDocs sits in the same venv
as MkDocs (its own module; it redirects mkdocs.* imports only in its own process)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support import BIN, build_env, pdf_cache, tebiki

PROPERDOCS = BIN / "properdocs"


@pytest.mark.skipif(not PROPERDOCS.exists(), reason="properdocs is in the test extras: pip install -e '.[test]'")
def test_a_new_site_builds_strict_with_properdocs_as_with_mkdocs(new_site, tmp_path: Path) -> None:
    # `tebiki new --language en` (superseded is its default status), built strict by MkDocs for the run.
    with_mkdocs = new_site("en", "superseded")
    site = tmp_path / "mysite"
    shutil.copytree(with_mkdocs, site, ignore=lambda folder, names: ["site"] if folder == str(with_mkdocs) else [])
    cmd = [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs"]
    with pdf_cache() as cache:
        built = subprocess.run(cmd, cwd=site, capture_output=True, text=True, env=build_env(cache), check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    coverage = tebiki("coverage", "--site", "site-properdocs", cwd=site)
    assert coverage.returncode == 0 and "0 gap(s)" in coverage.stdout, coverage.stdout + coverage.stderr

    def files(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}

    assert files(site / "site-properdocs") == files(with_mkdocs / "site")  # the same pages, assets and downloads
