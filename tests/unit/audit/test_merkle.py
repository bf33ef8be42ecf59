"""The Merkle tree against a small independent reference written straight from RFC 9162 §2.1."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from dealtrail.domain.audit.merkle import (
    EMPTY_ROOT,
    MerkleTree,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)


def _h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _k(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d: list[bytes]) -> bytes:
    if not d:
        return _h(b"")
    if len(d) == 1:
        return _h(b"\x00" + d[0])
    k = _k(len(d))
    return _h(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m: int, d: list[bytes]) -> list[bytes]:
    if len(d) == 1:
        return []
    k = _k(len(d))
    if m < k:
        return [*path(m, d[:k]), mth(d[k:])]
    return [*path(m - k, d[k:]), mth(d[:k])]


def subproof(m: int, d: list[bytes], b: bool) -> list[bytes]:
    if m == len(d):
        return [] if b else [mth(d)]
    k = _k(len(d))
    if m <= k:
        return [*subproof(m, d[:k], b), mth(d[k:])]
    return [*subproof(m - k, d[k:], False), mth(d[:k])]


def tree_of(d: list[bytes]) -> MerkleTree:
    return MerkleTree([leaf_hash(x) for x in d])


entries = st.lists(st.binary(max_size=8), min_size=1, max_size=80)


def test_the_empty_tree_has_the_hash_of_nothing_as_its_root() -> None:
    assert MerkleTree([]).root() == EMPTY_ROOT == mth([])


@settings(max_examples=60, deadline=None)
@given(entries, st.data())
def test_roots_and_inclusion_proofs_match_the_rfc_definitions(
    d: list[bytes], data: st.DataObject
) -> None:
    tree = tree_of(d)
    size = data.draw(st.integers(1, len(d)))
    index = data.draw(st.integers(0, size - 1))
    assert tree.root(size) == mth(d[:size])
    proof = tree.inclusion_proof(index, size)
    assert proof == path(index, d[:size])
    assert verify_inclusion(leaf_hash(d[index]), index, size, proof, tree.root(size))


@settings(max_examples=60, deadline=None)
@given(entries, st.data())
def test_consistency_proofs_match_the_rfc_and_verify(d: list[bytes], data: st.DataObject) -> None:
    tree = tree_of(d)
    size = data.draw(st.integers(1, len(d)))
    old = data.draw(st.integers(1, size))
    proof = tree.consistency_proof(old, size)
    assert proof == subproof(old, d[:size], True)
    assert verify_consistency(old, size, tree.root(old), tree.root(size), proof)


@settings(max_examples=40, deadline=None)
@given(entries, st.data())
def test_a_proof_for_another_leaf_or_another_root_does_not_verify(
    d: list[bytes], data: st.DataObject
) -> None:
    tree = tree_of(d)
    index = data.draw(st.integers(0, len(d) - 1))
    proof = tree.inclusion_proof(index)
    assert not verify_inclusion(leaf_hash(d[index] + b"!"), index, len(d), proof, tree.root())
    if len(d) > 1:
        old = data.draw(st.integers(1, len(d) - 1))
        forged = _h(b"forged")
        assert not verify_consistency(old, len(d), forged, tree.root(), tree.consistency_proof(old))
