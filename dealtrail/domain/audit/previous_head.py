"""Fork detection across exports: does a new bundle extend a signed tree head the auditor kept
from before (the JSON of `GET /api/v1/audit/tree-head`, or an earlier bundle's header line)?

It does when the head is signed by the key the bundle is checked with, is no larger than the
bundle's signed head, and the bundle's first events give the head's root at its size, which with
the bundle's own check is an RFC 9162 consistency proof from the old tree to the new one.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from dealtrail.domain.audit.merkle import MerkleTree, verify_consistency
from dealtrail.domain.audit.tree_head import SignedTreeHead, TreeHead


class PreviousHeadError(ValueError):
    """The text holds no signed tree head."""


def read_previous_head(text: str) -> SignedTreeHead:
    """The signed head in `text`: a tree head's JSON (pretty-printed or not, its `public_key`
    ignored), or a bundle's header, alone or as the first line of the bundle."""
    first = text.lstrip().partition("\n")[0]
    data = _json(first)
    if data is None:
        data = _json(text)
    if not isinstance(data, dict):
        raise PreviousHeadError("holds no JSON object (a tree head, or a bundle's header line)")
    head = data.get("tree_head", data)
    try:
        return SignedTreeHead.from_json(head)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        why = f"{type(error).__name__} {error}"
        raise PreviousHeadError(f"holds no signed tree head: {why}") from None


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def extension_differences(
    previous: SignedTreeHead,
    head: SignedTreeHead,
    tree: MerkleTree,
    key: Ed25519PublicKey,
    key_text: str,
) -> list[str]:
    """How the bundle (its signed `head`, the tree of its events' leaves) fails to extend the
    `previous` head; empty when it does."""
    old, new = previous.head, head.head
    found: list[str] = []
    if not previous.verify(key):
        found.append(f"bad signature: the previous head is not signed by the key {key_text}")
    if old.tree_size > new.tree_size:
        found.append(
            f"the previous head (size {old.tree_size}) is larger than the bundle's signed head "
            f"(size {new.tree_size}): the bundle is older, or the log lost events"
        )
        return found
    if old.tree_size > tree.size:
        found.append(
            f"the bundle holds {tree.size} events, fewer than the previous head's {old.tree_size}"
        )
        return found
    root = tree.root(old.tree_size)
    if root != old.root_hash:
        found.append(
            f"forked: the bundle's first {old.tree_size} events give the root {root.hex()}, "
            f"the previous head signed {old.root_hash.hex()}"
        )
    elif new.tree_size <= tree.size and not _consistent(tree, old.tree_size, root, new):
        found.append(
            "the bundle's events prove no RFC 9162 consistency from the previous head to the "
            "bundle's signed head"
        )
    return found


def _consistent(tree: MerkleTree, old_size: int, old_root: bytes, new: TreeHead) -> bool:
    """RFC 9162 §2.1.4: the proof the bundle's events give, checked against both signed roots."""
    if old_size == 0:
        return True  # the empty tree is extended by every tree
    proof = tree.consistency_proof(old_size, new.tree_size)
    return verify_consistency(old_size, new.tree_size, old_root, new.root_hash, proof)
