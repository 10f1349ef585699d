"""Helpers shared by the tests (imported by name; conftest.py files cannot be)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tebiki import cli
from tebiki.checks import localsite
from tebiki.checks.localsite import site_pages  # noqa: F401  (re-exported for the tests)
from tebiki.data.checklist import conditions
from tebiki.data.checklist.model import Checklist
from tebiki.data.guideline.load import load_guideline
from tebiki.data.problems import DataError, Problem

ROOT = Path(__file__).resolve().parent.parent
# The guideline the engine tests build: a small Japanese fixture, not the shipped METI data.
ENGINE_SITE = ROOT / "tests" / "fixtures" / "sites" / "ja"
BIN = Path(sys.executable).parent
# Project sites on GitHub Pages live under a sub-path; the tests serve the site the same way.
SUB_PATH = "/tebiki/"


# Every PDF the run's builds typeset, each under its content key: the pool behind pdf_cache().
POOL = "TEBIKI_TEST_PDF_POOL"


@contextlib.contextmanager
def pdf_cache() -> Iterator[dict[str, str]]:
    """A cache folder for one build holding every PDF typeset in the run (tests/conftest.py
    keeps them in a pool); what the build typesets goes back to the pool. The cache keeps one
    PDF per document name, so one folder shared by all builds would make each site's (or each
    data change's) build evict the others'; hard links make the copy cheap. The entries are
    named by content key, so two builds that typeset the same one add the same file."""
    pool = os.environ.get(POOL)
    if not pool:
        yield {}
        return
    shared = Path(pool) / "pdf"
    shared.mkdir(parents=True, exist_ok=True)
    own = Path(tempfile.mkdtemp(prefix="pdf-cache-", dir=pool))
    try:
        (own / "pdf").mkdir()
        for entry in shared.glob("*.pdf"):
            os.link(entry, own / "pdf" / entry.name)
        yield {"TEBIKI_CACHE_DIR": str(own)}
        for entry in (own / "pdf").glob("*.pdf"):
            with contextlib.suppress(FileExistsError):
                os.link(entry, shared / entry.name)
    finally:
        shutil.rmtree(own, ignore_errors=True)


def build_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a build or a command runs in (`env` over this process's own)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = [str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra]
    with pdf_cache() as cache:
        return subprocess.run(cmd, capture_output=True, text=True, env=build_env({**cache, **(env or {})}), check=False)


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """A scratch copy of a site's sources (the repository's own by default), so a test may break them freely."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "guideline", "quizzes"):
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def serve(site: Path, sub_path: str = SUB_PATH) -> contextlib.AbstractContextManager[str]:
    """The built site at http://127.0.0.1:<port><sub_path>, as GitHub Pages serves a project site."""
    return localsite.serve(site, sub_path)


def tebiki(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The `tebiki` command of this checkout, run as a maintainer would."""
    cmd = [sys.executable, "-m", "tebiki.cli", *args]
    with pdf_cache() as cache:  # `tebiki offline` and `tebiki pdf` typeset too
        full_env = build_env({**cache, **(env or {})})
        return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=full_env, check=False)


def tebiki_in_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The `tebiki` command's main() run in this process from `cwd`, with what it prints: for tests
    of its messages, where starting Python and importing tebiki would cost most of the time (half
    a second of CPU a call). tests/test_cli.py and test_new.py run the command itself."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return subprocess.CompletedProcess(["tebiki", *args], int(code), out.getvalue(), err.getvalue())


def guideline_problems(data: Path) -> list[Problem]:
    """What loading the guideline folder `data` reports (it must fail)."""
    with pytest.raises(DataError) as exc:
        load_guideline(data, data.parent)
    return exc.value.problems


def child_processes(pid: int) -> list[int]:
    """The processes `pid` started and that are still there, from /proc. Threads (and children)
    end while this reads: a task gone meanwhile has no children left to report."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:  # the thread ended between listing and reading
            continue
    return found


def is_zombie(pid: int) -> bool:
    """Whether `pid` has ended and waits to be reaped (False once it is gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except FileNotFoundError:
        return False


def edit(path: Path, old: str, new: str) -> None:
    """Change a scratch copy of fixture data; fail loudly if the fixture drifted."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_page(project: Path, name: str, title: str, markdown: str) -> None:
    """A hand-written page in a scratch project; the default nav lists it (titled by its heading)."""
    (project / "docs" / f"{name}.md").write_text(markdown, encoding="utf-8")


def assert_matches_golden(content: str, golden: Path) -> None:
    """Generated Markdown equals its golden file; TEBIKI_UPDATE_GOLDEN=1 rewrites the file instead."""
    if os.environ.get("TEBIKI_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(content, encoding="utf-8")
    assert content == golden.read_text(encoding="utf-8")


def every_profile(checklist: Checklist) -> list[dict[str, str]]:
    """Every complete profile a visitor can give: each asked question answered with each option."""
    profiles: list[dict[str, str]] = [{}]
    for question in checklist.questions:
        grown = []
        for profile in profiles:
            if conditions.holds(question.ask_if, profile):
                grown += [{**profile, question.id: value} for value in question.values()]
            else:
                grown.append(profile)
        profiles = grown
    return profiles
