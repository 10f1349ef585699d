"""The YAML reader: same data as PyYAML's safe loader, and lines for error messages."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
import yaml

from tebiki.data import yaml_lines
from tebiki.data.yaml_lines import DuplicateKey, YamlSyntaxError, line_of, load_with_lines

SAMPLE = """\
title: 日本語の題
count: 3
when: 2014-12-12
flags: [true, No, ~, null, 0x1f, 1.5, "2014", '', Yes please]
items:
  - id: A-01
    text: >-
      折り返した
      文章
  - id: A-02
    refs: &shared [x, y]
    again: *shared
"""


def test_data_is_plain_python_with_yaml_1_2_booleans() -> None:
    data, _ = load_with_lines(SAMPLE)
    assert data == {
        "title": "日本語の題",
        "count": 3,
        "when": dt.date(2014, 12, 12),
        "flags": [True, "No", None, None, 31, 1.5, "2014", "", "Yes please"],
        "items": [
            {"id": "A-01", "text": "折り返した 文章"},
            {"id": "A-02", "refs": ["x", "y"], "again": ["x", "y"]},
        ],
    }


def test_lines_point_at_each_value() -> None:
    _, lines = load_with_lines(SAMPLE)
    assert line_of(lines, ("items", 1, "id")) == 10
    assert line_of(lines, ("items", 0, "text")) == 7
    # A missing field is reported at its nearest ancestor.
    assert line_of(lines, ("items", 1, "plain")) == 10


def test_repeated_key_is_refused_with_its_line() -> None:
    with pytest.raises(DuplicateKey) as exc:
        load_with_lines("a: 1\nb:\n  c: 2\n  c: 3\n")
    assert exc.value.line == 4


def test_syntax_error_has_a_line() -> None:
    with pytest.raises(YamlSyntaxError) as exc:
        load_with_lines("a: 1\nb: [2\nc: 3\n")
    assert exc.value.line >= 2


def test_alias_inside_itself_is_an_error_not_a_crash() -> None:
    with pytest.raises(YamlSyntaxError):
        load_with_lines("a: &x\n  b: *x\n")


# What tebiki reads: PyYAML's own safe loader (YAML 1.1 types) with YAML 1.2 booleans. The lean
# loader must give the same data for every value a maintainer can write, and refuse what it refuses.
class Reference(yaml.SafeLoader):
    pass


_BOOL = "tag:yaml.org,2002:bool"
Reference.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Reference.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

# Each document is one value a maintainer could write, with what tebiki reads it as (checked
# against the reference too): YAML 1.1 numbers and dates, YAML 1.2 booleans.
VALUES = [
    ("a: yes", {"a": "yes"}),
    ("a: [no, No, NO, on, off, y, n, Y, N]", {"a": ["no", "No", "NO", "on", "off", "y", "n", "Y", "N"]}),
    ("a: [true, True, TRUE, false, False, FALSE]", {"a": [True, True, True, False, False, False]}),
    ("a: [~, null, Null, NULL, '', ]", {"a": [None, None, None, None, ""]}),
    ("a:", {"a": None}),
    ("a: [0, 7, -3, +4, 1_000, 010, 0o10, 0x1f]", {"a": [0, 7, -3, 4, 1000, 8, "0o10", 31]}),
    ("a: [0b101, 1:20, 08]", {"a": [5, 80, "08"]}),
    ("a: [1.5, 1e3, 1.0e+3, .5, -.inf, .Inf, 1_0.5]", {"a": [1.5, "1e3", 1000.0, 0.5, -math.inf, math.inf, 10.5]}),
    ("a: 2014-12-12", {"a": dt.date(2014, 12, 12)}),
    ("a: 2014-12-12T10:30:00Z", {"a": dt.datetime(2014, 12, 12, 10, 30, tzinfo=dt.UTC)}),
    ("a: 2014-12-12 10:30:00", {"a": dt.datetime(2014, 12, 12, 10, 30)}),
    ("a: ['2014-12-12', \"010\", 'yes', \"true\", '~']", {"a": ["2014-12-12", "010", "yes", "true", "~"]}),
    ("a: [2014-1-2, 20141212]", {"a": ["2014-1-2", 20141212]}),
    ("a: !!str 123\nb: !!int '5'\nc: !!float '2'", {"a": "123", "b": 5, "c": 2.0}),
    ("1: one\n2.5: half\nnull: x\nfalse: f", {1: "one", 2.5: "half", None: "x", False: "f"}),
    ("base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3", {"base": {"x": 1, "y": 2}, "c": {"x": 1, "y": 3}}),
    ("c:\n  <<: {x: 1, y: 2}\n  y: 3", {"c": {"x": 1, "y": 3}}),  # a merge without anchors
    ("a: 'R&D'\nb: &n [1]\nc: *n", {"a": "R&D", "b": [1], "c": [1]}),
    ("a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n", {"a": "line one\nline two\n", "b": "folded text"}),
    ("a: \"tab\\there \\u3042\"\nb: 'it''s'", {"a": "tab\there あ", "b": "it's"}),
    ("a: 日本語 # a comment\nb: 'x # not a comment'", {"a": "日本語", "b": "x # not a comment"}),
    ("- 合成\n- ー\n- ～\n- 「引用」", ["合成", "ー", "～", "「引用」"]),
    ("a: [., -, +, <, '!', '&', '*', '=']", {"a": [".", "-", "+", "<", "!", "&", "*", "="]}),
]


@pytest.mark.parametrize(("text", "expected"), VALUES, ids=[t for t, _ in VALUES])
def test_values_are_read_as_pyyaml_reads_them_with_yaml_1_2_booleans(text: str, expected: object) -> None:
    data, _ = load_with_lines(text)
    assert data == expected
    assert data == yaml.load(text, Loader=Reference)  # noqa: S506 (a safe loader)
    assert _types(data) == _types(expected)  # 1 is not 1.0 nor True


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {repr(k): _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: 2017-02-30\n", 2),  # not a date: an error at its line, not text
        ("a:\n  - !!int abc\n", 2),
        ("a: 1\nb: =\n", 2),  # YAML 1.1's value key, which neither loader builds
        ("a: 1\nb:\n  c: 2\n  c: 3\n", 4),
        ("1: one\ntrue: yes\n", 2),  # the same key to Python (True == 1): PyYAML would keep the last
    ],
)
def test_values_pyyaml_refuses_or_keeps_twice_are_errors_at_their_line(text: str, line: int) -> None:
    with pytest.raises((YamlSyntaxError, DuplicateKey)) as exc:
        load_with_lines(text)
    assert exc.value.line == line


def test_a_key_written_twice_beside_a_merge_is_refused() -> None:
    with pytest.raises(DuplicateKey) as exc:
        load_with_lines("b: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n  y: 3\n")
    assert exc.value.line == 5


def test_every_data_file_of_the_project_and_fixtures_reads_as_pyyaml_reads_it() -> None:
    root = Path(__file__).resolve().parent.parent
    files = [
        path
        for folder in ("guideline", "quizzes", "tests/fixtures")
        for path in sorted((root / folder).rglob("*.yml"))
        if path.name != "mkdocs.yml"  # MkDocs' own tags (!ENV), read by MkDocs
    ]
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = load_with_lines(text)[0]
        assert data == yaml.load(text, Loader=Reference), path  # noqa: S506
        assert _shape(data) == _shape(yaml.load(text, Loader=Reference)), path  # noqa: S506


def _shape(value: object) -> object:
    """Types and key order, which `==` does not compare."""
    if isinstance(value, dict):
        return [(repr(k), _shape(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


# Most files are read by ryaml (data built in Rust), which reads YAML 1.2 types; PyYAML reads
# every file where the two could disagree. Each text here is one such place: what tebiki reads
# (data, or the error and its line) must be what PyYAML alone reads.
DISAGREEING = [
    "a: 2014-12-12\n  10:30:00\n",  # a timestamp over two lines: its value is not in the text
    "a: [1e3, 1.5e3, +.5, 1.0e+3, .inf]",
    "a: 12345678901234567890123\nb: -99999999999999999999999",  # beyond 64 bits
    "a: 0o17\nb: 0O17\nc: -0o1",
    "a: [0x_1f, 0b_1, 00, 010, 08, 1_000, 1:20, 0x1f, -0b11, +4, -0]",
    "a: '3'\nb: 3",
    "a: '3'\nb: x3",
    "a: '2014-12-12'\nb: 2014-12-12",
    "a: ~\nb: '~'\nc: ''",
    "'1': a\n1: b",
    "1: one\ntrue: yes\n",
    "a: &x 1\nb: &x 2\nc: *x\n",
    "a: &x\n  b: *x\n",
    "a: *x\n",
    "a: 1\n---\nb: 2\n",
    "a: b\x01\n",
    "a: x\x85y",
    "\ufeffa: 1",
    "a:\tb",
    "a: !!str 123\nb: !!int '5'",
    "base: &b {x: 1}\nc:\n  <<: *b\n",
    "a: [., -, +, <, '!', '&', '*', '=']",
    "a: 1\nb: =\n",
    "a: 2017-02-30",
    "a: 'R&D'\nb: &n [1]\nc: *n\nd: 'Q&A'",
    "a: [" * 150 + "]" * 150,  # deeper than serde_yaml's limit (128), within PyYAML's (200)
    "a: [" * 201 + "]" * 201,
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)),
]


def _read(text: str) -> object:
    try:
        data = load_with_lines(text)[0]
    except (YamlSyntaxError, DuplicateKey) as exc:
        return type(exc).__name__, exc.line, str(exc)
    return data, _shape(data)


@pytest.mark.parametrize("text", DISAGREEING, ids=[t[:40] for t in DISAGREEING])
def test_what_ryaml_could_read_otherwise_is_read_as_pyyaml_reads_it(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    read = _read(text)
    monkeypatch.setattr(yaml_lines, "_FAST", None)  # PyYAML alone, as where ryaml has no wheel
    assert _read(text) == read


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE.replace("2014-12-12", "'2014-12-12'").replace(" 1.5,", ""),  # dates quoted, as yaml.dump writes them
        '- id: A-01\n  line: 120\n  correct: true\n  when: "2015-01-20"\n  note: ~\n  x: [a, b]\n',
        "a: 'R&D'\nb: &n [1]\nc: *n\n",
    ],
)
def test_plain_data_is_read_by_ryaml(text: str) -> None:
    """The fast route is taken for data like the project's (the speed of `tebiki validate` depends on it)."""
    data = yaml_lines._fast_data(text)
    assert data is not yaml_lines._SLOW
    assert _shape(data) == _shape(yaml.load(text, Loader=Reference))  # noqa: S506
