"""The benchmark (`python -m tools.bench`): build overhead, scaling, speed, page weight, Lighthouse.

Not part of the test suite: it measures, it does not assert. See tools/bench/README.md.
"""
