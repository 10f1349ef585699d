"""Run a command and measure it: wall time, CPU time and peak memory of its process tree."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


class CommandFailed(Exception):
    pass


@dataclass(frozen=True)
class Run:
    wall: float  # seconds, what a user waits
    cpu: float  # user + system seconds of the process and every child it waited for (e.g. Pagefind)
    peak_mb: float  # largest resident set of any process in the tree, MiB

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 3) for k, v in asdict(self).items()}


def run(cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run `cmd` to completion; raise CommandFailed with its output if it fails.

    os.wait4 gives the resource usage of this one child (and of its own waited-for
    children), so concurrent runs elsewhere on the machine do not mix in, unlike
    getrusage(RUSAGE_CHILDREN).
    """
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            text = out.read().decode("utf-8", "replace")
            raise CommandFailed(f"{' '.join(cmd)} exited {proc.returncode}:\n{text[-4000:]}")
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_mb=usage.ru_maxrss / 1024)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # this process's CPU time: what the call costs, whatever else the machine runs


def timed(fn: Callable[[], object], repeat: int) -> list[Timing]:
    """Wall and CPU times of `repeat` in-process calls of `fn`."""
    times = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(Timing(time.perf_counter() - start, time.process_time() - start_cpu))
    return times


def alternate(commands: Mapping[K, Callable[[], Run]], rounds: int) -> dict[K, list[Run]]:
    """Run each command once per round, rotating the order, so that load from other
    processes on the machine falls on all of them alike."""
    names = list(commands)
    runs: dict[K, list[Run]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            runs[name].append(commands[name]())
    return runs


def median_ratio(numerators: list[float], denominators: list[float]) -> float:
    """Median of the per-round ratios: each pair ran back to back under similar load."""
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


def median(values: list[float]) -> float:
    return statistics.median(values)
