"""Slow artefacts made off the preview's path: while `mkdocs serve` runs, the files made from the
data that no page shows (PDFs, QTI packages, QR codes) are remade in a child process, and the
search index in Pagefind's, and the slide decks' PDFs (typeset from their built pages), after
the page is served; the preview keeps the previous files
meanwhile. A child process, not a thread: WeasyPrint is Python, and a thread holding the GIL
would slow the very rebuild it is meant to stay out of. When new files are ready the worker
asks for a rebuild, which then only copies them in.

A one-off `mkdocs build` never uses this: there every artefact is made before the site is
published.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .. import translations
from ..data.problems import DataError
from ..data.project import Paths, Project, load_project
from ..generate import handouts, has_short, pamphlet_html, reference_html
from ..generate.kept import inputs_digest, scope
from ..memo import Memo
from . import documents, typeset
from .deck_pool import DeckPool
from .reproducible import build_date
from .workers import end_with_parent

log = logging.getLogger("mkdocs.plugins.tebiki")


@dataclass(frozen=True)
class Request:
    """What the data-made files depend on besides the data: the site's URLs and names."""

    paths: Paths
    urls: dict[str, str]  # docs path -> absolute URL on the published site
    site_name: str
    site_url: str | None
    pdf: str  # the pamphlet's path, "" for none
    reference: str  # the item-by-item reference's path, "" for none
    cache: Path | None

    def fingerprint(self) -> str:
        """Everything the files are made from: every data file's bytes and this request."""
        digest = hashlib.sha256(
            repr((sorted(self.urls.items()), self.site_name, self.site_url, self.pdf, self.reference)).encode()
        )
        for folder in (self.paths.data, self.paths.quizzes):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file():
                    digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()


@dataclass(frozen=True)
class Made:
    fingerprint: str
    files: dict[str, bytes]  # docs path -> content
    errors: dict[str, str]  # docs path (or "data") -> what went wrong
    # A one-off build's PDFs, typeset in workers while MkDocs renders the pages (after an edit the
    # reference takes seconds) or read from the cache: `finish_printing` adds them to `files`.
    printing: tuple[typeset.PrintJob, ...] = ()
    keep: Callable[[], None] | None = None  # keeps `files` in the memo once they are all there


def made_once(request: Request, project: Project | None, memo: Memo | None, pool: DeckPool | None = None) -> Made:
    """`make_files` for a one-off build, read from `memo` when the same inputs made them before
    (the same files, options, day, language and installed fonts); only a success is kept. With
    `pool`, the PDFs are left to it and kept with the rest by `finish_printing`."""
    if memo is None:
        return make_files(request, project, pool)
    paths = request.paths
    before = inputs_digest(paths)
    options = repr((sorted(request.urls.items()), request.site_name, request.site_url, request.pdf, request.reference))
    parts = (options, translations.active(), build_date().isoformat(), typeset.fonts_fingerprint())
    kind, key = f"made-{scope(paths)}", memo.key("made", before, *parts)
    files = memo.get(kind, key)
    if isinstance(files, dict):
        return Made("", files, {})
    made = make_files(request, project, pool)

    def keep() -> None:
        if inputs_digest(paths) == before:
            memo.put(kind, key, made.files)

    if made.errors:
        return made
    if made.printing:
        return replace(made, keep=keep)
    keep()
    return made


def finish_printing(made: Made, pool: DeckPool) -> dict[str, bytes]:
    """The PDFs `made_once` started in `pool` (a `TypesetError` raised here), added to `made.files`."""
    printed = {job.name: pool.result(job) for job in made.printing}
    made.files.update(printed)
    if made.keep is not None:
        made.keep()
    return printed


def make_files(request: Request, project: Project | None = None, pool: DeckPool | None = None) -> Made:
    """Every file made from the data that no page shows, from `project` or (in the child
    process) from the data folders; with `pool`, the PDFs to typeset are started there instead."""
    fingerprint = request.fingerprint() if project is None else ""
    if project is None:
        try:
            project = load_project(request.paths)
        except DataError as exc:  # the rebuild reports it too; keep the previous files
            return Made(fingerprint, {}, {"data": exc.report()})
    from ..generate import qti  # here: its XML writer pulls in urllib, which a build reading kept files never needs

    url_of = request.urls.get
    files: dict[str, bytes] = dict(qti.packages(project, url_of))
    try:
        files.update(handouts.qr_images(project, url_of))
        jobs = documents.handout_jobs(project, url_of, site_name=request.site_name)
    except handouts.HandoutError as exc:
        return Made(fingerprint, files, {"handouts": str(exc)})
    issued = build_date()
    if request.pdf:
        html = pamphlet_html(project, site_name=request.site_name, site_url=request.site_url, issued=issued)
        jobs.append(typeset.replace_name(typeset.pamphlet_job(html, short=has_short(project)), request.pdf))
    # The item-by-item reference: a PDF of its own when the guideline describes a short pamphlet
    # (else the pamphlet is the reference, and the plugin asks for it once: generate/download.py).
    if request.reference:
        html = reference_html(project, site_name=request.site_name, site_url=request.site_url, issued=issued)
        jobs.append(typeset.replace_name(typeset.reference_job(html), request.reference))
    errors = {}
    printing = []
    for job in jobs:
        if pool is not None:
            pool.start(job)  # typeset there unless the cache holds it; `finish_printing` reads either
            printing.append(job)
            continue
        try:
            files[job.name] = job.pdf(request.cache)
        except typeset.TypesetError as exc:
            errors[job.name] = str(exc)
            if project is not None and fingerprint == "":
                break  # a one-off build fails on the first one
    return Made(fingerprint, files, errors, tuple(printing))


class Worker:
    """Remakes the data-made files in a child process and indexes snapshots of the site,
    newest request first: after three quick edits only the last state is made."""

    def __init__(
        self,
        on_ready: Callable[[], None],
        made: Made,
        exclude: Sequence[str],
        site_lock: threading.Lock,
    ) -> None:
        self._on_ready = on_ready
        self._site_lock = site_lock  # held by a build while it writes the site
        self._exclude = list(exclude)
        self._cond = threading.Condition()
        self.made = made  # the newest files made
        self._request: Request | None = None  # waiting to be made
        self._making = False
        self._snapshot: tuple[Path, Path, str] | None = None  # (HTML copy, site, its hash) to index
        self._prints: dict[str, tuple[typeset.PrintJob, Path | None]] = {}  # PDF path -> newest job waiting
        self._printing: set[str] = set()  # PDF paths being typeset now
        self._printed: dict[str, tuple[str, bytes]] = {}  # PDF path -> (its job's key, the PDF)
        self.print_errors: dict[str, str] = {}  # PDF path -> why its newest job failed
        self._indexed = ""  # hash of the pages the bundle was made from
        self._stopped = False
        self._scratch = Path(tempfile.mkdtemp(prefix="tebiki-serve-"))
        self.bundle: Path | None = None  # the newest Pagefind bundle written
        self._generation = 0
        # spawn: the serving process runs threads, which a forked child would inherit half-way.
        import multiprocessing  # serve only: a one-off build never starts the worker
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_child_start,
        )
        atexit.register(self.close)  # a serve that ends without on_shutdown (an exception in MkDocs)
        self._thread = threading.Thread(target=self._run, name="tebiki-background", daemon=True)
        self._thread.start()

    # --- asked from the build ---------------------------------------------------------------

    def remake(self, request: Request) -> None:
        """Make the files again (when `request.fingerprint()` differs from `made`'s)."""
        with self._cond:
            self._request = request
            self._cond.notify()

    def pdf(self, job: typeset.PrintJob, cache: Path | None) -> bytes | None:
        """The PDF of `job` if it was typeset before (cached or by this worker); otherwise it is
        typeset in the background and the document's previous PDF is returned (None if none)."""
        cached = job.cached(cache)
        if cached is not None:
            return cached
        key = job.key
        with self._cond:
            done = self._printed.get(job.name)
            if done is not None and done[0] == key:
                return done[1]
            self._prints[job.name] = (job, cache)
            self._cond.notify()
            return done[1] if done is not None else None

    def keep_pdf(self, job: typeset.PrintJob, pdf: bytes) -> None:
        """Remember a PDF a build typeset itself (the first one, before serving)."""
        with self._cond:
            self._printed[job.name] = (job.key, pdf)

    def pending_pdfs(self) -> list[str]:
        """The PDFs being remade: the data-made ones while their files are, and queued decks."""
        with self._cond:
            files = [p for p in self.made.files if p.endswith(".pdf")] if self._making or self._request else []
            return sorted({*files, *self._prints, *self._printing})

    def index(self, site_dir: Path) -> None:
        """Index the pages of `site_dir` as they are now (copied, so a rebuild can clear it); the
        bundle goes into `site_dir/pagefind` when written. Nothing to do if no page changed."""
        digest = hashlib.sha256()
        pages = sorted(p for p in site_dir.rglob("*.html") if "pagefind" not in p.relative_to(site_dir).parts)
        contents = [(p.relative_to(site_dir), p.read_bytes()) for p in pages]
        for rel, data in contents:
            digest.update(rel.as_posix().encode() + b"\0" + data)
        if digest.hexdigest() == self._indexed:
            return
        self._generation += 1
        snapshot = self._scratch / f"site-{self._generation}"
        for rel, data in contents:
            (snapshot / rel).parent.mkdir(parents=True, exist_ok=True)
            (snapshot / rel).write_bytes(data)
        with self._cond:
            if self._snapshot is not None:
                shutil.rmtree(self._snapshot[0], ignore_errors=True)
            self._snapshot = (snapshot, site_dir, digest.hexdigest())
            self._cond.notify()

    def copy_bundle(self, site_dir: Path) -> bool:
        """Put the newest search bundle into a build (call with the site lock held); False if
        there is none yet."""
        with self._cond:
            bundle = self.bundle
        if bundle is None:
            return False
        _replace_tree(bundle, site_dir / "pagefind")
        return True

    def adopt_bundle(self, bundle: Path) -> None:
        """Start from a bundle a build made itself (the first one, before serving)."""
        if bundle.is_dir():
            kept = self._scratch / "site-0" / "pagefind"
            shutil.copytree(bundle, kept)
            with self._cond:
                self.bundle = kept

    def close(self) -> None:
        """Stop at once: a PDF being typeset is abandoned, not waited for."""
        with self._cond:
            if self._stopped:
                return
            self._stopped = True
            self._cond.notify()
        atexit.unregister(self.close)
        # The pool's own shutdown waits for the task under way (a PDF can take half a minute);
        # its processes are ended instead. `_processes` is the executor's record of them.
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._thread.join()
        shutil.rmtree(self._scratch, ignore_errors=True)

    # --- the worker thread ------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stopped or bool(self._request or self._prints or self._snapshot))
                if self._stopped:
                    return
                # The data-made files first, then the decks, then the search index.
                request, self._request = self._request, None
                prints: dict[str, tuple[typeset.PrintJob, Path | None]] = {}
                if request is None:
                    prints, self._prints = self._prints, {}
                    self._printing = set(prints)
                snapshot = None
                if request is None and not prints:
                    snapshot, self._snapshot = self._snapshot, None
                self._making = request is not None
            try:
                if request is not None:
                    self._make(request)
                elif prints:
                    self._print(list(prints.values()))
                elif snapshot is not None:
                    self._index(*snapshot)
            except Exception:  # a bug here must not end the worker and leave the preview stale
                if self._stopped:  # close() ended the child under way
                    return
                log.exception("tebiki: background work failed")
            finally:
                with self._cond:
                    self._making = False
                    self._printing = set()

    def _make(self, request: Request) -> None:
        made = self._pool.submit(make_files, request).result()
        for name, error in made.errors.items():
            log.error("%s: %s", name, error)
        with self._cond:
            # A data error keeps the previous files; a failed PDF keeps its previous version.
            files = {**self.made.files, **made.files} if made.errors else made.files
            self.made = Made(made.fingerprint, files, made.errors)
            again = self._request is not None
        log.info("Remade the printed files and packages in the background.")
        if not again:
            self._on_ready()  # a rebuild serves the new files and drops the "being remade" notice

    def _print(self, jobs: list[tuple[typeset.PrintJob, Path | None]]) -> None:
        for job, cache in jobs:
            pdf, error = self._pool.submit(_typeset, job, cache).result()
            with self._cond:
                if pdf is not None:
                    self._printed[job.name] = (job.key, pdf)
                    self.print_errors.pop(job.name, None)
                else:
                    self.print_errors[job.name] = error or "failed"
            if error:
                log.error("%s: %s", job.name, error)
        with self._cond:
            again = self._request is not None or bool(self._prints)
        log.info("Typeset the slide decks in the background.")
        if not again:
            self._on_ready()

    def _index(self, snapshot: Path, site_dir: Path, digest: str) -> None:
        from . import search  # Pagefind's client (asyncio, CBOR): only where an index is made

        try:
            search.Indexer(self._exclude).index(snapshot)
        except search.SearchIndexError as exc:
            log.error("%s", exc)
            return
        with self._site_lock:  # not while a rebuild clears and writes the site, or copies the bundle
            with self._cond:
                old, self.bundle, self._indexed = self.bundle, snapshot / "pagefind", digest
            if old is not None:
                shutil.rmtree(old.parent, ignore_errors=True)
            if site_dir.is_dir():
                _replace_tree(self.bundle, site_dir / "pagefind")
        log.info("Search index updated in the background.")


def _child_start() -> None:
    """In the child process: die with the serving process. Ctrl-C reaches the whole terminal's
    process group, so it is left to the parent, which ends the child itself; a parent killed
    outright (SIGKILL, no clean-up) is noticed by `end_with_parent`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Typesetting takes a core for seconds to minutes: the rebuild the maintainer waits for comes first.
    os.nice(10)
    end_with_parent()


def _typeset(job: typeset.PrintJob, cache: Path | None) -> tuple[bytes | None, str | None]:
    """In the child process: one PDF, or why it could not be made."""
    try:
        return job.typeset(cache), None
    except typeset.TypesetError as exc:
        return None, str(exc)


def _replace_tree(src: Path, dest: Path) -> None:
    """A copy of the bundle `src` at `dest`, hard-linked where it can be: every rebuild puts the
    bundle back into the cleared site, and a bundle's files are never changed once written."""
    shutil.rmtree(dest, ignore_errors=True)
    try:
        shutil.copytree(src, dest, copy_function=os.link)
    except OSError:  # another file system (or no links there)
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(src, dest)
