"""Checking a log against its Merkle tree and signed head: the first position that diverges."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from dealtrail.domain.audit.canonical import LoggedEvent
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
    first_divergence: tuple[int, int | None, str] | None = None  # (leaf index, position, why)
    head_size: int | None = None
    root_matches: bool | None = None
    signature_valid: bool | None = None
    unverified_tail: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.first_divergence is None
            and self.root_matches is not False
            and self.signature_valid is not False
        )


def verify_log(
    events: Iterable[LoggedEvent],
    leaves: Iterable[StoredLeaf] | None,
    head: SignedTreeHead | None,
    public_key: Ed25519PublicKey,
    progress: Callable[[int], None] | None = None,
) -> Verification:
    """Recomputes every leaf from the raw events, in log order, and compares them with the stored
    leaves (if given) and with the signed head's root. Linear in the size of the log."""
    report = Verification()
    stored = iter(leaves) if leaves is not None else None
    hashes: list[bytes] = []
    for index, event in enumerate(events):
        computed = event.leaf_hash()
        hashes.append(computed)
        if stored is not None and report.first_divergence is None:
            leaf = next(stored, None)
            if leaf is None:
                report.unverified_tail += 1
            elif leaf.position != event.position:
                why = f"the tree has position {leaf.position} here, the log has {event.position}"
                report.first_divergence = (index, min(leaf.position, event.position), why)
            elif leaf.leaf_hash != computed:
                report.first_divergence = (index, event.position, "the event's bytes changed")
        if progress:
            progress(1)
    report.events = len(hashes)
    if stored is not None and report.first_divergence is None:
        missing = next(stored, None)
        if missing is not None:
            why = "an event in the tree is missing from the log"
            report.first_divergence = (missing.index, missing.position, why)
    if head is not None:
        report.head_size = head.head.tree_size
        report.signature_valid = head.verify(public_key)
        if head.head.tree_size > len(hashes):
            report.root_matches = False
            report.problems.append(
                f"the signed head covers {head.head.tree_size} events; the log has {len(hashes)}"
            )
        else:
            root = MerkleTree(hashes[: head.head.tree_size]).root()
            report.root_matches = root == head.head.root_hash
    return report
