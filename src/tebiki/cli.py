"""The `tebiki` command: validate, generate, coverage, schema."""

from __future__ import annotations

import argparse
import json
import sys
from enum import IntEnum
from pathlib import Path

from . import coverage
from .generate import generate
from .problems import DataError
from .project import Paths, Project, load_project, schemas


class Exit(IntEnum):
    OK = 0
    GAPS = 1  # coverage found items that do not reach the reader
    INVALID_DATA = 2
    USAGE = 3  # e.g. the site has not been built


def _load(args: argparse.Namespace) -> Project:
    return load_project(Paths.under(Path(args.root), args.data, args.quizzes))


def cmd_validate(args: argparse.Namespace) -> Exit:
    project = _load(args)
    guideline = project.guideline
    print(
        f"OK: {len(guideline.items())} items in {len(guideline.sections)} sections, "
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
    return Exit.OK


def cmd_generate(args: argparse.Namespace) -> Exit:
    out = Path(args.out)
    if args.include_docs:
        import shutil

        shutil.copytree(Path(args.root) / "docs", out, dirs_exist_ok=True)
    for page in generate(_load(args)):
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    print(f"Wrote generated pages to {out}")
    return Exit.OK


def cmd_coverage(args: argparse.Namespace) -> Exit:
    guideline = _load(args).guideline
    site = Path(args.root) / args.site
    if not (site / "index.html").exists():
        print(f"error: no built site at {site}\n→ build it first: mkdocs build", file=sys.stderr)
        return Exit.USAGE
    report = coverage.check(guideline, site)
    print(report.table())
    if args.json:
        Path(args.json).write_text(report.to_json(), encoding="utf-8")
        print(f"JSON report: {args.json}")
    if not report.ok:
        print("\nGaps:", *report.gaps, *report.unknown, sep="\n  ", file=sys.stderr)
        return Exit.GAPS
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
    g.add_argument("--include-docs", action="store_true", help="also copy docs/, for a plain MkDocs build")
    c = sub.add_parser("coverage", help="check the built site covers every item")
    c.add_argument("--site", default="site", help="built site folder under the root")
    c.add_argument("--json", default="coverage.json", help="where to write the JSON report")
    s = sub.add_parser("schema", help="export JSON Schemas for editors")
    s.add_argument("--out", default="schema")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler = {"validate": cmd_validate, "generate": cmd_generate, "coverage": cmd_coverage, "schema": cmd_schema}[
        args.command
    ]
    try:
        return handler(args)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return Exit.INVALID_DATA


if __name__ == "__main__":
    sys.exit(main())
