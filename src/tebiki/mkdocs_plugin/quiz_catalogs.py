"""mkdocs-quiz parses its message catalogs (.po, with polib) again for every quiz on every page:
about a tenth of a `serve` rebuild's CPU. Each file is parsed once per state of it instead
(path, modification time, size); every caller still gets a dict of its own, which mkdocs-quiz
then updates with the site's catalog. A seam on mkdocs-quiz 1.7.1's private
`TranslationManager._parse_po_file` (tebiki/seams.py; the version is checked in on_config)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs_quiz.translations import TranslationManager

_parsed: dict[tuple[str, int, int], dict[str, str]] = {}


def install() -> None:
    """Put the caching parser in place (once per process)."""
    parse: Callable[[Any, Path], dict[str, str]] = TranslationManager._parse_po_file
    if getattr(parse, "tebiki_cached", False):
        return

    def cached(manager: Any, po_path: Path) -> dict[str, str]:
        st = os.stat(po_path)
        key = (str(po_path), st.st_mtime_ns, st.st_size)
        if key not in _parsed:
            _parsed[key] = parse(manager, po_path)
        return dict(_parsed[key])

    cached.tebiki_cached = True  # type: ignore[attr-defined]
    setattr(TranslationManager, "_parse_po_file", cached)  # noqa: B010  (a method, replaced on the class)
