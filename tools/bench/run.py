"""`python -m tools.bench`: every figure of the benchmark beside its goal.

Prints a table and writes JSON (default: bench-results.json, git-ignored).
Build times are compared only as ratios of runs made alternately on the same
machine, since other work on it makes absolute seconds noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from tools.bench import builds, lighthouse, pages, preview, weight
from tools.bench.report import Figure, Results
from tools.bench.serve import serve

PARTS = ("overhead", "serve", "scaling", "print", "speed", "weight", "lighthouse")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="benchmark", description=__doc__)
    p.add_argument("--root", type=Path, default=Path.cwd(), help="project root holding mkdocs.yml (default: .)")
    p.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated subset of: {', '.join(PARTS)}")
    p.add_argument("--rounds", type=int, default=5, help="alternating rounds for the overhead ratio (default 5)")
    p.add_argument("--edits", type=int, default=5, help="edits of each kind in the serve part; median kept (default 5)")
    p.add_argument("--sizes", default="100,1000,5000", help="synthetic guideline sizes in items")
    p.add_argument("--print-sizes", default="100,1000", help="sizes for typesetting the pamphlet alone")
    p.add_argument("--scaling-rounds", type=int, default=2, help="alternating rounds per size (default 2)")
    p.add_argument("--speed-items", type=int, default=10_000, help="items for the validation/coverage timing")
    p.add_argument("--speed-repeat", type=int, default=5, help="timed calls each; the best is kept (default 5)")
    p.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page; median kept (default 3)")
    p.add_argument("--json", type=Path, default=Path("bench-results.json"), help="where to write the results")
    p.add_argument("--work", type=Path, help="keep the builds in this folder (default: a temporary one)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        print(f"error: unknown part(s) {', '.join(unknown)}; use: {', '.join(PARTS)}", file=sys.stderr)
        return 3
    root = args.root.resolve()
    if not (root / "mkdocs.yml").exists():
        print(f"error: no mkdocs.yml in {root}; run from the project root or pass --root", file=sys.stderr)
        return 3
    results = Results(meta=_meta(root, args))
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        _run(root, args.work.resolve(), parts, args, results)
    else:
        with tempfile.TemporaryDirectory(prefix="tebiki-bench-") as tmp:
            _run(root, Path(tmp), parts, args, results)
    results.meta["load_average_end"] = os.getloadavg()
    print(results.table())
    args.json.write_text(results.to_json() + "\n", encoding="utf-8")
    print(f"JSON: {args.json}")
    return 0


def _run(root: Path, work: Path, parts: list[str], args: argparse.Namespace, results: Results) -> None:
    site = None
    if "overhead" in parts:
        _say(f"overhead: {args.rounds} alternating rounds of five builds")
        site = builds.overhead(root, work / "overhead", args.rounds, results)
    if "serve" in parts:
        _say(f"serve: {args.edits} edits of each kind under `mkdocs serve`, tebiki and plain")
        preview.preview(root, work / "serve", args.edits, results)
    if "scaling" in parts:
        sizes = _sizes(args.sizes)
        _say(f"scaling: sizes {sizes}, {args.scaling_rounds} alternating rounds")
        builds.scaling(root, work / "scaling", sizes, args.scaling_rounds, results)
    if "print" in parts:
        sizes = _sizes(args.print_sizes)
        _say(f"print: the pamphlet typeset for sizes {sizes}")
        builds.printing(root, work / "print", sizes, results)
    if "speed" in parts:
        _say(f"speed: validation and coverage on {args.speed_items:,} items")
        builds.speed(root, work / "speed", args.speed_items, args.speed_repeat, results)
    web = [p for p in ("weight", "lighthouse") if p in parts]
    if web:
        if site is None:
            _say("building the site for the page parts")
            project = builds.copy_project(root, work / "project")
            site = work / "site"
            builds.build(project / "mkdocs.yml", site, "--strict")
        reference = weight.build_default_material(work, builds.MKDOCS, builds.ENV)
        measured = pages.site_pages(site)
        _say("pages: " + ", ".join(f"{p.label} (/{p.path})" for p in measured))
        with serve(site) as url, serve(reference) as reference_url:
            if "weight" in parts:
                _say("page weight in Chromium")
                _weights(url, reference_url, measured, results)
            if "lighthouse" in parts:
                _say(f"Lighthouse, {args.lighthouse_runs} run(s) per page")
                _lighthouse(root, url, reference_url, measured, args.lighthouse_runs, results)


def _weights(url: str, reference_url: str, measured: list[pages.SitePage], results: Results) -> None:
    ours = weight.measure_pages(url, measured)
    (reference,) = weight.measure_pages(reference_url, [pages.SitePage("default Material page", "")])
    results.details["weight"] = [w.__dict__ for w in [*ours, reference]]
    results.add(
        Figure(
            "weight",
            "default Material page",
            round(reference.kb, 1),
            "KB",
            note=f"{reference.requests} requests; {len(reference.blocked)} to other hosts blocked (Google Fonts)",
        )
    )
    for w in ours:
        home = w.label == "home"
        results.add(
            Figure(
                "weight",
                f"{w.label} /{w.path}",
                round(w.kb, 1),
                "KB",
                f"≤ {weight.HOME_GOAL_KB} KB" if home else "",
                w.kb <= weight.HOME_GOAL_KB if home else None,
                note=f"{w.requests} requests ({w.requests - reference.requests:+d}); "
                f"{w.kb / reference.kb:.2f}× the default Material page",
            )
        )
    without = [w for w in ours if not w.has_quiz]
    offending = [f"/{w.path}: {', '.join(w.quiz_scripts)}" for w in without if w.quiz_scripts]
    results.add(
        Figure(
            "weight",
            "quiz scripts on pages without a quiz",
            sum(len(w.quiz_scripts) for w in without),
            "",
            "0",
            not offending,
            note="; ".join(offending) or f"checked {len(without)} page(s) without a quiz",
        ),
        Figure(
            "weight",
            "requests to other hosts",
            sum(len(w.blocked) for w in ours),
            "",
            "0",
            not any(w.blocked for w in ours),
            note="; ".join(u for w in ours for u in w.blocked)[:300],
        ),
    )


def _lighthouse(
    root: Path, url: str, reference_url: str, measured: list[pages.SitePage], runs: int, results: Results
) -> None:
    try:
        lighthouse.binary(root)
    except lighthouse.LighthouseMissing as exc:
        results.add(Figure("lighthouse", "all pages", None, goal="see tools/bench/README.md", note=str(exc)))
        _say(str(exc))
        return
    scores = [lighthouse.audit(root, url + p.path, p.label, p.path, runs) for p in measured]
    reference = lighthouse.audit(root, reference_url, "default Material page", "", runs)
    results.details["lighthouse"] = [s.__dict__ for s in [*scores, reference]]
    results.add(
        Figure(
            "lighthouse",
            "default Material page",
            " ".join(f"{reference.scores[c]:.2f}" for c in lighthouse.CATEGORIES),
            note="performance, accessibility, best practices, SEO",
        )
    )
    for s in scores:
        for category in lighthouse.CATEGORIES:
            score = float(s.scores[category])
            goal = lighthouse.GOALS[category]
            failing = s.failing.get(category) or []
            note = ""
            if category == "performance":
                note = ", ".join(f"{k.replace('-', ' ')} {v}" for k, v in s.metrics.items())
            if score < goal and failing:
                note = (note + "; " if note else "") + "below 1: " + ", ".join(failing)
            results.add(
                Figure(
                    "lighthouse",
                    f"{s.label}: {category}",
                    score,
                    "",
                    f"≥ {goal:.2f}" if goal < 1 else "= 1.00",
                    score >= goal,
                    note=note,
                )
            )


def _meta(root: Path, args: argparse.Namespace) -> dict:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True).stdout
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": commit.strip(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "load_average_start": os.getloadavg(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "options": {k: str(v) for k, v in vars(args).items()},
    }


def _sizes(text: str) -> list[int]:
    return [int(s.replace("_", "")) for s in text.split(",")]


def _say(text: str) -> None:
    print(f"[benchmark] {text}", file=sys.stderr, flush=True)
