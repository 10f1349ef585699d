"""The Jinja environment shared by the page kinds; Markdown lives in theme/templates/."""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache
from typing import Any
from urllib.parse import quote

import markdown
import nh3
import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import translations
from ..text import clock, oneline
from ..translations import _

# Data is text. In Markdown every one of these starts markup somewhere (links, images,
# emphasis, code, attribute lists, tables, fences, raw HTML); as numeric character
# references they are plain characters to Markdown and to HTML alike, so one escape is
# right in Markdown text, headings, table cells, admonition titles, raw HTML and attributes.
_ALWAYS = {c: f"&#{ord(c)};" for c in "\"'\\`*[]{}|~"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Only where they start a block (list, heading, definition, setext line) or close a heading.
_LINE_START = re.compile(r"(?m)^([ \t]*)([#>]|[-+:=](?=[\s=-]|$)|\d+(?=[.)](?:\s|$)))")
_HEADING_END = re.compile(r"#+\s*$")
# `_` emphasises only at a word's edge; inside IDs and file names (a_b) it is plain.
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def _references(chars: str) -> str:
    return "".join(f"&#{ord(c)};" for c in chars)


def text(value: object) -> Markup:
    """Any value as literal text in a generated Markdown page (the default for `{{ }}`)."""
    if hasattr(value, "__html__"):
        return Markup(value)
    out = "".join(_ALWAYS.get(c, c) for c in str(value))
    out = _EDGE_UNDERSCORE.sub("&#95;", out)
    out = _LINE_START.sub(lambda m: m[1] + _references(m[2]), out)
    return Markup(_HEADING_END.sub(lambda m: _references(m[0]), out))


# Markdown fields (documented as such in the models) may use inline formatting and links;
# the HTML Markdown makes of them is cut down to this list.
MARKDOWN_TAGS = {"a", "em", "strong", "code", "br", "sub", "sup", "ruby", "rt", "rp"}
MARKDOWN_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"https", "mailto"}


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    # A relative link would bypass MkDocs' link rewriting (and its check): links leave the site.
    if tag == "a" and attribute == "href" and value.split(":", 1)[0] not in URL_SCHEMES:
        return None
    return value


# Pure and called for every Markdown field of every page: `mkdocs serve` regenerates the pages
# after an edit, and all but the edited field were rendered before.
@lru_cache(maxsize=16_384)
def inline_markdown(value: str) -> Markup:
    """A field documented as Markdown: rendered, then sanitised to an allow-list of tags,
    attributes and URL schemes (nh3)."""
    rendered = markdown.markdown(oneline(value))
    clean = nh3.clean(
        rendered,
        tags=MARKDOWN_TAGS,
        attributes=MARKDOWN_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_absolute_links_only,
        link_rel="noopener noreferrer",
    )
    return Markup(clean.removeprefix("<p>").removesuffix("</p>").strip())


# Characters a URL keeps as they are; everything else (spaces, quotes, <>, parentheses,
# backslashes, non-ASCII) is percent-encoded, so the URL cannot leave a Markdown link or an
# attribute. The scheme is checked by the models (data/types.py, WebUrl).
_URL_SAFE = "/:?#@!$&*+,;=%~-._[]"


def url(value: object) -> Markup:
    """A URL as the target of a Markdown link or an attribute value."""
    return Markup(html.escape(quote(str(value), safe=_URL_SAFE), quote=True))


def front_matter(**fields: Any) -> Markup:
    """Lines of a page's front matter, serialised by YAML: a quote or colon in a title
    cannot break it. Strings are HTML-escaped because the theme prints them unescaped."""
    values = {k: html.escape(v, quote=True) if isinstance(v, str) else v for k, v in fields.items()}
    dumped = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=10_000)
    return Markup(dumped.removesuffix("\n"))


def kind_label(kind: str) -> str:
    """The label of an item kind (model.Kind value) in the site's language."""
    labels = {
        "event": _("Background"),
        "principle": _("Basic approach"),
        "requirement": _("Article of the Act"),
        "problem": _("Problem"),
        "measure": _("Measure"),
        "exception": _("Not covered"),
        "caution": _("Caution"),
        "sme": _("Small businesses"),
        "outreach": _("Publicity and outreach"),
        "duty": _("Duty under today's Act"),
    }
    return labels[kind]


def join(parts: Any) -> str:
    """A list in running text: 「A、B」 in Japanese, "A, B" in English."""
    return translations.pgettext("list separator", ", ").join(str(p) for p in parts)


def _with_filters(env: Environment) -> Environment:
    # JSON embedded in pages (`tojson`, which escapes <, > and &) stays readable and diffable.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["kind_label"] = lambda kind: kind_label(kind.value)
    env.filters["longdate"] = translations.date
    env.filters["jdate"] = translations.date  # the old name, for templates not yet renamed
    env.filters["number"] = translations.number
    env.filters["join_text"] = join
    env.filters["language_name"] = translations.language_name
    # {% trans %} blocks and _() look the message up in the active language when rendered.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translations.gettext, translations.ngettext, newstyle=True, pgettext=translations.pgettext
    )
    env.globals["lang"] = translations.lang_attribute
    env.globals["gap"] = translations.gap  # between sentences: " " in English, "" in Japanese
    env.filters["oneline"] = oneline
    env.filters["clock"] = clock
    env.filters["cell"] = text  # `|` is escaped everywhere, table cells included
    env.filters["markdown"] = inline_markdown
    env.filters["url"] = url
    env.globals["front_matter"] = front_matter
    return env


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tebiki", "theme/templates"),
        undefined=StrictUndefined,  # a typo in a template is an error, not blank output
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown attribute lists start with `{#id`: keep them out of Jinja's comment syntax.
        comment_start_string="{##",
        comment_end_string="##}",
        # Every value is text unless a template says otherwise (`| markdown`, `| url`,
        # or Markup built by tebiki itself, like a macro's output).
        autoescape=True,
        finalize=text,
    )
    return _with_filters(env)


@cache
def html_environment() -> Environment:
    """For templates that write HTML directly (the printed pamphlet): escape every value."""
    env = Environment(
        loader=PackageLoader("tebiki", "theme/templates"),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return _with_filters(env)


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_html(template: str, **context: Any) -> str:
    return html_environment().get_template(template).render(**context)
