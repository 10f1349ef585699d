"""The build's corrections of third-party markup (valid HTML) and each page's CSP, unit by unit."""

from __future__ import annotations

import base64
import hashlib

import pytest

from tebiki.mkdocs_plugin import markup_fixes, quiz_patch
from tebiki.publish import csp


def test_only_materials_known_constructs_are_changed() -> None:
    theme = (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<div id="quiz-progress-sidebar" aria-label="回答の状況">'
    )
    assert markup_fixes.fix(theme) == (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<div id="quiz-progress-sidebar" role="group" aria-label="回答の状況">'
    )
    # The same mistakes elsewhere are left for the Nu checker to report.
    own = '<label class="x" tabindex=""><input type="checkbox" autocomplete="off"><div aria-label="x">'
    assert markup_fixes.fix(own) == own


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>var a = 1;</script><script src="x.js"></script><script type="application/json">{"a": 1}</script>
</head><body><p style="color: red">x</p>{extra}</body></html>"""


def test_the_policy_lists_exactly_the_pages_inline_code_by_hash() -> None:
    policy = csp.policy(PAGE.replace("{extra}", ""))
    directives = {d.split()[0]: d.split()[1:] for d in policy.split("; ")}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'", _sha("var a = 1;")]
    assert directives["style-src"] == ["'self'", "'unsafe-hashes'", _sha("color: red")]
    assert directives["frame-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_a_video_facade_allows_only_its_own_player() -> None:
    policy = csp.policy(PAGE.replace("{extra}", '<figure data-player="vimeo"></figure>'))
    assert "frame-src https://player.vimeo.com;" in policy
    assert "youtube" not in policy


def test_the_policy_comes_first_in_head() -> None:
    out = csp.protect(PAGE.replace("{extra}", ""))
    head = out[: out.index("<script")]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy")
    assert '<meta name="referrer" content="same-origin">' in head
    with pytest.raises(csp.PolicyError):
        csp.protect(out)


def test_mkdocs_quiz_assets_leave_the_page_and_keep_their_order() -> None:
    from mkdocs_quiz import plugin as mkdocs_quiz

    scripts = '<script type="text/javascript">var one;</script><script type="text/javascript" defer>var two;</script>'
    form = '<form action="javascript:void(0);" onsubmit="return false;"></form>'
    page = f"<html><head></head><body>{form}{mkdocs_quiz.style}{scripts}<footer></footer></body></html>"
    out, files = quiz_patch.externalise(page, "../")
    assert "<style" not in out and "var one" not in out and "onsubmit" not in out and "javascript:" not in out
    css = [name for name in files if name.endswith(".css")]
    js = [name for name in files if name.endswith(".js")]
    assert f'<link rel="stylesheet" href="../{css[0]}">\n</head>' in out
    assert out.index(f'src="../{js[0]}"') < out.index(f'src="../{js[1]}"') < out.index("<footer>")
    assert [files[name] for name in js] == ["var one;", "var two;"]
