"""Where the theme that ships with the package lives: what the plugin adds to every site."""

from __future__ import annotations

from pathlib import Path

THEME = Path(__file__).resolve().parent.parent / "theme"
OVERRIDES = THEME / "overrides"
ASSETS = THEME / "assets"  # published at assets/...
PAGES = THEME / "pages"  # default pages: search, download, accessibility policy
QUIZ_LOCALES = THEME / "locales" / "mkdocs-quiz"
