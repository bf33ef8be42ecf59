"""An append-only Merkle tree over the log, as in RFC 9162 (certificate transparency) §2.1.

leaf hash = SHA-256(0x00 || leaf bytes); node hash = SHA-256(0x01 || left || right); the tree of
n leaves splits at the largest power of two below n. Proofs and their checks follow the RFC's
algorithms, so any RFC 9162 verifier can check what this module produces.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

EMPTY_ROOT = hashlib.sha256(b"").digest()
LEAF_PREFIX = b"\x00"


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


NODE_PREFIX = b"\x01"


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


class MerkleProofs:
    """RFC 9162's roots and proofs over a tree of `size` leaves, read from its complete subtrees:
    `complete(level, index)` is MTH of leaves [index << level, (index + 1) << level) (level 0:
    a leaf hash). Roots and proofs for any size up to `size` read O(log n) of them."""

    size: int

    def complete(self, level: int, index: int) -> bytes:
        raise NotImplementedError

    def _subtree(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]); `start` is always a multiple of a power of two >= end - start."""
        n = end - start
        if n & (n - 1) == 0:
            level = n.bit_length() - 1
            return self.complete(level, start >> level)
        k = _split(n)
        return node_hash(self._subtree(start, start + k), self._subtree(start + k, end))

    def root(self, size: int | None = None) -> bytes:
        n = self.size if size is None else size
        self._check_size(n)
        return EMPTY_ROOT if n == 0 else self._subtree(0, n)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(index, D[0:size]) of RFC 9162 §2.1.3.1."""
        n = self.size if size is None else size
        self._check_size(n)
        if not 0 <= index < n:
            raise ValueError(f"leaf {index} is not in a tree of size {n}")
        return self._path(index, 0, n)

    def _path(self, m: int, start: int, end: int) -> list[bytes]:
        n = end - start
        if n == 1:
            return []
        k = _split(n)
        if m < k:
            return [*self._path(m, start, start + k), self._subtree(start + k, end)]
        return [*self._path(m - k, start + k, end), self._subtree(start, start + k)]

    def consistency_proof(self, old_size: int, size: int | None = None) -> list[bytes]:
        """PROOF(old_size, D[0:size]) of RFC 9162 §2.1.4.1."""
        n = self.size if size is None else size
        self._check_size(n)
        if not 0 < old_size <= n:
            raise ValueError(f"no consistency proof from size {old_size} to {n}")
        return self._subproof(old_size, 0, n, True)

    def _subproof(self, m: int, start: int, end: int, whole: bool) -> list[bytes]:
        n = end - start
        if m == n:
            return [] if whole else [self._subtree(start, end)]
        k = _split(n)
        if m <= k:
            return [*self._subproof(m, start, start + k, whole), self._subtree(start + k, end)]
        return [*self._subproof(m - k, start + k, end, False), self._subtree(start, start + k)]

    def _check_size(self, n: int) -> None:
        if not 0 <= n <= self.size:
            raise ValueError(f"the tree has {self.size} leaves, not {n}")


class MerkleTree(MerkleProofs):
    """The whole tree over a sequence of leaf hashes, in memory, hashed once level by level."""

    def __init__(self, leaf_hashes: Sequence[bytes]) -> None:
        self.levels: list[list[bytes]] = [list(leaf_hashes)]
        sha256 = hashlib.sha256
        while len(self.levels[-1]) > 1:
            below = self.levels[-1]
            pairs = zip(below[0::2], below[1::2], strict=False)  # an odd last node waits
            self.levels.append([sha256(NODE_PREFIX + a + b).digest() for a, b in pairs])

    @property
    def size(self) -> int:  # type: ignore[override]
        return len(self.levels[0])

    def complete(self, level: int, index: int) -> bytes:
        return self.levels[level][index]


def verify_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 §2.1.3.2: does `proof` show leaf hash `leaf` at `index` in the tree `root`?"""
    if index >= size:
        return False
    sides = _sides(index, size - 1, len(proof))
    if sides is None:
        return False
    r = leaf
    for p, left in zip(proof, sides, strict=True):
        r = node_hash(p, r) if left else node_hash(r, p)
    return r == root


def verify_consistency(
    old_size: int, size: int, old_root: bytes, root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: is the tree `root` of `size` leaves an append-only extension of the
    tree `old_root` of `old_size` leaves?"""
    if old_size == size:
        return old_root == root and not proof
    if not 0 < old_size < size or not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old_size - 1, size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    sides = _sides(fn, sn, len(path) - 1)
    if sides is None:
        return False
    fr = sr = path[0]
    for c, left in zip(path[1:], sides, strict=True):
        if left:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
        else:
            sr = node_hash(sr, c)
    return fr == old_root and sr == root


def _sides(fn: int, sn: int, count: int) -> list[bool] | None:
    """The walk both checks of RFC 9162 take up the tree, from node `fn` of a level whose last
    node is `sn`: for each of `count` proof hashes, whether it is the left sibling (hashed
    first). None if the proof does not end at the root (sn reaches 0 early, or not at all)."""
    sides = []
    for _ in range(count):
        if sn == 0:
            return None
        left = bool(fn & 1) or fn == sn
        if left and not fn & 1:
            while fn & 1 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        sides.append(left)
        fn >>= 1
        sn >>= 1
    return sides if sn == 0 else None
