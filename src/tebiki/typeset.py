"""HTML and CSS to PDF with WeasyPrint, for anything tebiki prints (trainers' handouts).

WeasyPrint lays out HTML for paper; Japanese text uses the system's Noto CJK fonts
(Debian fonts-noto-cjk), subset and embedded. Any warning WeasyPrint logs (bad CSS, a
missing image) is an error: a broken handout must not ship silently. The PDF identifier
follows the content, so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import logging


class TypesetError(Exception):
    pass


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def html_to_pdf(html: str, stylesheet: str, *, what: str = "document") -> bytes:
    """Typeset `html` with `stylesheet` (CSS text); raise TypesetError naming `what` on any warning."""
    from weasyprint import CSS, HTML  # imported late: loading Pango costs time every command would pay

    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        pdf = HTML(string=html).write_pdf(
            stylesheets=[CSS(string=stylesheet)],
            pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
        )
    finally:
        logger.removeHandler(collect)
    if collect.messages:
        raise TypesetError(f"WeasyPrint reported problems in {what}:\n  " + "\n  ".join(collect.messages))
    assert pdf is not None
    return pdf
