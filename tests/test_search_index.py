"""Pagefind run as a service started with the build: same bundle as the CLI, clean failures, no stray process."""

from __future__ import annotations

import os
import random
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from support import child_processes
from tebiki.publish import search

PAGE = """<!doctype html><html lang="ja"><head><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p>
<div class="hidden-widget">{hidden}</div></main></body></html>"""


def small_site(root: Path) -> Path:
    pages = {
        "index.html": ("委託先の監督", "再委託先まで目を配り、契約で安全管理を求めます。", "こたえ"),
        "sub/index.html": ("第三者からの取得", "提供元が適正に取得したかを確かめます。", ""),
    }
    for rel, (title, text, hidden) in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, text=text, hidden=hidden), encoding="utf-8")
    return root


def bundle(site: Path) -> dict[str, bytes]:
    # pagefind-ui.js is copied verbatim by both, save a trailing newline the CLI adds; the list
    # of the index's words is tebiki's own addition.
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in (site / "pagefind").rglob("*")
        if p.is_file() and p.name not in {"pagefind-ui.js", search.WORDS}
    }


def pagefind_children() -> list[str]:
    found = []
    for child in child_processes(os.getpid()):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except FileNotFoundError:  # ended meanwhile: not left behind
            continue
        if "pagefind" in cmdline:
            found.append(cmdline)
    return found


def test_bundle_is_the_one_the_cli_writes(tmp_path: Path) -> None:
    ours = small_site(tmp_path / "ours")
    cli = small_site(tmp_path / "cli")
    search.index_site(ours, exclude=[".hidden-widget"])
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(cli), "--silent", "--exclude-selectors", ".hidden-widget"],
        check=True,
    )
    assert (ours / "pagefind" / "pagefind.js").exists()
    assert bundle(ours) == bundle(cli)
    assert '"ja"' in (ours / "pagefind" / "pagefind-entry.json").read_text()


def test_a_bundle_longer_than_the_clients_message_limit_is_written_whole(tmp_path: Path) -> None:
    # Pagefind's Python client reads each answer of the service with a 2 MiB limit; this bundle,
    # about 2 MB of index (2.8 MB as base64), comes back as one answer.
    rnd = random.Random(1)
    for n in range(80):
        words = " ".join("".join(rnd.choices(string.ascii_lowercase, k=8)) for _ in range(1200))
        page = tmp_path / "ours" / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=f"P{n}", text=words, hidden=""), encoding="utf-8")
    shutil.copytree(tmp_path / "ours", tmp_path / "cli")
    # In a child process, so that a client stuck on a too-long answer fails the test instead of hanging it.
    code = "import sys, pathlib; from tebiki.publish import search; search.index_site(pathlib.Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "ours")], check=True, timeout=60)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(tmp_path / "cli"), "--silent"], check=True)
    assert sum(map(len, bundle(tmp_path / "ours").values())) > 3 * 2**21 // 4
    assert bundle(tmp_path / "ours") == bundle(tmp_path / "cli")


def test_a_folder_without_pages_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no HTML here", encoding="utf-8")
    with pytest.raises(search.SearchIndexError, match="no page to index"):
        search.index_site(tmp_path)
    assert pagefind_children() == []


def test_closing_unused_indexer_stops_the_service(tmp_path: Path) -> None:
    indexer = search.Indexer()
    indexer._ready.result(timeout=60)  # wait until the service runs, so that closing has something to stop
    assert pagefind_children(), "the service should be running before close()"
    indexer.close()
    indexer.close()  # a second close, as on_shutdown does after on_build_error, is harmless
    assert pagefind_children() == []


def test_index_words_count_the_pages_pagefind_finds_for_each(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    search.index_site(site)
    words = search.index_words(site / "pagefind")
    assert not [w for w in words if w.isascii()]
    # 委託 is on one page only (the other page speaks of 提供元), and 取得 on the second.
    assert len(words["委託"]) == 1 and len(words["取得"]) == 1
    script = (site / "pagefind" / search.WORDS).read_text(encoding="utf-8")
    assert script.startswith("window.tebikiSearchWords = {")


def test_offline_bundle_is_classic_scripts_only(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    search.index_site(site)
    embedded = search.embed_bundle(site)
    bundle = site / "pagefind"
    left = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()]
    assert embedded >= 4  # entry, metadata, an index chunk, fragments
    assert all(name.endswith((".js", ".css")) for name in left), left
    assert "pagefind-worker.js" not in left  # Chromium runs no worker from file://
    # Each is a classic script (no import/export), as <script src> from file:// needs.
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-entry.json.js"):
        check = subprocess.run(["node", "--check", str(bundle / name)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, f"{name}: {check.stderr}"
    module = (bundle / "pagefind.js").read_text(encoding="utf-8")
    assert "import.meta" not in module and "window.tebikiPagefind" in module
    assert "import(" not in (bundle / "pagefind-ui.js").read_text(encoding="utf-8")


def test_an_unknown_pagefind_module_is_a_clear_error(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    search.index_site(site)
    ui = site / "pagefind" / "pagefind-ui.js"
    ui.write_text(ui.read_text(encoding="utf-8").replace("import(`${r}pagefind.js`)", "load()"), encoding="utf-8")
    with pytest.raises(search.SearchIndexError, match="Pagefind changed"):
        search.embed_bundle(site)
    assert (site / "pagefind" / "pagefind-entry.json").exists(), "nothing rewritten before the check"
