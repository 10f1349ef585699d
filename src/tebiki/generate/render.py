"""The Jinja environment shared by the page kinds; Markdown lives in theme/templates/."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

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


# Hiragana to CJK ideographs, plus full-width forms: scripts written without spaces.
_CJK = "\u3000-\u9fff\uff00-\uffef"
_SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def oneline(text: str) -> str:
    """One line of Markdown; YAML folding puts spaces between Japanese sentences: drop them."""
    return _SPACE_NEXT_TO_CJK.sub("", " ".join(text.split()))


def clock(seconds: float) -> str:
    """A time in a video as people write it: 1:05, or 1:02:05 past an hour."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _with_filters(env: Environment) -> Environment:
    # JSON embedded in pages (`tojson`, which escapes <, > and &) stays readable and diffable.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["kind_label"] = lambda kind: KIND_LABELS[kind.value]
    env.filters["jdate"] = lambda d: f"{d.year}年{d.month}月{d.day}日"
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
