"""Helpers shared by the tests (imported by name; conftest.py files cannot be)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Project sites on GitHub Pages live under a sub-path; the tests serve the site the same way.
SUB_PATH = "/tebiki/"


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    cmd = [str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


def copy_project(dest: Path) -> Path:
    """A scratch copy of the site sources, so a test may break them freely."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "guideline", "quizzes"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as URL paths relative to the site root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        pages.append(rel.removesuffix("index.html"))
    return pages


def tebiki(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The `tebiki` command of this checkout, run as a maintainer would."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    cmd = [sys.executable, "-m", "tebiki.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=full_env, check=False)
