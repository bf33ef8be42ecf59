"""Signed tree heads: (size, root hash, time) signed with Ed25519, checkable with the public key."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dealtrail.domain.audit.canonical import canonical_json


@dataclass(frozen=True)
class TreeHead:
    tree_size: int
    root_hash: bytes
    timestamp: datetime

    def message(self) -> bytes:
        """The bytes signed: canonical JSON of size, hex root and ISO 8601 UTC time."""
        return canonical_json(
            {
                "root_hash": self.root_hash.hex(),
                "timestamp": self.timestamp.isoformat(),
                "tree_size": self.tree_size,
            }
        )

    def sign(self, key: Ed25519PrivateKey) -> SignedTreeHead:
        return SignedTreeHead(self, key.sign(self.message()))


@dataclass(frozen=True)
class SignedTreeHead:
    head: TreeHead
    signature: bytes

    def verify(self, public_key: Ed25519PublicKey) -> bool:
        try:
            public_key.verify(self.signature, self.head.message())
        except InvalidSignature:
            return False
        return True

    def as_json(self) -> dict[str, Any]:
        return {
            "tree_size": self.head.tree_size,
            "root_hash": self.head.root_hash.hex(),
            "timestamp": self.head.timestamp.isoformat(),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SignedTreeHead:
        head = TreeHead(
            int(data["tree_size"]),
            bytes.fromhex(data["root_hash"]),
            datetime.fromisoformat(data["timestamp"]),
        )
        return cls(head, base64.b64decode(data["signature"], validate=True))


class TreeForked(Exception):
    """The tree no longer extends the last signed head: a leaf under it changed or went."""

    def __init__(self, head_size: int, tree_size: int) -> None:
        super().__init__(
            f"the audit tree of {tree_size} leaves does not extend the signed head of size "
            f"{head_size}: no head is signed until this is resolved"
        )
        self.head_size = head_size
        self.tree_size = tree_size


def public_key_text(key: Ed25519PublicKey) -> str:
    """The raw 32-byte public key, base64: what an auditor pins."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def public_key_from_text(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
