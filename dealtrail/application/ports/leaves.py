"""The audit leaves stored beside the events, as the event feed serves them."""

from __future__ import annotations

from typing import Protocol


class StoredLeaves(Protocol):
    def leaf_hashes(self, first: int, last: int) -> dict[int, bytes]:
        """The leaf hash written with the event at each position from `first` to `last`
        (inclusive), by position; a position with no leaf (an event inserted around dealtrail,
        or no event) is absent. One query."""
        ...
