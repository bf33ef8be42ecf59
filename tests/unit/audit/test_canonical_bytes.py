"""The canonical bytes a leaf hashes are written without the JSON encoder where they can be, and
are then the encoder's very bytes: for any topic, id, version, position and state."""

from __future__ import annotations

import base64
import json
from uuid import UUID

from hypothesis import example, given
from hypothesis import strategies as st

from dealtrail.domain.audit.canonical import LoggedEvent, plain_leaf_hash


def _encoded(event: LoggedEvent) -> bytes:
    """The README's recipe, by the general encoder."""
    return json.dumps(
        {
            "originator_id": str(event.originator_id),
            "originator_version": event.originator_version,
            "position": event.position,
            "state": base64.b64encode(event.state).decode("ascii"),
            "topic": event.topic,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode()


@given(
    position=st.integers(min_value=-(2**70), max_value=2**70),
    originator_id=st.uuids(),
    version=st.integers(min_value=-(2**70), max_value=2**70),
    topic=st.one_of(
        st.text(),
        st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127)),
        st.from_regex(r"[a-z_.]+:[A-Za-z_.]+", fullmatch=True),
    ),
    state=st.binary(max_size=300),
)
@example(1, UUID(int=0), 1, 'x\\y', b"")  # each character JSON escapes, written by the encoder
@example(1, UUID(int=0), 1, 'x"y', b"")
@example(1, UUID(int=0), 1, "x\x7fy", b"")
@example(1, UUID(int=0), 1, "x\ny", b"")
@example(1, UUID(int=0), 1, "西安", b"")
@example(1, UUID(int=0), 1, "", b"")
def test_the_bytes_are_the_encoder_s(
    position: int, originator_id: UUID, version: int, topic: str, state: bytes
) -> None:
    event = LoggedEvent(position, originator_id, version, topic, state)
    assert event.canonical_bytes() == _encoded(event)


def test_a_stored_event_s_bytes_are_the_encoder_s() -> None:
    event = LoggedEvent(
        42,
        UUID("0b1f6c1e-8f4e-4d7e-9a7b-2f6f1c9d3e10"),
        3,
        "dealtrail.domain.agreement:Agreement.Signed",
        b"\x00\xffstate",
    )
    assert event.canonical_bytes() == _encoded(event)
    assert event.canonical_bytes().startswith(b'{"originator_id":"0b1f6c1e-')


@given(
    position=st.integers(min_value=-(2**70), max_value=2**70),
    originator_id=st.one_of(
        st.uuids().map(str),
        st.uuids().map(lambda u: u.hex),  # as SQLite stores it
        st.uuids().map(str).map(str.upper),
        st.text(),
    ),
    version=st.integers(min_value=-(2**70), max_value=2**70),
    topic=st.one_of(st.text(), st.from_regex(r"[a-z_.]+:[A-Za-z_.]+", fullmatch=True)),
    state=st.binary(max_size=300),
)
@example(1, "{00000000-0000-0000-0000-000000000000}", 1, "a:B", b"")  # UUID() would take it
@example(1, "00000000000000000000000000000000", 1, "a:B", b"")
@example(1, "0000000000000000000000000000000A", 1, "a:B", b"")
@example(1, "00000000-0000-0000-0000-000000000000\n", 1, "a:B", b"")
@example(1, "00000000-0000-0000-0000-000000000000", 1, 'x"y', b"")
def test_a_leaf_hashed_in_bulk_is_the_event_s(
    position: int, originator_id: str, version: int, topic: str, state: bytes
) -> None:
    """Read in bulk, an id is its stored text: hashed directly only when that text is the
    UUID's own (so the leaf is the one `LoggedEvent` gives), else left to `LoggedEvent`."""
    hashed = plain_leaf_hash(position, originator_id, version, topic, state)
    if hashed is not None:
        uuid = UUID(originator_id)
        assert originator_id in (str(uuid), uuid.hex)
        assert hashed == LoggedEvent(position, uuid, version, topic, state).leaf_hash()
