"""Maintainers' tools, not part of the installed package: the benchmark and the briefing-video maker."""
