"""The slowest tests start first, one share of them on each test process.

A test marked `@pytest.mark.slow(seconds)` (roughly what it takes in CI) runs before the unmarked
ones, so that no process is left running a minute-long test alone at the end of the run.
pytest-xdist has no order of its own for this: its `worksteal` scheduler hands each process a
contiguous share of the collection at the start (the first N/4 tests to one, the next to another,
...) and later moves queued tests from the end of a busy process's share to an idle one. So the
slow tests are dealt into the shares, longest first, each to the share with the least marked time
so far, and put at the front of it. Without xdist, or with another scheduler (`load` deals the
first tests one to each process in turn), they are simply put first, longest first.
"""

from __future__ import annotations

import pytest


def seconds(item: pytest.Item) -> float:
    marker = item.get_closest_marker("slow")
    return float(marker.args[0]) if marker else 0.0


def shares(count: int, processes: int) -> list[int]:
    """The sizes of the contiguous shares worksteal first hands `processes` idle processes."""
    sizes = []
    for i in range(processes):
        sizes.append((count - sum(sizes)) // (processes - i))
    return sizes


def slow_first(config: pytest.Config, items: list[pytest.Item]) -> None:
    slow = sorted((item for item in items if seconds(item)), key=seconds, reverse=True)
    if not slow:
        return
    rest = [item for item in items if not seconds(item)]
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None or workerinput.get("dist") != "worksteal":  # see conftest.py
        items[:] = slow + rest
        return
    sizes = shares(len(items), int(workerinput["workercount"]))
    dealt: list[list[pytest.Item]] = [[] for _ in sizes]
    for item in slow:
        share = min(
            (i for i in range(len(sizes)) if len(dealt[i]) < sizes[i]),
            key=lambda i: sum(map(seconds, dealt[i])),
        )
        dealt[share].append(item)
    ordered: list[pytest.Item] = []
    for size, first in zip(sizes, dealt, strict=True):
        taken = size - len(first)
        ordered += first + rest[:taken]
        rest = rest[taken:]
    items[:] = ordered
