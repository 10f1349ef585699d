"""The MkDocs plugin: thin glue between MkDocs events and tebiki's pure functions."""

from __future__ import annotations

import html
import logging
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from .. import translations
from ..checks import coverage, quiz_leaks, traceability
from ..data.problems import DataError
from ..data.project import Paths, Project
from ..generate import Page, download, notices, render
from ..generate import trainer as trainer_pages
from ..generate.nav import default_nav, expand_nav
from ..generate.siteurl import printable
from ..memo import Memo
from ..publish import background, csp, offline, slides_pdf, staging, typeset
from ..publish.deck_pool import DeckPool
from ..seams import SEARCH_EXCLUDE
from . import (
    live_reload,
    markup_fixes,
    quiz_cache,
    quiz_catalogs,
    quiz_patch,
    render_cache,
    reuse,
    serve_checks,
    theme,
)
from .config import TebikiConfig, pdf_cache, published_url

if TYPE_CHECKING:  # importing the dev server costs every `mkdocs build` some 20 ms
    from mkdocs.livereload import LiveReloadServer

    from ..publish import search

log = logging.getLogger("mkdocs.plugins.tebiki")


class TebikiPlugin(BasePlugin[TebikiConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.project: Project | None = None
        self.pages: list[Page] = []
        self.decks: dict[str, str] = {}  # a slide deck's source -> its PDF's path
        self.deck_pages: dict[str, tuple[str, str]] = {}  # its PDF's path -> (built HTML, page dest)
        self.deck_pool: DeckPool | None = None  # no worker: decks typeset as soon as their page is rendered
        self.deck_jobs: dict[str, typeset.PrintJob] = {}  # with deck_pool: its PDF's path -> what it typesets
        self.site_dir: Path | None = None  # where the site is published
        self.staging: Path | None = None  # where this build writes, if atomic
        self.failed = False
        self.finished = False  # on_post_build ran to its end: the only sign a build completed
        self.lock: staging.SiteLock | None = None  # held from clearing the staging folder until the swap
        self.indexer: search.Indexer | None = None  # Pagefind, started with the build
        self._sigterm: Any = None
        # `serve` only, once serving: slow artefacts are made in the background (see publish/background.py).
        # MkDocs makes new plugin instances for every rebuild, so that state lives in _SERVING.
        self.serving: _Serving | None = None
        self._owns_serving = False
        self.made: background.Made | None = None  # the data-made files of the last one-off build
        self.printing: background.Made | None = None  # its PDFs, left to the workers until on_post_build
        self.first_decks: list[tuple[typeset.PrintJob, bytes]] = []  # `serve`: the decks typeset before serving
        self.download_page: tuple[str, str] | None = None  # `serve`: its built file and language
        self.first_problems: list[str] = []  # `serve`: what the checks of the build before serving found

    @property
    def worker(self) -> background.Worker | None:
        return self.serving.worker if self.serving is not None else None

    # Runs once per `mkdocs` invocation; tells a one-off build from `serve`.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        # SIGTERM would end the process without running `on_shutdown`, leaving the staging folder
        # and an unreaped Pagefind child; as an exception it unwinds like Ctrl-C does.
        if threading.current_thread() is threading.main_thread():  # only there can handlers be set
            self._sigterm = signal.signal(signal.SIGTERM, _exit_on_sigterm)

    # Load and validate before MkDocs touches site_dir, so bad data leaves it untouched.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.serving = _SERVING.get(str(config.config_file_path))
        if self.serving is not None and self.serving.build_holds_site:
            self.serving.build_holds_site = False  # a rebuild that ended without on_build_error
            self.serving.lock.release()
        if self.config.atomic and self.command == "build" and self.lock is None:
            # First of all, so that even a build that fails on bad data puts back a site that
            # an earlier build, killed while publishing, left beside site/.
            try:
                self.lock = staging.acquire(Path(config.site_dir), self.config.lock_timeout)
            except staging.BuildLocked as exc:
                raise PluginError(str(exc)) from None
            staging.recover(Path(config.site_dir))
        theme.configure(config)
        try:
            quiz_patch.verify_installed()  # before any page is patched: the script must be the one verified
        except quiz_patch.QuizScriptChanged as exc:
            raise PluginError(str(exc)) from None
        quiz_catalogs.install()  # mkdocs-quiz's version is the one verified above
        quiz_cache.install(serving=self.command == "serve")
        self.paths = Paths.under(
            Path(config.config_file_path).parent,
            self.config.data_dir,
            self.config.quizzes_dir,
            config.docs_dir,
            self.config.a11y_results,
        )
        self._load(config)
        assert self.project is not None
        meta = self.project.guideline.meta
        if not config.copyright and meta.credit:
            # The footer credits the guideline's publisher, from the data. Material prints
            # `copyright` as HTML, so the data's text is escaped here: data is text.
            config.copyright = html.escape(meta.credit)
        try:
            if config.nav is None:
                if not (Path(config.docs_dir) / "index.md").is_file():
                    raise PluginError(
                        f"{Path(config.docs_dir) / 'index.md'}: the home page is missing; tebiki's default nav starts"
                        " there.\n→ write docs/index.md (`tebiki new` writes a sample), or give mkdocs.yml a nav."
                    )
                config.nav = default_nav(self.project, _own_pages(config))
            config.nav = expand_nav(config.nav, self.project)
        except ValueError as exc:
            raise PluginError(f"mkdocs.yml nav: {exc}") from None
        self.failed = False
        self.finished = False
        if self.config.offline:
            config.use_directory_urls = False  # file:// shows a folder listing for `page/`, not page/index.html
        self.site_dir = Path(config.site_dir)
        if self.config.atomic and self.command == "build":
            self.staging = staging.staging_dir(self.site_dir)
            config.site_dir = str(self.staging)
        self._stop_indexer()  # a `serve` rebuild that failed before on_post_build
        if self.config.search and self.worker is None:
            # Imported only here: Pagefind's client (asyncio, CBOR) costs a build without search some 30 ms.
            from ..publish import search

            self.indexer = search.Indexer(exclude=SEARCH_EXCLUDE)
        return config

    def _load(self, config: MkDocsConfig) -> None:
        """The project and its pages (kept between `serve` rebuilds while no input file changed)."""
        # tebiki's strings follow theme.language, as Material's do; everything below speaks it
        # (loading too: the generated videos' expected captions are in the site's language).
        self.language = translations.activate(config.theme.get("language"))
        self._keep_catalog()
        try:
            # serve: unchanged data is kept in memory; build: read back from the cache folder
            self.project, self.pages = reuse.load(self.paths, self.language, self._memo())
        except DataError as exc:
            raise PluginError(exc.report()) from None
        assert self.project is not None
        # A stale generated video never stops a build: the page says so, and so does the terminal.
        # A strict build (CI) reports it without failing, since nobody edited the video itself.
        level = logging.INFO if config.strict else logging.WARNING
        for problem in self.project.seminars.stale.values():
            log.log(level, "%s", problem)

    def _keep_catalog(self) -> None:
        """The language's compiled catalog, read back from the cache folder like the pages
        (its key covers the package, .po files included)."""
        memo = self._memo()
        if memo is None:
            return
        kind, key = f"catalog-{self.language}", memo.key("catalog", self.language)
        kept = memo.get(kind, key)
        if isinstance(kept, tuple):
            translations.use_compiled(self.language, kept)
        else:
            memo.put(kind, key, translations.compiled(self.language))

    # The theme's templates (overrides/) read the guideline's own words, e.g. search examples.
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.project is not None
        env.bytecode_cache = theme.COMPILED_TEMPLATES  # before the first template is loaded
        env.globals["tebiki_meta"] = self.project.guideline.meta
        env.globals["tebiki_quoted"] = translations.quoted
        env.globals["tebiki_date"] = translations.date  # a date as the site's language writes it
        env.globals["tebiki_in_force"] = notices.in_force  # the home page's status of a guideline in force
        env.globals["tebiki_gap"] = translations.gap  # what goes between two sentences
        # The overrides' {% trans %} and _() speak the site's language (Material's own strings stay
        # its own). MkDocs renders them without autoescape, so the callables HTML-escape every value
        # put into a message unless it is Markup: data cannot become markup by a forgotten filter.
        env.add_extension("jinja2.ext.i18n")
        env.newstyle_gettext = True
        env.globals.update(render.gettext_callables(markupsafe.escape))
        return env

    # Generated pages exist only in memory; they are never written to docs/.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = theme.with_theme_files(files, config)
        files.append(
            File.generated(config, translations.SCRIPT_PATH, content=translations.script_catalog(self.language))
        )
        files.append(File.generated(config, translations.STYLESHEET_PATH, content=translations.stylesheet_catalog()))
        if self.command == "serve":
            files.append(File.generated(config, live_reload.PATH, content=live_reload.SCRIPT))
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"docs/{page.path} clashes with a page tebiki generates from {page.origin}; "
                    "rename or delete the hand-written file."
                )
            file = File.generated(config, page.path, content=page.content)
            if not page.listed:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # reached from a page, e.g. a slide deck
            files.append(file)
        # QTI packages, QR codes, handouts and the pamphlet: files made from the data that no page
        # shows. Their links point at the published pages, so they need the URLs; the PDF joins
        # the files here so links to it are checked like any other and it lands in the staging
        # folder with the rest.
        request = self._request(files, config)
        self._close_decks()
        self.printing = None
        if self.worker is None:
            # PDFs to typeset start in the workers now and are written once the pages are (on_post_build).
            made = background.made_once(request, self.project, self._memo(), self._deck_pool())
            if made.errors:
                raise PluginError("\n".join(made.errors.values()))
            # Kept with the fingerprint for `serve` (whose worker starts from them after this build).
            self.made = replace(made, fingerprint=request.fingerprint()) if self.command == "serve" else made
            self.printing = self.made if made.printing else None
            for job in made.printing:
                files.append(File.generated(config, job.name, content=b""))
        else:  # serving: the files made last, and new ones in the background if the data changed
            if request.fingerprint() != self.worker.made.fingerprint:
                self.worker.remake(request)
            made = self.worker.made
        for path, content in made.files.items():
            files.append(File.generated(config, path, content=content))
        # Every slide deck also as one PDF, typeset from its built page once the pages are written
        # (on_post_build); known to MkDocs from here, so the kit page's links to them are checked.
        assert self.project is not None
        self.decks = {path: path.removesuffix(".md") + ".pdf" for path in trainer_pages.deck_paths(self.project)}
        self.deck_pages = {}
        for path in self.decks.values():
            files.append(File.generated(config, path, content=b""))
        return files

    def _request(self, files: Files, config: MkDocsConfig) -> background.Request:
        site_url = config.site_url
        if self.command == "serve" and config.config_file_path:  # not the preview's local address
            site_url = published_url(Path(config.config_file_path))
        base = site_url.rstrip("/") + "/" if site_url else None
        urls = {f.src_uri: base + f.url for f in files} if base else {}
        return background.Request(
            self.paths,
            urls,
            config.site_name,
            printable(site_url),
            *self._printed_files(),
            self._pdf_cache(),
        )

    def _printed_files(self) -> tuple[str, str]:
        assert self.project is not None
        return download.printed_files(self.project, self.config.pdf, self.config.reference_pdf)

    def _memo(self) -> Memo | None:
        """Results kept between one-off builds (serve keeps its own in memory while it runs)."""
        if not self.config.cache_dir or self.command == "serve":
            return None
        return Memo(self.paths.root / self.config.cache_dir / "memo")

    def _pdf_cache(self) -> Path | None:
        return pdf_cache(self.paths.root, self.config.cache_dir)

    # Rebuild when the data changes, not only docs/.
    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        for folder in (self.paths.data, self.paths.quizzes):
            if folder.exists():
                server.watch(str(folder))
        # From now on PDFs and the search index are made after each page is served; the worker
        # touches a watched file when new PDFs are ready, so the preview rebuilds with them.
        flag = Path(tempfile.mkdtemp(prefix="tebiki-ready-")) / "ready"
        server.watch(str(flag.parent))
        assert self.made is not None  # the first build, before serving, made them
        lock = threading.Lock()

        def ready() -> None:
            flag.write_text(str(time.monotonic()), encoding="utf-8")

        worker = background.Worker(ready, self.made, SEARCH_EXCLUDE, lock)
        for job, pdf in self.first_decks:
            worker.keep_pdf(job, pdf)
        if self.config.search and not self.config.offline:
            worker.adopt_bundle(Path(config.site_dir) / "pagefind")
        checker = serve_checks.Checker(self.first_problems, ready)
        self.serving = _SERVING[str(config.config_file_path)] = _Serving(worker, lock, flag, checker)
        self._owns_serving = True
        return server

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Before MkDocs clears the site: the last rebuild's checks may still be reading it, and
        # the worker copies the search bundle in only between builds.
        if self.serving is not None:
            self.serving.lock.acquire()
            self.serving.build_holds_site = True

    def _release_site(self) -> None:
        if self.serving is not None and self.serving.build_holds_site:
            self.serving.build_holds_site = False
            self.serving.lock.release()

    # While serving, the download page says which printed files are being remade or failed.
    # Every site's home page leads to its tools (home.html: start cards found from the nav), as the
    # shipped one does, unless the page names a template of its own.
    def on_page_markdown(self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        if page.is_homepage:
            page.meta.setdefault("template", "home.html")
        if page.file.src_uri == "download.md":
            assert self.project is not None
            markdown = markdown.replace(download.MARK, download.printed_part(self.project, *self._printed_files()))
            markdown = _put(markdown, download.OFFLINE_MARK, self._offline_part(page.url, config.site_url))
        if self.command == "serve" and render_cache.usable(config):
            render_cache.keep_rendering(page)
        return markdown

    def _offline_part(self, page_url: str, site_url: str | None) -> str:
        edition: download.Offline = (
            "this" if self.config.offline else "published" if self.config.offline_package else "none"
        )
        href = get_relative_url(offline.FILENAME, page_url)
        return download.offline_part(edition, package_href=href, site_url=site_url)

    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        if self.worker is None or page.file.src_uri != "download.md":
            return html
        self.download_page = (page.file.dest_uri, str(config.theme.get("language") or "en"))
        return _STATE_START + self._printing_state() + _STATE_END + html

    def _printing_state(self) -> str:
        assert self.worker is not None and self.download_page is not None
        errors = {**self.worker.made.errors, **self.worker.print_errors}
        return notices.printing_state(self.worker.pending_pdfs(), errors, self.download_page[1])

    def _restate_printing(self, built: Path) -> None:
        """The decks are queued after the download page was written: say so on it now."""
        if self.worker is None or self.download_page is None:
            return
        page = built / self.download_page[0]
        if not page.is_file():
            return
        before = page.read_text(encoding="utf-8")
        start, end = before.find(_STATE_START), before.find(_STATE_END)
        if start < 0 or end < start:
            return
        after = before[: start + len(_STATE_START)] + self._printing_state() + before[end:]
        if after != before:
            page.write_text(after, encoding="utf-8")

    # Runs after every plugin's on_page_content, mkdocs-quiz's script included.
    # The policy is computed last, over the page as it will be published.
    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        if self.serving is not None and self.serving.checker.problems:  # the last checks failed
            output = serve_checks.with_notice(output, self.serving.checker.problems, self.language)
        to_root = "../" * page.url.count("/")
        if self.command == "serve":
            output = live_reload.add_to(output, to_root)
        try:
            output = quiz_patch.escape_typed_answers(output)
            output, assets = quiz_patch.externalise(output, to_root)
        except quiz_patch.QuizScriptChanged as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
        for name, content in assets.items():
            target = Path(config.site_dir) / name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(content, encoding="utf-8")
        try:
            output = csp.protect(markup_fixes.fix(output))
        except csp.PolicyError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
        if page.file.src_uri in self.decks:  # typeset as a PDF once every page is written
            self.deck_pages[self.decks[page.file.src_uri]] = (output, page.file.dest_uri)
            if self.worker is None:  # or started now, in a worker, while the other pages are rendered
                self._start_deck(self.decks[page.file.src_uri], output, page.file.dest_uri, Path(config.site_dir))
        return output

    # Static templates (the 404 page) get their policy too.
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return csp.protect(markup_fixes.fix(output_content)) if template_name.endswith(".html") else output_content

    # Check the output itself: no raw quiz syntax, the search index must build, every item must be on the page.
    # Last of every plugin's post_build, so the checks see their output and `finished` means all ran.
    # While serving, the checks and the search index come after the reload (serve_checks.py).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.project is not None
        built = Path(config.site_dir)
        serving = self.serving if self.worker is not None else None
        if serving is None:
            problems = self._check(built)
            if problems and self.command != "serve":
                raise PluginError("\n".join(problems))
            if problems:  # the build before serving: the preview starts, saying what failed
                serve_checks.report(problems, [])
                serve_checks.mark(built, problems, self.language)
            self.first_problems = problems
        self._typeset_decks(built)
        self._restate_printing(built)
        if self.config.offline:
            from ..publish import offline

            offline.inline_captions(built)
        if serving is None:
            self._index(built)
        else:
            if self.config.search:  # the previous index now, this build's pages once checked
                serving.worker.copy_bundle(built)
            serving.build_holds_site = False  # the checks' thread releases it
            serving.checker.start(built, self.language, lambda: self._check(built), lambda: self._after_checks(built))
        self.finished = True
        render_cache.rebuilt()
        self._release_site()

    def _check(self, built: Path) -> list[str]:
        """What the checks of the built site found (the coverage report filled into the traceability page)."""
        assert self.project is not None
        problems = []
        leaks = quiz_leaks.find_leaks(built)
        if leaks:
            problems.append(
                "Raw quiz syntax in the built HTML: answers would be published as plain text.\n  "
                + "\n  ".join(map(str, leaks))
                + "\n→ quiz pages need `quiz: {enabled: true}` in their front matter and the mkdocs_quiz plugin."
            )
        if self.config.coverage:
            report = coverage.check(self.project.guideline, built)
            if self.config.coverage_report:
                out = self.paths.root / self.config.coverage_report
                out.write_text(report.to_json(), encoding="utf-8")
            if not report.ok:
                problems.append(
                    "Coverage check failed on the built site:\n  "
                    + "\n  ".join(report.gaps + report.unknown)
                    + "\n→ run `tebiki coverage` for the full table."
                )
            else:
                try:
                    traceability.fill(built, self.project.guideline, report)  # what was proven, published
                except traceability.TraceabilityError as exc:
                    problems.append(str(exc))
        return problems

    def _after_checks(self, built: Path) -> None:
        """In the checks' thread, the site lock held: index the checked pages, let the next rebuild in."""
        assert self.serving is not None
        try:
            if self.config.search:
                self.serving.worker.index(built)
        finally:
            self.serving.lock.release()

    def _deck_pool(self) -> DeckPool:
        if self.deck_pool is None:
            self.deck_pool = DeckPool(self._pdf_cache())
        return self.deck_pool

    def _start_deck(self, path: str, page_html: str, dest: str, site_dir: Path) -> None:
        try:
            job = slides_pdf.job(page_html, site_dir=site_dir, page_dest=dest, name=path)
        except slides_pdf.SlidesPdfError as exc:
            raise PluginError(f"{path}: {exc}") from None
        self.deck_jobs[path] = job
        self._deck_pool().start(job)

    def _typeset_decks(self, built: Path) -> None:
        """The documents' PDFs started in on_files, then each deck's: from the workers started as
        its page was rendered, or while serving from the cache, or the previous PDF until the
        worker has typeset the new one (the download page says so)."""
        cache = self._pdf_cache()
        try:
            if self.printing is not None:  # the documents started in on_files
                printing, self.printing = self.printing, None
                try:
                    printed = background.finish_printing(printing, self._deck_pool())
                except typeset.TypesetError as exc:
                    raise PluginError(str(exc)) from None
                for name, pdf in printed.items():
                    (built / name).write_bytes(pdf)
            for path, (page_html, dest) in sorted(self.deck_pages.items()):
                try:
                    if self.worker is not None:
                        job = slides_pdf.job(page_html, site_dir=built, page_dest=dest, name=path)
                        data = self.worker.pdf(job, cache)
                        if data is None:
                            continue  # a new deck: its file stays empty until typeset
                    else:
                        assert self.deck_pool is not None
                        job = self.deck_jobs[path]
                        data = self.deck_pool.result(job)
                        if self.command == "serve":
                            self.first_decks.append((job, data))  # the worker starts from them
                except (slides_pdf.SlidesPdfError, typeset.TypesetError) as exc:
                    raise PluginError(f"{path}: {exc}") from None
                (built / path).write_bytes(data)
        finally:
            self._close_decks()

    def _close_decks(self) -> None:
        if self.deck_pool is not None:
            self.deck_pool.close()
            self.deck_pool = None
        self.deck_jobs = {}

    def _index(self, built: Path) -> None:
        """The search index: Pagefind now (offline: embedded in scripts); while serving, see on_post_build."""
        if self.indexer is not None:
            from ..publish import search

            indexer, self.indexer = self.indexer, None
            try:
                indexer.index(built)
                if self.config.offline:
                    search.embed_bundle(built)
            except search.SearchIndexError as exc:
                raise PluginError(str(exc)) from None

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        self._stop_indexer()
        self._close_decks()
        self._release_site()

    def _stop_indexer(self) -> None:
        if self.indexer is not None:
            self.indexer.close()
            self.indexer = None

    # Strict mode aborts after on_post_build, so the swap waits until MkDocs is done. Runs from a
    # `finally`, also after Ctrl-C or SIGTERM, which never reach on_build_error: publish only a
    # build whose checks all ran and that MkDocs did not fail afterwards.
    def on_shutdown(self) -> None:
        try:
            self._stop_indexer()
            self._close_decks()
            if self.serving is not None and self._owns_serving:
                self.serving.checker.join()
                self.serving.worker.close()
                shutil.rmtree(self.serving.flag.parent, ignore_errors=True)
                _SERVING.pop(next(k for k, v in _SERVING.items() if v is self.serving), None)
                self.serving = None
            if self.staging is not None and self.site_dir is not None:
                if self.finished and not self.failed and self.staging.exists():
                    staging.publish(self.staging, self.site_dir)
                else:
                    staging.discard(self.staging)
                    log.info("Build not finished: the previous site in %s was left as it was.", self.site_dir)
        finally:
            self.staging = None
            if self.lock is not None:
                self.lock.release()
                self.lock = None
            if self._sigterm is not None:
                signal.signal(signal.SIGTERM, self._sigterm)
                self._sigterm = None


@dataclass
class _Serving:
    worker: background.Worker
    lock: threading.Lock  # held by a rebuild from pre_build to post_build, then by its checks
    flag: Path  # a watched file the worker writes when new files are ready
    checker: serve_checks.Checker  # the output checks, run after each rebuild is served
    build_holds_site: bool = False  # the lock is held by a rebuild (not by the checks' thread)


_SERVING: dict[str, _Serving] = {}  # mkdocs.yml path -> the serve session's background state
# Around the notice on the download page while serving, so that it can be restated after the decks.
_STATE_START, _STATE_END = "<!-- tebiki-printing -->", "<!-- /tebiki-printing -->"


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # the exit status a shell reports for a process ended by the signal


def _own_pages(config: MkDocsConfig) -> list[str]:
    """The site's hand-written Markdown pages, in the order MkDocs reads docs/."""
    docs = Path(config.docs_dir)
    pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    excluded = config.exclude_docs
    pages = [p for p in pages if not (excluded and excluded.match_file(p))]
    return sorted(pages, key=lambda p: (tuple(p.split("/")[:-1]), Path(p).stem not in ("index", "README"), p))


def _put(markdown: str, mark: str, part: str) -> str:
    """`part` where the page asks for it with `mark`, else at the page's end (a site's own page)."""
    return markdown.replace(mark, part) if mark in markdown else f"{markdown.rstrip()}\n\n{part}"
