"""A correction to the script mkdocs-quiz inlines into every quiz page.

After a wrong fill-in answer, mkdocs-quiz 1.x lists what the reader typed with
`innerHTML`, unescaped: typing `<img src=x onerror=…>` runs it, and typed `<b>`
turns bold. One of its two code paths also shows the English "(empty)" for a blank
left empty. Until upstream escapes the text, each page's copy is corrected here.

It fails closed twice: `verify_installed` (on_config) stops the build unless the installed
script is the one this patch was verified against (tebiki/seams.py), and after patching a
page, any use of the typed answer other than the escaped one and the known safe ones
stops the build too.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from importlib.resources import files

from ..seams import QUIZ_SCRIPT_SHA256, QUIZ_VERIFIED_VERSION

# What the reader typed, exactly as mkdocs-quiz writes it into the feedback list.
_UNSAFE = ('(userAnswer || "(empty)")', '(userAnswer || t("(empty)"))')
_SAFE = '(userAnswer.replace(/[&<>"\']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }) || t("(empty)"))'
# Uses of the typed answer that put nothing into the page: declaring it, comparing it.
_HARMLESS = re.compile(r"\b(?:var|let|const)\s+userAnswer\s*=(?!=)|\buserAnswer\s*===")
_RECHECK = (
    "→ compare mkdocs_quiz/js/quiz.js with src/tebiki/mkdocs_plugin/quiz_patch.py (_UNSAFE, _HARMLESS): "
    "every place the reader's answer reaches the page must be escaped. Then record the version and "
    "sha256 in src/tebiki/seams.py, or pin the mkdocs-quiz version that works."
)


class QuizScriptChanged(Exception):
    pass


def installed_script() -> str:
    return (files("mkdocs_quiz") / "js" / "quiz.js").read_text(encoding="utf-8")


def verify_installed() -> None:
    """Stop unless the installed mkdocs-quiz script is the one the patch was verified against."""
    installed = version("mkdocs-quiz")
    digest = hashlib.sha256(installed_script().encode()).hexdigest()
    if (installed, digest) != (QUIZ_VERIFIED_VERSION, QUIZ_SCRIPT_SHA256):
        raise QuizScriptChanged(
            f"tebiki's escape of typed quiz answers is verified for mkdocs-quiz {QUIZ_VERIFIED_VERSION} "
            f"(quiz.js sha256 {QUIZ_SCRIPT_SHA256[:12]}…); installed is {installed} "
            f"(sha256 {digest[:12]}…).\n{_RECHECK}"
        )


def escape_typed_answers(html: str) -> str:
    """`html` with mkdocs-quiz's fill-in feedback escaping what the reader typed."""
    if "userAnswer" not in html:  # no quiz script on this page
        return html
    for unsafe in _UNSAFE:
        html = html.replace(unsafe, _SAFE)
    left = _HARMLESS.sub("", html.replace(_SAFE, ""))
    if "userAnswer" in left:
        at = left.index("userAnswer")
        raise QuizScriptChanged(
            "mkdocs-quiz writes a reader's fill-in answer into the page in a way tebiki does not know, "
            f"so it may not be escaped: …{left[max(0, at - 40) : at + 40]}…\n{_RECHECK}"
        )
    return html
