"""Full-text search with Pagefind's extended build, which segments Japanese."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(Exception):
    pass


def index_site(site_dir: Path) -> None:
    """Write the Pagefind bundle into `site_dir/pagefind/`."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").exists():
        raise SearchIndexError(
            f"Pagefind failed to index {site_dir} (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}\n"
            "→ check that `pagefind[extended]` is installed (make setup)."
        )
