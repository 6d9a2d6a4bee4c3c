"""Percentiles and a timer, shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def percentile(samples: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def timed_ms(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def calls_within(call: Callable[[], object], *, seconds: float) -> int:
    """How many calls run in about ``seconds``, in batches so the clock is read rarely."""
    count, deadline = 0, time.perf_counter() + seconds
    while True:
        for _ in range(500):
            call()
        count += 500
        if time.perf_counter() >= deadline:
            return count
