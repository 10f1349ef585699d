"""Slide decks typeset in worker processes give the bytes the build's own process gives, keep the
cache as it does, and report WeasyPrint's problems to the build."""

from __future__ import annotations

from pathlib import Path

import pytest

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
