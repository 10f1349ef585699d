"""YAML loading that remembers the line of every value, for error messages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import yaml

try:  # wheels for Linux x86-64, Windows x86-64 and macOS arm64 (pyproject); elsewhere PyYAML reads everything
    import ryaml
except ImportError:  # pragma: no cover (installed wherever the tests run)
    ryaml = None  # type: ignore[assignment]

Path_ = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str, hint: str = "fix the YAML syntax at this line") -> None:
        self.line = line
        self.hint = hint
        super().__init__(message)


class DuplicateKey(Exception):
    def __init__(self, line: int, key: str) -> None:
        self.line = line
        super().__init__(f"key {key!r} appears twice in the same mapping")


# Aliases (`*name`) may repeat a collection, but not without bound: a few lines of YAML can
# otherwise stand for billions of values ("billion laughs"). Data files hardly use them.
MAX_ALIAS_VALUES = 100_000
# Python builds nested data by recursion; deeper data than this is refused with its line.
MAX_DEPTH = 200


# libyaml's parser when PyYAML was built with it (the wheels are): the same nodes
# and marks, several times faster than the pure-Python one on large data.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2 booleans, and the tag resolution it runs for
    every scalar made cheap.

    YAML 1.2 booleans: only true/false. PyYAML follows YAML 1.1, where an unquoted
    yes/no/on/off becomes a boolean, so `entrusts: yes` would not be the answer "yes".
    Editors using yaml-language-server read YAML 1.2, so loader and editor now agree.

    Most values are Japanese text, whose first character starts none of YAML's
    implicit types (numbers, booleans, dates, null): they are strings at once.
    A plain scalar's tag depends on its text alone, so the rest are remembered.
    The safe loader has no path resolvers, so tracking the path is skipped.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.text = stream
        self._plain_tags: dict[str, str] = {}  # plain scalar -> tag; keys repeat on every item

    # libyaml calls this for every node (590,000 for a 10,000-item guideline): names are bound
    # as defaults, and what PyYAML's resolver would answer without path resolvers is answered here.
    def resolve(
        self,
        kind: type,
        value: Any,
        implicit: tuple[bool, bool],
        _scalar: type = yaml.ScalarNode,
        _sequence: type = yaml.SequenceNode,
    ) -> str:
        if kind is _scalar:
            # `>= "\x80"`: the first character is not ASCII (Japanese text), compared without
            # making a one-character string; every implicit type starts with an ASCII character.
            if value >= "\x80" or not implicit[0]:
                return _STR  # text, quoted, or a plain scalar with an explicit non-specific tag
            if value and value[0] not in _FIRST_CHARACTERS:
                return _STR
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
            return tag
        return _SEQ if kind is _sequence else _MAP

    # Path resolvers are what these track, and the safe loader has none. libyaml calls both for
    # every node: C callables that do nothing (`{}.get(parent, index)`, `().__len__()`) cost less.
    descend_resolver = dict[object, object]().get
    ascend_resolver = ().__len__


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# The characters a plain scalar of another type than text can start with: all ASCII (see `resolve`).
_FIRST_CHARACTERS = frozenset(_Loader.yaml_implicit_resolvers)
assert all(first < "\x80" for first in _FIRST_CHARACTERS)


_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"


def _construct(loader: Any, root: yaml.Node, budget: int) -> Any:
    """Python data from the composed nodes; refuses a key repeated in one mapping.

    Equivalent to `loader.construct_document` for plain data, at a fraction of its
    cost: strings (most of the data) are taken as they are, and other scalars go
    through PyYAML's own constructors. Merge keys and non-scalar keys, which plain
    data does not use, are left to PyYAML whole. Without aliases a document cannot hold
    more values than it has characters: building more than `budget` values means aliases
    repeat them. A text without `&` has no anchor, so no alias: its tree is built
    without that bookkeeping.
    """
    return (_Builder if "&" in loader.text else _TreeBuilder)(loader, budget).construct(root)


_SCALAR, _SEQUENCE, _MAPPING = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class _Builder:
    def __init__(self, loader: Any, budget: int) -> None:
        self.loader = loader
        self.active: set[int] = set()  # collections being built: an alias to one is a cycle
        self.budget = budget  # values that may still be built

    def value_of(self, node: yaml.Node) -> Any:
        """What PyYAML's own constructors make of a node, with a bad value reported at its line."""
        value = node.value
        if node.tag == _INT and value.isascii() and value.isdecimal() and (value[0] != "0" or value == "0"):
            return int(value)  # the common case (line numbers, orders); 0-prefixed is YAML 1.1 octal
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. `2017-02-30`, `!!int abc`
            what = node.tag.rsplit(":", 1)[-1]
            shown = f"{node.value!r} is" if type(node) is _SCALAR else "this is"
            raise YamlSyntaxError(
                node.start_mark.line + 1,
                f"{shown} not a valid {what}: {exc}",
                "write dates as YYYY-MM-DD and numbers as digits; quote the value if it is text",
            ) from None

    def enter(self, node: yaml.Node) -> None:
        key = id(node)
        if key in self.active:
            raise YamlSyntaxError(node.start_mark.line + 1, "an alias refers to the collection that contains it")
        self.budget -= len(node.value)
        if self.budget < 0:
            raise YamlSyntaxError(
                node.start_mark.line + 1,
                f"aliases repeat more than {MAX_ALIAS_VALUES:,} values",
                "write the data out, or use fewer aliases (`*name`)",
            )
        self.active.add(key)

    # Strings are unpacked inline, without a call per value: they are most of the data.
    def construct(self, node: yaml.Node) -> Any:
        kind = type(node)
        if kind is _SCALAR:
            return node.value if node.tag == _STR else self.value_of(node)
        self.enter(node)
        try:
            if kind is _SEQUENCE:
                return [c.value if type(c) is _SCALAR and c.tag == _STR else self.construct(c) for c in node.value]
            if kind is not _MAPPING:
                return self.value_of(node)
            return self.mapping(node)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.Node) -> Any:
        out = {}
        for key, value in node.value:
            if type(key) is not _SCALAR or key.tag == _MERGE:
                _refuse_repeated_keys(node)
                return self.value_of(node)
            name = key.value if key.tag == _STR else self.value_of(key)
            if name in out:
                raise DuplicateKey(key.start_mark.line + 1, str(name))
            out[name] = value.value if type(value) is _SCALAR and value.tag == _STR else self.construct(value)
        return out


class _TreeBuilder(_Builder):
    """The same data from a document without aliases: every node is built once, none inside itself."""

    def construct(self, node: yaml.Node) -> Any:
        kind = type(node)
        if kind is _SCALAR:
            return node.value if node.tag == _STR else self.value_of(node)
        if kind is _SEQUENCE:
            return [c.value if type(c) is _SCALAR and c.tag == _STR else self.construct(c) for c in node.value]
        if kind is not _MAPPING:
            return self.value_of(node)
        return self.mapping(node)


def _refuse_repeated_keys(node: yaml.Node) -> None:
    """A key written twice beside a merge (`<<:`), which PyYAML would let the last one win."""
    seen: set[str] = set()
    for key, _ in node.value:
        if type(key) is yaml.ScalarNode and key.tag != _MERGE:
            if key.value in seen:
                raise DuplicateKey(key.start_mark.line + 1, key.value)
            seen.add(key.value)


def _too_deep(root: yaml.Node) -> int:
    """The line of the first value nested deeper than MAX_DEPTH (walked without recursion)."""
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node.start_mark.line + 1
        if id(node) in seen or isinstance(node, yaml.ScalarNode):
            continue
        seen.add(id(node))
        children = node.value if isinstance(node, yaml.SequenceNode) else [v for pair in node.value for v in pair]
        stack += [(child, depth + 1) for child in children]
    return 0


class Lines(Mapping[Path_, int]):
    """Path -> 1-based line, worked out only when first asked for.

    Lines are needed only to report a problem; walking every node of valid data
    up front cost more than parsing it.
    """

    def __init__(self, text: str):
        self._text = text
        self._lines: dict[Path_, int] | None = None

    def _index(self) -> dict[Path_, int]:
        if self._lines is None:
            lines: dict[Path_, int] = {}
            node = yaml.compose(self._text, Loader=_Loader)  # only valid YAML gets here
            if node is not None:
                _walk(node, (), lines)
            self._lines = lines
        return self._lines

    def __getitem__(self, path: Path_) -> int:
        return self._index()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())


def load_with_lines(text: str) -> tuple[Any, Mapping[Path_, int]]:
    """Parse one YAML document; return the data and a map from path to 1-based line.

    The data is PyYAML's (YAML 1.1 types, YAML 1.2 booleans), built by ryaml where it gives
    the same (`_fast_data`), else by PyYAML; lines come from PyYAML when first asked for."""
    data = _fast_data(text)
    if data is not _SLOW:
        return data, Lines(text)
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        return (None if node is None else _construct(loader, node, len(text) + MAX_ALIAS_VALUES)), Lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlSyntaxError(line, f"{exc.context or ''} {exc.problem or ''}".strip()) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
        # libyaml counts bytes of the UTF-8 text, PyYAML's own reader characters.
        if _BaseLoader is yaml.SafeLoader:
            line = text.count("\n", 0, exc.position) + 1
        else:
            line = text.encode().count(b"\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlSyntaxError(
            line,
            f"character U+{code:04X} is not allowed in YAML",
            "delete it (it is invisible in most editors)",
        ) from None
    except RecursionError:
        line = _too_deep(node) if node is not None else 0
        raise YamlSyntaxError(
            line, f"values nest more than {MAX_DEPTH} levels deep", "flatten the data; no data file nests that deep"
        ) from None
    finally:
        loader.dispose()


# The fast route: ryaml builds the data in Rust, three times faster than PyYAML's nodes (each a
# Python object with two marks) and the data built from them. Its parser is libyaml 0.2.5 as
# PyYAML's is (serde_yaml's unsafe-libyaml, a line-by-line port): the same characters allowed,
# the same syntax accepted and the same text in every scalar, and it refuses what it cannot
# give exactly (a key written twice, more than one document, an unknown alias, deep nesting or
# aliases repeated without bound). Only how a plain scalar becomes a value differs: serde_yaml
# reads YAML 1.2 types, PyYAML YAML 1.1 ones (with YAML 1.2 booleans here). `_fast_data` takes
# its data only where both must agree, and otherwise hands the text to PyYAML, which also
# gives every error message and, when one is reported, the lines.
_SLOW = object()  # "read this text with PyYAML"
# Only beside PyYAML's libyaml parser: PyYAML's pure-Python one accepts other syntax (tabs).
_FAST = ryaml if _BaseLoader is not yaml.SafeLoader else None
# Tags and merge keys (PyYAML's constructors decide them), `0o` octal (an int in YAML 1.2, text in 1.1).
_SLOW_MARKS = ("!", "<<", "0o", "0O")
# An anchor's name as libyaml scans it; other text after `&` (R&D) may match too, which only
# sends the file to PyYAML when such a name repeats.
_ANCHOR = re.compile(r"&([0-9A-Za-z_-]+)")


class _PlainTags(yaml.resolver.BaseResolver):
    """The type `_Loader` gives an unquoted scalar."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


class _Disagree(Exception):
    """A value of the fast route that PyYAML could read otherwise."""


def _fast_data(text: str) -> Any:
    """The data of `text` as PyYAML reads it, or `_SLOW` where only PyYAML can tell.

    Where serde_yaml and PyYAML could disagree, found from the data and the text:
    - a float (YAML 1.2 reads `1e3` as one, or an integer beyond 64 bits): PyYAML decides;
    - a key that is not text (`1: a` beside `true: b`, one key to Python): PyYAML decides;
    - a text that PyYAML's resolver would read as another type if it was written unquoted
      (`2014-12-12`, `010`, `1_000`, `=`): only if every place it appears in the text starts
      right after a quote can it not be an unquoted (plain) scalar, since a plain scalar never
      starts there. A plain scalar spans lines only with a space or line break in its value.
    - an anchor name given twice (PyYAML refuses it, serde_yaml lets the second win), and more
      values than PyYAML's alias budget allows (it refuses them at their line).
    Integers, booleans and nulls need no check: both read decimal, `0x` and `0b` integers,
    true/True/TRUE/false/False/FALSE and ~/null/Null/NULL/empty alike, and `0o` is left out.
    """
    if _FAST is None or any(mark in text for mark in _SLOW_MARKS):
        return _SLOW
    if "&" in text:
        names = _ANCHOR.findall(text)
        if len(set(names)) < len(names):
            return _SLOW
    try:
        data = _FAST.loads(text)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException:  # every error is PyYAML's to report, with its line (a Rust panic is a BaseException)
        return _SLOW
    try:
        values, suspect = _check(data)
    except _Disagree:
        return _SLOW
    if values > len(text) + MAX_ALIAS_VALUES:  # as `_Builder.enter` counts them
        return _SLOW
    return data if all(_only_quoted(value, text) for value in suspect) else _SLOW


def _only_quoted(value: str, text: str) -> bool:
    """Whether `value` is in `text`, each time right after a quote: then no plain scalar is `value`."""
    if any(c.isspace() for c in value):  # maybe a plain scalar over several lines, not found whole in the text
        return False
    at = text.find(value)
    if at < 0:
        return False
    while at >= 0:
        if at == 0 or text[at - 1] not in "'\"":
            return False
        at = text.find(value, at + 1)
    return True


def _check(data: Any) -> tuple[int, set[str]]:
    """The values in the collections of `data`, and its texts PyYAML would read as another
    type unquoted; raises `_Disagree` at a float or a key that is not text.

    Every value is visited (a stack, no recursion), so the common cases cost least: keys
    repeat on every item and are checked once, and most values are Japanese text, dismissed
    by their first character as in `_Loader.resolve`.
    """
    resolver = _PlainTags()
    tags: dict[str, str] = {}
    first = _FIRST_CHARACTERS
    suspect: set[str] = set()
    keys: set[str] = set()  # text keys already checked

    def text(value: str) -> None:
        tag = tags.get(value)
        if tag is None:
            tag = tags[value] = resolver.resolve(yaml.ScalarNode, value, (True, False))
        if tag != _STR:
            suspect.add(value)

    values = 0
    stack = [[data]]
    while stack:
        node = stack.pop()
        values += len(node)
        if type(node) is dict:
            if not keys.issuperset(node):
                _check_keys(node, keys, text)
            node = node.values()
        for value in node:
            kind = type(value)
            if kind is str:
                if value and value < "\x80" and value[0] in first:
                    text(value)
            elif kind is dict or kind is list:
                stack.append(value)
            elif kind is float:
                raise _Disagree
    return values - 1, suspect  # less the list holding the document


def _check_keys(mapping: dict, keys: set[str], text: Callable[[str], None]) -> None:
    for key in mapping:
        if type(key) is not str:
            raise _Disagree
        if key and key < "\x80" and key[0] in _FIRST_CHARACTERS:
            text(key)
        keys.add(key)


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _walk(value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk(child, (*path, index), lines)


def line_of(lines: Mapping[Path_, int], path: Path_) -> int:
    """The line of `path`, or of its nearest ancestor that exists (a missing field)."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 0)


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
