"""`mkdocs serve`: a check of the built site that fails is shown in the open tab and in the
terminal, and goes away when the page is fixed; the preview keeps serving meanwhile."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from support import BIN, ROOT, build_env, pdf_cache

FIXTURE_JA = ROOT / "tests" / "fixtures" / "sites" / "ja"
FIRST_BUILD = 900.0  # seconds: the fixture's PDFs are typeset afresh on a busy machine
REBUILD_MS = 120_000  # a rebuild and the checks after it, on a busy machine

RAW_QUIZ = "\n<quiz>\n記録はどこに置く？\n- [x] 決めた場所\n- [ ] 机の上\n</quiz>\n"


class Serve:
    """`mkdocs serve` on a free port, its terminal read line by line."""

    def __init__(self, project: Path, env: dict[str, str]) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        cmd = [str(BIN / "mkdocs"), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"]
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self.lines.append("")  # the end of the output
            self._changed.notify_all()

    def wait_for(self, text: str, after: int = 0, timeout: float = REBUILD_MS / 1000) -> int:
        """Wait until a line from `after` on holds `text` (or serve ends); the index after it."""

        def found() -> int | None:
            for i, line in enumerate(self.lines[after:], after):
                if text in line:
                    return i + 1
            return -1 if self.lines and self.lines[-1] == "" else None

        with self._changed:
            at = self._changed.wait_for(found, timeout)
        assert at and at > 0, f"serve never said {text!r}:\n" + "".join(self.lines[-30:])
        return at

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[tuple[Serve, Path]]:
    project = tmp_path / "site"
    shutil.copytree(FIXTURE_JA, project, symlinks=False)
    with pdf_cache() as cache:  # the PDFs the run typeset already
        server = Serve(project, build_env(cache))
        try:
            yield server, project
        finally:
            server.stop()
            if server.proc.stdout is not None:
                server.proc.stdout.close()


def test_a_failed_check_shows_in_the_open_tab_and_the_terminal_until_fixed(
    serve: tuple[Serve, Path], page: Page
) -> None:
    server, project = serve
    at = server.wait_for("Serving on", timeout=FIRST_BUILD)
    page.goto(f"http://127.0.0.1:{server.port}/guideline/records/")
    notice = page.locator("#tebiki-check-failed")
    expect(page.locator("h1")).to_be_visible()
    expect(notice).to_have_count(0)

    home = project / "docs" / "index.md"
    pristine = home.read_text(encoding="utf-8")
    home.write_text(pristine + RAW_QUIZ, encoding="utf-8")  # quiz syntax on a page without the quiz plugin
    # The open tab reloads by itself with the notice on it (another page than the one edited).
    expect(notice).to_be_visible(timeout=REBUILD_MS)
    expect(notice).to_contain_text("Raw quiz syntax in the built HTML")
    expect(notice).to_contain_text("index.html")
    expect(notice).to_have_attribute("role", "alert")
    at = server.wait_for("A check of the built site failed", at)
    assert "Raw quiz syntax" in "".join(server.lines[at - 1 : at + 2])
    assert server.proc.poll() is None  # still serving

    home.write_text(pristine, encoding="utf-8")
    expect(notice).to_have_count(0, timeout=REBUILD_MS)
    server.wait_for("checks of the built site pass again", at)
    expect(page.locator("h1")).to_be_visible()
