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
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from dealtrail.domain.audit.merkle import leaf_hash

_CANONICAL = (
    b'{"originator_id":"%s","originator_version":%d,"position":%d,"state":"%s","topic":"%s"}'
)


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


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
