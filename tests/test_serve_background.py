"""`mkdocs serve`: what decides that the data-made files are remade, and what the download page says."""

from __future__ import annotations

from pathlib import Path

from support import copy_project, edit
from tebiki.data.project import Paths
from tebiki.generate.notices import printing_state
from tebiki.publish.background import Request


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
