"""Typeset PDFs are kept between builds: read back when nothing printed changed, replaced when it did."""

from __future__ import annotations

from pathlib import Path

import pytest

from tebiki.publish import typeset

CSS = "@page { size: A4 } body { font-family: 'Noto Sans CJK JP' }"


def test_the_same_document_is_read_back_not_typeset_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = typeset.html_to_pdf("<p>委託先の監督</p>", CSS, cache=tmp_path, name="handouts/a.pdf")
    assert first.startswith(b"%PDF")

    def typeset_again(*args: object) -> bytes:
        raise AssertionError("typeset although nothing changed")

    monkeypatch.setattr(typeset, "_typeset", typeset_again)
    assert typeset.html_to_pdf("<p>委託先の監督</p>", CSS, cache=tmp_path, name="handouts/a.pdf") == first


def test_a_changed_document_is_typeset_and_replaces_its_old_copy(tmp_path: Path) -> None:
    old = typeset.html_to_pdf("<p>委託先の監督</p>", CSS, cache=tmp_path, name="handouts/a.pdf")
    other = typeset.html_to_pdf("<p>別の資料</p>", CSS, cache=tmp_path, name="handouts/b.pdf")
    new = typeset.html_to_pdf("<p>再委託先の監督</p>", CSS, cache=tmp_path, name="handouts/a.pdf")
    assert new != old
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == 2 and kept[0].startswith("handouts__a-") and kept[1].startswith("handouts__b-")
    assert {p.read_bytes() for p in tmp_path.iterdir()} == {new, other}


def test_a_document_with_problems_is_not_kept(tmp_path: Path) -> None:
    with pytest.raises(typeset.TypesetError, match="the broken handout"):
        typeset.html_to_pdf('<img src="missing.png">', CSS, what="the broken handout", cache=tmp_path, name="x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_tebiki_pdf_reads_and_fills_the_cache_the_build_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second `tebiki pdf` with unchanged data does not typeset: it reads the PDF the first one
    kept, where `mkdocs build` keeps the site's pamphlet (<cache_dir>/pdf, under the PDF's name)."""
    from support import ROOT, copy_project, edit, tebiki_in_process

    project = copy_project(tmp_path / "site", ROOT / "tests" / "fixtures" / "sites" / "in-force")
    edit(project / "mkdocs.yml", "  - tebiki\n", "  - tebiki:\n      cache_dir: kept\n")
    first = tebiki_in_process("pdf", "--out", "first.pdf", cwd=project)
    assert first.returncode == 0, first.stderr
    kept = [p.name for p in (project / "kept" / "pdf").glob("*.pdf")]
    assert len(kept) == 1 and kept[0].startswith("tebiki-pamphlet-"), kept

    def typeset_again(*args: object) -> bytes:
        raise AssertionError("typeset although nothing changed")

    monkeypatch.setattr(typeset, "_typeset", typeset_again)
    second = tebiki_in_process("pdf", "--out", "second.pdf", cwd=project)
    assert second.returncode == 0, second.stderr
    assert (project / "second.pdf").read_bytes() == (project / "first.pdf").read_bytes()
