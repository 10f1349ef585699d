"""Where the theme that ships with the package lives: what the plugin adds to every site."""

from __future__ import annotations

from pathlib import Path

from .. import translations

THEME = Path(__file__).resolve().parent.parent / "theme"
OVERRIDES = THEME / "overrides"
ASSETS = THEME / "assets"  # published at assets/...
PAGES = THEME / "pages"  # default pages (search, download, accessibility policy), one folder per language
QUIZ_LOCALES = THEME / "locales" / "mkdocs-quiz"


def pages_dir(language: str | None = None) -> Path:
    """The default pages in the site's language (English where tebiki has none in it)."""
    chosen = PAGES / (language or translations.active())
    return chosen if chosen.is_dir() else PAGES / translations.SOURCE_LANGUAGE
