"""QTI packages as an LMS reads them: content as XHTML, feedback that is shown, text escaped once.

No copy of the IMS XSDs can be installed from PyPI or npm, so the tests check the parts of
the structure the QTI 2.1 and 1.2 specifications require for these points."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import markdown
import pytest
from mkdocs_quiz.qti import Answer, Quiz, QuizCollection

from tebiki.data.project import Paths, load_project
from tebiki.generate import qti

MINI = Path(__file__).parent / "fixtures" / "mini"
NS21 = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
NS12 = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
CHOICE = f"{{{NS21['q']}}}simpleChoice"
XHTML_IN_FEEDBACK = {"div", "p", "ul", "ol", "li", "a", "strong", "em", "code", "br", "span"}


def unzip(data: bytes) -> dict[str, ET.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: ET.fromstring(zf.read(name)) for name in zf.namelist()}


@pytest.fixture(scope="module")
def packages() -> dict[str, dict[str, ET.Element]]:
    project = load_project(Paths(root=MINI.parent, data=MINI, quizzes=MINI / "quizzes"))
    url_of = lambda path: "https://example.invalid/site/" + path.removesuffix(".md") + "/"  # noqa: E731
    return {path: unzip(data) for path, data in qti.packages(project, url_of)}


def items(packages: dict[str, dict[str, ET.Element]], version: str) -> list[ET.Element]:
    wanted = [files for path, files in packages.items() if path.endswith(f"qti{version}.zip")]
    found = [xml for files in wanted for xml in files.values()]
    return [xml for xml in found if xml.tag.endswith("assessmentItem") or xml.find("q:item", NS12) is not None]


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def test_qti21_feedback_is_xhtml_and_its_outcome_is_declared_and_set(packages) -> None:
    checked = items(packages, "21")
    assert checked
    for item in checked:
        ident = item.get("identifier")
        children = [local(c.tag) for c in item]
        # The content model's order: declarations, itemBody, responseProcessing, modalFeedback.
        assert children.index("itemBody") < children.index("responseProcessing") < children.index("modalFeedback")
        declared = item.findall("q:outcomeDeclaration[@identifier='FEEDBACK']", NS21)
        assert len(declared) == 1 and declared[0].get("baseType") == "identifier", ident
        feedback = item.find("q:modalFeedback", NS21)
        assert feedback is not None and feedback.get("outcomeIdentifier") == "FEEDBACK", ident
        assert feedback.get("showHide") == "show"
        # Set in response processing to the feedback's identifier, whatever the answer.
        rules = item.findall("q:responseProcessing/q:setOutcomeValue[@identifier='FEEDBACK']", NS21)
        assert len(rules) == 1, ident
        value = rules[0].find("q:baseValue", NS21)
        assert value is not None and value.get("baseType") == "identifier" and value.text == feedback.get("identifier")
        # Elements, not markup as text: the explanation is a paragraph with a link to the site.
        tags = {local(e.tag) for e in feedback.iter()} - {"modalFeedback"}
        assert {"p", "strong"} <= tags <= XHTML_IN_FEEDBACK, (ident, tags)
        assert all(e.tag.startswith("{" + NS21["q"] + "}") for e in feedback.iter())
        assert "<" not in "".join(feedback.itertext()), ident
        links = feedback.findall(".//q:a", NS21)
        assert links and all(a.get("href", "").startswith("https://example.invalid/site/") for a in links)


def test_qti21_question_and_choices_are_xhtml_in_the_item_body(packages) -> None:
    for item in items(packages, "21"):
        body = item.find("q:itemBody", NS21)
        assert body is not None
        text = "".join(body.itertext())
        assert "<" not in text and "&amp;" not in text and "CDATA" not in text, item.get("identifier")
        for choice in body.iter(CHOICE):
            assert choice.get("identifier") and "".join(choice.itertext()).strip()


def test_qti21_escapes_an_ampersand_and_a_less_than_sign_once() -> None:
    """Security review #12: 「A&B社では 5 < 10」 showed in an LMS as 「A&amp;B社では5 &lt; 10」."""
    md = markdown.Markdown()

    def inline(text: str) -> str:
        return md.reset().convert(text).removeprefix("<p>").removesuffix("</p>")

    quiz = Quiz(
        question=inline("A&B社では 5 < 10です。**どれ**ですか。"),
        answers=[
            Answer(text=inline("R&D部門"), is_correct=True, identifier="Q-X-1"),
            Answer(text=inline("x < y"), is_correct=False, identifier="Q-X-2"),
        ],
        content=md.reset().convert("**解説：** A&B社の例です。"),
        identifier="Q-X",
    )
    files = unzip(qti.package(QuizCollection(title="A&B", quizzes=[quiz], identifier="t"), "2.1"))
    item = files["items/Q-X.xml"]
    question = item.find("q:itemBody/q:div", NS21)
    assert question is not None
    assert "".join(question.itertext()).strip() == "A&B社では 5 < 10です。どれですか。"
    assert question.find("q:strong", NS21) is not None  # Markdown emphasis as an element
    assert item.get("title") == "A&B社では 5 < 10です。どれですか。"
    choices = ["".join(c.itertext()) for c in item.iter(CHOICE)]
    assert choices == ["R&D部門", "x < y"]
    feedback = item.find("q:modalFeedback", NS21)
    assert feedback is not None and "A&B社の例です。" in "".join(feedback.itertext())
    section = files["assessment.xml"].find(".//q:assessmentSection", NS21)
    assert section is not None and section.get("title") == "A&B"  # not 「Main Section」


def test_qti12_feedback_is_displayed_after_any_answer(packages) -> None:
    checked = items(packages, "12")
    assert checked
    for root in checked:
        item = root.find("q:item", NS12)
        assert item is not None
        feedback = item.find("q:itemfeedback", NS12)
        assert feedback is not None
        html = feedback.find("q:material/q:mattext", NS12)
        assert html is not None and html.get("texttype") == "text/html" and "<p>" in (html.text or "")
        shown = [
            c
            for c in item.findall("q:resprocessing/q:respcondition", NS12)
            if c.find("q:displayfeedback", NS12) is not None
        ]
        assert len(shown) == 1, item.get("ident")
        condition, display = shown[0], shown[0].find("q:displayfeedback", NS12)
        assert condition.find("q:conditionvar/q:other", NS12) is not None  # always holds
        assert condition.get("continue") == "Yes"  # after the scoring conditions, which it does not stop
        assert display is not None and display.get("linkrefid") == feedback.get("ident")
        assert display.get("feedbacktype") == "Response"


def test_every_qti_entry_parses_and_titles_with_quotes_ampersands_and_angle_brackets_read_as_written(
    tmp_path: Path,
) -> None:
    """mkdocs-quiz wrote `"` unescaped in title attributes (an LMS refuses the item) and
    escaped entities twice (it listed 「&amp;#34;」): titles read back exactly as the data says."""
    data = tmp_path / "mini"
    shutil.copytree(MINI, data)
    bank = data / "quizzes" / "one.yml"
    text = bank.read_text(encoding="utf-8")
    text = text.replace("title: 確認クイズ：安全管理", """title: 'Say "A&B" <now>'""")
    text = text.replace(
        "question: 監視の仕組みについて、正しいものはどれですか。", """question: 'The "A&B" rule: is 5 < 10 true?'"""
    )
    text = text.replace("question: 従業員が ___ 人以下の会社の例です。", """question: 'Say "<b>" & ___ here'""")
    bank.write_text(text, encoding="utf-8")
    project = load_project(Paths(root=tmp_path, data=data, quizzes=data / "quizzes"))
    titles: dict[tuple[str, str], list[str]] = {}
    for path, package in qti.packages(project, lambda p: "https://example.invalid/" + p):
        with zipfile.ZipFile(io.BytesIO(package)) as zf:
            for name in zf.namelist():
                root = ET.fromstring(zf.read(name))  # every entry of every version is well-formed
                found = [e.get("title") or "" for e in root.iter() if e.get("title") is not None]
                found += ["".join(e.itertext()) for e in root.iter() if local(e.tag) == "title"]
                titles[(path, name)] = [t.strip() for t in found]
    for version in ("12", "21"):
        bank_zip = f"quiz/qti/tebiki-one-qti{version}.zip"
        assert set(titles[(bank_zip, "assessment.xml")]) == {'Say "A&B" <now>'}
        assert titles[(bank_zip, "items/Q-T-01.xml")] == ['The "A&B" rule: is 5 < 10 true?']
        [fill] = titles[(bank_zip, "items/Q-T-03.xml")]
        assert fill.startswith('Say "<b>" &') and "BLANK" not in fill
    assert titles[("quiz/qti/tebiki-one-qti21.zip", "imsmanifest.xml")] == ['Say "A&B" <now>']
