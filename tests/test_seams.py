"""Where tebiki leans on Material for MkDocs' internals, the installed Material still is what was verified."""

from __future__ import annotations

import difflib
import re
from importlib.resources import files

from support import ROOT
from tebiki import seams

MATERIAL = files("material") / "templates"
THEME = ROOT / "src" / "tebiki" / "theme"


def _lines(text: str) -> list[str]:
    # Jinja comments ({#- … -#}) are the copy's own notes and Material's "generated" banner.
    return re.sub(r"\{#-.*?-#\}\n?", "", text, flags=re.S).splitlines()


def test_the_copied_header_partial_differs_from_materials_only_where_it_says() -> None:
    upstream = _lines((MATERIAL / "partials" / "header.html").read_text(encoding="utf-8"))
    copy = _lines((THEME / "overrides" / "partials" / "header.html").read_text(encoding="utf-8"))
    replaced = [
        tuple(upstream[i1:i2])
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=upstream, b=copy, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    assert replaced == list(seams.MATERIAL_HEADER_REPLACED), (
        "Material's partials/header.html changed since tebiki copied it: merge the change into "
        "src/tebiki/theme/overrides/partials/header.html, then update MATERIAL_HEADER_REPLACED in src/tebiki/seams.py"
    )


def test_keyboard_nav_uses_materials_drawer_breakpoint() -> None:
    css = "".join(
        p.read_text(encoding="utf-8")
        for p in (MATERIAL / "assets" / "stylesheets").iterdir()
        if p.name.endswith(".css")
    )
    assert f"max-width:{seams.MATERIAL_DRAWER_BREAKPOINT}" in css
    script = (THEME / "assets" / "keyboard-nav.js").read_text(encoding="utf-8")
    assert f'matchMedia("(max-width: {seams.MATERIAL_DRAWER_BREAKPOINT})")' in script


def test_every_seam_names_the_version_it_was_verified_against() -> None:
    assert all(re.search(r"\d+\.\d+", s.verified) for s in seams.SEAMS)
