"""QR codes that take attendees from paper or the screen to the published site (segno, SVG).

The URL comes from the configured `site_url`, so the codes follow the site wherever it
is published. Error correction M survives a smudged print; the quiet zone is kept.
"""

from __future__ import annotations

import base64
import io

import segno


def svg(url: str) -> bytes:
    """A standalone SVG of the QR code for `url`: black on white, a viewBox and no fixed size (scales to any box)."""
    code = segno.make_qr(url, error="m")
    out = io.BytesIO()
    # The title is the image's accessible name where it is opened on its own.
    code.save(out, kind="svg", border=4, dark="#000", light="#fff", xmldecl=True, title=url, omitsize=True)
    return out.getvalue()


def data_uri(url: str) -> str:
    """The same image as a data: URI, for documents that must stand alone (the PDF handouts)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(url)).decode("ascii")
