"""Checking a log against its Merkle tree and signed head: the first position that diverges."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from dealtrail.domain.audit.canonical import LoggedEvent, plain_leaf_hash
from dealtrail.domain.audit.merkle import MerkleTree
from dealtrail.domain.audit.tree_head import SignedTreeHead


@dataclass(frozen=True)
class StoredLeaf:
    index: int
    position: int
    leaf_hash: bytes


@dataclass
class Verification:
    events: int = 0
    leaves_checked: bool = False  # every event against the leaf written with it
    first_divergence: tuple[int, int | None, str] | None = None  # (leaf index, position, why)
    heads_checked: int = 0
    head_size: int | None = None  # the latest signed head's
    root_matches: bool | None = None  # every head's
    signature_valid: bool | None = None  # every head's
    unverified_tail: int = 0  # events after the latest signed head
    subtrees_match: bool | None = None  # the stored subtrees proofs are read from, if checked
    problems: list[str] = field(default_factory=list)
    tree: MerkleTree | None = field(default=None, repr=False)  # of the events' recomputed leaves

    @property
    def ok(self) -> bool:
        return (
            self.first_divergence is None
            and self.root_matches is not False
            and self.signature_valid is not False
            and self.subtrees_match is not False
        )


def verify_log(
    events: Iterable[LoggedEvent],
    leaves: Iterable[StoredLeaf] | None,
    heads: Sequence[SignedTreeHead],
    public_key: Ed25519PublicKey,
    progress: Callable[[int], None] | None = None,
) -> Verification:
    """Recomputes every leaf from the raw events, in log order, and compares each with the leaf
    stored with it (if `leaves` are given: an event without its leaf is tampering too), then
    checks every signed head: its signature, and the root of the recomputed tree at its size.
    Linear in the size of the log."""
    report = Verification(leaves_checked=leaves is not None)
    stored = iter(leaves) if leaves is not None else None
    hashes: list[bytes] = []
    for index, event in enumerate(events):
        computed = event.leaf_hash()
        hashes.append(computed)
        if stored is not None and report.first_divergence is None:
            report.first_divergence = _against_leaf(index, event, computed, next(stored, None))
        if progress:
            progress(1)
    report.events = len(hashes)
    if stored is not None and report.first_divergence is None:
        extra = next(stored, None)
        if extra is not None:
            why = "a leaf's event is missing from the log"
            report.first_divergence = (extra.index, extra.position, why)
    report.tree = MerkleTree(hashes)
    _check_heads(report, report.tree, heads, public_key)
    return report


# An event read in bulk with the leaf stored at its position: (position, originator id as stored,
# version, topic, state, the leaf's index or None if there is none, the leaf's hash in hex).
EventWithLeaf = tuple[object, object, object, object, object, object, object]


def matching_leaves(
    pages: Iterable[Sequence[EventWithLeaf]],
    progress: Callable[[int], None] | None = None,
) -> list[bytes] | None:
    """The quick pass over a log that is intact: every event's leaf hash, if each event, in log
    order, has the next leaf of the tree at its position, equal to the leaf its bytes give.
    None at the first event that does not, or that is not hashed in bulk: `verify_log` then
    says why (a quick pass never reports anything on its own)."""
    hashes: list[bytes] = []
    append = hashes.append
    for page in pages:
        for position, originator_id, version, topic, state, index, stored in page:
            computed = plain_leaf_hash(position, originator_id, version, topic, state)  # type: ignore[arg-type]
            if computed is None or index != len(hashes) or stored != computed.hex():
                return None
            append(computed)
        if progress:
            progress(len(page))
    return hashes


def verified_leaves(
    hashes: list[bytes], heads: Sequence[SignedTreeHead], public_key: Ed25519PublicKey
) -> Verification:
    """What `verify_log` reports of a log whose every event matched the leaf stored with it
    (`matching_leaves`, and no other leaf stored): the signed heads checked against it."""
    report = Verification(events=len(hashes), leaves_checked=True, tree=MerkleTree(hashes))
    _check_heads(report, report.tree, heads, public_key)
    return report


def _against_leaf(
    index: int, event: LoggedEvent, computed: bytes, leaf: StoredLeaf | None
) -> tuple[int, int | None, str] | None:
    if leaf is None:
        return (index, event.position, "no leaf was written with this event")
    if leaf.position != event.position:
        why = f"the tree has position {leaf.position} here, the log has {event.position}"
        return (index, min(leaf.position, event.position), why)
    if leaf.leaf_hash != computed:
        return (index, event.position, "the event's bytes differ from its leaf")
    return None


def _check_heads(
    report: Verification,
    tree: MerkleTree,
    heads: Sequence[SignedTreeHead],
    public_key: Ed25519PublicKey,
) -> None:
    report.unverified_tail = tree.size
    for signed in heads:
        head = signed.head
        report.heads_checked += 1
        report.head_size = head.tree_size
        report.unverified_tail = max(tree.size - head.tree_size, 0)
        if not signed.verify(public_key):
            report.signature_valid = False
            report.problems.append(f"the head of size {head.tree_size} has an invalid signature")
        elif report.signature_valid is None:
            report.signature_valid = True
        if head.tree_size > tree.size:
            report.root_matches = False
            report.problems.append(
                f"the signed head covers {head.tree_size} events; the log has {tree.size}"
            )
        elif tree.root(head.tree_size) != head.root_hash:
            report.root_matches = False
            report.problems.append(
                f"the head of size {head.tree_size} (signed {head.timestamp.isoformat()}) "
                "does not match the log's first events"
            )
        elif report.root_matches is None:
            report.root_matches = True


def subtrees_match(tree: MerkleTree, chunks: Iterable[tuple[int, int, int, int, str]]) -> bool:
    """Whether the stored complete subtrees, read a chunk at a time (level, rows, first index,
    last index, their hashes (hex) concatenated in index order), are all the tree's: it only
    vouches, in bulk; where it cannot, `check_subtrees` compares them one by one and names the
    first that differs."""
    for level, rows, first, last, hashes in chunks:
        row = tree.levels[level] if level < len(tree.levels) else []
        if last - first + 1 != rows or last >= len(row):
            return False
        if b"".join(row[first : last + 1]).hex() != hashes:
            return False
    return True


def check_subtrees(
    report: Verification, tree: MerkleTree, stored: Iterable[tuple[int, int, bytes]]
) -> None:
    """Compares the stored complete subtrees (level, index, hash) with those of the tree the
    events give; the first that differs, or lies beyond the log, is named."""
    report.subtrees_match = True
    for level, index, node_hash in stored:
        row = tree.levels[level] if level < len(tree.levels) else []
        if index >= len(row) or row[index] != node_hash:
            report.subtrees_match = False
            report.problems.append(
                f"the stored subtree at level {level}, index {index} (leaves "
                f"{index << level} to {((index + 1) << level) - 1}) is not the log's"
            )
            return
