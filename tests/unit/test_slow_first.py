"""The suite's own order (tests/slow_first.py): the slow tests start first, shared out so that
each xdist process begins with its share and no test is lost or run twice."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tests.slow_first import shares, slow_first


class _Item:
    def __init__(self, name: str, seconds: float = 0.0) -> None:
        self.name = name
        self.marker = pytest.mark.slow(seconds).mark if seconds else None

    def get_closest_marker(self, name: str) -> Any:
        return self.marker if name == "slow" else None

    def __repr__(self) -> str:
        return self.name


def _config(dist: str | None, processes: int | None) -> Any:
    config = SimpleNamespace()
    if processes:
        config.workerinput = {"workercount": processes, "dist": dist}
    return config


def _items() -> list[Any]:
    quick = [_Item(f"q{n}") for n in range(20)]
    slow = {3: 60, 7: 90, 11: 30, 15: 45, 19: 20}
    for index, seconds in slow.items():
        quick[index] = _Item(f"s{seconds}", seconds)
    return quick


def test_worksteal_first_shares_are_the_collection_cut_in_even_contiguous_parts() -> None:
    assert shares(20, 4) == [5, 5, 5, 5]
    assert shares(10, 4) == [2, 2, 3, 3]
    assert sum(shares(2573, 4)) == 2573


def test_under_worksteal_each_process_share_begins_with_slow_tests_longest_spread() -> None:
    items = _items()
    before = list(items)

    slow_first(_config("worksteal", 4), items)

    assert sorted(map(repr, items)) == sorted(map(repr, before))
    starts = [items[i * 5 : i * 5 + 2] for i in range(4)]
    assert [repr(share[0]) for share in starts] == ["s90", "s60", "s45", "s30"]
    assert repr(starts[3][1]) == "s20"  # with the least marked time: 30 s
    quick = [repr(i) for i in items if not i.get_closest_marker("slow")]
    assert quick == [repr(i) for i in before if not i.get_closest_marker("slow")]


def test_in_one_process_or_under_load_scheduling_the_slow_tests_simply_come_first() -> None:
    for config in (_config(None, None), _config("load", 4)):
        items = _items()
        slow_first(config, items)
        assert [repr(i) for i in items[:5]] == ["s90", "s60", "s45", "s30", "s20"]
        assert [repr(i) for i in items[5:]] == [f"q{n}" for n in range(20) if n % 4 != 3]
