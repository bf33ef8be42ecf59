"""Signed receipts: the operator's signed promise that an event is in its log at a position with a
leaf hash, recorded at a time (compare RFC 9162's signed certificate timestamps).

    signed message = canonical JSON of
        {"leaf_hash": "<hex SHA-256 leaf>", "position": N, "recorded_at": "<ISO 8601, UTC>"}
    receipt        = base64url, unpadded, of the canonical JSON of those three fields and
        "signature": "<base64 of the Ed25519 signature over the message>"

`recorded_at` is the event's own recorded time, as `isoformat()` writes an aware UTC datetime
(e.g. "2026-11-20T08:30:00.123456+00:00"); a receipt that writes it any other way is refused as
unreadable, so the message a signature covers is never ambiguous. A receipt is checked against a
bundle: its signature under the bundle's key (or the one pinned), the bundle itself, and the event
at its position, whose leaf is recomputed from the bundle's line.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dealtrail.domain.audit.bundle import check_bundle
from dealtrail.domain.audit.canonical import LoggedEvent, canonical_json
from dealtrail.domain.audit.tree_head import public_key_from_text
from dealtrail.domain.audit.verification import Verification

FIELDS = {"leaf_hash", "position", "recorded_at", "signature"}
HEX = re.compile(r"[0-9a-f]{64}")
MAX_ENCODED = 1000  # an issued receipt is about 300 characters


class ReceiptError(ValueError):
    """The text is not a dealtrail receipt."""


@dataclass(frozen=True)
class Receipt:
    leaf_hash: str  # hex
    position: int
    recorded_at: datetime  # aware

    def fields(self) -> dict[str, Any]:
        return {
            "leaf_hash": self.leaf_hash,
            "position": self.position,
            "recorded_at": self.recorded_at.astimezone(UTC).isoformat(),
        }

    def message(self) -> bytes:
        """The bytes signed."""
        return canonical_json(self.fields())

    def sign(self, key: Ed25519PrivateKey) -> SignedReceipt:
        return SignedReceipt(self, key.sign(self.message()))


@dataclass(frozen=True)
class SignedReceipt:
    receipt: Receipt
    signature: bytes

    def verify(self, public_key: Ed25519PublicKey) -> bool:
        try:
            public_key.verify(self.signature, self.receipt.message())
        except InvalidSignature:
            return False
        return True

    def encode(self) -> str:
        signature = base64.b64encode(self.signature).decode("ascii")
        text = canonical_json({**self.receipt.fields(), "signature": signature})
        return base64.urlsafe_b64encode(text).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> SignedReceipt:
        """From a `Dealtrail-Receipt` value (padded or not); ReceiptError if it is not one."""
        text = text.strip()
        if not 0 < len(text) <= MAX_ENCODED:
            raise ReceiptError(f"a receipt is 1 to {MAX_ENCODED} characters")
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data = json.loads(raw)
        except (binascii.Error, ValueError):
            raise ReceiptError("not base64url of a JSON object") from None
        if not isinstance(data, dict) or set(data) != FIELDS:
            raise ReceiptError(f"a receipt holds exactly {', '.join(sorted(FIELDS))}")
        return cls(_receipt(data), _signature(data["signature"]))


def _receipt(data: dict[str, Any]) -> Receipt:
    leaf, position, at = data["leaf_hash"], data["position"], data["recorded_at"]
    if not (isinstance(leaf, str) and HEX.fullmatch(leaf)):
        raise ReceiptError("leaf_hash is not 64 lower-case hex digits")
    if type(position) is not int or position < 1:
        raise ReceiptError("position is not a whole number from 1")
    try:
        recorded_at = datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        recorded_at = None
    utc = recorded_at is not None and recorded_at.tzinfo is not None and not recorded_at.utcoffset()
    if not utc or recorded_at.isoformat() != at:
        raise ReceiptError("recorded_at is not an ISO 8601 UTC time as receipts write it")
    return Receipt(leaf, position, recorded_at)


def _signature(text: Any) -> bytes:
    try:
        signature = base64.b64decode(text, validate=True) if isinstance(text, str) else b""
    except binascii.Error:
        signature = b""
    if len(signature) != 64:
        raise ReceiptError("signature is not base64 of 64 bytes")
    return signature


@dataclass
class ReceiptCheck:
    """What a bundle says of a receipt; `differences` is empty when it holds."""

    receipt: SignedReceipt
    key: str  # the public key the receipt and the bundle were checked with
    bundle: Verification
    signature_valid: bool
    tree_size: int
    last_position: int | None  # of the signed tree's last event in the bundle
    event: LoggedEvent | None  # the signed tree's event at the receipt's position
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def check_receipt(
    receipt: SignedReceipt, lines: Iterable[str], pinned_key: str | None = None
) -> ReceiptCheck:
    """Checks a receipt against a bundle (BundleError if the bundle is unreadable)."""
    positions: list[int] = []
    at: list[tuple[int, LoggedEvent]] = []

    def seen(event: LoggedEvent) -> None:
        if event.position == receipt.receipt.position:
            at.append((len(positions), event))
        positions.append(event.position)

    bundle, key = check_bundle(lines, pinned_key, seen=seen)
    size = max(bundle.head_size or 0, 0)
    in_tree = positions[:size]
    event = next((e for index, e in at if index < size), None)
    check = ReceiptCheck(
        receipt,
        key,
        bundle,
        receipt.verify(public_key_from_text(key)),
        size,
        max(in_tree, default=None),
        event,
    )
    check.differences = _differences(check)
    return check


def _differences(check: ReceiptCheck) -> list[str]:
    found: list[str] = []
    receipt, bundle = check.receipt.receipt, check.bundle
    if not check.signature_valid:
        found.append(f"bad signature: the receipt is not signed by the key {check.key}")
    if not bundle.ok:
        found.append(f"the bundle does not check out: {_bundle_problem(bundle)}")
    if check.last_position is None or receipt.position > check.last_position:
        last = "none" if check.last_position is None else f"at position {check.last_position}"
        found.append(
            f"position {receipt.position} is beyond the bundle's signed tree "
            f"(size {check.tree_size}, its last event {last})"
        )
    elif check.event is None:
        found.append(f"no such event: the signed tree has no event at position {receipt.position}")
    elif (leaf := check.event.leaf_hash().hex()) != receipt.leaf_hash:
        found.append(
            f"different leaf hash: the event at position {receipt.position} hashes to {leaf}, "
            f"the receipt says {receipt.leaf_hash}"
        )
    return found


def _bundle_problem(bundle: Verification) -> str:
    if bundle.signature_valid is False:
        return "its tree head's signature is invalid"
    if bundle.head_size is not None and bundle.head_size <= bundle.events:
        return "its events do not give the signed root"
    return "; ".join(bundle.problems) or "its events do not give the signed root"
