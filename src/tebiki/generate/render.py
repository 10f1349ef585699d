"""The Jinja environment shared by the page kinds; Markdown lives in theme/templates/."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import translations
from ..text import clock, oneline
from ..translations import _


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
    env.filters["cell"] = lambda text: str(text).replace("|", "\\|")  # inside a Markdown table cell
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
