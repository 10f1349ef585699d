"""Results of pure, slow steps kept between builds under the site's cache folder.

A build whose inputs did not change (a CI re-run, a build after editing mkdocs.yml or the theme's
assets) reads the loaded project, its generated pages and the files made from the data back
instead of making them again. An entry is named after a SHA-256 of everything its result is
computed from: the input files' bytes, the options, and the code that computes it (every file
of the tebiki package and the name and version of every installed distribution), so a changed
input, an upgraded dependency or an edited template is a new key, never a stale result.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .files import write_atomic

log = logging.getLogger("mkdocs.plugins.tebiki")

_PACKAGE = Path(__file__).parent


@functools.cache
def code_fingerprint() -> bytes:
    """What tebiki's output is computed with: the package's files and the installed distributions."""
    digest = hashlib.sha256(sys.version.encode())
    add_tree(digest, _PACKAGE, skip=("__pycache__",))
    _add_distributions(digest)
    return digest.digest()


@functools.cache
def code_stamp() -> str:
    """The same code as `code_fingerprint`, named by each package file's size and modification
    time instead of its bytes (as Python's own bytecode cache is): a few stat calls where the
    fingerprint reads and hashes the whole package (1.4 MB, some 10 ms of every build)."""
    digest = hashlib.sha256(sys.version.encode())
    for dirpath, dirnames, filenames in os.walk(_PACKAGE):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            info = os.stat(path)
            digest.update(f"{os.path.relpath(path, _PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    _add_distributions(digest)
    return digest.hexdigest()


def _add_distributions(digest: Any) -> None:
    """Distributions are named by their metadata folders (`name-version.dist-info`), one listing of
    each folder on sys.path: far cheaper than asking importlib.metadata for each version."""
    for entry in sys.path:
        try:
            names = sorted(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
        except OSError:  # a zip file, or a folder that does not exist
            continue
        if names:  # not the running script's own folder, which differs between `mkdocs` and `python -m`
            digest.update(f"{entry}\0{names!r}\n".encode())


def add_tree(digest: Any, folder: Path | None, skip: Iterable[str] = ()) -> None:
    """Every regular file under `folder`: its path relative to it and its bytes (a missing folder adds a mark)."""
    if folder is None or not folder.is_dir():
        digest.update(f"no folder {folder}\n".encode())
        return
    skipped = set(skip)
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in skipped)
        for name in sorted(filenames):
            path = Path(dirpath, name)
            add_file(digest, path, path.relative_to(folder).as_posix())


def add_file(digest: Any, path: Path | None, name: str | None = None) -> None:
    """A file's name and bytes, or a mark that it is absent."""
    try:
        data = path.read_bytes() if path is not None else None
    except (FileNotFoundError, IsADirectoryError):
        data = None
    label = (name if name is not None else str(path)).encode()
    if data is None:
        digest.update(b"absent\0" + label + b"\n")
    else:
        digest.update(b"file\0" + label + b"\0" + str(len(data)).encode() + b"\0" + data)


class Memo:
    """The newest entry of each kind of result: `<kind>-<key>.pickle` in `folder`.

    Entries are pickles, read back only from the site's own cache folder (whoever can write
    there can edit mkdocs.yml's hooks as well)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, *parts: bytes | str) -> str:
        digest = hashlib.sha256(self._code())
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(str(len(data)).encode() + b"\0" + data)
        return digest.hexdigest()

    def _code(self) -> bytes:
        """`code_fingerprint`, read from a note named by `code_stamp` when this code was hashed
        before. Keys stay those of the code's bytes, so a fresh checkout or reinstall of the same
        code (new modification times) still reads back what an earlier build kept."""
        note = self.folder / f"code-{code_stamp()}.sha256"
        try:
            known = note.read_bytes()
        except OSError:
            known = b""
        if len(known) == hashlib.sha256().digest_size:
            return known
        fingerprint = code_fingerprint()
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(note, fingerprint)
        for old in self.folder.glob("code-*.sha256"):
            if old != note:
                old.unlink(missing_ok=True)
        return fingerprint

    def _entry(self, kind: str, key: str) -> Path:
        return self.folder / f"{kind}-{key}.pickle"

    def get(self, kind: str, key: str) -> Any | None:
        """The result kept for `key`, or None (never kept, or unreadable: then it is made again)."""
        entry = self._entry(kind, key)
        try:
            data = entry.read_bytes()
        except OSError:
            return None
        try:
            return pickle.loads(data)
        except Exception as exc:  # a truncated or foreign file: a cache miss, not a failed build
            log.debug("Ignoring the unreadable cache entry %s: %s", entry, exc)
            return None

    def newest(self, kind: str) -> Any | None:
        """The entry of `kind` whatever its key (`put` keeps one at most), or None."""
        for entry in sorted(self.folder.glob(f"{kind}-*.pickle")):
            key = entry.name[len(kind) + 1 : -len(".pickle")]
            if len(key) == hashlib.sha256().digest_size * 2:  # this kind's, not one whose name starts the same
                found = self.get(kind, key)
                if found is not None:
                    return found
        return None

    def put(self, kind: str, key: str, value: Any) -> None:
        entry = self._entry(kind, key)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        for old in self.folder.glob(f"{kind}-*.pickle"):
            if old != entry and len(old.name) == len(entry.name):  # this kind's, not one whose name starts the same
                old.unlink(missing_ok=True)
