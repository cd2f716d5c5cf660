"""The one way the in-process benchmarks time an operation: a warm-up call, then ``runs``
calls timed with ``time.perf_counter``; the median and the 95th percentile in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def timed(action: Callable[[], Any], runs: int) -> tuple[float, float]:
    action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(int(len(samples) * 0.95) - 1, 0)]
