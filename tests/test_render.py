"""Escaping by construction: a value put into a translated sentence, or into a link, comes out
as the characters it is made of, in the Markdown page templates and in the HTML ones alike.

The sentences are rendered by the environments the generators use, and the Markdown is
converted with the extensions the site uses, so what is checked is what a reader would get."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from tebiki.generate import render
from tebiki.generate.render import environment, html_environment, link
from tebiki.mkdocs_plugin.theme import MARKDOWN_EXTENSIONS

# Each one is markup somewhere: emphasis, a javascript: link, an image with a handler, code,
# an attribute list, a table cell, raw HTML; and a heading, a list or a quote at a line's start.
PAYLOADS = [
    '*bold* __strong__ [x](javascript:alert(1)) <img src=x onerror="alert(1)"> `code`',
    '# Heading {: onclick="alert(1)" } | cell | ![i](https://example.invalid/t.png)',
    "- list item & <script>alert(1)</script>",
    "1. numbered > quoted &amp; ]]> \\*",
]


class _Reader(HTMLParser):
    """The elements (with their attributes) and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def page(source: str) -> _Reader:
    """A Markdown template's output as the site's HTML."""
    return read(markdown.markdown(source, extensions=list(MARKDOWN_EXTENSIONS)))


# The same sentence through every way a template asks for a translation. The msgids are not
# in the catalog, so the sentence is the msgid itself, around the value.
CALLS = {
    "gettext": '{{ _("Before %(x)s after", x=value) }}',
    "ngettext": '{{ ngettext("Before %(x)s after", "Before %(x)s after (%(num)s)", 1, x=value) }}',
    "pgettext": '{{ pgettext("test", "Before %(x)s after", x=value) }}',
    "trans": "{% trans x=value %}Before {{ x }} after{% endtrans %}",
    "at line start": '{{ _("%(x)s after", x=value) }}',
}


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("call", CALLS)
def test_a_value_in_a_translated_sentence_is_text_in_a_markdown_page(call: str, payload: str) -> None:
    source = environment().from_string(CALLS[call]).render(value=payload)
    html = page(source)
    assert [tag for tag, _ in html.elements] == ["p"], source
    expected = ("" if call == "at line start" else "Before ") + payload + " after"
    assert "".join(html.text) == expected


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("call", CALLS)
def test_a_value_in_a_translated_sentence_is_text_in_an_html_template(call: str, payload: str) -> None:
    source = html_environment().from_string("<p>" + CALLS[call] + "</p>").render(value=payload)
    html = read(source)
    assert [tag for tag, _ in html.elements] == ["p"], source
    expected = ("" if call == "at line start" else "Before ") + payload + " after"
    assert "".join(html.text) == expected


def test_a_link_put_into_a_sentence_stays_a_link_and_its_label_stays_text() -> None:
    template = environment().from_string('{{ _("See %(link)s, by %(who)s.", link=link(label, target), who=who) }}')
    source = template.render(label="A*B* [c](javascript:x)", target="../sources.md#rule-R-1", who="*me*")
    html = page(source)
    assert html.elements == [("p", {}), ("a", {"href": "../sources.md#rule-R-1"})]
    assert "".join(html.text) == "See A*B* [c](javascript:x), by *me*."


def test_a_nested_message_is_not_escaped_twice() -> None:
    template = environment().from_string('{{ _("Say %(what)s", what=_("“%(w)s”", w=word)) }}')
    assert "".join(page(template.render(word="a&b <c>")).text) == "Say “a&b <c>”"


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "http://example.invalid/",
        "//example.invalid/page",
        "",
    ],
)
def test_a_link_to_another_scheme_or_host_without_one_is_refused(target: str) -> None:
    with pytest.raises(ValueError, match="link target"):
        link("label", target)


def test_a_link_target_cannot_leave_its_markdown_link() -> None:
    source = str(link("Sign up", 'https://example.invalid/a b)"><img src=x onerror=alert(1)>'))
    html = page(source)
    assert [tag for tag, _ in html.elements] == ["p", "a"]
    href = html.elements[1][1]["href"]
    assert href == "https://example.invalid/a%20b%29%22%3E%3Cimg%20src=x%20onerror=alert%281%29%3E"
    assert "".join(html.text) == "Sign up"


def test_mailto_and_paths_within_the_site_are_linked() -> None:
    for target in ("mailto:office@example.invalid", "index.md", "#summary", "../quiz/trainers.md"):
        assert page(str(link("x", target))).elements[1] == ("a", {"href": target})


def test_no_template_builds_a_markdown_link_from_strings() -> None:
    """A link glued from strings (`"[" ~ label ~ "](" ~ url ~ ")"`) escapes neither part: link() does."""
    templates = Path(render.__file__).parent.parent / "theme" / "templates"
    glued = re.compile(r"""["']\[["']\s*~|~\s*["']\]\(""")
    found = [
        f"{path.relative_to(templates)}:{n}"
        for path in sorted(templates.rglob("*.j2"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if glued.search(line)
    ]
    assert not found, "use link(label, url) instead: " + ", ".join(found)
