"""Slide decks, and the documents made from the data, typeset in worker processes while MkDocs
still renders the pages.

A one-off build starts the documents the cache does not hold (the reference, the pamphlet, the
handouts) before the first page is rendered: after an edit of an item's text the reference alone
took six seconds in the build's process, before any page.

A deck's printable HTML is known as soon as its page is rendered (its images, the QR codes, are
static files MkDocs copied before any page), so a deck the cache does not hold is started then,
not after the last page. After an edit of an item's text two decks hold the text and each takes
seconds of WeasyPrint; one process each (at most two: the machines this runs on have two cores,
and each WeasyPrint process holds a document's layout) lets them run side by side. A job gives
the same bytes in a worker as in the build's process: `PrintJob.typeset` is the same call.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .typeset import PrintJob

MAX_WORKERS = 2


def _typeset(job: PrintJob, cache: Path | None) -> bytes:
    return job.typeset(cache)


class DeckPool:
    """Jobs started as their HTML is known; `result` waits for one. Workers start with the first job."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self._pool: ProcessPoolExecutor | None = None
        self._started: dict[str, tuple[PrintJob, Future[bytes]]] = {}

    def start(self, job: PrintJob) -> None:
        """Typeset `job` in a worker unless the cache holds its PDF (then `result` reads it)."""
        if job.cached(self.cache) is not None:
            return
        if self._pool is None:
            from .workers import end_with_parent  # with the first worker: multiprocessing's pipes cost imports

            # spawn, not fork: the build may run threads (Pagefind's service), which fork would copy mid-step.
            workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1))
            self._pool = ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("spawn"), initializer=end_with_parent
            )
        self._started[job.name] = (job, self._pool.submit(_typeset, job, self.cache))

    def result(self, job: PrintJob) -> bytes:
        """The PDF of `job`: the worker's (its TypesetError raised here), the cache's, or typeset now."""
        started = self._started.pop(job.name, None)
        if started is not None and started[0] == job:
            return started[1].result()
        return job.pdf(self.cache)

    def close(self) -> None:
        """Workers stopped; jobs not asked for are dropped (a failed build)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            from .workers import stop_resource_tracker

            stop_resource_tracker()
        self._started.clear()
