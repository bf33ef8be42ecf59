"""`subtrees_match` vouches for the stored subtrees in bulk only when every one of them is the
tree's: a changed, missing, extra or misplaced subtree makes it hand over to the one-by-one
check that names it."""

from __future__ import annotations

import hashlib

import pytest

from dealtrail.domain.audit.merkle import MerkleTree
from dealtrail.domain.audit.verification import subtrees_match

Chunk = tuple[int, int, int, int, str]
TREE = MerkleTree([hashlib.sha256(bytes([n])).digest() for n in range(37)])


def _chunks(rows: list[tuple[int, int, bytes]], size: int) -> list[Chunk]:
    """As the store groups them: per level, `size` indexes at a time, in index order."""
    groups: dict[tuple[int, int], list[tuple[int, bytes]]] = {}
    for level, index, node in sorted(rows):
        groups.setdefault((level, index // size), []).append((index, node))
    return [
        (level, len(g), g[0][0], g[-1][0], b"".join(n for _, n in g).hex())
        for (level, _), g in sorted(groups.items())
    ]


def _stored(tree: MerkleTree) -> list[tuple[int, int, bytes]]:
    return [
        (level, index, node)
        for level in range(1, len(tree.levels))
        for index, node in enumerate(tree.levels[level])
    ]


@pytest.mark.parametrize("size", [1, 2, 3, 4096])
def test_every_stored_subtree_of_the_tree_matches(size: int) -> None:
    assert subtrees_match(TREE, _chunks(_stored(TREE), size))


def test_nothing_stored_matches() -> None:
    assert subtrees_match(TREE, [])


@pytest.mark.parametrize("size", [1, 3, 4096])
def test_one_changed_subtree_does_not(size: int) -> None:
    rows = _stored(TREE)
    level, index, _ = rows[7]
    rows[7] = (level, index, bytes(32))
    assert not subtrees_match(TREE, _chunks(rows, size))


def test_a_gap_in_a_level_does_not() -> None:
    rows = [row for row in _stored(TREE) if row[:2] != (1, 5)]
    assert not subtrees_match(TREE, _chunks(rows, 4096))


def test_a_subtree_beyond_the_log_does_not() -> None:
    rows = [*_stored(TREE), (1, len(TREE.levels[1]), bytes(32))]
    assert not subtrees_match(TREE, _chunks(rows, 4096))
    assert not subtrees_match(TREE, [(len(TREE.levels), 1, 0, 0, "00" * 32)])


def test_two_subtrees_swapped_do_not() -> None:
    rows = _stored(TREE)
    (l1, i1, n1), (l2, i2, n2) = rows[2], rows[3]
    rows[2], rows[3] = (l1, i1, n2), (l2, i2, n1)
    assert not subtrees_match(TREE, _chunks(rows, 4096))
