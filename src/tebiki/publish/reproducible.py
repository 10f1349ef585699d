"""What makes two builds of one commit byte-identical: the date a build stands for."""

from __future__ import annotations

import datetime as dt
import os


def build_date() -> dt.date:
    """The day a build stands for: SOURCE_DATE_EPOCH when set (as MkDocs does for the sitemap),
    so that two builds of one commit are byte-identical; otherwise today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()
