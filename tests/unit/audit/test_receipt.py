"""Signed receipts on their own: what they encode and sign, the receipts refused as unreadable, and
how a receipt differs from a bundle built here by hand (positions with a gap, as PostgreSQL's log
can have)."""

from __future__ import annotations

import base64
import io
import json
from datetime import UTC, datetime, timedelta, timezone
from uuid import UUID

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dealtrail.domain.audit.bundle import write_bundle
from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.domain.audit.merkle import MerkleTree
from dealtrail.domain.audit.receipt import Receipt, ReceiptError, SignedReceipt, check_receipt
from dealtrail.domain.audit.tree_head import TreeHead, public_key_text

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
AT = datetime(2026, 11, 20, 8, 30, 0, 123456, tzinfo=UTC)
EVENTS = [  # positions 1, 2 and 4: position 3 was never committed
    LoggedEvent(p, UUID(int=p), 1, "dealtrail.domain.party:Party.Registered", b"state %d" % p)
    for p in (1, 2, 4)
]


def bundle(events: list[LoggedEvent] = EVENTS, size: int | None = None) -> list[str]:
    size = len(events) if size is None else size
    root = MerkleTree([e.leaf_hash() for e in events[:size]]).root()
    head = TreeHead(size, root, AT + timedelta(minutes=5)).sign(KEY)
    out = io.StringIO()
    write_bundle(out, head, public_key_text(KEY.public_key()), events)
    return out.getvalue().splitlines()


def receipt_of(event: LoggedEvent, key: Ed25519PrivateKey = KEY) -> SignedReceipt:
    return Receipt(event.leaf_hash().hex(), event.position, AT).sign(key)


def fields_of(receipt: SignedReceipt) -> dict[str, object]:
    encoded = receipt.encode()
    return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


def test_a_receipt_is_base64url_of_its_fields_and_a_signature_over_the_other_three() -> None:
    receipt = receipt_of(EVENTS[1])

    encoded = receipt.encode()

    assert set(encoded) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    fields = fields_of(receipt)
    assert fields == {
        "leaf_hash": EVENTS[1].leaf_hash().hex(),
        "position": 2,
        "recorded_at": "2026-11-20T08:30:00.123456+00:00",
        "signature": base64.b64encode(receipt.signature).decode(),
    }
    signed = json.dumps(
        {k: fields[k] for k in ("leaf_hash", "position", "recorded_at")},
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    KEY.public_key().verify(receipt.signature, signed)  # raises if it signed anything else
    assert SignedReceipt.decode(encoded) == receipt
    assert SignedReceipt.decode(encoded + "=" * (-len(encoded) % 4)) == receipt


def test_a_time_in_another_zone_is_signed_as_the_same_instant_in_utc() -> None:
    there = AT.astimezone(timezone(timedelta(hours=8)))

    receipt = Receipt(EVENTS[0].leaf_hash().hex(), 1, there).sign(KEY)

    assert fields_of(receipt)["recorded_at"] == "2026-11-20T08:30:00.123456+00:00"
    assert receipt.encode() == receipt_of(EVENTS[0]).encode()


def reencoded(receipt: SignedReceipt, **changes: object) -> str:
    fields = {**fields_of(receipt), **changes}
    return base64.urlsafe_b64encode(json.dumps(fields).encode()).decode()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not a receipt!",
        base64.urlsafe_b64encode(b"[1, 2]").decode(),
        reencoded(receipt_of(EVENTS[0]), extra=1),
        reencoded(receipt_of(EVENTS[0]), position=True),
        reencoded(receipt_of(EVENTS[0]), position=0),
        reencoded(receipt_of(EVENTS[0]), position="1"),
        reencoded(receipt_of(EVENTS[0]), leaf_hash="AB" * 32),
        reencoded(receipt_of(EVENTS[0]), recorded_at="2026-11-20T08:30:00.123456Z"),
        reencoded(receipt_of(EVENTS[0]), recorded_at="2026-11-20T16:30:00.123456+08:00"),
        reencoded(receipt_of(EVENTS[0]), recorded_at="2026-11-20T08:30:00.123456"),
        reencoded(receipt_of(EVENTS[0]), recorded_at=17),
        reencoded(receipt_of(EVENTS[0]), signature="c2hvcnQ="),
        reencoded(receipt_of(EVENTS[0]), signature=None),
        "A" * 2000,
    ],
)
def test_anything_else_is_not_a_receipt(text: str) -> None:
    with pytest.raises(ReceiptError):
        SignedReceipt.decode(text)


def test_a_receipt_of_an_event_in_the_signed_tree_checks() -> None:
    check = check_receipt(receipt_of(EVENTS[2]), bundle())

    assert check.ok, check.differences
    assert (check.tree_size, check.last_position, check.event) == (3, 4, EVENTS[2])


def test_a_position_the_log_skipped_is_no_such_event() -> None:
    ghost = Receipt("ab" * 32, 3, AT).sign(KEY)

    assert check_receipt(ghost, bundle()).differences == [
        "no such event: the signed tree has no event at position 3"
    ]


def test_an_event_after_the_signed_tree_is_beyond_it_even_if_the_bundle_holds_its_line() -> None:
    check = check_receipt(receipt_of(EVENTS[2]), bundle(size=2))

    assert check.differences == [
        "position 4 is beyond the bundle's signed tree (size 2, its last event at position 2)"
    ]


def test_an_event_changed_in_the_bundle_has_another_leaf_and_breaks_the_bundle() -> None:
    changed = [*EVENTS[:2], LoggedEvent(4, UUID(int=4), 1, EVENTS[2].topic, b"forged")]
    lines = bundle()
    lines[3] = bundle(changed)[3]  # the forged line under the genuine signed head

    differences = check_receipt(receipt_of(EVENTS[2]), lines).differences

    assert differences == [
        "the bundle does not check out: its events do not give the signed root",
        f"different leaf hash: the event at position 4 hashes to {changed[2].leaf_hash().hex()}, "
        f"the receipt says {EVENTS[2].leaf_hash().hex()}",
    ]


def test_a_receipt_signed_by_another_key_has_a_bad_signature() -> None:
    other = Ed25519PrivateKey.from_private_bytes(bytes(32))

    check = check_receipt(receipt_of(EVENTS[0], other), bundle())

    assert check.differences == [
        f"bad signature: the receipt is not signed by the key {public_key_text(KEY.public_key())}"
    ]
    pinned = public_key_text(other.public_key())
    assert check_receipt(receipt_of(EVENTS[0], other), bundle(), pinned).differences == [
        "the bundle does not check out: its tree head's signature is invalid"
    ]
