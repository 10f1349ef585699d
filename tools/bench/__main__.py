"""Benchmark entry point: build time, scaling, page weight and Lighthouse, as ratios.

Run from the project root with the project's venv: `.venv/bin/python -m tools.bench`
(`--help` lists the options). What it measures and the figures so far: tools/bench/README.md.
"""

import sys

from tools.bench.run import main

if __name__ == "__main__":
    sys.exit(main())
