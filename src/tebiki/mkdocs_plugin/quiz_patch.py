"""A correction to the script mkdocs-quiz inlines into every quiz page.

After a wrong fill-in answer, mkdocs-quiz 1.x lists what the reader typed with
`innerHTML`, unescaped: typing `<img src=x onerror=…>` runs it, and typed `<b>`
turns bold. One of its two code paths also shows the English "(empty)" for a blank
left empty. Until upstream escapes the text, each page's copy is corrected here; if
an upgrade changes the code, the build stops rather than publish it unchecked.
"""

from __future__ import annotations

# What the reader typed, exactly as mkdocs-quiz writes it into the feedback list.
_UNSAFE = ('(userAnswer || "(empty)")', '(userAnswer || t("(empty)"))')
_SAFE = '(userAnswer.replace(/[&<>"\']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }) || t("(empty)"))'


class QuizScriptChanged(Exception):
    pass


def escape_typed_answers(html: str) -> str:
    """`html` with mkdocs-quiz's fill-in feedback escaping what the reader typed."""
    if "userAnswer" not in html:  # no quiz script on this page
        return html
    for unsafe in _UNSAFE:
        html = html.replace(unsafe, _SAFE)
    if html.count("+ (userAnswer") != html.count("+ " + _SAFE):
        raise QuizScriptChanged(
            "mkdocs-quiz writes a reader's fill-in answer into the page in a way tebiki does not know, "
            "so it may not be escaped.\n→ compare mkdocs_quiz/js/quiz.js with src/tebiki/mkdocs_plugin/quiz_patch.py "
            "and update _UNSAFE, or pin the mkdocs-quiz version that works."
        )
    return html
