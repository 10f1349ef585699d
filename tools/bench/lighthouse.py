"""Lighthouse (npm `lighthouse`, installed by `npm ci`) in Debian's Chromium, mobile emulation."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tebiki.checks.chromium import CHROMIUM, CHROMIUM_ARGS

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


class LighthouseMissing(Exception):
    pass


@dataclass
class Scores:
    label: str
    path: str
    scores: dict[str, float] = field(default_factory=dict)  # category -> median score over runs
    runs: list[dict[str, float]] = field(default_factory=list)
    metrics: dict[str, str] = field(default_factory=dict)  # of the median-performance run
    failing: dict[str, list[str]] = field(default_factory=dict)  # category -> audits below 1


def binary(root: Path) -> Path:
    path = root / "tools" / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not path.exists():
        raise LighthouseMissing(
            f"Lighthouse is not installed ({path} is missing): "
            f"run `npm ci --prefix tools/bench` in {root} (Node 18.16 or later)."
        )
    return path


def audit(root: Path, url: str, label: str, path: str, runs: int) -> Scores:
    """Run Lighthouse `runs` times on `url`; keep the median score of each category."""
    lighthouse = binary(root)
    result = Scores(label, path)
    reports = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.json"
            cmd = [
                str(lighthouse),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--form-factor=mobile",
                "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
            ]
            env = {**os.environ, "CHROME_PATH": CHROMIUM}
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            if done.returncode != 0 or not out.exists():
                raise RuntimeError(f"lighthouse failed on {url} (exit {done.returncode}):\n{done.stderr[-3000:]}")
            reports.append(json.loads(out.read_text(encoding="utf-8")))
    result.runs = [{c: r["categories"][c]["score"] for c in CATEGORIES} for r in reports]
    result.scores = {c: statistics.median(run[c] for run in result.runs) for c in CATEGORIES}
    median_run = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
    result.metrics = {m: median_run["audits"][m].get("displayValue", "") for m in METRICS}
    for category in CATEGORIES:
        refs = median_run["categories"][category]["auditRefs"]
        failing = []
        for ref in refs:
            a = median_run["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < 1:
                failing.append(f"{ref['id']} ({a['score']:.2f})")
        result.failing[category] = failing
    return result
