"""Sites built once per test run and shared by every xdist worker (through a file lock)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from support import SUB_PATH, mkdocs_build, tebiki

Make = Callable[[Path], None]
OFFLINE_ZIP = "tebiki-offline.zip"
# The fixture sites are published as a GitHub Pages project site, at the sub-path the tests
# serve them under (Material writes the 404 page's links from site_url's path).
FIXTURE_ENV = {"TEBIKI_SITE_URL": f"https://example.org{SUB_PATH}"}


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder shared by every worker of this run (and by no other run)."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's base is <run>/popen-gwN; without it the base is the run's own.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Make) -> Path:
    """`make(folder)` runs once per test run under a file lock; every worker gets the same folder.

    A failed make is recorded, so the other workers fail with its message instead of retrying.
    """
    shared = run_folder(tmp_path_factory)
    folder, done = shared / name, shared / f"{name}.done.json"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            try:
                make(folder)
                done.write_text(json.dumps({"error": None}), encoding="utf-8")
            except BaseException as error:
                done.write_text(json.dumps({"error": str(error)}), encoding="utf-8")
                raise
    error = json.loads(done.read_text(encoding="utf-8"))["error"]
    if error:
        pytest.fail(f"{name} failed in another worker:\n{error}", pytrace=False)
    return folder


def strict_build(project: Path, env: dict[str, str] | None = None) -> Make:
    def make(site: Path) -> None:
        result = mkdocs_build(project, site, env=env)
        assert result.returncode == 0, f"mkdocs build --strict of {project} failed:\n{result.stdout}\n{result.stderr}"

    return make


def offline_package(project: Path) -> Make:
    def make(folder: Path) -> None:
        folder.mkdir()
        result = tebiki("offline", "--out", str(folder / OFFLINE_ZIP), cwd=project)
        assert result.returncode == 0, f"tebiki offline failed:\n{result.stdout}\n{result.stderr}"

    return make


def published(project: Path, offline_zip: Path) -> Make:
    def make(site: Path) -> None:
        # As `make publish` builds it: the download page links to the package beside the site.
        strict_build(project, env={"TEBIKI_OFFLINE_PACKAGE": "true"})(site)
        shutil.copy2(offline_zip, site / offline_zip.name)

    return make


def fixture_site(folder: Path, source: Path) -> None:
    """A copy of a fixture site's sources with its strict build in site/, as a maintainer has it."""
    shutil.copytree(source, folder)
    strict_build(folder, env=FIXTURE_ENV)(folder / "site")


FIXTURE_SITES = Path(__file__).resolve().parent / "fixtures" / "sites"


def english_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English fixture site (tests/fixtures/sites/en), copied and built strict once per run."""
    return once_per_run(tmp_path_factory, "fixture-en", lambda dest: fixture_site(dest, FIXTURE_SITES / "en"))


def english_offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English fixture site's offline package, made by `tebiki offline` once per run."""
    project = english_project(tmp_path_factory)
    return once_per_run(tmp_path_factory, "fixture-en-offline", offline_package(project)) / OFFLINE_ZIP


def in_force_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The in-force fixture site (tests/fixtures/sites/in-force), copied and built strict once per run."""
    return once_per_run(
        tmp_path_factory, "fixture-in-force", lambda dest: fixture_site(dest, FIXTURE_SITES / "in-force")
    )


def in_force_offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The in-force fixture site's offline package, made by `tebiki offline` once per run."""
    project = in_force_project(tmp_path_factory)
    return once_per_run(tmp_path_factory, "fixture-in-force-offline", offline_package(project)) / OFFLINE_ZIP
