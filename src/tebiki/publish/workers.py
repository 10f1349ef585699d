"""What the worker processes tebiki starts (slide decks, serve's background work) share."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from multiprocessing import resource_tracker


def end_with_parent() -> None:
    """In a worker started with multiprocessing: end when the process that started it ends,
    however it ends (SIGKILL, the OOM killer, a CI timeout: no clean-up runs). A pool's worker
    would otherwise wait for jobs for ever (its siblings hold the job queue open, so it never
    sees end-of-file) and keep the build's output pipes open, so whatever reads them hangs."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="tebiki-end-with-parent", daemon=True).start()


def stop_resource_tracker() -> None:
    """Once a pool is shut down: end the resource tracker its queues started, which would
    otherwise end only after this process, a zombie for whoever adopts it (in a container, often
    nobody). Private, so looked up: a Python without it leaves the tracker to end as before; one
    started again later (another pool) is started afresh."""
    stop = getattr(resource_tracker._resource_tracker, "_stop", None)
    if stop is not None:
        stop()
