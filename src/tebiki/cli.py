"""The `tebiki` command: new, validate, generate, coverage, schema, pdf, offline, check-site, a11y."""

from __future__ import annotations

import argparse
import errno
import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import translations
from .checks.chromium import CHROMIUM
from .data import a11y_results
from .data.problems import DataError
from .data.project import Paths, Project, load_project, schemas
from .data.reach import unreached

if TYPE_CHECKING:
    from .mkdocs_plugin.config import Site

# Each command imports the stages it runs: `tebiki validate` does not wait for Chromium's
# checks, the page generators or WeasyPrint to be imported.


class Exit(IntEnum):
    OK = 0
    GAPS = 1  # coverage found items that do not reach the reader
    INVALID_DATA = 2
    USAGE = 3  # e.g. the site has not been built
    FAILED = 4  # a check on the built output failed, or the PDF or offline package could not be made
    ENVIRONMENT = 5  # something outside the data is missing or failing: Chromium, Java, disk space, permissions


def _load(args: argparse.Namespace) -> Project:
    return load_project(Paths.under(Path(args.root), args.data, args.quizzes))


def _built(site: Path) -> bool:
    """Whether `site` holds a built site; says what to do if not."""
    if (site / "index.html").exists():
        return True
    print(f"error: no built site at {site}\n→ build it first: mkdocs build", file=sys.stderr)
    return False


def cmd_validate(args: argparse.Namespace) -> Exit:
    project = _load(args)
    for warning in project.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    from .scaffold import leftover_site_name

    if leftover := leftover_site_name(Path(args.root)):
        print(f"warning: {leftover}", file=sys.stderr)
    guideline = project.guideline
    gaps = unreached(project)  # the coverage rules the data alone decides
    print(
        f"{'Read' if gaps else 'OK'}: {len(guideline.items())} items in {len(guideline.sections)} sections, "
        f"{len(guideline.rules)} rules, {len(guideline.sources)} sources, "
        f"{len(list(project.seminars.sessions()))} seminar session(s), "
        f"{len(list(project.seminars.recordings()))} recording(s)."
    )
    if project.checklist is not None:
        checklist = project.checklist
        print(
            f"    checklist: {len(checklist.entries())} entries, {len(checklist.questions)} profile questions, "
            f"tracks {', '.join(t.id for t in checklist.tracks)}."
        )
    if project.quizzes:
        questions = sum(len(bank.questions) for bank in project.quizzes)
        print(f"    quizzes: {questions} questions in {len(project.quizzes)} banks.")
    if project.trainer is not None:
        kits = project.trainer.kits
        print(f"    trainer kits: {', '.join(f'{k.id} ({k.minutes()} min)' for k in kits)}.")
    if gaps:
        print(f"\nThe build would fail coverage: {len(gaps)} item(s) the data puts on no page:", file=sys.stderr)
        print(*gaps, sep="\n", file=sys.stderr)
        return Exit.GAPS
    return Exit.OK


def cmd_generate(args: argparse.Namespace) -> Exit:
    out = Path(args.out)
    if args.include_docs:
        import shutil

        from .generate.theme_files import ASSETS, pages_dir

        # What the plugin would add (tebiki's assets and default pages), then the site's own docs/ over it.
        shutil.copytree(ASSETS, out / "assets", dirs_exist_ok=True)
        shutil.copytree(pages_dir(), out, dirs_exist_ok=True)
        shutil.copytree(Path(args.root) / "docs", out, dirs_exist_ok=True)
    from .generate import generate

    for page in generate(_load(args)):
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    print(f"Wrote generated pages to {out}")
    return Exit.OK


def cmd_coverage(args: argparse.Namespace) -> Exit:
    guideline = _load(args).guideline
    site = Path(args.root) / args.site
    if not _built(site):
        return Exit.USAGE
    from .checks import coverage

    report = coverage.check(guideline, site)
    print(report.table())
    if args.json:
        Path(args.json).write_text(report.to_json(), encoding="utf-8")
        print(f"JSON report: {args.json}")
    if not report.ok:
        print("\nGaps:", *report.gaps, *report.unknown, sep="\n  ", file=sys.stderr)
        return Exit.GAPS
    return Exit.OK


def _site_config(args: argparse.Namespace) -> Site:
    # Imported late: MkDocs' configuration machinery, only for the commands that read mkdocs.yml.
    from .mkdocs_plugin.config import site_config

    return site_config(Path(args.root) / "mkdocs.yml")


def cmd_pdf(args: argparse.Namespace) -> Exit:
    from .generate.siteurl import printable
    from .publish import documents, typeset

    project = _load(args)
    site = _site_config(args)
    # The build's PDF cache: unchanged data is not typeset again, here or by the next build.
    try:
        out = documents.write_pamphlet(
            project,
            Path(args.out),
            site_name=site.name,
            site_url=printable(site.url),
            cache=site.pdf_cache,
            name=site.pdf,
        )
    except typeset.TypesetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return Exit.FAILED
    print(f"Wrote the printed pamphlet to {out}")
    return Exit.OK


def cmd_offline(args: argparse.Namespace) -> Exit:
    from .publish import offline

    _load(args)  # bad data: report it plainly, before a build that would fail on it
    site = _site_config(args)
    out = Path(args.root) / (args.out or f"site/{offline.FILENAME}")
    try:
        offline.package(Path(args.root), out, site_name=site.name, site_url=site.url, pdf=site.pdf)
    except offline.OfflineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return Exit.FAILED
    print(f"Wrote the offline package to {out} ({out.stat().st_size // 1024} KiB)")
    return Exit.OK


def cmd_check_site(args: argparse.Namespace) -> Exit:
    from .checks import sitecheck

    site = Path(args.root) / args.site
    if not _built(site):
        return Exit.USAGE
    site_url = _site_config(args).url
    found = sitecheck.pages(site)  # parsed once for every check
    checks: dict[str, list[str]] = {
        "links and anchors": sitecheck.check_links(site, site_url, found),
        "titles and descriptions": sitecheck.check_titles(site, found),
        "sitemap": sitecheck.check_sitemap(site, site_url, found)
        if site_url
        else ["site_url is not set in mkdocs.yml"],
    }
    if not args.no_html:
        try:
            problems = sitecheck.check_html(site, sitecheck.vnu_jar(Path(args.root)), found)
        except sitecheck.CheckerMissing as exc:
            print(f"error: {exc}", file=sys.stderr)
            return Exit.ENVIRONMENT
        checks["Nu HTML checker"] = problems
    failed = False
    for name, problems in checks.items():
        print(f"{'FAIL' if problems else 'ok'}  {name}")
        for problem in problems:
            print(f"      {problem}")
        failed = failed or bool(problems)
    return Exit.FAILED if failed else Exit.OK


def cmd_a11y(args: argparse.Namespace) -> Exit:
    from .checks import a11y

    root = Path(args.root)
    site = root / args.site
    if not _built(site):
        return Exit.USAGE
    # Serve under site_url's path, as Pages will: the 404 page links its styles from there.
    site_url = _site_config(args).url
    sub_path = urlsplit(site_url or "/").path or "/"
    if not Path(CHROMIUM).exists():
        print(
            f"error: Chromium is not installed ({CHROMIUM} is missing)\n→ install it: apt-get install chromium",
            file=sys.stderr,
        )
        return Exit.ENVIRONMENT
    result = a11y.run(site, commit=a11y_results.current_commit(root), sub_path=sub_path, pages=args.page or None)
    for page in result.pages:
        mark = "ok  " if not page.violations else "FAIL"
        print(f"{mark}  /{page.url}  ({page.passed_rules} rules passed, {page.incomplete_rules} to check by hand)")
        for v in page.violations:
            print(f"      {v.rule} ({v.impact}, {v.nodes} element(s)): {v.help}")
    if args.out:
        print(f"Results for the test-results page: {a11y.write(result, root / args.out)}")
    return Exit.FAILED if result.violations else Exit.OK


def cmd_new(args: argparse.Namespace) -> Exit:
    from .scaffold import Options, ScaffoldError, new_site

    target = Path(args.dir)
    try:
        written = new_site(target, Options(language=args.language, status=args.status))
    except ScaffoldError as exc:
        print(f"tebiki new: {exc}", file=sys.stderr)
        return Exit.USAGE
    print(f"Wrote a sample site of {len(written)} files in {target}. Next:")
    print(f"  cd {target} && mkdocs serve     # preview; edit guideline/ and quizzes/")
    return Exit.OK


def cmd_schema(args: argparse.Namespace) -> Exit:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (out / f"{name}.schema.json").write_text(text, encoding="utf-8")
    print(f"Wrote JSON Schemas to {out}")
    return Exit.OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tebiki", description=__doc__)
    p.add_argument("--root", default=".", help="project root holding mkdocs.yml (default: .)")
    p.add_argument("--data", default="guideline", help="data folder under the root")
    p.add_argument("--quizzes", default="quizzes", help="question-bank folder under the root")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check the data; list every problem")
    g = sub.add_parser("generate", help="write the generated Markdown pages to a folder")
    g.add_argument("--out", required=True)
    g.add_argument("--include-docs", action="store_true", help="also copy docs/ and tebiki's assets, for plain MkDocs")
    c = sub.add_parser("coverage", help="check the built site covers every item")
    c.add_argument("--site", default="site", help="built site folder under the root")
    c.add_argument("--json", default="coverage.json", help="where to write the JSON report")
    d = sub.add_parser("pdf", help="write the printed pamphlet (A4 PDF) on its own")
    d.add_argument("--out", default="tebiki-pamphlet.pdf")
    o = sub.add_parser("offline", help="build the offline package: the whole site as a zip that works from disk")
    o.add_argument("--out", help="zip to write, under the root (default: the package's name in site/)")
    k = sub.add_parser("check-site", help="check the built site: links, anchors, titles, sitemap, HTML")
    k.add_argument("--site", default="site", help="built site folder under the root")
    k.add_argument("--no-html", action="store_true", help="skip the Nu HTML checker (needs Java)")
    a = sub.add_parser("a11y", help="run axe-core on every page of the built site in Chromium")
    a.add_argument("--site", default="site", help="built site folder under the root")
    a.add_argument(
        "--out", default="", help=f"write the results for the test-results page (e.g. {a11y_results.DEFAULT_RESULTS})"
    )
    a.add_argument("--page", action="append", help="only this page (URL path under the site), repeatable")
    n = sub.add_parser("new", help="write a small sample site for a new guideline into an empty folder")
    n.add_argument("dir", help="the new site's folder (missing or empty)")
    n.add_argument("--language", default="ja", choices=["ja", "en"], help="the site's language (theme.language)")
    n.add_argument(
        "--status",
        default="superseded",
        choices=["in-force", "superseded"],
        help="a guideline still in force, or one superseded by newer rules (then each item maps to today's rule)",
    )
    s = sub.add_parser("schema", help="export JSON Schemas for editors")
    s.add_argument("--out", default="schema")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    language = None
    if args.command != "new" and getattr(args, "root", None):
        from .mkdocs_plugin.config import site_language  # imported late, like site_config

        language = site_language(Path(args.root))
    if language:
        translations.activate(language)
    handler = {
        "validate": cmd_validate,
        "generate": cmd_generate,
        "coverage": cmd_coverage,
        "new": cmd_new,
        "schema": cmd_schema,
        "pdf": cmd_pdf,
        "offline": cmd_offline,
        "check-site": cmd_check_site,
        "a11y": cmd_a11y,
    }[args.command]
    try:
        return handler(args)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return Exit.INVALID_DATA
    except OSError as exc:  # the machine, not the data: nothing tebiki wrote is left half-written
        if exc.errno == errno.ENOSPC:
            print(
                f"error: the disk is full ({exc.filename or 'writing'})\n→ free some space, then run it again",
                file=sys.stderr,
            )
        else:
            print(
                f"error: {exc.strerror or exc}: {exc.filename or ''}\n→ check the path and its permissions",
                file=sys.stderr,
            )
        return Exit.ENVIRONMENT


if __name__ == "__main__":
    sys.exit(main())
