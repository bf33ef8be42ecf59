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
_LEAF = LEAF_PREFIX + _CANONICAL  # what merkle.leaf_hash hashes, in one piece


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
    if (
        type(originator_version) is int
        and type(position) is int
        and type(originator_id) is str
        and type(topic) is str
        and type(state) is bytes
    ):
        written_id, written_topic = _id_written(originator_id), _topic_written(topic)
        if written_id is not None and written_topic is not None:
            data = (
                written_id,
                originator_version,
                position,
                b2a_base64(state, newline=False),
                written_topic,
            )
            return sha256(_LEAF % data).digest()
    return None


# A log holds many events of each aggregate and of each topic: each id and topic is checked and
# encoded once (in a bounded cache).
@lru_cache(maxsize=65536)
def _id_written(text: str) -> bytes | None:
    """`str` of the UUID, encoded, if `text` is that or its 32 hex digits (lower-case)."""
    if _UUID_HEX.fullmatch(text):
        text = f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text.encode() if _UUID_TEXT.fullmatch(text) else None


@lru_cache(maxsize=1024)
def _topic_written(topic: str) -> bytes | None:
    return topic.encode() if _plain(topic) else None


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
