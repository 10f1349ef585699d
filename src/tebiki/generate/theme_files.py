"""Where the theme that ships with the package lives: what the plugin adds to every site."""

from __future__ import annotations

from pathlib import Path

THEME = Path(__file__).resolve().parent.parent / "theme"
OVERRIDES = THEME / "overrides"
ASSETS = THEME / "assets"  # published at assets/...
PAGES = THEME / "pages"  # default pages (search, download, accessibility policy), one folder per language
FALLBACK_LANGUAGE = "en"


def pages_for(language: str) -> Path:
    """The default pages in the site's language (theme.language), English when tebiki has none in it."""
    folder = PAGES / language.split("-")[0].lower()
    return folder if folder.is_dir() else PAGES / FALLBACK_LANGUAGE


QUIZ_LOCALES = THEME / "locales" / "mkdocs-quiz"
