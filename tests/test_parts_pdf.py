"""A long reference typeset part by part reads exactly like the one typeset as a single document:
the same pages with the same page numbers, running headers and cross-references, the same
outline and clickable links; each part is laid out once, its guessed numbers replaced in place
where they keep their width, and laid out again only where they do not."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from support import ROOT
from tebiki.data.project import Paths, load_project
from tebiki.generate import reference_html
from tebiki.publish import parts_pdf, typeset

FIXTURE = ROOT / "tests" / "fixtures" / "sites" / "ja"


@pytest.fixture(scope="module")
def html() -> str:
    project = load_project(Paths.under(FIXTURE))
    return reference_html(project, site_name="テストの手引き", site_url=None, issued=dt.date(2024, 4, 1))


def _typeset(
    html: str, monkeypatch: pytest.MonkeyPatch, *, split: bool, cache: Path | None = None, group: int = 0
) -> bytes:
    monkeypatch.setattr(parts_pdf, "SPLIT_FROM_CHARS", 0 if split else 10**12)
    # The fixture's parts are small: each is a document of its own unless `group` joins them.
    monkeypatch.setattr(parts_pdf, "GROUP_CHARS", group)
    return typeset.reference_job(html).typeset(cache)


def _outline(reader: PdfReader) -> list[tuple[int, str, int, float]]:
    """Every heading of the outline: its depth, title, page and where on the page it leads."""
    out: list[tuple[int, str, int, float]] = []

    def walk(entries: list, depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, entry.title, reader.get_destination_page_number(entry), round(float(entry.top), 1)))

    walk(reader.outline, 0)
    return out


def _links(reader: PdfReader) -> list[tuple[int, int, tuple[float, ...]]]:
    """Every link: its page, the page it leads to, where it is drawn."""
    named = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            rect = tuple(round(float(v), 1) for v in annotation["/Rect"])
            links.append((number, named[str(annotation["/Dest"])], rect))
    return sorted(links)


@pytest.fixture(scope="module")
def pdfs(html: str) -> tuple[PdfReader, PdfReader, bytes]:
    with pytest.MonkeyPatch.context() as mp:
        whole = _typeset(html, mp, split=False)
        split = _typeset(html, mp, split=True)
    return PdfReader(io.BytesIO(whole)), PdfReader(io.BytesIO(split)), split


def test_the_fixture_reference_has_parts_to_split(html: str) -> None:
    assert len(parts_pdf.split(html).parts) >= 3


def test_split_pages_read_like_the_whole_document(pdfs: tuple[PdfReader, PdfReader, bytes]) -> None:
    whole, split, _ = pdfs
    assert len(split.pages) == len(whole.pages)
    for number, (a, b) in enumerate(zip(whole.pages, split.pages, strict=True), start=1):
        # Page numbers "n / total", running headers (site name, part), contents' and cross-references' pages.
        assert b.extract_text() == a.extract_text(), f"page {number} differs"
    assert f"2 / {len(whole.pages)}" in split.pages[1].extract_text()


def test_split_outline_and_links_lead_where_the_whole_documents_do(pdfs: tuple[PdfReader, PdfReader, bytes]) -> None:
    whole, split, _ = pdfs
    assert _outline(split) == _outline(whole) and len(_outline(whole)) > 3
    links = _links(whole)
    assert any(page != target for page, target, _ in links), "the contents link to other pages"
    assert _links(split) == links


def test_parts_typeset_together_read_like_the_whole_document(
    html: str, pdfs: tuple[PdfReader, PdfReader, bytes]
) -> None:
    whole, _, _ = pdfs
    sizes = [len(part) for part in parts_pdf.split(html).parts]
    group = sizes[0] + sizes[1] + len(parts_pdf.PART_MARK)  # the first two parts together, the rest alone
    assert len(parts_pdf.grouped(parts_pdf.split(html), group).parts) == len(sizes) - 1
    with pytest.MonkeyPatch.context() as mp:
        grouped = PdfReader(io.BytesIO(_typeset(html, mp, split=True, group=group)))
    assert [p.extract_text() for p in grouped.pages] == [p.extract_text() for p in whole.pages]
    assert _outline(grouped) == _outline(whole)
    assert _links(grouped) == _links(whole)


def test_split_metadata_is_the_documents(pdfs: tuple[PdfReader, PdfReader, bytes]) -> None:
    whole, split, _ = pdfs
    assert split.metadata == whole.metadata


def test_split_typesetting_is_reproducible(html: str, pdfs: tuple[PdfReader, PdfReader, bytes]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        assert _typeset(html, mp, split=True) == pdfs[2]
    with pytest.MonkeyPatch.context() as mp:  # in worker processes, the largest document first: the same bytes
        mp.setattr(parts_pdf, "PARALLEL_FROM_CHARS", 0)
        assert _typeset(html, mp, split=True) == pdfs[2]


def layouts_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets an entry for every layout WeasyPrint makes from now on."""
    rounds: list[int] = []
    lay_out = parts_pdf.lay_out

    def counted(*args: object) -> parts_pdf.Laid:
        rounds.append(1)
        return lay_out(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parts_pdf, "lay_out", counted)
    return rounds


def test_each_part_is_laid_out_once(html: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From scratch the numbers are estimated, from the cache they are the last build's: either
    way each part is laid out once and the right numbers are written into it."""
    rounds = layouts_counted(monkeypatch)
    documents = len(parts_pdf.split(html).bodies)
    first = _typeset(html, monkeypatch, split=True, cache=tmp_path)
    assert len(rounds) == documents
    # The item texts change, the pages do not: the kept numbers are right at once.
    changed = html.replace("</article>", "<!-- edited --></article>", 1)
    for pdf in tmp_path.glob("*.pdf"):
        pdf.unlink()
    rounds.clear()
    again = _typeset(changed, monkeypatch, split=True, cache=tmp_path)
    assert len(rounds) == documents
    assert PdfReader(io.BytesIO(again)).pages[2].extract_text() == PdfReader(io.BytesIO(first)).pages[2].extract_text()


def test_parts_not_kept_are_laid_out_again_with_their_numbers(
    html: str, pdfs: tuple[PdfReader, PdfReader, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond HOLD_CHARS a process keeps nothing laid out (memory): those parts take two layouts."""
    whole, _, split = pdfs
    rounds = layouts_counted(monkeypatch)
    monkeypatch.setattr(parts_pdf, "HOLD_CHARS", 0)
    pdf = _typeset(html, monkeypatch, split=True)
    assert len(rounds) == 2 * len(parts_pdf.split(html).bodies)
    assert pdf == split
    # With a WeasyPrint whose boxes were not verified, nothing is kept to be renumbered either.
    monkeypatch.setattr(parts_pdf, "HOLD_CHARS", 10**9)
    monkeypatch.setattr(parts_pdf, "renumber_supported", lambda: False)
    rounds.clear()
    assert _typeset(html, monkeypatch, split=True) == split
    assert len(rounds) == 2 * len(parts_pdf.split(html).bodies)


def _laid_out_with(
    html: str, monkeypatch: pytest.MonkeyPatch, wrong: Callable[[parts_pdf.Numbers], parts_pdf.Numbers]
) -> tuple[bytes, list[int], bytes]:
    """The reference typeset from numbers made wrong by `wrong`, how often each part was laid out,
    and the reference typeset from scratch."""
    monkeypatch.setattr(parts_pdf, "GROUP_CHARS", 0)
    s, css = parts_pdf.split(html), typeset.reference_job(html).stylesheet
    made = parts_pdf.typeset_parts(s, css, b"id")
    assert made is not None
    bodies = parts_pdf.grouped(s, 0).bodies
    counts = [0] * len(bodies)
    lay_out = parts_pdf.lay_out

    def counted(page_html: str, *args: object) -> parts_pdf.Laid:
        unnumbered = re.sub(r' data-page="\d+"', "", page_html)
        counts[next(i for i, body in enumerate(bodies) if body in unnumbered)] += 1
        return lay_out(page_html, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(parts_pdf, "lay_out", counted)
    again = parts_pdf.typeset_parts(s, css, b"id", wrong(made[1]))
    assert again is not None and again[1] == made[1]
    return again[0], counts, made[0]


def test_a_part_whose_numbers_keep_their_width_is_renumbered_in_place(
    html: str, pdfs: tuple[PdfReader, PdfReader, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole, _, _ = pdfs
    bodies = parts_pdf.grouped(parts_pdf.split(html), 0).bodies
    target = next(m.group(2) for m in parts_pdf._LINK.finditer(bodies[-2]))  # a cross-reference in a part

    def wrong(right: parts_pdf.Numbers) -> parts_pdf.Numbers:
        page = right.pages[target]
        assert len(str(page + 1)) == len(str(page)) and len(str(right.total + 1)) == len(str(right.total))
        # Every part one page later than it is, the total and a cross-reference one more.
        starts = (1, *(start + 1 for start in right.starts[1:]))
        return parts_pdf.Numbers(starts, right.total + 1, {**right.pages, target: page + 1})

    pdf, counts, right = _laid_out_with(html, monkeypatch, wrong)
    assert counts == [1] * len(bodies)
    assert [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages] == [p.extract_text() for p in whole.pages]
    assert pdf == right, "a part renumbered in place is the part laid out with its numbers, byte for byte"


def test_a_part_whose_numbers_change_width_is_laid_out_again(
    html: str, pdfs: tuple[PdfReader, PdfReader, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole, _, _ = pdfs
    bodies = parts_pdf.grouped(parts_pdf.split(html), 0).bodies
    target = next(m.group(2) for m in parts_pdf._LINK.finditer(bodies[-2]))
    pointing = [i for i, body in enumerate(bodies) if f'href="#{target}"' in body]

    def wrong(right: parts_pdf.Numbers) -> parts_pdf.Numbers:
        return parts_pdf.Numbers(right.starts, right.total, {**right.pages, target: right.pages[target] + 1000})

    pdf, counts, _ = _laid_out_with(html, monkeypatch, wrong)
    assert counts == [2 if i in pointing else 1 for i in range(len(bodies))]
    assert [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages] == [p.extract_text() for p in whole.pages]


def test_a_problem_in_one_part_names_the_document(html: str, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = html.replace("</article>", '<img src="missing.png"></article>', 1)
    with pytest.raises(typeset.TypesetError, match="the printed reference"):
        _typeset(broken, monkeypatch, split=True)


def test_fonts_are_in_the_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A font installed for the user changes the fingerprint, so every cached PDF is typeset anew."""
    fonts = sorted(Path("/usr/share/fonts").rglob("*.ttf"))
    if not fonts:
        pytest.skip("no TrueType font to install")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    before = typeset.fonts_fingerprint.__wrapped__()
    user_fonts = tmp_path / "share" / "fonts"
    user_fonts.mkdir(parents=True)
    shutil.copy(fonts[0], user_fonts / "added.ttf")
    after = typeset.fonts_fingerprint.__wrapped__()
    assert after != before
    job = typeset.PrintJob("a.pdf", "<p>x</p>", "")
    monkeypatch.setattr(typeset, "fonts_fingerprint", lambda: before)
    old_key = job.key
    monkeypatch.setattr(typeset, "fonts_fingerprint", lambda: after)
    assert job.key != old_key


def test_a_very_long_part_is_typeset_in_pieces_that_read_as_one(
    html: str, pdfs: tuple[PdfReader, PdfReader, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part longer than PIECE_CHARS (the checklist of a 10,000-item guideline) is cut where its
    template allows, so that no process holds it whole; the pieces start pages of their own and
    otherwise read as the part did."""
    whole, _, _ = pdfs
    checklist = next(p for p in parts_pdf.split(html).parts if 'id="part-checklist"' in p)
    monkeypatch.setattr(parts_pdf, "PIECE_CHARS", len(checklist) // 2)
    pieces = [p for p in parts_pdf.split(html).parts if "part-checklist" in p or "part-continued" in p]
    assert len(pieces) >= 2 and all(len(p) < len(checklist) for p in pieces)
    cut = PdfReader(io.BytesIO(_typeset(html, monkeypatch, split=True)))

    # The same headings in the same order and nesting (the second piece's under the part's title).
    assert [(depth, title) for depth, title, *_ in _outline(cut)] == [(d, t) for d, t, *_ in _outline(whole)]
    texts = [page.extract_text() for page in cut.pages]
    assert all(f"{n} / {len(texts)}" in text for n, text in enumerate(texts[1:], start=2))
    # Every page of the checklist, the second piece's too, names it in the running header.
    first, after = (
        next(page for depth, t, page, _ in _outline(cut) if depth == 0 and t == title)
        for title in ("記入例のチェックリスト", "出典と今のルール")
    )
    assert after - first >= 2
    assert all("テストの手引き 記入例のチェックリスト" in text for text in texts[first:after])

    # Nothing is lost: every line of the whole reference is printed (page numbers after the cut move).
    def lines(reader: PdfReader) -> set[str]:
        return {re.sub(r"\d+", "#", line) for page in reader.pages for line in page.extract_text().splitlines()}

    assert lines(whole) <= lines(cut)
