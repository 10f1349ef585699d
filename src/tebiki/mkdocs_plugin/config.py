"""Typed options of the tebiki MkDocs plugin."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import base, load_config
from mkdocs.config import config_options as c


class TebikiConfig(base.Config):
    data_dir = c.Type(str, default="guideline")
    """Folder holding the guideline data, relative to mkdocs.yml."""

    quizzes_dir = c.Type(str, default="quizzes")
    """Folder holding the question banks, relative to mkdocs.yml."""

    a11y_results = c.Type(str, default=".tebiki/a11y-results.json")
    """The last automated accessibility run (written by `tebiki a11y`), rendered on the
    test-results page; relative to mkdocs.yml. A missing file is reported on the page."""

    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (extended build: segments Japanese)."""

    coverage = c.Type(bool, default=True)
    """Check coverage on the built HTML and fail the build on any gap."""

    coverage_report = c.Optional(c.Type(str))
    """Where to write the JSON coverage report, relative to mkdocs.yml (none if unset)."""

    atomic = c.Type(bool, default=True)
    """Build `mkdocs build` into a staging folder and swap it in only on success,
    so that a failed build leaves the previous site untouched."""

    lock_timeout = c.Type((int, float), default=600)
    """Seconds a `mkdocs build` waits for another build of the same site (holding
    `site.tebiki.lock` beside `site/`) to finish before it gives up with an error."""

    # TEBIKI_CACHE_DIR is the default (as the README says), so a site whose mkdocs.yml names
    # no cache_dir can still be built with a fresh or a shared cache (the workflow, the tests).
    cache_dir = c.Type(str, default=os.environ.get("TEBIKI_CACHE_DIR", ".tebiki/cache"))
    """Where typeset PDFs (pamphlet, handouts) are kept between builds, relative to mkdocs.yml;
    an empty string typesets every build afresh. Safe to delete at any time."""

    pdf = c.Type(str, default="tebiki-pamphlet.pdf")
    """Where the printed pamphlet (A4 PDF, typeset from the data) goes in the site;
    an empty string leaves it out."""

    reference_pdf = c.Type(str, default="tebiki-reference.pdf")
    """Where the item-by-item reference (A4 PDF) goes when guideline.yml has a `pamphlet` block
    (then `pdf` is the short pamphlet; without one, `pdf` is the reference and this file is not
    written). An empty string leaves it out."""

    # Read when MkDocs loads the plugin (in the build `tebiki offline` starts), so a site
    # whose mkdocs.yml says only `plugins: [tebiki]` gets a working offline package too.
    offline = c.Type(bool, default=os.environ.get("TEBIKI_OFFLINE", "").lower() == "true")
    """Build the variant for the offline package: page URLs end in `.html` (so the site
    works opened from disk) and search uses an index inlined in a script, because
    Pagefind cannot fetch its index from file://. `tebiki offline` sets it through
    the TEBIKI_OFFLINE environment variable (read as the default, or in mkdocs.yml)."""

    # Read from the environment as `offline` is, so that a new site's Pages workflow (and
    # `make publish`) can publish the package without a line in mkdocs.yml.
    offline_package = c.Type(bool, default=os.environ.get("TEBIKI_OFFLINE_PACKAGE", "").lower() == "true")
    """The offline package (`tebiki offline`) is published beside the site: the download
    page links to it. Off by default, so a plain build (`make site`) has no link to a file
    it did not write; the Pages workflows set it through TEBIKI_OFFLINE_PACKAGE, and
    `tebiki check-site` reports the link if the zip is then missing."""


@dataclass(frozen=True)
class Site:
    """What the `tebiki` commands read from a site's mkdocs.yml (with !ENV resolved)."""

    name: str
    url: str | None
    pdf: str  # the pamphlet's file name
    pdf_cache: Path | None  # the PDF cache its builds use, so that `tebiki pdf` reads and fills the same one


def site_config(mkdocs_yml: Path) -> Site:
    config = load_config(str(mkdocs_yml))
    options = config.plugins["tebiki"].config
    return Site(config.site_name, config.site_url, options.pdf, pdf_cache(mkdocs_yml.parent, options.cache_dir))


def pdf_cache(root: Path, cache_dir: str) -> Path | None:
    """Where typeset PDFs are kept between builds: <cache_dir>/pdf under the site's folder
    (`root`, where mkdocs.yml is); None when cache_dir is empty (typeset every time)."""
    return root / cache_dir / "pdf" if cache_dir else None


def site_language(root: Path) -> str | None:
    """theme.language of the site's mkdocs.yml (Material's default, en, if it names none); None
    without a mkdocs.yml. The `tebiki` command and the video script speak the site's language."""
    from mkdocs.utils.yaml import yaml_load

    path = root / "mkdocs.yml"
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        raw = yaml_load(fh)
    theme = raw.get("theme") if isinstance(raw, dict) else None
    return (theme.get("language") if isinstance(theme, dict) else None) or "en"


def published_url(mkdocs_yml: Path) -> str | None:
    """site_url as mkdocs.yml says (with !ENV and INHERIT resolved): `mkdocs serve` replaces it with
    the preview's local address, but what is printed or packaged (QR codes, QTI links) points at
    the published site, and only https links may be written."""
    from mkdocs.utils.yaml import yaml_load

    with mkdocs_yml.open("rb") as fh:
        raw = yaml_load(fh)
    url = raw.get("site_url") if isinstance(raw, dict) else None
    return str(url) if url else None
