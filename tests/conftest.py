"""Shared fixtures: strict builds of a site, made once per test run and shared by every
xdist worker, and a local web server for them.

Engine tests use `built_site`, the Japanese fixture guideline (tests/fixtures/sites/ja):
they must pass whatever guideline the repository ships. tests/content/conftest.py gives
the tests of the shipped METI content the shipped site under the same fixture names.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path

import pytest
from filelock import FileLock

from browsers import browser, context, mobile_page, page, playwright_instance, tab, unpacked  # noqa: F401  (fixtures)
from builds import OFFLINE_ZIP, fixture_site, offline_package, once_per_run, published, run_folder
from support import ENGINE_SITE, POOL, ROOT, mkdocs_build, serve, tebiki
from tebiki import translations
from tebiki.publish import typeset


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C reaches the builds and servers the tests interrupt as it reaches a maintainer's.

    A shell starts a background job (`make test &`, a script's `cmd &`) with SIGINT ignored, and
    an ignored signal stays ignored in every child: the interruption tests' SIGINT then did
    nothing and the build finished (test_publish, test_serve_background failed). A handler,
    unlike "ignored", is reset to the default on exec, so the children get the default again."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in a `browser` folder drives Chromium: mark it so it can be selected or skipped."""
    for item in items:
        if "browser" in Path(str(item.path)).parts[:-1]:
            item.add_marker(pytest.mark.browser)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No test collected is a failure (a typo in -k, a moved file), not a silent success."""
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def language_of_each_test_is_its_own() -> Iterator[None]:
    """The plugin's on_config sets tebiki's language for the whole process (theme.language):
    a test that runs it in-process must not leave its site's language to the next test on
    the same worker (a Japanese fixture read as English, say)."""
    language = translations.active()
    yield
    translations.activate(language)


# The day every build of a run stands for (2024-06-10): two builds made at different moments of
# one run are then comparable byte for byte, and a test can tell that the day was honoured.
BUILD_EPOCH = "1718000000"


@pytest.fixture(scope="session", autouse=True)
def build_day() -> Iterator[str]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        yield BUILD_EPOCH


# Where the tests keep the PDFs they typeset between runs, unless TEBIKI_TEST_PDF_POOL names
# another folder (git-ignored; `rm -rf .tebiki/test-cache` empties it, a clean clone starts cold).
PERSISTENT_POOL = ROOT / ".tebiki" / "test-cache" / "pdf-pool"


def typesetting_code() -> str:
    """What, besides a PDF's own content key (its HTML, stylesheet, WeasyPrint's version and the
    fonts: typeset.PrintJob.key), decides its bytes: the code that typesets and post-processes it
    (tebiki/publish/). A kept PDF made by other code is never read: each version has its folder."""
    digest = hashlib.sha256(version("weasyprint").encode())
    for source in sorted(Path(typeset.__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def pool_folder(root: Path) -> Path:
    """This code's folder in the pool `root`; the folders of other versions of the code are
    removed, since no build of this checkout can read them any more."""
    own = root / typesetting_code()
    own.mkdir(parents=True, exist_ok=True)
    for other in root.iterdir():
        if other != own and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
    return own


@pytest.fixture(scope="session", autouse=True)
def pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests' builds share the PDFs they typeset: support.pdf_cache() gives each build made
    through the helpers every PDF of the pool, a folder kept between runs (PERSISTENT_POOL, or
    the one TEBIKI_TEST_PDF_POOL names: `make test` gives both its runs the checkout's). Builds
    started otherwise share one cache folder in the run's temporary folder."""
    folder = run_folder(tmp_path_factory)
    (folder / "pdf-cache").mkdir(exist_ok=True)
    with FileLock(str(folder / "pdf-pool.lock")):  # one worker prunes, the others find it done
        pool = pool_folder(Path(os.environ.get(POOL) or PERSISTENT_POOL))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TEBIKI_CACHE_DIR", str(folder / "pdf-cache"))
        env.setenv(POOL, str(pool))
        yield pool


@pytest.fixture(scope="session")
def engine_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the Japanese fixture guideline with its strict build in site/ (read it, never change it)."""
    return once_per_run(tmp_path_factory, "fixture-ja", lambda dest: fixture_site(dest, ENGINE_SITE))


@pytest.fixture(scope="session")
def built_site(engine_project: Path) -> Path:
    """The fixture guideline's site, built once per run with --strict."""
    return engine_project / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site at http://127.0.0.1:<port>/tebiki/ like a GitHub Pages project site."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def offline_zip(engine_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline package of the fixture site, made by `tebiki offline` as the workflow does."""
    return once_per_run(tmp_path_factory, "engine-offline", offline_package(engine_project)) / OFFLINE_ZIP


@pytest.fixture(scope="session")
def published_site(engine_project: Path, offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site as the workflow publishes it: the build with the offline zip beside it."""
    return once_per_run(tmp_path_factory, "engine-published", published(engine_project, offline_zip))


def _new_site(language: str, status: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        made = tebiki("new", str(folder), "--language", language, "--status", status, cwd=folder.parent)
        assert made.returncode == 0, made.stderr
        built = mkdocs_build(folder, folder / "site")
        assert built.returncode == 0, f"mkdocs build --strict of a new site failed:\n{built.stdout}\n{built.stderr}"

    return make


@pytest.fixture(scope="session")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """The site `tebiki new --language L --status S` writes, with its strict build in site/,
    made once per run for each language and status (read it, never change it)."""

    def get(language: str, status: str) -> Path:
        return once_per_run(tmp_path_factory, f"new-{language}-{status}", _new_site(language, status))

    return get
