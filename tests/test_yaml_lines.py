"""The YAML reader: same data as PyYAML's safe loader, and lines for error messages."""

from __future__ import annotations

import datetime as dt

import pytest

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
