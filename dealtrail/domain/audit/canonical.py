"""The canonical bytes of a stored event: what a Merkle leaf hashes, recomputable by anyone.

    canonical = UTF-8 JSON of the object below, keys sorted, no whitespace, ASCII only:
    {"originator_id": "<uuid, 36 chars lower-case>", "originator_version": <int>,
     "position": <int>, "state": "<base64 of the stored state bytes>", "topic": "<topic>"}

The state is hashed exactly as stored (compressed or encrypted if the store is), so erasing a
data subject's key or changing a cipher setting never changes a leaf.
"""

from __future__ import annotations

import base64
import json
import re
from binascii import b2a_base64
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha256
from typing import Any
from uuid import UUID

from dealtrail.domain.audit.merkle import LEAF_PREFIX, leaf_hash

_CANONICAL = (
    b'{"originator_id":"%s","originator_version":%d,"position":%d,"state":"%s","topic":"%s"}'
)
_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_UUID_HEX = re.compile(r"[0-9a-f]{32}")  # as SQLite stores a UUID
# a leaf's hashed bytes (merkle.leaf_hash: 0x00 and the canonical bytes), in one piece
_LEAF = LEAF_PREFIX + _CANONICAL
_LEAF_OF_HEX = LEAF_PREFIX + _CANONICAL.replace(
    b'"%s","originator_version"', b'"%s-%s-%s-%s-%s","originator_version"'
)


@lru_cache(maxsize=1024)  # a log has a few dozen topics
def _plain(text: str) -> bool:
    """Written by JSON as it is: printable ASCII but the quote and the backslash."""
    return text.isascii() and text.isprintable() and '"' not in text and "\\" not in text


@dataclass(frozen=True)
class LoggedEvent:
    """One stored event as the log holds it."""

    position: int
    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes

    @classmethod
    def of(cls, stored: Any) -> LoggedEvent:
        """From an eventsourcing Notification (a stored event with its log position)."""
        return cls(
            stored.id, stored.originator_id, stored.originator_version, stored.topic, stored.state
        )

    def canonical_bytes(self) -> bytes:
        """The canonical JSON, written directly where that gives the encoder's very bytes (a
        topic of plain printable ASCII, as topics are), else by the encoder."""
        state = base64.b64encode(self.state)
        if (
            _plain(self.topic)
            and type(self.originator_version) is int
            and type(self.position) is int
            and isinstance(self.originator_id, UUID)
        ):
            return _CANONICAL % (
                str(self.originator_id).encode(),
                self.originator_version,
                self.position,
                state,
                self.topic.encode(),
            )
        return canonical_json(
            {
                "originator_id": str(self.originator_id),
                "originator_version": self.originator_version,
                "position": self.position,
                "state": state.decode("ascii"),
                "topic": self.topic,
            }
        )

    def leaf_hash(self) -> bytes:
        return leaf_hash(self.canonical_bytes())

    def as_json(self) -> dict[str, Any]:
        return json.loads(self.canonical_bytes())

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LoggedEvent:
        return cls(
            position=int(data["position"]),
            originator_id=UUID(data["originator_id"]),
            originator_version=int(data["originator_version"]),
            topic=str(data["topic"]),
            state=base64.b64decode(data["state"], validate=True),
        )


def plain_leaf_hash(
    position: object, originator_id: str, originator_version: object, topic: str, state: bytes
) -> bytes | None:
    """The leaf hash of a stored event whose UUID id is given as text (lower-case, as `str` of
    the UUID gives, or its 32 hex digits), written directly; None unless that text, the topic
    and both numbers are what the direct writing covers (then `LoggedEvent` gives it). For
    reading a log in bulk."""
    if not (
        type(originator_version) is int
        and type(position) is int
        and type(originator_id) is str
        and type(topic) is str
        and type(state) is bytes
        and _plain(topic)
    ):
        return None
    if _UUID_HEX.fullmatch(originator_id):
        i = originator_id.encode()
        return sha256(
            _LEAF_OF_HEX
            % (
                i[:8],
                i[8:12],
                i[12:16],
                i[16:20],
                i[20:],
                originator_version,
                position,
                b2a_base64(state, newline=False),
                topic.encode(),
            )
        ).digest()
    if _UUID_TEXT.fullmatch(originator_id):
        return sha256(
            _LEAF
            % (
                originator_id.encode(),
                originator_version,
                position,
                b2a_base64(state, newline=False),
                topic.encode(),
            )
        ).digest()
    return None


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
