"""What mkdocs-quiz's QTI exporters leave out, put right in their XML.

QTI 2.1: question, choice and feedback HTML arrives as text (CDATA, or escaped a second
time when it had no tags: `A&amp;amp;B`), so an LMS shows markup or entities. It is parsed
here and put back as XHTML elements in the QTI namespace, which the spec's content model
allows in itemBody, simpleChoice and modalFeedback. The FEEDBACK outcome the modal
feedback is keyed to was declared but never set, so a conforming LMS never showed it:
response processing now sets it. The test's section gets the bank's title.

QTI 1.2: the item feedback is only shown when a response condition names it
(`displayfeedback`); one that always holds (`<other/>`) now does.

Both: the exporter writes an item's title attribute from the question's HTML escaping
&, < and > but not `"` (an ill-formed item) and its entities a second time (an LMS lists
「&amp;#34;」); `retitle` writes it again from the question's plain text, escaped once.

The 2.1 XML is parsed and serialised with the standard library, so the result is
well-formed by construction and the same input gives the same bytes.
"""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

QTI21 = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI12 = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
FEEDBACK_ID = "general"  # the modalFeedback identifier mkdocs-quiz writes
FEEDBACK_12 = "general_fb"  # its itemfeedback ident in QTI 1.2

# Prefixes for serialising (ElementTree would otherwise invent ns0, ns1).
ET.register_namespace("xsi", XSI)

_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


# The title attribute of an item's root element, as the exporter writes it: alone on its line
# (2.1) or after the ident (1.2). Greedy to the line's last quote, so a `"` inside is taken in.
_TITLE = re.compile(r'(?m)^(\s*(?:<item ident="[^"]*" )?)title=".*"(>?)$')
_BLANK = re.compile(r"\{\{BLANK_\d+\}\}")
_TAG = re.compile(r"<[^>]+>")
TITLE_LENGTH = 50  # as mkdocs-quiz cuts it


def title(question_html: str) -> str:
    """An item's title: its question as plain text (no tags, entities read, ___ for a blank)."""
    plain = html.unescape(_TAG.sub("", _BLANK.sub("___", question_html)))
    return " ".join(plain.split())[:TITLE_LENGTH]


def attribute(value: str) -> str:
    """A value for a double-quoted XML attribute."""
    return escape(value, {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"})


def retitle(xml: str, question_html: str) -> str:
    """The item with its title attribute written again from the question, escaped once."""
    fixed, found = _TITLE.subn(lambda m: f'{m[1]}title="{attribute(title(question_html))}"{m[2]}', xml, count=1)
    if not found:
        raise ValueError("mkdocs-quiz wrote an item without a title attribute on its own line")
    return fixed


def check_well_formed(name: str, xml: str) -> None:
    """Refuse to package XML an LMS could not read: a bug here, not a problem of the data."""
    try:
        ET.fromstring(xml.encode("utf-8"))
    except ET.ParseError as exc:
        raise ValueError(f"QTI entry {name} is not well-formed XML: {exc}") from None


def _q(tag: str, ns: str = QTI21) -> str:
    return f"{{{ns}}}{tag}"


def _fragment(text: str) -> ET.Element:
    """An HTML fragment (Python-Markdown's XHTML) as elements in the QTI 2.1 namespace."""
    # HTML's named entities are not XML's: write them as characters first.
    text = _ENTITY.sub(lambda m: m.group(0) if m.group(1) in _XML_ENTITIES else html.unescape(m.group(0)), text)
    return ET.fromstring(f'<div xmlns="{QTI21}">{text}</div>')


def _splice(parent: ET.Element, text: str | None, at: int) -> int:
    """Insert the elements of an HTML text at child position `at`; returns the new position."""
    if not text or not text.strip():
        return at
    wrapper = _fragment(text)
    if at == 0:
        parent.text = (wrapper.text or "") if wrapper.text and wrapper.text.strip() else None
    else:
        parent[at - 1].tail = wrapper.text if wrapper.text and wrapper.text.strip() else None
    for child in list(wrapper):
        parent.insert(at, child)
        at += 1
    return at


def _as_xhtml(element: ET.Element) -> None:
    """Replace the HTML held as text in an element (and its children's tails) by XHTML elements."""
    text, element.text = element.text, None
    at = _splice(element, text, 0)
    while at < len(element):
        child = element[at]
        tail, child.tail = child.tail, None
        at = _splice(element, tail, at + 1)


def _plain(element: ET.Element) -> str:
    return "".join(element.itertext()).strip()


def _serialise(root: ET.Element, ns: str) -> str:
    # The QTI namespace as the default one, as the exporter wrote it (`default_namespace=`
    # refuses the unqualified attributes QTI uses). The registry holds one "" at a time.
    ET.register_namespace("", ns)
    text = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def item21(xml: str) -> str:
    """A QTI 2.1 assessmentItem with XHTML content and its feedback outcome set."""
    root = ET.fromstring(xml.encode("utf-8"))
    body = root.find(_q("itemBody"))
    assert body is not None, "mkdocs-quiz wrote an item without itemBody"
    question = body.find(_q("div"))
    if question is not None:
        _as_xhtml(question)
    if not root.get("title"):
        root.set("title", root.get("identifier", ""))
    for choice in body.iter(_q("simpleChoice")):
        _as_xhtml(choice)
    for feedback in root.iter(_q("modalFeedback")):
        for div in feedback.findall(_q("div")):
            _as_xhtml(div)
    if root.find(_q("modalFeedback")) is not None:
        processing = root.find(_q("responseProcessing"))
        if processing is None:
            processing = ET.SubElement(root, _q("responseProcessing"))
        # Every answer ends with the explanation: whatever was answered, FEEDBACK is set to it.
        rule = ET.SubElement(processing, _q("setOutcomeValue"), identifier="FEEDBACK")
        ET.SubElement(rule, _q("baseValue"), baseType="identifier").text = FEEDBACK_ID
        # responseProcessing comes before modalFeedback in the item's content model.
        root.remove(processing)
        root.insert(list(root).index(root.find(_q("modalFeedback"))), processing)  # type: ignore[arg-type]
    return _serialise(root, QTI21)


def assessment21(xml: str, title: str) -> str:
    """The QTI 2.1 test, its section named after the bank instead of 「Main Section」."""
    root = ET.fromstring(xml.encode("utf-8"))
    for section in root.iter(_q("assessmentSection")):
        section.set("title", title)
    return _serialise(root, QTI21)


_DISPLAY_12 = (
    '      <respcondition continue="Yes">\n'
    "        <conditionvar><other/></conditionvar>\n"
    f'        <displayfeedback feedbacktype="Response" linkrefid="{FEEDBACK_12}"/>\n'
    "      </respcondition>\n"
    "    </resprocessing>"
)


def item12(xml: str) -> str:
    """A QTI 1.2 item whose feedback is displayed after any answer.

    Edited as text, not re-serialised: the HTML in `mattext` stays in its CDATA section,
    the usual form LMSs read.
    """
    if f'<itemfeedback ident="{FEEDBACK_12}">' not in xml or xml.count("</resprocessing>") != 1:
        return xml
    return xml.replace("    </resprocessing>", _DISPLAY_12) if "    </resprocessing>" in xml else xml
