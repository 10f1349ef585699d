"""Shared fixtures: a real strict build of the site, and a local web server for it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build, serve, tebiki


@pytest.fixture(scope="session", autouse=True)
def pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests' builds share one cache of typeset PDFs, in a temporary folder (never the checkout's)."""
    folder = tmp_path_factory.mktemp("pdf-cache")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TEBIKI_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with --strict into a temporary folder."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline package of the real site, made by `tebiki offline` as the workflow does."""
    out = tmp_path_factory.mktemp("offline") / "tebiki-offline.zip"
    result = tebiki("offline", "--out", str(out))
    assert result.returncode == 0, f"tebiki offline failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def published_site(built_site: Path, offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the workflow publishes it: the build with the offline zip beside it."""
    site = tmp_path_factory.mktemp("published") / "site"
    # As `make publish` builds it: the download page links to the package beside the site.
    result = mkdocs_build(ROOT, site, env={"TEBIKI_OFFLINE_PACKAGE": "true"})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    shutil.copy2(offline_zip, site / offline_zip.name)
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> str:
    """Serve the built site at http://127.0.0.1:<port>/tebiki/ like a GitHub Pages project site."""
    with serve(built_site) as url:
        yield url
