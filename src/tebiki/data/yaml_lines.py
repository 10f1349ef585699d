"""YAML loading that remembers the line of every value, for error messages."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


class DuplicateKey(Exception):
    def __init__(self, line: int, key: str):
        self.line = line
        super().__init__(f"key {key!r} appears twice in the same mapping")


# libyaml's parser when PyYAML was built with it (the wheels are): the same nodes
# and marks, several times faster than the pure-Python one on large data.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


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

    def __init__(self, stream: str):
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}  # plain scalar -> tag; keys repeat on every item

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            if value and value[0] not in self.yaml_implicit_resolvers:
                return _STR
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


_MERGE = "tag:yaml.org,2002:merge"


def _construct(loader: Any, root: yaml.Node) -> Any:
    """Python data from the composed nodes; refuses a key repeated in one mapping.

    Equivalent to `loader.construct_document` for plain data, at a fraction of its
    cost: strings (most of the data) are taken as they are, and other scalars go
    through PyYAML's own constructors. Merge keys and non-scalar keys, which plain
    data does not use, are left to PyYAML whole.
    """
    active: set[int] = set()
    scalar, sequence, mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode

    # Strings are unpacked inline, without a call per value: they are most of the data.
    def construct(node: yaml.Node) -> Any:
        kind = type(node)
        if kind is scalar:
            return node.value if node.tag == _STR else loader.construct_object(node)
        if id(node) in active:
            raise YamlSyntaxError(node.start_mark.line + 1, "an alias refers to the collection that contains it")
        active.add(id(node))
        try:
            if kind is sequence:
                return [c.value if type(c) is scalar and c.tag == _STR else construct(c) for c in node.value]
            if kind is not mapping:
                return loader.construct_object(node, deep=True)
            out = {}
            for key, value in node.value:
                if type(key) is not scalar or key.tag == _MERGE:
                    return loader.construct_object(node, deep=True)
                name = key.value if key.tag == _STR else loader.construct_object(key)
                if name in out:
                    raise DuplicateKey(key.start_mark.line + 1, str(name))
                out[name] = value.value if type(value) is scalar and value.tag == _STR else construct(value)
            return out
        finally:
            active.discard(id(node))

    return construct(root)


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
    """Parse one YAML document; return the data and a map from path to 1-based line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return (None if node is None else _construct(loader, node)), Lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlSyntaxError(line, f"{exc.context or ''} {exc.problem or ''}".strip()) from exc
    finally:
        loader.dispose()


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
