"""The tests of the shipped METI content get the shipped site (the repository's own
mkdocs.yml, guideline/ and quizzes/) under the engine fixtures' names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from builds import OFFLINE_ZIP, offline_package, once_per_run, published, strict_build
from support import ROOT, serve


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site, built once per run with --strict."""
    return once_per_run(tmp_path_factory, "shipped-site", strict_build(ROOT))


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline package of the shipped site, made by `tebiki offline` as the workflow does."""
    return once_per_run(tmp_path_factory, "shipped-offline", offline_package(ROOT)) / OFFLINE_ZIP


@pytest.fixture(scope="session")
def published_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site as the workflow publishes it: the build with the offline zip beside it."""
    return once_per_run(tmp_path_factory, "shipped-published", published(ROOT, offline_zip))
