"""The tree kept as its complete subtrees, so a root or proof reads O(log n) of them.

A complete subtree is keyed (level, index): MTH of leaves [index << level, (index + 1) << level),
a leaf hash at level 0. Appending leaves completes subtrees bottom-up (`grow`), from the tree's
frontier: the complete subtrees that, left to right, make up the tree of `size` leaves. A root or
proof is computed in two passes of the same RFC 9162 algorithms (MerkleProofs): the first only
notes which subtrees it reads, the second reads them from what was fetched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

from dealtrail.domain.audit.merkle import MerkleProofs, node_hash

Key = tuple[int, int]  # (level, index)
T = TypeVar("T")
_UNREAD = bytes(32)


def frontier(size: int) -> list[Key]:
    """The complete subtrees making up the tree of `size` leaves, left to right."""
    return [
        (level, (size >> level) - 1)
        for level in reversed(range(size.bit_length()))
        if size >> level & 1
    ]


def grow(
    edge: list[tuple[int, bytes]], start: int, leaf_hashes: Iterable[bytes]
) -> Iterator[tuple[int, int, bytes]]:
    """(level, index, hash) of every subtree of level >= 1 that leaves `start`, `start` + 1, ...
    complete, in the order they complete; `edge` is the hash of each subtree of
    `frontier(start)`, as (level, hash). A subtree is yielded once every leaf under it was."""
    stack = list(edge)
    index = start
    for leaf in leaf_hashes:
        level, hashed, at = 0, leaf, index
        while at & 1:
            below, left = stack.pop()
            if below != level:
                raise ValueError(f"the frontier of a tree of {start} leaves is not {edge}")
            hashed, level, at = node_hash(left, hashed), level + 1, at >> 1
            yield level, at, hashed
        stack.append((level, hashed))
        index += 1


class _Noting(MerkleProofs):
    def __init__(self, size: int) -> None:
        self.size = size
        self.read: set[Key] = set()

    def complete(self, level: int, index: int) -> bytes:
        self.read.add((level, index))
        return _UNREAD


class _Fetched(MerkleProofs):
    def __init__(self, size: int, known: Mapping[Key, bytes]) -> None:
        self.size = size
        self.known = known

    def complete(self, level: int, index: int) -> bytes:
        try:
            return self.known[(level, index)]
        except KeyError:
            raise MissingSubtree(level, index) from None


def wanted(size: int, question: Callable[[MerkleProofs], object]) -> set[Key]:
    """The subtrees `question` (roots, proofs) reads in the tree of `size` leaves; a question
    refused for its arguments is refused here (ValueError)."""
    noting = _Noting(size)
    question(noting)
    return noting.read


def answered(size: int, question: Callable[[MerkleProofs], T], known: Mapping[Key, bytes]) -> T:
    """`question` answered from the subtrees `wanted` named (MissingSubtree if one is not)."""
    return question(_Fetched(size, known))


def computed(
    size: int,
    question: Callable[[MerkleProofs], T],
    fetch: Callable[[set[Key]], Mapping[Key, bytes]],
) -> T:
    """`question` asked of the tree of `size` leaves, fetching only the subtrees it reads, in
    one call (none if it reads none). Arguments are refused before anything is fetched."""
    keys = wanted(size, question)
    return answered(size, question, fetch(keys) if keys else {})


class MissingSubtree(LookupError):
    """A subtree the stored tree should hold is not there (a leaf or node row went)."""

    def __init__(self, level: int, index: int) -> None:
        super().__init__(
            f"the stored audit tree has no subtree at level {level}, index {index}: "
            "`dealtrail audit verify` names what changed"
        )
