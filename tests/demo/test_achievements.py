"""The demo's achievements, as plain data: nothing recorded."""

from __future__ import annotations

from dealtrail.demo.achievements import ACHIEVEMENTS, EXHIBITED


def test_the_whole_exhibition_spans_every_readiness_level() -> None:
    assert len(ACHIEVEMENTS) == EXHIBITED == 505
    assert {a.trl for a in ACHIEVEMENTS} == set(range(1, 10))
    assert len({a.title for a in ACHIEVEMENTS}) == EXHIBITED
