"""Edits of the data the way a maintainer makes them: text appended at the end of one field,
the YAML's shape unchanged (the preview loop and the overhead part's edited builds)."""

from __future__ import annotations

import re
from pathlib import Path


def field_end(text: str, key: str, after: int = 0) -> int:
    """Offset of the end of the first `key:` value after `after` (a one-line value or a block
    scalar's last line), where a marker can be appended without changing the YAML's shape."""
    lines = text.splitlines(keepends=True)
    offset = 0
    for i, line in enumerate(lines):
        start, offset = offset, offset + len(line)
        match = re.match(rf"^(\s*)(- )?{re.escape(key)}: ?(.*)$", line.rstrip("\n"))
        if start < after or not match:
            continue
        if match.group(3) not in (">-", ">", "|", "|-"):
            return start + len(line.rstrip("\n"))
        indent = len(match.group(1)) + len(match.group(2) or "")
        end = block = offset
        for block_line in lines[i + 1 :]:
            if block_line.strip() and len(block_line) - len(block_line.lstrip()) <= indent:
                break
            block += len(block_line)
            if block_line.strip():
                end = block - (len(block_line) - len(block_line.rstrip("\n")))
        return end
    raise ValueError(f"no `{key}:` field in the file")


class FieldEdit:
    """Appends a new marker to the end of the first `key:` field of a file on every call."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.pristine = path.read_text(encoding="utf-8")
        self.at = field_end(self.pristine, key)
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        marker = f" Zq{self.count}x"
        self.path.write_text(self.pristine[: self.at] + marker + self.pristine[self.at :], encoding="utf-8")
