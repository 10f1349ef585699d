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
import sys
import time
from collections.abc import Iterator
from pathlib import Path

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


class SiteLock:
    """An OS lock on a file, held until `release` or until its process ends.

    flock on POSIX, msvcrt's byte lock on Windows: the kernel drops either when the process
    dies, so a killed build never leaves a lock behind that blocks the next one. The file
    itself stays (unlinking a locked file would let a waiter lock another inode). Written
    here rather than imported: the filelock package imports asyncio and sqlite3 for lock
    kinds a build does not use, some 40 ms of every build's start."""

    def __init__(self, path: Path) -> None:
        self.lock_file = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock_nonblocking(fd)
        except OSError:  # held by another process (EWOULDBLOCK, EACCES on some file systems)
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the descriptor drops its lock


if sys.platform == "win32":  # pragma: no cover - the tests run on POSIX
    import msvcrt

    def _lock_nonblocking(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock_nonblocking(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


# How often a waiting build tries the lock again: a wait is for another whole build (seconds).
_RETRY_SECONDS = 0.1


def acquire(site_dir: Path, timeout: float) -> SiteLock:
    """Hold the site's build lock, waiting up to `timeout` seconds for another build to finish."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = SiteLock(lock_path(site_dir))
    if lock.try_acquire():
        return lock
    log.info("Another build of %s is running; waiting for it to finish (lock %s).", site_dir, lock.lock_file)
    deadline = time.monotonic() + timeout
    while not lock.try_acquire():
        if time.monotonic() >= deadline:
            raise BuildLocked(
                f"another build of {site_dir} has held {lock.lock_file} for over {timeout:g} s\n"
                "→ wait for it to finish, or stop it; the lock goes away with its process."
            )
        time.sleep(_RETRY_SECONDS)
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
