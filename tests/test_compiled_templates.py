"""The theme's templates are compiled once and kept between builds, and an edited template is
never served from the kept code. Each `_CompiledTemplates()` stands for a new process (a new
`mkdocs build`): it starts with nothing in memory and finds what an earlier one wrote to disk."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from tebiki.mkdocs_plugin.theme import _CompiledTemplates


def environment(folder: Path, compiled: list[str]) -> jinja2.Environment:
    """An environment like MkDocs' (a folder of templates), counting what it compiles."""

    class Counting(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def, override]
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    env = Counting(loader=jinja2.FileSystemLoader(str(folder)), auto_reload=False)
    env.bytecode_cache = _CompiledTemplates()
    return env


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "overrides"
    folder.mkdir()
    (folder / "main.html").write_text("<p>{{ greeting }}, {{ name }}</p>", encoding="utf-8")
    return folder


def test_a_second_build_runs_the_compiled_code_of_the_first(templates: Path) -> None:
    first: list[str] = []
    assert environment(templates, first).get_template("main.html").render(greeting="Hello", name="A") == (
        "<p>Hello, A</p>"
    )
    second: list[str] = []
    assert environment(templates, second).get_template("main.html").render(greeting="Hi", name="B") == "<p>Hi, B</p>"
    assert first == ["main.html"] and second == []


def test_an_edited_template_is_compiled_afresh(templates: Path) -> None:
    environment(templates, []).get_template("main.html").render(greeting="Hello", name="A")
    (templates / "main.html").write_text("<p>{{ greeting }}! {{ name }}</p>", encoding="utf-8")
    again: list[str] = []
    assert environment(templates, again).get_template("main.html").render(greeting="Hello", name="A") == (
        "<p>Hello! A</p>"
    )
    assert again == ["main.html"]


def test_a_damaged_cache_file_is_compiled_afresh(templates: Path) -> None:
    """A file cut short (a build killed while another wrote it) is not code to run."""
    env = environment(templates, [])
    env.get_template("main.html")
    cache = env.bytecode_cache
    assert isinstance(cache, _CompiledTemplates)
    bucket = cache.get_bucket(env, "main.html", str(templates / "main.html"), (templates / "main.html").read_text())
    written = Path(cache._disk._get_cache_filename(bucket))  # type: ignore[attr-defined]
    written.write_bytes(written.read_bytes()[:20])
    again: list[str] = []
    assert environment(templates, again).get_template("main.html").render(greeting="Hello", name="A") == (
        "<p>Hello, A</p>"
    )
    assert again == ["main.html"]
