"""What every tebiki site gets from the package: Material overrides, assets, page templates,
default pages and catalogs. Only paths live here; the MkDocs glue adds them to a site."""

from __future__ import annotations

from pathlib import Path

THEME = Path(__file__).parent
OVERRIDES = THEME / "overrides"
ASSETS = THEME / "assets"  # published at assets/...
TEMPLATES = THEME / "templates"  # Jinja templates of the generated pages, PDFs and handouts
PAGES = THEME / "pages"  # default pages: search, download, accessibility policy
QUIZ_LOCALES = THEME / "locales" / "mkdocs-quiz"
