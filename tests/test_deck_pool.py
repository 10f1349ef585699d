"""Slide decks typeset in worker processes give the bytes the build's own process gives, keep the
cache as it does, and report WeasyPrint's problems to the build."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import child_processes, is_zombie
from tebiki.publish import typeset
from tebiki.publish.deck_pool import DeckPool

CSS = "@page { size: A4 landscape } body { font-family: 'Noto Sans CJK JP' }"


def test_a_deck_from_a_worker_is_the_pdf_typeset_in_process_and_is_kept(tmp_path: Path) -> None:
    jobs = [typeset.PrintJob(f"trainers/slides/{n}.pdf", f"<h1>研修 {n}</h1>", CSS) for n in ("a", "b")]
    pool = DeckPool(tmp_path / "cache")
    try:
        for job in jobs:
            pool.start(job)
        made = [pool.result(job) for job in jobs]
    finally:
        pool.close()
    assert made == [job.typeset(None) for job in jobs]
    assert [job.cached(tmp_path / "cache") for job in jobs] == made


def test_a_kept_deck_is_read_back_without_a_worker(tmp_path: Path) -> None:
    job = typeset.PrintJob("trainers/slides/a.pdf", "<h1>研修</h1>", CSS)
    kept = job.typeset(tmp_path)
    pool = DeckPool(tmp_path)
    pool.start(job)
    assert pool._pool is None  # nothing to typeset, so no process started
    assert pool.result(job) == kept
    pool.close()


def test_a_workers_problem_reaches_the_build(tmp_path: Path) -> None:
    job = typeset.PrintJob("trainers/slides/a.pdf", '<img src="missing.png">', CSS, "the slides PDF a")
    pool = DeckPool(tmp_path)
    try:
        pool.start(job)
        with pytest.raises(typeset.TypesetError, match="the slides PDF a"):
            pool.result(job)
    finally:
        pool.close()
    assert list(tmp_path.iterdir()) == []


# A build that started a worker, then waits to be killed: it prints the worker's process id.
_KILLED_BUILD = """
import sys, time
from tebiki.publish.deck_pool import DeckPool
from tebiki.publish import typeset
pool = DeckPool(None)
job = typeset.PrintJob("trainers/slides/a.pdf", "<h1>研修</h1>", %r)
pool.start(job)
pool.result(job)
print(*pool._pool._processes, flush=True)
time.sleep(600)
"""


def test_workers_end_with_a_build_that_is_killed() -> None:
    """SIGKILL (the OOM killer, a CI timeout) runs no clean-up: the workers must notice alone, or
    they wait for jobs for ever and keep the build's output pipes open."""
    command = [sys.executable, "-c", _KILLED_BUILD % CSS]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as build:
        try:
            assert build.stdout is not None
            workers = [int(pid) for pid in build.stdout.readline().split()]
            assert workers and all(Path(f"/proc/{pid}").exists() for pid in workers)
        finally:
            build.kill()
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() and not is_zombie(pid) for pid in workers):
        assert time.monotonic() < deadline, f"workers {workers} outlived the killed build"
        time.sleep(0.01)  # a polling interval, not a wait for something to happen


def test_closing_the_pool_leaves_no_process_behind(tmp_path: Path) -> None:
    """Not even multiprocessing's resource tracker, which would otherwise end after the build, a
    zombie for whoever adopts it."""
    before = set(child_processes(os.getpid()))  # the run's own (another test's service, say)
    pool = DeckPool(tmp_path)
    pool.start(typeset.PrintJob("trainers/slides/a.pdf", "<h1>研修</h1>", CSS))
    started = set(child_processes(os.getpid())) - before
    assert started
    pool.close()
    assert not started & set(child_processes(os.getpid()))
