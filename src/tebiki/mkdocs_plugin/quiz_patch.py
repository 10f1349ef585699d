"""Corrections to what mkdocs-quiz inlines into every quiz page.

Its style and scripts are inlined after the page's content: a <style> in <body> is
invalid HTML, and inline code would need the page's Content-Security-Policy to allow
it. `externalise` moves them into files (the style to <head>, the scripts to a
`<script src>` in the very place, so they run in the same order as before) and drops
the inline `onsubmit`/`javascript:` action of its forms, whose submit its script
already prevents.

After a wrong fill-in answer, mkdocs-quiz 1.x lists what the reader typed with
`innerHTML`, unescaped: typing `<img src=x onerror=…>` runs it, and typed `<b>`
turns bold. One of its two code paths also shows the English "(empty)" for a blank
left empty. Until upstream escapes the text, each page's copy is corrected here; if
an upgrade changes the code, the build stops rather than publish it unchecked.
"""

from __future__ import annotations

import hashlib
import re

from mkdocs_quiz import plugin as mkdocs_quiz

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


# Verified against mkdocs-quiz 1.7: `html + style + confetti + translations + config + js + auto-number`.
_SCRIPT = re.compile(r'<script type="text/javascript"(?: defer)?>(.*?)</script>', re.S)
_FORM_INLINE = ' action="javascript:void(0);" onsubmit="return false;"'
ASSETS = "assets/quiz"


def _file(content: str, suffix: str) -> str:
    return f"{ASSETS}/{hashlib.sha256(content.encode('utf-8')).hexdigest()[:16]}{suffix}"


def externalise(html: str, to_root: str) -> tuple[str, dict[str, str]]:
    """`html` with mkdocs-quiz's inline style and scripts moved to files (returned by
    site path); `to_root` is the page's relative path to the site root."""
    start = html.find(mkdocs_quiz.style) if mkdocs_quiz.style else -1
    if start < 0:
        return html, {}
    files: dict[str, str] = {}
    css = _file(mkdocs_quiz.style, ".css")
    files[css] = mkdocs_quiz.style.removeprefix('<style type="text/css">').removesuffix("</style>")
    tail = html[start + len(mkdocs_quiz.style) :]
    scripts = []
    while True:
        match = _SCRIPT.match(tail.lstrip())
        if match is None:
            break
        name = _file(match.group(1), ".js")
        files[name] = match.group(1)
        scripts.append(f'<script src="{to_root}{name}"></script>')
        tail = tail.lstrip()[match.end() :]
    if not scripts:
        raise QuizScriptChanged(
            "mkdocs-quiz no longer puts its scripts after its style.\n→ compare mkdocs_quiz/plugin.py "
            "(on_page_content) with src/tebiki/mkdocs_plugin/quiz_patch.py and update externalise."
        )
    body = html[:start] + "".join(scripts) + tail
    body = body.replace(_FORM_INLINE, "")
    link = f'<link rel="stylesheet" href="{to_root}{css}">\n'
    return body.replace("</head>", link + "</head>", 1), files
