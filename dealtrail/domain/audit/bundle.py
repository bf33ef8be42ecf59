"""The audit bundle: a log an auditor can take away and check with no server and no database.

JSON Lines. Line 1: {"format": "dealtrail-audit-bundle/1", "public_key": <base64 raw Ed25519>,
"tree_head": <signed tree head>}. Then one line per event, in log order, each the canonical
JSON of the event (see canonical.py). The bundle checks out when the leaves recomputed from those
lines give the signed root and the signature verifies with the (pinned) public key.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.domain.audit.tree_head import SignedTreeHead, public_key_from_text
from dealtrail.domain.audit.verification import Verification, verify_log

FORMAT = "dealtrail-audit-bundle/1"


class BundleError(ValueError):
    """The file is not a dealtrail audit bundle."""


def write_bundle(
    out: IO[str], head: SignedTreeHead, public_key: str, events: Iterable[LoggedEvent]
) -> int:
    """Writes the bundle: the head, then the events it covers. Returns the number of events."""
    header = {"format": FORMAT, "public_key": public_key, "tree_head": head.as_json()}
    out.write(json.dumps(header, sort_keys=True) + "\n")
    written = 0
    for event in events:
        if written == head.head.tree_size:
            break
        out.write(event.canonical_bytes().decode("ascii") + "\n")
        written += 1
    return written


def check_bundle(
    lines: Iterable[str],
    pinned_key: str | None = None,
    progress: Callable[[int], None] | None = None,
    seen: Callable[[LoggedEvent], None] | None = None,
) -> tuple[Verification, str]:
    """Checks a bundle; returns the verification and the public key it was checked with.
    `seen` is shown each event line, in order, as it is read."""
    report, _, key_text = read_bundle(lines, pinned_key, progress, seen)
    return report, key_text


def read_bundle(
    lines: Iterable[str],
    pinned_key: str | None = None,
    progress: Callable[[int], None] | None = None,
    seen: Callable[[LoggedEvent], None] | None = None,
) -> tuple[Verification, SignedTreeHead, str]:
    """`check_bundle`, also returning the bundle's signed head (BundleError if unreadable)."""
    rows = iter(lines)
    try:
        header = json.loads(next(rows))
        if header.get("format") != FORMAT:
            raise BundleError(f"not a {FORMAT} file")
        head = SignedTreeHead.from_json(header["tree_head"])
        key_text = pinned_key or header["public_key"]
        key = public_key_from_text(key_text)
    except (StopIteration, KeyError, TypeError, ValueError, AttributeError) as error:
        raise BundleError(f"unreadable bundle header: {error}") from None
    return verify_log(_events(rows, seen), None, [head], key, progress), head, key_text


def _events(
    rows: Iterator[str], seen: Callable[[LoggedEvent], None] | None
) -> Iterator[LoggedEvent]:
    for number, row in enumerate(rows, start=2):
        if not row.strip():
            continue
        try:
            event = LoggedEvent.from_json(json.loads(row))
        except (KeyError, TypeError, ValueError) as error:
            raise BundleError(f"line {number} is not an event: {error}") from None
        if seen is not None:
            seen(event)
        yield event
