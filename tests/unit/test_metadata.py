"""Every event says who recorded it, when it took effect and why."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import UTC, date, datetime

import pytest

from dealtrail.domain.agreement import Agreement
from dealtrail.domain.base import metadata_of
from dealtrail.domain.metadata import (
    EventMetadata,
    MetadataMissing,
    current_metadata,
    recording,
    with_idempotency_key,
)
from dealtrail.domain.party import Party, PartyKind
from dealtrail.domain.terms import AgreementKind

from .conftest import TERMS, UNIVERSITY, participants

SIGNING_CEREMONY = datetime(2025, 3, 1, 10, 30, tzinfo=UTC)


def register_party() -> Party:
    return Party.register("Xi'an Jiaotong University", PartyKind.UNIVERSITY, "CN")


def test_events_triggered_inside_recording_carry_its_metadata() -> None:
    with recording(
        "staff:li.na",
        correlation_id="req-42",
        causation_id="cmd-41",
        effective_at=SIGNING_CEREMONY,
        comment="Signed on stage at the conference",
    ):
        agreement = Agreement.draft(AgreementKind.COOPERATION, TERMS, participants())
        agreement.open_for_signature()
        agreement.sign(UNIVERSITY, "Prof. Li Wei", "Director", date(2025, 3, 1))

    events = agreement.collect_events()
    assert len(events) == 3
    for event in events:
        assert event.meta == {
            "actor": "staff:li.na",
            "correlation_id": "req-42",
            "causation_id": "cmd-41",
            "effective_at": "2025-03-01T10:30:00+00:00",
            "comment": "Signed on stage at the conference",
            "idempotency_key": None,
            "corrects": None,
        }


def test_metadata_of_an_event_reads_back_what_was_recorded() -> None:
    with recording(
        "staff:li.na", correlation_id="req-42", effective_at=SIGNING_CEREMONY, comment="Back-dated"
    ) as meta:
        party = register_party()

    (registered,) = party.collect_events()
    assert metadata_of(registered) == meta


def test_each_recording_block_gets_its_own_correlation_id_unless_given_one() -> None:
    with recording("staff:test") as first:
        register_party()
    with recording("staff:test") as second:
        register_party()

    assert first.correlation_id
    assert second.correlation_id
    assert first.correlation_id != second.correlation_id


def test_creating_an_aggregate_outside_recording_raises_metadata_missing() -> None:
    with pytest.raises(MetadataMissing):
        register_party()


def test_changing_an_aggregate_outside_recording_raises_and_records_nothing() -> None:
    with recording("staff:test"):
        party = register_party()
    party.collect_events()

    with pytest.raises(MetadataMissing):
        party.join_alliance("Silk Road University Alliance")

    assert party.alliances == []
    assert party.collect_events() == []


def test_an_inner_recording_block_wins_and_the_outer_one_is_restored() -> None:
    with recording("staff:outer") as outer:
        with recording("system:policy", causation_id="evt-1"):
            party = register_party()
        party.rename("XJTU")

        assert current_metadata() == outer

    registered, renamed = party.collect_events()
    assert registered.meta["actor"] == "system:policy"
    assert registered.meta["causation_id"] == "evt-1"
    assert renamed.meta["actor"] == "staff:outer"


def test_the_idempotency_key_is_stamped_only_inside_its_block(staff: EventMetadata) -> None:
    with with_idempotency_key("key-1"):
        party = register_party()
    party.rename("XJTU")

    registered, renamed = party.collect_events()
    assert registered.meta["idempotency_key"] == "key-1"
    assert renamed.meta["idempotency_key"] is None
    assert renamed.meta["actor"] == "staff:test"


def test_metadata_is_missing_once_the_recording_block_is_left() -> None:
    with recording("staff:test"):
        pass

    with pytest.raises(MetadataMissing):
        current_metadata()


def test_an_event_stored_without_metadata_reads_as_none() -> None:
    assert metadata_of(object()) is None


def test_the_meta_of_an_event_holds_every_field_in_order_as_asdict_did() -> None:
    """`as_dict` is written out by hand (speed): a field added to EventMetadata must be added to
    it too, in its place, or events would be stored without it (or with other bytes)."""
    meta = EventMetadata(
        actor="staff:a",
        correlation_id="c",
        causation_id="d",
        effective_at=SIGNING_CEREMONY,
        comment="why",
        idempotency_key="k",
        corrects=7,
    )
    expected = {**asdict(meta), "effective_at": SIGNING_CEREMONY.isoformat()}
    assert list(meta.as_dict().items()) == list(expected.items())
    assert list(meta.as_dict()) == [f.name for f in fields(EventMetadata)]
