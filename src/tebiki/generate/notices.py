"""Notices the preview (`mkdocs serve`) puts on its pages: the printed files on the download page,
a failed check of the built site on every page; and the status of a guideline in force."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from html import escape

from ..data.guideline.model import Meta
from ..translations import _, date, using


def in_force(meta: Meta) -> str:
    """The status of a guideline in force, in one sentence of the active language (the home page,
    the printed covers): since the day it took effect, when the data gives one."""
    if meta.in_force_since is not None:
        return _("This guideline has been in force since %(date)s.", date=date(meta.in_force_since))
    return _("This guideline is in force.")


def _notice(kind: str, role: str, title: str, body: str, items: str) -> str:
    return (
        f'<div class="admonition {kind}" role="{role}" data-pagefind-ignore>'
        f'<p class="admonition-title">{escape(title)}</p><p>{escape(body)}</p><ul>{items}</ul></div>'
    )


def printing_state(pending: Collection[str], errors: Mapping[str, str], language: str) -> str:
    """HTML for the top of the download page, in the site's language; empty when every printed
    file is current."""
    out = []
    with using(language):
        if errors:
            title = _("Printed files could not be made")
            body = _("These files could not be remade (the terminal shows the same):")
            items = "".join(f"<li><code>{escape(n)}</code>: {escape(e)}</li>" for n, e in sorted(errors.items()))
            out.append(_notice("failure", "alert", title, body, items))
        if pending:
            title = _("Printed files are being remade")
            body = _(
                "The data changed, so these files are being remade. The page reloads by itself when "
                "they are ready; until then the previous files open:"
            )
            items = "".join(f"<li><code>{escape(n)}</code></li>" for n in sorted(pending))
            out.append(_notice("info", "status", title, body, items))
    return "".join(out)


def checks_failed(problems: Sequence[str], language: str) -> str:
    """HTML for the top of every page while the preview's output checks fail; empty when they pass.
    The problems go in <pre>: they may quote raw quiz syntax, which the leak check skips only there."""
    if not problems:
        return ""
    with using(language):
        title = _("A check of the built site failed")
        body = _(
            "The preview goes on, but a published build (mkdocs build --strict) stops here. Fix what is "
            "listed below (the terminal shows the same); this notice goes away once the checks pass:"
        )
    items = "".join(f"<li><pre><code>{escape(p)}</code></pre></li>" for p in problems)
    return _notice("failure", "alert", title, body, items).replace("<div ", '<div id="tebiki-check-failed" ', 1)
