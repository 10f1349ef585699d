"""Shared fixtures: a real strict build of the site, and a local web server for it."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from support import ROOT, SUB_PATH, mkdocs_build, tebiki


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
    shutil.copytree(built_site, site)
    shutil.copy2(offline_zip, site / offline_zip.name)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Serve the built site at http://127.0.0.1:<port>/tebiki/ like a GitHub Pages project site."""
    webroot = tmp_path_factory.mktemp("webroot")
    (webroot / SUB_PATH.strip("/")).symlink_to(built_site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(webroot))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    server.server_close()
