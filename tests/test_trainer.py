"""Trainer kits from fixture data: loading and its errors, slide decks, the live quiz, the
handouts (PDF text) and their QR codes, decoded back to URLs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from tebiki.data.problems import DataError
from tebiki.data.project import Paths, Project, load_project
from tebiki.generate import generate, handouts
from tebiki.generate import trainer as trainer_pages
from tebiki.generate.nav import expand_nav
from tebiki.publish import documents as printed_documents

MINI = Path(__file__).parent / "fixtures" / "mini"
SITE = "https://tebiki.github.io/kit/"  # a real-looking address: placeholders print no codes
KIT = """\
intro: テスト用の説明会キットです。
kits:
  - id: short
    title: 短い説明会
    description: テスト用の短い説明会です。
    audience: テスト用の参加者
    start: "09:50"
    agenda:
      - {title: はじめに, minutes: 5}
      - {title: 安全管理の話, minutes: 20, section: one, quiz: one, note: 名簿の話から始めます。}
      - {title: 質疑応答, minutes: 40}
"""


def copy_mini(dest: Path, trainer_yml: str = KIT) -> Paths:
    shutil.copytree(MINI, dest / "mini")
    (dest / "mini" / "trainer.yml").write_text(trainer_yml, encoding="utf-8")
    return Paths(root=dest, data=dest / "mini", quizzes=dest / "mini" / "quizzes")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_project(copy_mini(tmp_path_factory.mktemp("kit")))


@pytest.fixture(scope="module")
def pages(project: Project) -> dict[str, str]:
    return {p.path: p.content for p in generate(project)}


def url_of(path: str) -> str:
    """Like the plugin: a docs path -> its public URL under the site URL (directory URLs)."""
    url = path.removesuffix(".md").removesuffix("index")
    return SITE + (url + "/" if url and not url.endswith("/") else url)


def marked(content: str, attribute: str = "data-tebiki-slides") -> set[str]:
    return {i for value in re.findall(rf'{attribute}="([^"]+)"', content) for i in value.split()}


def test_kit_pages_are_generated_and_decks_stay_out_of_the_navigation(project: Project) -> None:
    by_path = {p.path: p for p in generate(project)}
    for path in ("trainers/index.md", "trainers/short/index.md"):
        assert by_path[path].listed, path
    for path in ("trainers/slides/one.md", "trainers/short/slides.md", "trainers/short/live.md"):
        assert not by_path[path].listed, path
    nav = expand_nav([{"説明会キット": "tebiki:trainers"}], project)
    assert nav == [
        {"説明会キット": [{"説明会キットについて": "trainers/index.md"}, {"短い説明会": "trainers/short/index.md"}]}
    ]


def test_section_deck_has_every_item_of_the_section_in_the_briefing_order(project: Project, pages) -> None:
    section = project.guideline.sections[0]
    deck = pages["trainers/slides/one.md"]
    assert marked(deck) == {item.id for item in section.items()}
    for item in section.items():
        assert item.title in deck and item.id in deck
    # problem -> measures -> the small-business way -> today's rule
    labels = [re.sub(r"<[^>]+>", "", label) for label in re.findall(r'<p class="tebiki-slide__label">(.*?)</p>', deck)]
    order = [labels.index("問題点"), labels.index("対策"), labels.index("小規模のやり方"), labels.index("今のルール")]
    assert order == sorted(order), labels
    assert "template: presenter.html" in deck and "presenter: slides" in deck


def test_a_section_opens_with_its_path_as_four_cards_with_icons(project: Project, pages) -> None:
    deck = pages["trainers/slides/one.md"]
    path = re.search(r'<ol class="tebiki-path">(.*?)</ol>', deck, re.S)
    assert path is not None
    steps = re.findall(r'<li class="tebiki-path__step tebiki-slide--(\w+)">', path.group(1))
    assert steps == ["problem", "measure", "sme", "today"]
    assert path.group(1).count('<svg class="tebiki-icon') == 4 and 'aria-hidden="true"' in path.group(1)
    problems = [i for i in project.guideline.sections[0].items() if i.kind.value == "problem"]
    assert all(p.title in path.group(1) for p in problems[:3])


def test_the_real_session_has_no_more_slides_than_minutes() -> None:
    """One idea per slide made 100 slides for 90 minutes: items are grouped a few to a slide."""
    from support import ROOT

    real = load_project(Paths.under(ROOT))
    assert real.trainer is not None
    for kit in real.trainer.kits:
        slides = trainer_pages.kit_slides(real, kit, "../../")
        assert len(slides) <= kit.minutes(), (kit.id, len(slides))
        on_slides = {i for s in slides for i in s.items}
        for section_id in kit.sections():
            section = next(s for s in real.guideline.sections if s.id == section_id)
            assert {i.id for i in section.items()} <= on_slides  # denser, nothing left out
        assert all(len(s.points) <= 5 for s in slides)


def test_speaker_notes_come_from_the_item_data(project: Project, pages) -> None:
    deck = pages["trainers/slides/one.md"]
    notes = re.findall(r'<aside class="tebiki-slide__notes"[^>]*>(.*?)</aside>', deck, re.S)
    assert len(notes) == deck.count('<section class="tebiki-frame')
    problem = project.guideline.item_index()["T-PRB-01"][1]
    assert any(problem.text in n and "監視" in n for n in notes)  # the quoted wording of the item


def test_session_deck_follows_the_agenda_and_ends_with_qr_codes(project: Project, pages) -> None:
    deck = pages["trainers/short/slides.md"]
    assert marked(deck) == {i.id for i in project.guideline.sections[0].items()}
    for at, title in (("09:50", "はじめに"), ("09:55", "安全管理の話"), ("10:15", "質疑応答")):
        assert f"<tr><td>{at}</td><td>{title}</td>" in deck
    assert "live.md#bank-one" in deck
    # Markdown images, relative to the deck's source, so MkDocs rewrites them for either URL style.
    assert "](../../trainers/qr/checklist.svg){" in deck
    assert "](../../trainers/qr/quiz.svg){" in deck


def test_live_quiz_holds_every_question_with_its_answer(project: Project, pages) -> None:
    live = pages["trainers/short/live.md"]
    bank = project.quizzes[0]
    for question in bank.questions:
        assert f'id="{question.id}"' in live
        assert question.explanation.split("。")[0] in live
    assert 'id="bank-one"' in live
    assert "presenter: quiz" in live


def test_kit_page_gathers_agenda_slides_handouts_live_quiz_and_qti(pages) -> None:
    kit = pages["trainers/short/index.md"]
    for link in (
        "(slides.md)",
        "(../slides/one.md)",
        "(live.md)",
        "(quiz-sheet.pdf)",
        "(answer-key.pdf)",
        "(../handout-checklist.pdf)",
        "(../../quiz/qti/tebiki-one-qti12.zip)",
        "(../../quiz/qti/tebiki-one-qti21.zip)",
    ):
        assert link in kit, link
    assert "| 09:55 | 安全管理の話<br>名簿の話から始めます。 | 20分 |" in kit


def test_bad_references_are_reported_with_file_and_line(tmp_path: Path) -> None:
    bad = KIT.replace("section: one", "section: two").replace("quiz: one", "quiz: nope")
    bad = bad.replace('start: "09:50"', 'start: "9h50"\n    seminar: nowhere')
    with pytest.raises(DataError) as err:
        load_project(copy_mini(tmp_path, bad))
    report = err.value.report()
    assert "trainer.yml:7" in report and "HH:MM" in report  # the bad clock time, at its line
    (problem,) = err.value.problems  # a model error stops before references are checked
    assert problem.field.endswith("start")
    fixed = bad.replace('start: "9h50"', 'start: "09:50"')
    shutil.rmtree(tmp_path / "mini")
    with pytest.raises(DataError) as err:
        load_project(copy_mini(tmp_path, fixed))
    lines = {(p.line, p.field.split(".")[-1]) for p in err.value.problems}
    assert lines == {(8, "seminar"), (11, "section"), (11, "quiz")}, err.value.report()


@pytest.fixture(scope="module")
def documents(project: Project) -> dict[str, bytes]:
    return dict(printed_documents.handout_pdfs(project, url_of, site_name="テストの手引き"))


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return "".join(text.split())


def qr_urls(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    found = []
    for i in range(len(pdf)):
        image = pdf[i].render(scale=3).to_pil()
        found += [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def test_handouts_are_a4_pdfs(documents) -> None:
    assert set(documents) == {
        "trainers/handout-checklist.pdf",
        "trainers/short/quiz-sheet.pdf",
        "trainers/short/answer-key.pdf",
    }
    for data in documents.values():
        assert data.startswith(b"%PDF-")
        width, height = pypdfium2.PdfDocument(data)[0].get_size()
        assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_checklist_handout_has_every_entry_in_every_track(project: Project, documents) -> None:
    text = pdf_text(documents["trainers/handout-checklist.pdf"])
    assert project.checklist is not None
    for entry in project.checklist.entries():
        assert "".join(entry.title.split()) in text, entry.id
        for track in project.checklist.tracks:
            assert "".join(entry.how_for(track.id).split())[:20] in text, (entry.id, track.id)
    for item_id in {i for e in project.checklist.entries() for i in e.items}:
        assert item_id in text


def test_quiz_sheet_has_every_question_and_no_answer_the_key_has_them(project: Project, documents) -> None:
    sheet = pdf_text(documents["trainers/short/quiz-sheet.pdf"])
    key = pdf_text(documents["trainers/short/answer-key.pdf"])
    for question in project.quizzes[0].questions:
        first = "".join(question.question.split("___")[0].split())[:15]
        assert first in sheet and first in key, question.id
        explanation = "".join(question.explanation.split())[:20]
        assert explanation not in sheet and explanation in key, question.id
    assert "正解" not in sheet and "正解" in key


def test_handout_qr_codes_decode_to_the_online_checklist_and_quizzes(documents) -> None:
    expected = [SITE + "checklist/", SITE + "quiz/"]
    for path, data in documents.items():
        assert sorted(qr_urls(data)) == expected, path


def test_handouts_need_a_site_url(project: Project) -> None:
    with pytest.raises(handouts.HandoutError, match="site_url"):
        list(handouts.documents(project, lambda path: None, site_name="x"))


def test_qr_images_for_the_closing_slide_are_svg_of_the_same_urls(project: Project) -> None:
    images = dict(handouts.qr_images(project, url_of))
    assert set(images) == {t.image for t in trainer_pages.qr_targets(project)}
    for path, svg in images.items():
        assert svg.startswith(b"<?xml") and b"<svg" in svg
        assert f"<title>{SITE}".encode() in svg, path


def test_handouts_have_name_organisation_and_date_fields_but_the_answer_key_does_not(documents) -> None:
    for path, data in documents.items():
        text = pdf_text(data)
        fields = all(word in text for word in ("お名前", "所属", "記入日"))  # 所属: a company, shop or charity alike
        assert fields == (not path.endswith("answer-key.pdf")), path


def test_checklist_handout_scores_on_paper_like_the_online_checklist(project: Project, documents) -> None:
    """Every entry has the online scale with its points; the last page has the same rule and bands."""
    assert project.checklist is not None
    spec = project.checklist.spec
    pdf = pypdfium2.PdfDocument(documents["trainers/handout-checklist.pdf"])
    text = pdf_text(documents["trainers/handout-checklist.pdf"])
    entries = project.checklist.entries()
    for point in spec.scale:
        answer = f"{point.label}（{point.points}点）" if point.points is not None else f"{point.label}（数えない）"
        # Like the online checklist, a required entry has no 「当てはまらない」.
        offered = [e for e in entries if point.points is not None or e.level.value != "required"]
        assert text.count("".join(answer.split())) == len(offered), answer
    last = "".join(pdf[len(pdf) - 2].get_textpage().get_text_range().split())  # the QR codes may follow
    last += "".join(pdf[len(pdf) - 1].get_textpage().get_text_range().split())
    top = max(p.points or 0 for p in spec.scale)
    assert "点数の計算" in last and f"Ⓑ×{top}" in last and "Ⓐ÷Ⓒ×100" in last
    for band in spec.bands:
        row = f"{band.symbol}{band.label}{band.min_score}点以上"
        if band.max_required_gaps is not None:
            row += f"、かつⒹが{band.max_required_gaps}項目以下"
        assert row in last, band.id
        assert "".join(band.advice.split())[:20] in last, band.id


def test_checklist_handout_says_which_businesses_each_entry_is_for(project: Project, documents) -> None:
    from tebiki.generate.checklist import describe

    assert project.checklist is not None
    text = pdf_text(documents["trainers/handout-checklist.pdf"])
    for entry in project.checklist.entries():
        assert "対象：" + "".join(describe(entry.applies_if, project.checklist).split()) in text, entry.id


def test_handouts_print_no_codes_for_a_placeholder_address(project: Project) -> None:
    """Paper cannot be corrected: with mkdocs.yml's placeholder address the handouts carry no QR code."""

    def placeholder(path: str) -> str:
        return "https://tebiki.example.github.io/tebiki/" + path.removesuffix("index.md")

    for path, data in printed_documents.handout_pdfs(project, placeholder, site_name="x"):
        assert qr_urls(data) == [], path
        assert "example.github.io" not in pdf_text(data), path
