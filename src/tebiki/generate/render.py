"""The Jinja environment shared by the page kinds; Markdown lives in theme/templates/."""

from __future__ import annotations

import hashlib
import html
import pickle
import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import markdown
import nh3
import yaml
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from .. import translations
from ..text import clock, oneline, underline
from ..translations import _
from . import notices

# Data is text. In Markdown every one of these starts markup somewhere (links, images,
# emphasis, code, attribute lists, tables, fences, raw HTML); as numeric character
# references they are plain characters to Markdown and to HTML alike, so one escape is
# right in Markdown text, headings, table cells, admonition titles, raw HTML and attributes.
_ALWAYS = str.maketrans(
    {c: f"&#{ord(c)};" for c in "\"'\\`*[]{}|~"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)  # for str.translate: a site escapes some 300,000 characters, and a loop over them was half of generating it
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
    out = str(value).translate(_ALWAYS)
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


def link(label: object, target: object) -> Markup:
    """A Markdown link: the label as text (unless it is Markup already), the target checked
    and serialised by `url`. A target is a path within the site (relative, or an anchor) or
    an address with a scheme of URL_SCHEMES; anything else is refused, not written."""
    address = str(target)
    parts = urlsplit(address)
    if parts.scheme and parts.scheme.lower() not in URL_SCHEMES:
        raise ValueError(f"link target {address!r}: only {', '.join(sorted(URL_SCHEMES))} addresses may be linked")
    if not parts.scheme and (parts.netloc or address.startswith(("//", "\\"))):
        raise ValueError(f"link target {address!r}: another host needs a scheme (https://)")
    if not address.strip():
        raise ValueError("link target is empty")
    return Markup(f"[{text(label)}]({url(address)})")


def front_matter(**fields: Any) -> Markup:
    """Lines of a page's front matter, serialised by YAML: a quote or colon in a title
    cannot break it. Strings are HTML-escaped because the theme prints them unescaped; a translated
    message (Markup, as the Markdown environment's gettext gives it) is written as the plain text it is."""
    values = {k: html.escape(str(v), quote=True) if isinstance(v, str) else v for k, v in fields.items()}
    dumped = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=10_000)
    return Markup(dumped.removesuffix("\n"))


def kind_label(kind: str) -> str:
    """The label of an item kind (model.Kind value) in the site's language."""
    labels = {
        "event": _("Background"),
        "principle": _("Basic approach"),
        "requirement": _("Article"),  # of a law or of rules: `meta.law` names which
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


def _fill(message: str, values: dict[str, Any], as_text: Callable[[object], Markup]) -> Markup:
    """A translated message with its %(name)s values put in, each escaped by `as_text` unless it
    is Markup already (a link, a nested message, a macro's output) or a number."""
    safe = {
        name: value if isinstance(value, int | float) or hasattr(value, "__html__") else as_text(value)
        for name, value in values.items()
    }
    # Markup % leaves Markup values as they are (and HTML-escapes anything else: nothing is left).
    return Markup(message) % safe


def gettext_callables(as_text: Callable[[object], Markup]) -> dict[str, Callable[..., Markup]]:
    """gettext, ngettext and pgettext for templates, filling values in as `_fill` does.

    Jinja's own new-style callables escape values as HTML (Markup %), which is right for the
    HTML templates but leaves `*`, `[x](…)` or a `#` active in Markdown. Installed as the
    environment's callables, they serve `_()`, `{% trans %}` and the functions alike, so a
    value cannot be put in a sentence unescaped by forgetting a filter.
    """

    def gettext(message: str, /, **values: Any) -> Markup:
        return _fill(translations.gettext(message), values, as_text)

    def ngettext(singular: str, plural: str, num: int, /, **values: Any) -> Markup:
        values.setdefault("num", num)
        return _fill(translations.ngettext(singular, plural, num), values, as_text)

    def pgettext(message_context: str, message: str, /, **values: Any) -> Markup:
        values.setdefault("context", message_context)
        return _fill(translations.pgettext(message_context, message), values, as_text)

    return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}


def _with_filters(env: Environment, as_text: Callable[[object], Markup]) -> Environment:
    # JSON embedded in pages (`tojson`, which escapes <, > and &) stays readable and diffable.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["kind_label"] = lambda kind: kind_label(kind.value)
    env.filters["longdate"] = translations.date
    env.filters["jdate"] = translations.date  # the old name, for templates not yet renamed
    env.filters["number"] = translations.number
    env.filters["join_text"] = join
    env.filters["language_name"] = translations.language_name
    # {% trans %} blocks and _() look the message up in the active language when rendered,
    # and escape the values put in for the kind of template (Markdown text, or HTML).
    env.add_extension("jinja2.ext.i18n")
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # trans blocks call gettext(msg, **values)
    env.globals.update(gettext_callables(as_text))
    env.globals["lang"] = translations.lang_attribute
    env.globals["gap"] = translations.gap  # between sentences: " " in English, "" in Japanese
    env.globals["in_force"] = notices.in_force
    env.filters["oneline"] = oneline
    # Only marks: nothing to escape (the Markdown escaping would spell a leading "=" as an entity).
    env.filters["underline"] = lambda text, mark="=": Markup(underline(str(text), mark))
    env.filters["clock"] = clock
    env.filters["cell"] = text  # `|` is escaped everywhere, table cells included
    env.filters["markdown"] = inline_markdown
    env.filters["url"] = url
    env.globals["link"] = link
    env.globals["front_matter"] = front_matter
    return env


# Compiled templates are kept between builds (Jinja's own cache, in a folder of the system's temporary
# directory that only this user may read): compiling them was a third of a second of every build.
# Jinja keys an entry by the template's name and source; how it compiles also depends on the
# environment's options, set in this file: entries are named after the file and the environment.
_THIS = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


class KeptBytecode(FileSystemBytecodeCache):
    """Jinja's file cache, where a damaged file (cut short: a full disk) is compiled afresh
    instead of stopping the build with an unpickling error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):  # what pickle and marshal raise
            bucket.reset()


def _compiled(kind: str) -> FileSystemBytecodeCache:
    return KeptBytecode(pattern=f"__tebiki_{kind}_{_THIS}_%s.cache")


@cache
def environment() -> Environment:
    env = Environment(
        bytecode_cache=_compiled("markdown"),
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
    return _with_filters(env, text)


@cache
def html_environment() -> Environment:
    """For templates that write HTML directly (the printed pamphlet): escape every value."""
    env = Environment(
        bytecode_cache=_compiled("html"),
        loader=PackageLoader("tebiki", "theme/templates"),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return _with_filters(env, escape)


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_html(template: str, **context: Any) -> str:
    return html_environment().get_template(template).render(**context)
