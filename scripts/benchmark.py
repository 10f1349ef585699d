#!/usr/bin/env python3
"""Benchmark entry point: build time, scaling, page weight and Lighthouse, as ratios.

Run from the project root with the project's venv: `.venv/bin/python scripts/benchmark.py`.
The logic lives in src/tebiki/bench/; `--help` lists the options.
"""

import sys

from tebiki.bench.run import main

if __name__ == "__main__":
    sys.exit(main())
