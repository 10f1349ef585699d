"""Build-time parts of the benchmark: generator overhead, scaling, validation and coverage speed."""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load
from pydantic import TypeAdapter

from tebiki import translations
from tebiki.checks import coverage
from tebiki.cli import main as tebiki_main
from tebiki.data.project import Paths, load_project
from tebiki.data.yaml_lines import load_with_lines
from tebiki.generate.nav import default_nav, expand_nav
from tebiki.generate.theme_files import OVERRIDES, QUIZ_LOCALES
from tebiki.mkdocs_plugin import theme
from tebiki.publish import search
from tools.bench import measure, synthetic
from tools.bench.edits import FieldEdit
from tools.bench.report import Figure, Results

MKDOCS = str(Path(sys.executable).parent / "mkdocs")
# Builds run with byte-compiled modules, as on a maintainer's machine: with PYTHONDONTWRITEBYTECODE
# set (some CI and sandbox shells set it) every tebiki module is compiled from source on every
# build, some 0.1 s of CPU that only the plugin's builds pay (plain MkDocs' modules are installed
# with their .pyc files).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_MKDOCS_2_WARNING": "1"}
# What `make site` and the tests build from; quizzes/ only once it exists.
PROJECT_PARTS = ("mkdocs.yml", "docs", "guideline", "quizzes")

OVERHEAD_GOAL = 1.10
EDITED = "plugin page generation only, data edited before each build"
EDITED_FILE = "guideline/sections/point1-security.yml"  # its first item's `plain` text gets a word
SCALING_GOAL = 5.5
SPEED_GOAL = 1.0
PRINT_GOAL_S = 20.0  # the reference of 1,000 items


def copy_project(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, dirs_exist_ok=True)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def write_variant(project: Path, name: str, overrides: dict) -> Path:
    """A config that inherits mkdocs.yml and replaces some top-level keys (MkDocs INHERIT:
    mappings merge, lists such as `plugins` and `nav` are replaced)."""
    path = project / name
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", **overrides}, allow_unicode=True), encoding="utf-8")
    return path


def plain_configs(project: Path, docs: Path) -> tuple[Path, Path]:
    """Plain MkDocs + Material on the Markdown tebiki generates, configured as the plugin
    configures a site (theme features and overrides, Markdown extensions, stylesheets and
    scripts, mkdocs-quiz with tebiki's options, the default nav), but without the plugin;
    once with no plugin at all and once with Material's own search, which is what a
    plain site would index itself with."""
    with contextlib.redirect_stdout(io.StringIO()):
        tebiki_main(["--root", str(project), "generate", "--out", str(docs), "--include-docs"])
    with open(project / "mkdocs.yml", "rb") as fh:
        config = yaml_load(fh)
    theme_config = config.get("theme") or {}
    translations.activate(theme_config.get("language"))  # the default nav's labels
    loaded = load_project(Paths.under(project))
    nav = config.get("nav") or default_nav(loaded, _own_pages(project / "docs"))
    # Without the plugin, what it adds to a site must be named.
    plain = {
        "docs_dir": str(docs),
        "nav": expand_nav(nav, loaded),
        "theme": {
            **theme_config,
            "custom_dir": str(OVERRIDES),
            "font": False,
            "features": [*theme_config.get("features", []), *theme.FEATURES],
        },
        "markdown_extensions": [{name: options} for name, options in theme.MARKDOWN_EXTENSIONS.items()],
        "extra_css": theme.EXTRA_CSS,
        "extra_javascript": theme.EXTRA_JAVASCRIPT,
        "hooks": [str(Path(__file__).with_name("plain_hooks.py"))],
    }
    quiz_translations = {po.stem: str(po) for po in sorted(QUIZ_LOCALES.glob("*.po"))}
    quiz = {theme.QUIZ_PLUGIN: {**theme.QUIZ_OPTIONS, "custom_translations": quiz_translations}}
    others = [*_plugins(project, None), quiz]
    return (
        write_variant(project, "mkdocs-plain.yml", {**plain, "plugins": others}),
        write_variant(project, "mkdocs-plain-search.yml", {**plain, "plugins": ["search", *others]}),
    )


def _own_pages(docs: Path) -> list[str]:
    """The site's hand-written pages in the order the plugin lists them in its default nav."""
    pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    return sorted(pages, key=lambda p: (tuple(p.split("/")[:-1]), Path(p).stem not in ("index", "README"), p))


def generation_only_config(project: Path, name: str = "mkdocs-generate-only.yml", **options: object) -> Path:
    """The plugin without its output checks (Pagefind index, coverage); `options` change more."""
    plugin = {"search": False, "coverage": False, "coverage_report": None, **options}
    return write_variant(project, name, {"plugins": _plugins(project, plugin)})


def _plugins(project: Path, tebiki: dict | None) -> list:
    """The plugins of mkdocs.yml with tebiki's options changed, or without tebiki (None)."""
    with open(project / "mkdocs.yml", "rb") as fh:
        entries = yaml_load(fh).get("plugins") or []
    if isinstance(entries, dict):
        entries = [{name: options} for name, options in entries.items()]
    out: list = []
    for entry in entries:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name != "tebiki":
            out.append(entry)
        elif tebiki is not None:
            options = {} if isinstance(entry, str) else (entry[name] or {})
            out.append({"tebiki": {**options, **tebiki}})
    return out


def build(config: Path, site: Path, *flags: str) -> measure.Run:
    return measure.run([MKDOCS, "build", "-q", *flags, "-f", str(config), "-d", str(site)], cwd=config.parent, env=ENV)


def edit_then_build(edit: Callable[[], None], config: Path, site: Path) -> measure.Run:
    """A build after an edit of an item's text (a word appended, as the preview loop does):
    nothing kept from the last build can be read back, so the project is loaded, validated and
    generated (an edit that leaves the project equal, a comment, would reuse the pages)."""
    edit()
    return build(config, site, "--strict")


def overhead(root: Path, work: Path, rounds: int, results: Results) -> Path:
    """Default site with the plugin against plain MkDocs + Material on the same Markdown.

    Returns the folder of the site built with the plugin, for the page-weight part.
    """
    project = copy_project(root, work / "project")
    plain, plain_search = plain_configs(project, work / "plain-docs")
    configs = {
        "plugin with output checks": project / "mkdocs.yml",
        "plugin page generation only": generation_only_config(project),
        "plain MkDocs + Material": plain,
        "plain + Material search": plain_search,
    }
    sites = {name: work / f"site-{i}" for i, name in enumerate(configs)}
    commands = {name: functools.partial(build, config, sites[name], "--strict") for name, config in configs.items()}
    # The same on a copy whose data changes before every build, with a cache of its own: the text
    # edited is in printed documents, and a new PDF replaces the cache's entry of the same name,
    # which the other builds' rounds would then typeset again. Its printed documents are left
    # out, as plain MkDocs makes none (the first build of the site with them is reported above).
    edited = copy_project(root, work / "project-edited")
    edited_config = generation_only_config(edited, pdf="", reference_pdf="")
    edit = FieldEdit(edited / EDITED_FILE, "plain")
    commands[EDITED] = functools.partial(edit_then_build, edit, edited_config, work / "site-edited")
    # Warm-up: byte-compiled modules, the file cache and the typeset-PDF cache, as on a maintainer's
    # machine. The plugin's first build, with that cache still empty, is reported beside the ratios.
    first = {name: command() for name, command in commands.items()}["plugin with output checks"]
    runs = measure.alternate(commands, rounds)
    bare = runs["plain MkDocs + Material"]
    results.details["overhead"] = {name: [r.to_dict() for r in rs] for name, rs in runs.items()}
    searched = runs["plain + Material search"]
    results.add(
        Figure("overhead", "plain MkDocs + Material build", measure.median([r.wall for r in bare]), "s"),
        Figure(
            "overhead",
            "plain + Material search build",
            measure.median([r.wall for r in searched]),
            "s",
            note="Material's own search plugin (lunr; no Japanese word segmentation without extra setup)",
        ),
    )
    results.add(
        Figure(
            "overhead",
            "plugin with output checks, first build (PDFs typeset)",
            first.wall,
            "s",
            note=f"one run, CPU {first.cpu:.1f} s; the rounds below read the PDFs from .tebiki/cache",
        )
    )
    for name in ("plugin with output checks", "plugin page generation only", EDITED):
        ours = runs[name]
        wall = measure.median_ratio([r.wall for r in ours], [r.wall for r in bare])
        cpu = measure.median_ratio([r.cpu for r in ours], [r.cpu for r in bare])
        results.add(
            Figure("overhead", f"{name} build", measure.median([r.wall for r in ours]), "s"),
            Figure(
                "overhead",
                f"{name} / plain (wall)",
                wall,
                "×",
                f"≤ {OVERHEAD_GOAL:.2f}",
                wall <= OVERHEAD_GOAL,
                note=f"median of {rounds} alternating rounds; CPU-time ratio {cpu:.3f}",
            ),
        )
    # Pagefind alone on the site the plugin built without output checks: the cost of Japanese search.
    unindexed = sites["plugin page generation only"]
    pagefind = []
    for _ in range(rounds):
        shutil.rmtree(unindexed / "pagefind", ignore_errors=True)
        pagefind += [t.wall for t in measure.timed(lambda: search.index_site(unindexed), 1)]
    results.details["overhead"]["pagefind_s"] = pagefind
    results.add(
        Figure(
            "overhead",
            "Pagefind (Japanese) alone on the built site",
            measure.median(pagefind),
            "s",
            note="the extended build loads its Japanese dictionary on every run",
        )
    )
    return sites["plugin with output checks"]


def scaling(root: Path, work: Path, sizes: list[int], rounds: int, results: Results) -> None:
    """Synthetic guidelines built end to end with the default plugin options but the PDF."""
    configs = {}
    for n in sizes:
        project = synthetic.write_project(work / f"synthetic-{n}", synthetic.Plan(n), root)
        # Without the printed pamphlet: WeasyPrint typesetting every item took over two
        # minutes at 1,000 items, outweighing the rest of the build (see tools/bench/README.md).
        configs[n] = write_variant(
            project, "mkdocs-no-pdf.yml", {"plugins": _plugins(project, {"pdf": "", "reference_pdf": ""})}
        )
    # Not --strict: the copied hand-written pages may link to pages only the real data has.
    commands = {n: functools.partial(build, config, work / f"synthetic-site-{n}") for n, config in configs.items()}
    runs = measure.alternate(commands, rounds)
    results.details["scaling"] = {str(n): [r.to_dict() for r in rs] for n, rs in runs.items()}
    for n in sizes:
        results.add(
            Figure("scaling", f"{n:,} items: build", measure.median([r.wall for r in runs[n]]), "s"),
            Figure("scaling", f"{n:,} items: peak memory", max(r.peak_mb for r in runs[n]), "MiB"),
        )
    if 1000 in runs and 5000 in runs:
        wall = measure.median_ratio([r.wall for r in runs[5000]], [r.wall for r in runs[1000]])
        cpu = measure.median_ratio([r.cpu for r in runs[5000]], [r.cpu for r in runs[1000]])
        results.add(
            Figure(
                "scaling",
                "time(5,000) / time(1,000)",
                wall,
                "×",
                f"≤ {SCALING_GOAL}",
                wall <= SCALING_GOAL,
                note=f"median of {rounds} alternating rounds; CPU-time ratio {cpu:.2f}",
            )
        )


def printing(root: Path, work: Path, sizes: list[int], results: Results) -> None:
    """Typesetting the printed reference (left out of the scaling builds) on synthetic guidelines,
    each in a process of its own: time, CPU time and peak memory, workers included."""
    runs = {}
    for n in sizes:
        project = synthetic.write_project(work / f"synthetic-{n}", synthetic.Plan(n), root)
        runs[n] = measure.run([sys.executable, "-m", "tools.bench.typeset_one", str(project)], cwd=root, env=ENV)
        results.add(
            Figure(
                "print",
                f"{n:,} items: reference typeset",
                runs[n].wall,
                "s",
                f"< {PRINT_GOAL_S:.0f} s" if n == 1000 else "",
                runs[n].wall < PRINT_GOAL_S if n == 1000 else None,
                note=f"CPU {runs[n].cpu:.1f} s (every core); from scratch, no cache",
            ),
            Figure("print", f"{n:,} items: peak memory", runs[n].peak_mb, "MiB", note="largest process"),
        )
    results.details["print"] = {str(n): r.to_dict() for n, r in runs.items()}
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        ratio = runs[large].cpu / runs[small].cpu
        results.add(
            Figure("print", f"CPU time({large:,}) / time({small:,})", ratio, "×", note=f"{large // small}× the items")
        )


def _read_yaml(texts: list[str]) -> list:
    """Every text read as `load_project` reads it: with the garbage collector paused, as it is there."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [load_with_lines(text) for text in texts]
    finally:
        if enabled:
            gc.enable()


def _models_cpu(paths: Paths, repeat: int) -> float:
    """The best CPU time, over `repeat` calls of `load_project`, spent in pydantic's validation of
    the parsed files (`TypeAdapter.validate_python`, one call per file); the rest of validation
    beside reading the YAML is the cross-checks and quotes."""
    spent = [0.0]
    validate = TypeAdapter.validate_python

    def timed_validate(self: TypeAdapter, *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return validate(self, *args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    best = float("inf")
    TypeAdapter.validate_python = timed_validate  # type: ignore[method-assign]
    try:
        for _ in range(repeat):
            spent[0] = 0.0
            load_project(paths)
            best = min(best, spent[0])
    finally:
        TypeAdapter.validate_python = validate  # type: ignore[method-assign]
    return best


def speed(root: Path, work: Path, items: int, repeat: int, results: Results) -> None:
    """Validation (`load_project`) and `coverage.check` on a built synthetic site."""
    project = synthetic.write_project(work / f"synthetic-{items}", synthetic.Plan(items), root)
    paths = Paths.under(project)
    validation = measure.timed(lambda: load_project(paths), repeat)
    # The part of it that only reads YAML (libyaml through PyYAML: nodes, then data), file by file.
    texts = [p.read_text(encoding="utf-8") for d in (paths.data, paths.quizzes) for p in sorted(d.rglob("*.yml"))]
    reading = measure.timed(lambda: _read_yaml(texts), repeat)
    models = _models_cpu(paths, repeat)
    guideline = load_project(paths).guideline
    # The site is built once without the plugin's own output checks; they are what is timed here.
    site = work / f"synthetic-site-{items}"
    # Without the printed pamphlet: typesetting 10,000 items would take far longer than the pages.
    built = build(generation_only_config(project, "mkdocs-pages-only.yml", pdf="", reference_pdf=""), site)
    check_times = measure.timed(lambda: coverage.check(guideline, site), repeat)
    report = coverage.check(guideline, site)
    results.details["speed"] = {
        "items": items,
        "validation": [asdict(t) for t in validation],
        "yaml_reading": [asdict(t) for t in reading],
        "models_cpu": models,
        "coverage": [asdict(t) for t in check_times],
        "build": built.to_dict(),
        "coverage_ok": report.ok,
    }
    label = f"{items:,} items"
    built_note = f"coverage.check on the built synthetic site ({built.wall:.0f} s to build)"
    for name, times, what, ok in (
        ("validation", validation, "load_project (parse, validate, cross-check, quotes)", True),
        ("coverage check", check_times, built_note, report.ok),
    ):
        # The best run: what the call itself costs; slower runs measure the other work on the machine.
        cpu = min(t.cpu for t in times)
        wall = min(t.wall for t in times)
        results.add(
            Figure(
                "speed",
                f"{name}, {label} (CPU)",
                cpu,
                "s",
                f"< {SPEED_GOAL:.0f} s",
                cpu < SPEED_GOAL and ok,
                note=f"{what}, in process, best of {repeat}; wall {wall:.2f} s on this shared machine"
                + ("" if ok else "; the check found gaps"),
            )
        )
        if name == "validation":
            results.add(
                Figure(
                    "speed",
                    f"of which reading the YAML, {label} (CPU)",
                    min(t.cpu for t in reading),
                    "s",
                    note=f"load_with_lines on the {len(texts)} data files alone, best of {repeat}",
                ),
                Figure(
                    "speed",
                    f"of which validating the models (pydantic), {label} (CPU)",
                    models,
                    "s",
                    note=f"TypeAdapter.validate_python within load_project, best of {repeat}; "
                    "the rest is the cross-checks and quotes",
                ),
            )
