"""The maintainer's preview loop: `mkdocs serve` open, one edit, until the page shows it.

For each kind of edit (an item's text, a quiz explanation, a checklist entry), the data file is
written with a new marker at the end of the field and the served page is fetched until it holds
the marker. The same loop runs on plain MkDocs + Material serving the Markdown tebiki generates,
with the marker written into that Markdown, rendered as the plugin has it rendered: the same
Markdown extensions, Material features and mkdocs-quiz (which the plugin adds in on_config, so
mkdocs.yml alone would render the quiz pages as raw text and skip the extensions' work).
"""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from tebiki.generate.theme_files import QUIZ_LOCALES
from tebiki.mkdocs_plugin.theme import FEATURES, MARKDOWN_EXTENSIONS, QUIZ_OPTIONS, QUIZ_PLUGIN
from tools.bench import builds
from tools.bench.edits import field_end
from tools.bench.report import Figure, Results

GOAL_SECONDS = 1.5
GOAL_RATIO = 1.3
TIMEOUT = 120.0
FIRST_BUILD_TIMEOUT = 900.0  # the copy has no PDF cache: everything printed is typeset


@dataclass(frozen=True)
class Edit:
    label: str
    data_file: str  # relative to the project
    key: str  # the first field of this name in the file (after `after`) gets the marker
    after: str = ""


EDITS = (
    Edit("an item's text", "guideline/sections/point1-security.yml", "plain"),
    Edit("a quiz explanation", "quizzes/point1.yml", "explanation"),
    Edit("a checklist entry", "guideline/checklist.yml", "title", after="entries:"),
)


def _value_tail(text: str, end: int) -> str:
    """The last characters of the field's text, as the generated Markdown repeats them."""
    line = text[:end].rsplit("\n", 1)[-1].strip()
    return re.sub(r"^(- )?[A-Za-z_]+: ", "", line)


class Server:
    """`mkdocs serve` on a free port, its log read in a thread."""

    def __init__(self, config: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        cmd = [builds.MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"]
        self.proc = subprocess.Popen(
            cmd, cwd=config.parent, env=builds.ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.log: list[str] = []
        self.reloads = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.log.append(line)
            if "Reloading browsers" in line:
                self.reloads += 1

    def fetch(self, url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                return str(response.read().decode("utf-8", "replace"))
        except (urllib.error.URLError, ConnectionError):
            return ""

    def wait_for(self, url: str, text: str, timeout: float = TIMEOUT) -> float:
        """Seconds until `url` holds `text` (polled; each request waits for a build under way)."""
        start = time.perf_counter()
        while text not in self.fetch(url):
            if self.proc.poll() is not None:
                raise RuntimeError("mkdocs serve ended:\n" + "".join(self.log[-40:]))
            if time.perf_counter() - start > timeout:
                raise RuntimeError(f"{url} never showed {text!r}:\n" + "".join(self.log[-40:]))
            time.sleep(0.02)
        return time.perf_counter() - start

    def settle(self) -> None:
        """Wait until the server and every process it started (the background worker typesetting
        PDFs, Pagefind) have used no CPU for half a second: the previous edit's background work is
        done, and what is timed next is that edit alone."""

        def tree(pid: int) -> list[int]:
            found = [pid]
            for task in Path(f"/proc/{pid}/task").glob("*"):
                try:
                    children = (task / "children").read_text().split()
                except OSError:  # the thread (or the process) ended meanwhile
                    continue
                for child in children:
                    found += tree(int(child))
            return found

        def cpu() -> int:
            total = 0
            for pid in tree(self.proc.pid):
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
                except OSError:  # ended: the total drops, which counts as activity
                    continue
                total += int(fields[11]) + int(fields[12])
            return total

        last, quiet_since = cpu(), time.perf_counter()
        while time.perf_counter() - quiet_since < 0.5:
            time.sleep(0.1)
            now = cpu()
            if now != last:
                last, quiet_since = now, time.perf_counter()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _page_of(markdown_root: Path, tail: str) -> Path:
    found = [p for p in sorted(markdown_root.rglob("*.md")) if tail in p.read_text(encoding="utf-8")]
    if not found:
        raise RuntimeError(f"no generated page holds {tail!r}")
    return found[0]


def _url(base: str, page: Path, docs: Path) -> str:
    rel = page.relative_to(docs).with_suffix("").as_posix()
    rel = rel.removesuffix("index").removesuffix("/")
    return base + (rel + "/" if rel else "")


def _loop(server: Server, url: str, path: Path, pristine: str, at: int, edits: int, label: str) -> list[float]:
    times = []
    for n in range(edits):
        marker = f"Zq{label}{n}x"
        server.settle()
        path.write_text(pristine[:at] + marker + pristine[at:], encoding="utf-8")
        times.append(server.wait_for(url, marker))
    path.write_text(pristine, encoding="utf-8")
    server.settle()
    return times


def rendered_alike(project: Path, plain_config: Path) -> Path:
    """The plain config with what the plugin adds to every site's rendering: Markdown extensions,
    Material features and mkdocs-quiz with tebiki's options and catalogs (no tebiki code runs)."""
    with open(plain_config, "rb") as fh:
        plain = yaml_load(fh)
    plain.pop("INHERIT", None)
    quiz = {**QUIZ_OPTIONS, "custom_translations": {po.stem: str(po) for po in sorted(QUIZ_LOCALES.glob("*.po"))}}
    theme = {**plain.get("theme", {}), "features": FEATURES, "font": False}
    with open(project / "mkdocs.yml", "rb") as fh:
        theme = {**(yaml_load(fh).get("theme") or {}), **theme}
    return builds.write_variant(
        project,
        "mkdocs-plain-serve.yml",
        {
            **plain,
            "theme": theme,
            "markdown_extensions": [{name: options} for name, options in MARKDOWN_EXTENSIONS.items()],
            "plugins": [*plain.get("plugins", []), {QUIZ_PLUGIN: quiz}],
        },
    )


def preview(root: Path, work: Path, edits: int, results: Results) -> None:
    project = builds.copy_project(root, work / "project")
    plain_docs = work / "plain-docs"
    plain_config = rendered_alike(project, builds.plain_configs(project, plain_docs)[0])
    with open(project / "mkdocs.yml", "rb") as fh:
        site_url = yaml_load(fh).get("site_url") or "/"
    base_path = urlsplit(site_url).path or "/"
    targets = []
    for edit in EDITS:
        data = project / edit.data_file
        text = data.read_text(encoding="utf-8")
        at = field_end(text, edit.key, text.index(edit.after))
        tail = _value_tail(text, at)
        page = _page_of(plain_docs, tail)
        md = page.read_text(encoding="utf-8")
        targets.append((edit, data, text, at, page, md, md.index(tail) + len(tail), _url(base_path, page, plain_docs)))
    figures: dict[str, dict[str, list[float]]] = {}
    for name, config in (("tebiki", project / "mkdocs.yml"), ("plain", plain_config)):
        server = Server(config)
        try:
            origin = f"http://127.0.0.1:{server.port}"
            for i, (edit, data, text, at, page, md, md_at, url) in enumerate(targets):
                if i == 0:
                    server.wait_for(origin + url, "</html>", FIRST_BUILD_TIMEOUT)  # PDFs typeset afresh
                path, pristine, offset = (data, text, at) if name == "tebiki" else (page, md, md_at)
                times = _loop(server, origin + url, path, pristine, offset, edits, str(i))
                figures.setdefault(edit.label, {})[name] = times
        finally:
            server.stop()
    results.details["preview"] = figures
    for label, runs in figures.items():
        ours, plain = statistics.median(runs["tebiki"]), statistics.median(runs["plain"])
        results.add(
            Figure("preview", f"edit {label}: plain MkDocs + Material until served", round(plain, 2), "s"),
            Figure(
                "preview",
                f"edit {label}: with the plugin until served",
                round(ours, 2),
                "s",
                f"≤ {GOAL_SECONDS} s",
                ours <= GOAL_SECONDS,
                note=f"median of {len(runs['tebiki'])}: " + ", ".join(f"{t:.2f}" for t in runs["tebiki"]),
            ),
            Figure(
                "preview",
                f"edit {label}: with the plugin / plain",
                round(ours / plain, 2),
                "×",
                f"≤ {GOAL_RATIO}",
                ours / plain <= GOAL_RATIO,
            ),
        )
