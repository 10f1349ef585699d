"""The Jinja environment shared by the page kinds; Markdown lives in theme/templates/."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..text import clock, japanese_date, oneline

KIND_LABELS = {
    "event": "経緯",
    "principle": "基本的な考え方",
    "requirement": "法律の条文",
    "problem": "問題点",
    "measure": "対策",
    "exception": "対象外となる場合",
    "caution": "注意",
    "sme": "中小企業への配慮",
    "outreach": "広報・周知",
    "duty": "今の法律の義務",
}


def _with_filters(env: Environment) -> Environment:
    # JSON embedded in pages (`tojson`, which escapes <, > and &) stays readable and diffable.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["kind_label"] = lambda kind: KIND_LABELS[kind.value]
    env.filters["jdate"] = japanese_date
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
