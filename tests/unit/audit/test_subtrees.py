"""The tree kept as complete subtrees gives the very roots and proofs of the whole tree, and
reads O(log n) subtrees for each."""

from __future__ import annotations

import hashlib

import pytest

from dealtrail.domain.audit.merkle import MerkleProofs, MerkleTree
from dealtrail.domain.audit.subtrees import (
    Key,
    MissingSubtree,
    computed,
    frontier,
    grow,
)

N = 70


def _leaves(n: int) -> list[bytes]:
    return [hashlib.sha256(b"leaf %d" % i).digest() for i in range(n)]


def _complete(tree: MerkleTree) -> dict[Key, bytes]:
    """Every complete subtree of the whole tree, leaves included."""
    return {
        (level, index): hashed
        for level, row in enumerate(tree.levels)
        for index, hashed in enumerate(row)
    }


def _grown(leaves: list[bytes], cuts: list[int]) -> dict[Key, bytes]:
    """The subtrees grown from nothing, a run of leaves at a time, each run from the frontier of
    what was grown before it (as the stored tree is extended)."""
    known: dict[Key, bytes] = {(0, i): leaf for i, leaf in enumerate(leaves)}
    for start, end in zip([0, *cuts], [*cuts, len(leaves)], strict=True):
        edge = [(level, known[(level, index)]) for level, index in frontier(start)]
        for level, index, hashed in grow(edge, start, leaves[start:end]):
            assert (level, index) not in known  # each subtree completes once
            known[(level, index)] = hashed
    return known


@pytest.mark.parametrize("cuts", [[], [1], [2, 3, 5, 8, 13, 21, 34, 55], list(range(1, N))])
def test_subtrees_grown_in_runs_are_those_of_the_whole_tree(cuts: list[int]) -> None:
    leaves = _leaves(N)
    assert _grown(leaves, cuts) == _complete(MerkleTree(leaves))


def test_the_frontier_makes_up_the_tree_left_to_right() -> None:
    assert frontier(0) == []
    assert frontier(1) == [(0, 0)]
    assert frontier(6) == [(2, 0), (1, 2)]
    assert frontier(70) == [(6, 0), (2, 16), (1, 34)]


def test_every_root_and_proof_is_the_whole_tree_s() -> None:
    leaves = _leaves(N)
    tree = MerkleTree(leaves)
    known = _complete(tree)

    def fetch(keys: set[Key]) -> dict[Key, bytes]:
        return {key: known[key] for key in keys}

    for size in range(N + 1):
        assert computed(size, lambda t, s=size: t.root(s), fetch) == tree.root(size)
        for index in range(size):
            assert computed(
                size, lambda t, i=index, s=size: t.inclusion_proof(i, s), fetch
            ) == tree.inclusion_proof(index, size)
        for first in range(1, size + 1):
            assert computed(
                size, lambda t, f=first, s=size: t.consistency_proof(f, s), fetch
            ) == tree.consistency_proof(first, size)


def test_a_proof_reads_logarithmically_many_subtrees() -> None:
    size = 1_000_003
    asked: list[set[Key]] = []

    def fetch(keys: set[Key]) -> dict[Key, bytes]:
        asked.append(keys)
        return dict.fromkeys(keys, bytes(32))

    def proofs(tree: MerkleProofs) -> object:
        return (
            tree.root(),
            tree.inclusion_proof(size - 2),
            tree.inclusion_proof(12_345),
            tree.consistency_proof(777_777),
        )

    computed(size, proofs, fetch)

    [keys] = asked  # one fetch for all of them
    assert len(keys) <= 4 * size.bit_length()


def test_a_subtree_not_stored_is_named_and_arguments_are_refused_before_any_fetch() -> None:
    with pytest.raises(MissingSubtree, match="level 1, index 0"):
        computed(2, lambda t: t.root(), lambda keys: {})

    def fetch(keys: set[Key]) -> dict[Key, bytes]:
        raise AssertionError("nothing is fetched for a refused question")

    with pytest.raises(ValueError):
        computed(5, lambda t: t.inclusion_proof(5, 5), fetch)
    with pytest.raises(ValueError):
        computed(5, lambda t: t.consistency_proof(6, 5), fetch)


def test_a_wrong_frontier_is_refused() -> None:
    with pytest.raises(ValueError):
        list(grow([(0, bytes(32))], 2, _leaves(2)))
