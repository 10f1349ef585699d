"""Full-text search with Pagefind's extended build, which segments Japanese."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


class SearchIndexError(Exception):
    pass


def index_site(site_dir: Path, exclude: Sequence[str] = ()) -> None:
    """Write the Pagefind bundle into `site_dir/pagefind/`, leaving out elements matching `exclude`
    (for markup that third-party plugins write and that cannot carry `data-pagefind-ignore`)."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    for selector in exclude:
        cmd += ["--exclude-selectors", selector]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").exists():
        raise SearchIndexError(
            f"Pagefind failed to index {site_dir} (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}\n"
            "→ check that `pagefind[extended]` is installed (make setup)."
        )
