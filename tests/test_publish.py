"""Only a finished build is published: real `mkdocs build` processes interrupted at several
moments (by signals, not by timing), two builds at once, and a crash inside the swap."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from builds import FIXTURE_ENV
from support import BIN, ENGINE_SITE, build_env, child_processes, copy_project, is_zombie, mkdocs_build, pdf_cache
from tebiki.publish import staging


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def file_count(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


@pytest.fixture()
def pdfs() -> Iterator[dict[str, str]]:
    """The run's typeset PDFs for this test's builds (the fixture site's are there already, so
    no build here typesets; the moments below are told by files, not by how long a build takes)."""
    with pdf_cache() as cache:
        yield cache


def start_build(site: Path, built_site: Path, pdfs: dict[str, str]) -> subprocess.Popen[str]:
    """A build of the sources `built_site` was built from (its project folder), the same way, so
    the two compare byte for byte."""
    project = built_site.parent
    cmd = [str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    env = build_env({**pdfs, **FIXTURE_ENV})
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def wait_until(build: subprocess.Popen[str], reached: Callable[[], bool], what: str) -> None:
    """Poll the file system until the build reaches a moment; fail if it ends first."""
    deadline = time.monotonic() + 300
    while not reached():
        if build.poll() is not None:
            output = build.stdout.read() if build.stdout else ""
            pytest.fail(f"the build ended (rc {build.returncode}) before {what}:\n{output}")
        assert time.monotonic() < deadline, f"the build never reached {what}"
        time.sleep(0.01)  # a polling interval, not a wait for something to happen


def command_name(pid: int) -> str:
    """The process's command name; empty once it has ended (a short-lived child may end meanwhile)."""
    try:
        return Path(f"/proc/{pid}/comm").read_text()
    except FileNotFoundError:
        return ""


@pytest.fixture()
def previous_site(built_site: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A published site, changed so that a new build of the sources would differ from it."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "previous.txt").write_text("the site published before this build\n", encoding="utf-8")
    return site, tree(site)


def moments(built_site: Path) -> dict[str, Callable[[Path], bool]]:
    """Moments of a build of this site, each told by what its staging folder holds."""
    half = (file_count(built_site) - file_count(built_site / "pagefind")) // 2
    return {
        # The build holds the lock: it loads the data, then makes or reads the PDFs.
        "start": lambda staging: staging.with_name("site.tebiki.lock").exists(),
        # MkDocs is writing pages: half of the files are there, Pagefind's bundle is not.
        "render": lambda staging: file_count(staging) >= half and not (staging / "pagefind").exists(),
        # Every page is written; the plugin's post-build (Pagefind, coverage) runs.
        "post_build": lambda staging: (staging / "pagefind").exists(),
    }


@pytest.mark.parametrize(
    ("moment", "signum"),
    [
        ("render", signal.SIGINT),
        ("post_build", signal.SIGINT),
        ("start", signal.SIGTERM),
        ("render", signal.SIGTERM),
    ],
    ids=["sigint-render", "sigint-post-build", "sigterm-start", "sigterm-render"],
)
def test_an_interrupted_build_leaves_the_previous_site_byte_for_byte(
    built_site: Path, previous_site: tuple[Path, dict[str, str]], pdfs: dict[str, str], moment: str, signum: int
) -> None:
    site, before = previous_site
    staging = site.with_name("site.tebiki-new")
    build = start_build(site, built_site, pdfs)
    reached = moments(built_site)[moment]
    wait_until(build, lambda: reached(staging), moment)
    started = child_processes(build.pid)
    if moment != "start":  # by then Pagefind's service runs beside the build
        assert any("pagefind" in command_name(pid) for pid in started), started
    build.send_signal(signum)
    output, _ = build.communicate(timeout=120)
    assert build.returncode != 0, output
    assert tree(site) == before, f"site/ changed after {signal.Signals(signum).name} at {moment}:\n{output}"
    assert not staging.exists(), "the half-built staging folder was left behind"
    assert not site.with_name("site.tebiki-old").exists()
    # Pagefind's service is stopped and reaped by the build, not left to whoever adopts it.
    assert not [pid for pid in started if is_zombie(pid) or Path(f"/proc/{pid}").exists()], output
    assert "Traceback" not in output


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(
    built_site: Path, previous_site: tuple[Path, dict[str, str]], pdfs: dict[str, str]
) -> None:
    site, before = previous_site
    staging = site.with_name("site.tebiki-new")
    build = start_build(site, built_site, pdfs)
    render = moments(built_site)["render"]
    wait_until(build, lambda: render(staging), "render")
    build.kill()
    build.communicate(timeout=60)
    assert tree(site) == before
    assert staging.exists()  # SIGKILL cannot be caught: the leftover is the next build's job
    # The next build, even one that fails on bad data, removes it and keeps site/ as it was.
    project = copy_project(site.parent / "project", ENGINE_SITE)
    section = next((project / "guideline" / "sections").glob("*.yml"))
    section.write_text(section.read_text(encoding="utf-8").replace("kind: ", "knd: ", 1), encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0 and "knd" in result.stdout + result.stderr
    assert not staging.exists()
    assert tree(site) == before


def test_a_crash_between_the_two_renames_of_the_swap_is_recovered(tmp_path: Path) -> None:
    """Killed after `site` -> `site.tebiki-old` and before `site.tebiki-new` -> `site`: no site/
    at all. The next build puts the previous one back first, even when that build fails."""
    site = tmp_path / "site"
    old = tmp_path / "site.tebiki-old"
    old.mkdir()
    (old / "index.html").write_text("previous site", encoding="utf-8")
    (tmp_path / "site.tebiki-new").mkdir()
    (tmp_path / "site.tebiki-new" / "index.html").write_text("a build's output", encoding="utf-8")
    project = copy_project(tmp_path / "project", ENGINE_SITE)
    section = next((project / "guideline" / "sections").glob("*.yml"))
    section.write_text(section.read_text(encoding="utf-8").replace("kind: ", "knd: ", 1), encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert "restored the previous site" in result.stdout + result.stderr
    assert not old.exists() and not (tmp_path / "site.tebiki-new").exists()


def test_two_builds_at_once_publish_one_complete_site(built_site: Path, tmp_path: Path, pdfs: dict[str, str]) -> None:
    site = tmp_path / "site"
    first = start_build(site, built_site, pdfs)
    # The second starts once the first holds the lock and writes, the moment that used to lose pages.
    render = moments(built_site)["render"]
    wait_until(first, lambda: render(site.with_name("site.tebiki-new")), "render")
    second = start_build(site, built_site, pdfs)
    outputs = [b.communicate(timeout=600)[0] for b in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], "\n".join(outputs)
    assert "Another build of" in outputs[1] and "waiting" in outputs[1]
    expected = tree(built_site)
    published = tree(site)
    assert sorted(published) == sorted(expected), "pages missing or extra in the published site"
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    expected_entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry == expected_entry, "the search index does not cover every page"
    assert published == expected
    assert not site.with_name("site.tebiki-new").exists()


def test_a_build_that_cannot_get_the_lock_in_time_says_who_holds_it(tmp_path: Path) -> None:
    """The lock is the kernel's (flock): held by one holder, refused to another until released."""
    site = tmp_path / "site"
    held = staging.acquire(site, timeout=0)
    try:
        with pytest.raises(staging.BuildLocked, match=r"has held .*site\.tebiki\.lock for over 0\.2 s"):
            staging.acquire(site, timeout=0.2)
    finally:
        held.release()
    staging.acquire(site, timeout=0).release()  # free again once released
