"""Swap a fully built and checked site into place, or throw it away."""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    # A sibling, so that the final rename stays on one file system.
    return site_dir.with_name(site_dir.name + ".tebiki-new")


def publish(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".tebiki-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
