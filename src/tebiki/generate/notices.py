"""Notices the preview (`mkdocs serve`) puts on the download page about the printed files."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from html import escape

# Until the message catalogs reach this module: the two languages a site can be in.
_TEXT = {
    "ja": {
        "pending": "印刷用のファイルを作り直しています",
        "pending_body": "データが変わったため、次のファイルを作り直しています。"
        "できあがるとページが自動で読み込み直されます。それまでは前のファイルが開きます：",
        "failed": "印刷用のファイルを作れませんでした",
        "failed_body": "次のファイルは作り直せませんでした。ターミナルにも同じ内容が出ています：",
    },
    "en": {
        "pending": "Printed files are being remade",
        "pending_body": "The data changed, so these files are being remade. The page reloads by "
        "itself when they are ready; until then the previous files open:",
        "failed": "Printed files could not be made",
        "failed_body": "These files could not be remade (the terminal shows the same):",
    },
}


def printing_state(pending: Collection[str], errors: Mapping[str, str], language: str) -> str:
    """HTML for the top of the download page; empty when every printed file is current."""
    text = _TEXT["ja" if language.startswith("ja") else "en"]
    out = []
    if errors:
        items = "".join(f"<li><code>{escape(n)}</code>: {escape(e)}</li>" for n, e in sorted(errors.items()))
        out.append(
            f'<div class="admonition failure" role="alert" data-pagefind-ignore>'
            f'<p class="admonition-title">{text["failed"]}</p><p>{text["failed_body"]}</p><ul>{items}</ul></div>'
        )
    if pending:
        items = "".join(f"<li><code>{escape(n)}</code></li>" for n in sorted(pending))
        out.append(
            f'<div class="admonition info" role="status" data-pagefind-ignore>'
            f'<p class="admonition-title">{text["pending"]}</p><p>{text["pending_body"]}</p><ul>{items}</ul></div>'
        )
    return "".join(out)
