"""The browser tests that run on both fixture sites: `site` is the Japanese one (the engine tests'
`built_site`) or the English one, each built once per run and shared by the workers."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browsers import Site, new_context, phone_context
from builds import english_offline_zip, english_project
from support import serve
from tebiki.publish import offline


@pytest.fixture(scope="session", params=["ja", "en"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A fixture site, served under the sub-path as GitHub Pages serves it."""
    if request.param == "ja":
        project: Path = request.getfixturevalue("engine_project")
    else:
        project = english_project(tmp_path_factory)
    with serve(project / "site") as url:
        yield Site(request.param, project, url)


@pytest.fixture
def site_page(browser: Browser, site: Site) -> Iterator[Page]:
    """A desktop page in a fresh context with the browser locale of the site's language."""
    context = new_context(browser, locale=site.locale)
    yield context.new_page()
    context.close()


@pytest.fixture
def site_mobile_page(browser: Browser, site: Site) -> Iterator[Page]:
    """A phone-sized page in a fresh context with the browser locale of the site's language."""
    context = phone_context(browser, site.locale)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def site_offline_zip(site: Site, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline package of `site`, made by `tebiki offline` once per run."""
    if site.language == "ja":
        zip_path: Path = request.getfixturevalue("offline_zip")
        return zip_path
    return english_offline_zip(tmp_path_factory)


@pytest.fixture(scope="session")
def site_unpacked(site_offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline package of `site` unpacked as on a venue laptop (a space in the path, as on many drives)."""
    target = tmp_path_factory.mktemp("usb stick")
    with zipfile.ZipFile(site_offline_zip) as zf:
        zf.extractall(target)
    return target / offline.FOLDER
