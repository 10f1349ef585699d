"""Swap a fully built and checked site into place, or throw it away.

A build writes into `site.tebiki-new` beside `site/`, holding `site.tebiki.lock` from before it
clears that folder until after the swap, so a second build of the same site waits instead of
deleting the first one's staging folder. The swap is two renames (`site` -> `site.tebiki-old`,
`site.tebiki-new` -> `site`); a process killed between them (SIGKILL cannot be blocked) leaves
`site/` missing and the old site beside it, which `recover` puts back before the next build.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

log = logging.getLogger("mkdocs.plugins.tebiki")

# Signals that would otherwise stop the process between the swap's two renames.
_SWAP_SIGNALS = {signal.SIGINT, signal.SIGTERM} | ({signal.SIGHUP} if hasattr(signal, "SIGHUP") else set())


class BuildLocked(Exception):
    pass


def staging_dir(site_dir: Path) -> Path:
    # A sibling, so that the final rename stays on one file system.
    return site_dir.with_name(site_dir.name + ".tebiki-new")


def old_dir(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".tebiki-old")


def lock_path(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".tebiki.lock")


def acquire(site_dir: Path, timeout: float) -> FileLock:
    """Hold the site's build lock, waiting up to `timeout` seconds for another build to finish.

    The lock is an OS file lock (flock), released by the kernel when its process dies, so a
    killed build never leaves a lock behind that blocks the next one."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(site_dir))
    try:
        lock.acquire(timeout=0)
        return lock
    except Timeout:
        log.info("Another build of %s is running; waiting for it to finish (lock %s).", site_dir, lock.lock_file)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise BuildLocked(
            f"another build of {site_dir} has held {lock.lock_file} for over {timeout:g} s\n"
            "→ wait for it to finish, or stop it; the lock goes away with its process."
        ) from None
    return lock


def recover(site_dir: Path) -> None:
    """Clean up after an earlier build that was killed. Call with the lock held."""
    old = old_dir(site_dir)
    if old.exists() and not site_dir.exists():
        # Killed between the two renames: the previous site is whole, put it back.
        old.rename(site_dir)
        log.warning("A build was stopped while publishing; restored the previous site in %s.", site_dir)
    shutil.rmtree(old, ignore_errors=True)
    discard(staging_dir(site_dir))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Defer Ctrl-C and SIGTERM until the block is done (they are delivered right after)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SWAP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def publish(staging: Path, site_dir: Path) -> None:
    old = old_dir(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    with _signals_held():
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        # The renames only reach the disk with the directory's own entry.
        with contextlib.suppress(OSError):
            fd = os.open(site_dir.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
