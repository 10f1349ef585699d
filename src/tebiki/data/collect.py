"""What every loader shares: one collector of problems, a reporter per file, and the check that IDs are unique."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from .problems import Problem, display_path
from .yaml_lines import DuplicateKey, YamlSyntaxError, dotted, line_of, load_with_lines

T = TypeVar("T")

# Data files are text written by people; a file larger than this is a mistake, not data.
MAX_FILE_BYTES = 10 * 1024 * 1024

_HINTS = {
    "missing": "add this field (see the JSON Schema in schema/ for what it holds)",
    "extra_forbidden": "remove this field or correct its spelling; unknown fields are not allowed",
    "enum": "use one of the values listed in the message",
    "literal_error": "use one of the values listed in the message",
    "too_short": "add at least one entry",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "date_parsing": "write the date as YYYY-MM-DD",
    "url_scheme": "write the full address, starting with https:// (mailto: where the field allows it)",
    "url_invalid": "write the address without spaces, quotes or <>; percent-encode such characters",
    "local_copy": "give a file name under guideline/sources/, such as appi-excerpt.txt",
    "time_zone": "write an IANA time zone name, e.g. UTC, Asia/Tokyo or Europe/Paris",
    "date_type": "write the date as YYYY-MM-DD",
    "int_parsing": "write a whole number, e.g. 3",
    "int_type": "write a whole number, e.g. 3",
    "float_parsing": "write a number, e.g. 1.5",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "string_type": "write text here (quote it if YAML reads it as something else)",
    "list_type": "write a list here: one entry per line, each starting with `- `",
    "dict_type": "write a mapping here: `key: value` lines",
    "model_type": "write a mapping here: `key: value` lines",
    "model_attributes_type": "write a mapping here: `key: value` lines",
}
# What each ID pattern of the models looks like, shown instead of the regular expression.
_PATTERN_EXAMPLES = {
    r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$": "upper-case ASCII letters and digits in parts joined by hyphens, e.g. SEC-TEC-01",
    r"^[a-z][a-z0-9-]*$": "lower-case ASCII letters, digits and hyphens, starting with a letter, e.g. point1-security",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "lower-case ASCII letters and digits in parts joined by hyphens, e.g. tsusoku-3-4",
    r"^[a-z][a-z0-9_]*$": "lower-case ASCII letters, digits and underscores, e.g. entrusts",
    r"^CL(-[A-Z0-9]+)+$": "CL- and upper-case ASCII parts, e.g. CL-LOCK",
    r"^Q-[A-Z0-9]+(-[A-Z0-9]+)*$": "Q- and upper-case ASCII parts, e.g. Q-SEC-01",
    r"^https://\S+$": "an https:// address",
    r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$": "a language tag, e.g. ja or en",
    r"^[A-Za-z0-9_-]+$": "ASCII letters, digits, hyphens and underscores, e.g. dQw4w9WgXcQ",
}


@functools.cache
def adapter(kind: type[T]) -> TypeAdapter[T]:
    """One validator per kind of file, built once: building it cost more than validating a small file."""
    return TypeAdapter(kind)


def _message(err: Mapping[str, Any]) -> tuple[str, str]:
    """A pydantic error as a maintainer reads it: (message, hint)."""
    kind, message = err["type"], err["msg"]
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        wanted = _PATTERN_EXAMPLES.get(pattern, "the form shown in the JSON Schema in schema/")
        return f"{err['input']!r} is not a valid ID or value here", f"write {wanted}"
    loc = err.get("loc") or ("",)
    if kind == "extra_forbidden" and " " in str(loc[-1]):
        # No field name has a space: this is the tail of a text that an unquoted comma or colon cut
        # off, typically in a `{text: A, B, correct: true}` mapping.
        return message, "this looks like the end of a text cut off at a comma or colon: put the whole text in quotes"
    if kind == "value_error":  # a model's own rule: its message says what is wrong, then "\n→ " what to do
        said, _, hint = message.removeprefix("Value error, ").partition("\n→ ")
        return said, hint or "correct it as the message says"
    return message, _HINTS.get(kind, "see the JSON Schema in schema/ for what this field holds")


class Collector:
    """Accumulates problems against one data root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def add(self, path: Path, line: int, field: str, message: str, hint: str) -> None:
        self.problems.append(Problem(display_path(path, self.root), line, field, message, hint))

    def reporter(self, path: Path, lines: Mapping) -> Reporter:
        """Report problems in the file at `path`, whose line marks are `lines`."""
        return Reporter(self, path, lines)

    def read(self, path: Path) -> str | None:
        """The text of a data file; None, with the problem recorded, if it cannot be read as UTF-8 text."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            hint = "create it: `tebiki new` writes a sample of every data file, and schema/ says what each holds"
            self.add(path, 0, "", "file is missing", hint)
            return None
        except IsADirectoryError:
            self.add(path, 0, "", "this is a folder, not a data file", "rename the folder, or move it out of here")
            return None
        except OSError as exc:
            self.add(path, 0, "", f"the file cannot be read: {exc.strerror}", "check that it exists and can be read")
            return None
        if len(raw) > MAX_FILE_BYTES:
            self.add(
                path,
                0,
                "",
                f"the file is {len(raw) / 2**20:.0f} MB; data files may be at most {MAX_FILE_BYTES // 2**20} MB",
                "split it into several files, or remove what does not belong in it",
            )
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            self.add(
                path,
                line,
                "",
                f"not UTF-8 text: byte 0x{raw[exc.start]:02X} cannot be read",
                "save the file as UTF-8 (most editors offer it under Save As or Encoding)",
            )
            return None

    def load(self, path: Path, adapter: TypeAdapter[T]) -> tuple[T | None, Mapping]:
        """Parse and validate one file; on failure record why and return None."""
        text = self.read(path)
        if text is None:
            return None, {}
        try:
            data, lines = load_with_lines(text)
        except YamlSyntaxError as exc:
            self.add(path, exc.line, "", f"YAML error: {exc}", exc.hint)
            return None, {}
        except DuplicateKey as exc:
            self.add(path, exc.line, "", f"YAML error: {exc}", "keep one of them")
            return None, {}
        if data is None:
            self.add(
                path,
                0,
                "",
                "the file is empty (or holds only comments)",
                "write its data; see schema/ for what it holds",
            )
            return None, {}
        try:
            return adapter.validate_python(data), lines
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(err["loc"])
                # Validators on a model report at the model; drop pydantic's own labels.
                loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
                message, hint = _message(err)
                self.add(path, line_of(lines, loc), dotted(loc), message, hint)
            return None, lines


class Reporter:
    """Problems in one data file, each reported at the line of the field it is about.

    A plain class: a reporter is made for every item checked, problems or not."""

    __slots__ = ("base", "collector", "lines", "path")

    def __init__(self, collector: Collector, path: Path, lines: Mapping, base: tuple[Any, ...] = ()) -> None:
        self.collector = collector
        self.path = path
        self.lines = lines
        self.base = base  # where in the file the locations passed to `at` start

    def at(self, loc: tuple[Any, ...], message: str, hint: str) -> None:
        full = self.base + loc
        self.collector.add(self.path, line_of(self.lines, full), dotted(full), message, hint)

    def within(self, *loc: Any) -> Reporter:
        """A reporter for the part of the file at `loc` (a list entry, a mapping)."""
        return Reporter(self.collector, self.path, self.lines, self.base + loc)

    def to(self, collector: Collector) -> Reporter:
        """The same place, reported to another collector (e.g. of warnings)."""
        return Reporter(collector, self.path, self.lines, self.base)

    def with_lines(self, lines: Mapping) -> Reporter:
        return Reporter(self.collector, self.path, lines, self.base)


def check_unique(c: Collector, entries: list, what: str) -> None:
    """Report every ID of `entries` (path, lines, ID, location) seen before, pointing at its first use."""
    first: dict[str, tuple[Path, Mapping, tuple]] = {}
    for path, lines, key, loc in entries:
        if key in first:
            # Lines are looked up only here: finding them costs a second parse of the file.
            other_path, other_lines, other_loc = first[key]
            other = f"{display_path(other_path, c.root)}:{line_of(other_lines, other_loc)}"
            c.add(
                path,
                line_of(lines, loc),
                dotted(loc),
                f"duplicate {what} ID {key!r}",
                f"IDs must be unique; {other} uses it already",
            )
        else:
            first[key] = (path, lines, loc)
