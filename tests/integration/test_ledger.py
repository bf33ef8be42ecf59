"""The ledger on real stores: what is saved reloads exactly, with metadata, snapshots and keys."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from eventsourcing.cryptography import AESCipher
from eventsourcing.persistence import IntegrityError

from dealtrail.application.commands.agreements import AddMilestone
from dealtrail.application.commands.ip_assets import RegisterAsset
from dealtrail.application.errors import IdempotencyKeyReused, VersionMismatch
from dealtrail.application.idempotency import IdempotencyRecord
from dealtrail.application.ledger import Options
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.agreement import Agreement, AgreementStatus
from dealtrail.domain.base import metadata_of
from dealtrail.domain.metadata import recording
from dealtrail.infrastructure.settings import Settings
from tests.integration.builders import open_agreement, signature
from tests.integration.ip_builders import party


@pytest.mark.usefixtures("staff")
def test_an_agreement_reloads_from_a_new_process_exactly_as_saved(
    services: Services, settings: Settings
) -> None:
    agreement_id, a, b = open_agreement(services)
    services.ledger.handle(signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20)))
    services.ledger.handle(signature(agreement_id, b, "Aida Nur", "Director", date(2026, 11, 21)))
    services.ledger.handle(
        AddMilestone(
            agreement_id=agreement_id,
            title="Joint lab opens",
            due_on=date(2027, 3, 1),
            owner_party_id=a,
            deliverable="Lab",
        )
    )
    saved = services.ledger.get(Agreement, agreement_id)

    other = bootstrap(settings)
    try:
        reloaded = other.ledger.get(Agreement, agreement_id)
    finally:
        other.close()

    assert reloaded == saved
    assert reloaded.status == AgreementStatus.EFFECTIVE
    assert reloaded.effective_on == date(2026, 11, 21)


def test_every_stored_event_says_who_recorded_it_and_why(services: Services) -> None:
    with recording("staff:alice", correlation_id="req-1", comment="signed at the conference"):
        agreement_id, _, _ = open_agreement(services)
    events = services.ledger.history(Agreement, agreement_id, 0, 10)
    assert [type(e).__name__ for e in events] == ["Drafted", "OpenedForSignature"]
    for event in events:
        meta = metadata_of(event)
        assert meta is not None
        assert (meta.actor, meta.correlation_id, meta.comment) == (
            "staff:alice",
            "req-1",
            "signed at the conference",
        )


@pytest.mark.usefixtures("staff")
def test_snapshots_are_taken_and_load_the_same_state_as_replaying(services: Services) -> None:
    agreement_id, a, _ = open_agreement(services)
    for month in range(1, 9):
        services.ledger.handle(
            AddMilestone(
                agreement_id=agreement_id,
                title=f"Report {month}",
                due_on=date(2027, month, 1),
                owner_party_id=a,
            )
        )
    assert services.ledger.snapshots is not None
    snapshots = list(services.ledger.snapshots.get(agreement_id))
    assert [s.originator_version for s in snapshots] == [5, 10]

    from_snapshot = services.ledger.get(Agreement, agreement_id)
    replayed = None
    for event in services.ledger.events.get(agreement_id):
        replayed = event.mutate(replayed)
    assert from_snapshot == replayed
    for version in (4, 5, 7, 10):  # before, at and after a snapshot, read together
        replayed = None
        for event in services.ledger.events.get(agreement_id, lte=version):
            replayed = event.mutate(replayed)
        assert services.ledger.get(Agreement, agreement_id, version) == replayed


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted at rest"])
@pytest.mark.usefixtures("staff")
def test_a_record_sealing_several_names_reads_their_keys_in_one_look_up(
    settings: Settings, encrypted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each signatory's name is sealed under its own key: loading the agreement reads them
    together (on PostgreSQL a look-up is a round trip), and still unseals every name; with the
    events encrypted at rest too."""
    key = AESCipher.create_key(32) if encrypted else None
    services = bootstrap(dataclasses.replace(settings, cipher_key=key))
    try:
        _sealing_names_in_one_look_up(services, monkeypatch)
    finally:
        services.close()


def _sealing_names_in_one_look_up(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    agreement_id, a, b = open_agreement(services)
    services.ledger.handle(signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20)))
    services.ledger.handle(signature(agreement_id, b, "Aida Nur", "Director", date(2026, 11, 21)))
    vault = services.ledger.vault
    assert vault is not None
    look_ups: list[str] = []
    for method in ("key", "keys"):
        real = getattr(vault, method)

        def counted(*args: object, _real: Any = real, _name: str = method, **kw: object) -> Any:
            look_ups.append(_name)
            return _real(*args, **kw)

        monkeypatch.setattr(vault, method, counted)

    agreement = services.ledger.get(Agreement, agreement_id)

    assert look_ups == ["keys"]
    names = {s.signatory_name for s in agreement.signatures.values()}
    assert names == {"Zhang Wei", "Aida Nur"}


@pytest.mark.usefixtures("staff")
def test_a_change_reads_its_record_once_and_saves_once(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Snapshot and events are read together: one read and one write per command, each on one
    pooled connection (on PostgreSQL each checkout costs a round trip to check it)."""
    agreement_id, a, _ = open_agreement(services)
    datastore = services.ledger.recorder.datastore
    checkouts: list[object] = []
    get_connection = datastore.get_connection

    def counted(*args: object, **kwargs: object) -> object:
        checkouts.append(kwargs)
        return get_connection(*args, **kwargs)

    monkeypatch.setattr(datastore, "get_connection", counted)
    services.ledger.handle(
        AddMilestone(
            agreement_id=agreement_id, title="Report", due_on=date(2027, 1, 1), owner_party_id=a
        )
    )
    assert len(checkouts) == 2


@pytest.mark.usefixtures("staff")
def test_a_stale_expected_version_is_refused_before_anything_is_saved(services: Services) -> None:
    agreement_id, a, _ = open_agreement(services)
    with pytest.raises(VersionMismatch):
        services.ledger.handle(
            signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20)),
            Options(expected_version=1),
        )
    assert services.ledger.get(Agreement, agreement_id).version == 2


def test_a_write_that_loses_a_race_leaves_no_idempotency_record(
    services: Services, settings: Settings
) -> None:
    """The key is stored in the events' transaction: if the events are refused, so is the key."""
    with recording("staff:alice"):
        agreement_id, a, b = open_agreement(services)
    rival = bootstrap(settings)
    try:
        stale = rival.ledger.get(Agreement, agreement_id)
        with recording("staff:alice"):
            services.ledger.handle(
                signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
            )
            stale.sign(b, "Aida Nur", "Director", date(2026, 11, 21))
        record = IdempotencyRecord("staff:alice", "k-1", "f", agreement_id, stale.version)
        with pytest.raises(IntegrityError):
            rival.ledger.save(stale, idempotency=record)
        assert rival.ledger.store.idempotency_record("staff:alice", "k-1") is None
        assert services.ledger.get(Agreement, agreement_id).version == 3
    finally:
        rival.close()


@pytest.mark.usefixtures("staff")
def test_a_repeated_command_with_its_key_is_applied_once(services: Services) -> None:
    agreement_id, a, _ = open_agreement(services)
    key = Options(idempotency_key="sign-once")
    sign = signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
    first = services.ledger.handle(sign, key)
    again = services.ledger.handle(sign, key)
    assert (again.aggregate_id, again.version, again.position) == (
        first.aggregate_id,
        first.version,
        first.position,
    )
    assert again.replayed and not first.replayed
    assert services.ledger.get(Agreement, agreement_id).version == 3
    with pytest.raises(IdempotencyKeyReused):
        services.ledger.handle(
            signature(agreement_id, a, "Someone Else", "CEO", date(2026, 11, 20)),
            key,
        )


@pytest.mark.usefixtures("staff")
def test_a_repeated_create_with_its_key_returns_the_first_record_and_records_nothing(
    services: Services,
) -> None:
    """Built again, the record would take a new id and find its unique number claimed: the
    first result stands, and nothing more is recorded."""
    register = RegisterAsset(
        holder_party_id=party(services, "XJTU"),
        kind="patent",
        jurisdiction="CN",
        title="Graphene membrane",
        identifiers=[("application", "CN202010566088.9")],
    )
    key = Options(idempotency_key="asset-once")
    first = services.ledger.handle(register, key)
    head = services.ledger.recorder.max_notification_id()
    again = services.ledger.handle(register, key)
    assert again.replayed and not first.replayed
    assert (again.aggregate_id, again.version, again.position, again.leaf_hash) == (
        first.aggregate_id,
        first.version,
        first.position,
        first.leaf_hash,
    )
    assert services.ledger.recorder.max_notification_id() == head
    assert services.ledger.with_record(again).aggregate.title == "Graphene membrane"
