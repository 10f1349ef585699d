"""`mkdocs serve`: what decides that the data-made files are remade, and what the download page says."""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest

from support import BIN, ROOT, build_env, copy_project, edit, pdf_cache
from tebiki.checks.quiz_leaks import find_leaks
from tebiki.data.project import Paths
from tebiki.generate.notices import printing_state
from tebiki.mkdocs_plugin.serve_checks import with_notice
from tebiki.publish.background import Request

FIXTURE_JA = ROOT / "tests" / "fixtures" / "sites" / "ja"


def test_the_files_are_remade_exactly_when_data_or_urls_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    request = Request(Paths.under(project), {"index.md": "https://x.example/"}, "site", None, "a.pdf", "r.pdf", None)
    before = request.fingerprint()
    assert Request(**{**request.__dict__}).fingerprint() == before
    section = next((project / "guideline" / "sections").glob("*.yml"))
    edit(section, "title: ", "title: 改")
    assert request.fingerprint() != before
    moved = Request(Paths.under(project), {"index.md": "https://y.example/"}, "site", None, "a.pdf", "r.pdf", None)
    assert moved.fingerprint() != request.fingerprint()


def test_the_download_page_says_which_printed_files_are_being_remade_or_failed() -> None:
    assert printing_state([], {}, "ja") == ""
    pending = printing_state(["tebiki-pamphlet.pdf"], {}, "ja")
    assert 'role="status"' in pending and "tebiki-pamphlet.pdf" in pending and "作り直しています" in pending
    failed = printing_state([], {"handouts/a.pdf": "WeasyPrint <b>"}, "en")
    assert 'role="alert"' in failed and "could not be made" in failed and "&lt;b&gt;" in failed


def test_the_failed_checks_notice_comes_and_goes_without_tripping_the_checks(tmp_path: Path) -> None:
    page = '<html><body><article id="tebiki-content" class="md-typeset"><h1>T</h1></article></body></html>'
    problems = ["Raw quiz syntax in the built HTML:\n  a.html:3: fill-in answer [[…]] as text: '[[x]]' <b>"]
    marked = with_notice(page, problems, "en")
    assert marked.index('id="tebiki-check-failed"') < marked.index("<h1>")  # at the top of the content
    assert 'role="alert"' in marked and "A check of the built site failed" in marked
    assert "&lt;b&gt;" in marked and "<b>" not in marked  # the problem is text
    (tmp_path / "index.html").write_text(marked, encoding="utf-8")
    assert find_leaks(tmp_path) == []  # quoting raw quiz syntax is no leak of its own
    assert with_notice(marked, problems, "en").count("tebiki-check-failed") == 1
    assert with_notice(marked, [], "en") == page


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _wait_gone(pid: int, timeout: float) -> bool:
    """Whether process `pid` ended within `timeout` seconds (waits on its pidfd, no polling)."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], timeout)[0])
    finally:
        os.close(fd)


@pytest.mark.parametrize("stop", ["kill", "ctrl-c"])
def test_stopping_serve_leaves_no_background_worker(tmp_path: Path, stop: str) -> None:
    project = tmp_path / "site"
    shutil.copytree(FIXTURE_JA, project, symlinks=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [str(BIN / "mkdocs"), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    # With the PDFs the run typeset (the fixture's, and the edited data's once either test typeset them).
    with pdf_cache() as cache:
        env = build_env(cache)
        # A session of its own, as in a terminal: Ctrl-C reaches the whole process group.
        serve = subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
        )
        try:
            assert serve.stdout is not None
            log = []
            for line in serve.stdout:  # until the first build is served
                log.append(line)
                if "Serving on" in line:
                    break
            section = next((project / "guideline" / "sections").glob("*.yml"))
            edit(section, "title: ", "title: 改")  # the data changed: the files are remade in the background
            for line in serve.stdout:
                log.append(line)
                if "Remade the printed files" in line:
                    break
            workers = _children(serve.pid)
            assert workers, "the background worker's process should be running:\n" + "".join(log[-20:])
            if stop == "kill":
                serve.kill()  # no clean-up runs in serve: the worker must notice by itself
            else:
                os.killpg(serve.pid, signal.SIGINT)
                assert serve.wait(timeout=60) == 0, "".join(log[-20:])
            left = [pid for pid in workers if not _wait_gone(pid, 30)]
            assert not left, f"processes left running after serve stopped: {left}"
        finally:
            if serve.poll() is None:
                serve.kill()
            serve.wait()
            if serve.stdout is not None:
                serve.stdout.close()
