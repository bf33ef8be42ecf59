"""Events and snapshots stored in an older shape load into the current one (upcasting)."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID, uuid4

from eventsourcing.domain import Snapshot
from eventsourcing.persistence import StoredEvent

from dealtrail.application.commands.agreements import ProposeAmendment, SignAmendment
from dealtrail.application.commands.ip_assets import RecordGrant, RegisterAsset
from dealtrail.bootstrap import Services
from dealtrail.domain.agreement import Agreement
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.metadata import recording
from dealtrail.domain.personal import Personal
from tests.integration.builders import open_agreement, signature, terms, two_parties


def _as_v1(state: bytes, party_id: str) -> bytes:
    """A signature as version 1 stored it: no class_version, the name as plain text."""
    data = json.loads(state)
    data.pop("class_version", None)
    signature = data["signature"]["_data_"]
    signature["party_id"] = party_id
    signature["signatory_name"] = "Zhang Wei"
    return json.dumps(data).encode()


def test_a_signature_stored_before_names_were_sealed_loads_as_personal_data(
    services: Services,
) -> None:
    with recording("staff:test"):
        agreement_id, a, _ = open_agreement(services)
        services.ledger.handle(
            signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
        )
    stored = services.ledger.recorder.select_events(agreement_id, gt=2)[0]
    assert json.loads(stored.state)["class_version"] == 2

    with recording("staff:test"):
        old_id, b, _ = open_agreement(services)
    v1 = StoredEvent(old_id, 3, stored.topic, _as_v1(stored.state, b))
    services.ledger.recorder.insert_events([v1])

    old = services.ledger.get(Agreement, old_id)
    assert old.signatures[b].signatory_name == Personal("Zhang Wei", scope=b)


def test_a_snapshot_stored_before_names_were_sealed_loads_as_personal_data(
    services: Services,
) -> None:
    with recording("staff:test"):
        agreement_id, a, _ = open_agreement(services)
        services.ledger.handle(
            signature(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
        )
    current = services.ledger.get(Agreement, agreement_id)
    stored = services.ledger.mapper.to_stored_event(Snapshot.take(current))
    data = json.loads(stored.state)
    assert data["state"]["class_version"] == 2
    del data["state"]["class_version"]
    for signed in data["state"]["signatures"].values():
        signed["_data_"]["signatory_name"] = "Zhang Wei"
    assert services.ledger.snapshots is not None
    services.ledger.snapshots.recorder.insert_events(
        [StoredEvent(agreement_id, current.version, stored.topic, json.dumps(data).encode())]
    )

    loaded = services.ledger.get(Agreement, agreement_id)
    assert [s.signatory_name for s in loaded.signatures.values()] == [Personal("Zhang Wei", a)]
    assert loaded == current


def _as_undated(state: bytes, field: str) -> bytes:
    """An event as version 1 stored it: no class_version, no `field`."""
    data = json.loads(state)
    assert data.pop("class_version") == 2
    del data[field]
    return json.dumps(data).encode()


def _effective(services: Services) -> tuple[UUID, str, str]:
    agreement_id, a, b = open_agreement(services)
    for party in (a, b):
        services.ledger.handle(
            signature(agreement_id, party, "Zhang Wei", "President", date(2026, 11, 20))
        )
    return agreement_id, a, b


def test_an_amendment_proposed_before_proposals_were_dated_loads_undated(
    services: Services,
) -> None:
    with recording("staff:test"):
        agreement_id, _, _ = _effective(services)
        services.ledger.handle(
            ProposeAmendment(agreement_id=agreement_id, terms=terms("Amended"), rationale="Rename")
        )
        old_id, a, _ = _effective(services)
    stored = services.ledger.recorder.select_events(agreement_id, gt=5)[0]
    v1 = StoredEvent(old_id, 6, stored.topic, _as_undated(stored.state, "proposed_on"))
    services.ledger.recorder.insert_events([v1])

    with recording("staff:test"):
        [amendment_id] = services.ledger.get(Agreement, old_id).amendments
        services.ledger.handle(
            SignAmendment(
                agreement_id=old_id,
                amendment_id=amendment_id,
                party_id=a,
                signatory_name="Zhang Wei",
                signatory_title="President",
                signed_on=date(2026, 11, 20),
            )
        )

    amendment = services.ledger.get(Agreement, old_id).amendments[amendment_id]
    assert (amendment.proposed_on, len(amendment.signatures)) == (None, 1)


def test_an_asset_registered_before_filing_dates_loads_as_filed_on_an_unknown_day(
    services: Services,
) -> None:
    with recording("staff:test"):
        holder, _ = two_parties(services)
        register = RegisterAsset(
            holder_party_id=holder,
            kind="patent",
            jurisdiction="CN",
            title="Graphene membrane",
            filed_on=date(2020, 6, 19),
        )
        asset_id = services.ledger.handle(register).aggregate_id
    stored = services.ledger.recorder.select_events(asset_id)[0]
    old_id = uuid4()
    v1 = StoredEvent(old_id, 1, stored.topic, _as_undated(stored.state, "filed_on"))
    services.ledger.recorder.insert_events([v1])

    with recording("staff:test"):
        services.ledger.handle(RecordGrant(asset_id=old_id, granted_on=date(2019, 1, 1)))

    old = services.ledger.get(IpAsset, old_id)
    assert (old.filed_on, old.granted_on) == (None, date(2019, 1, 1))


def test_an_asset_snapshot_stored_before_filing_dates_loads(services: Services) -> None:
    with recording("staff:test"):
        holder, _ = two_parties(services)
        register = RegisterAsset(
            holder_party_id=holder, kind="patent", jurisdiction="CN", title="Graphene"
        )
        asset_id = services.ledger.handle(register).aggregate_id
    current = services.ledger.get(IpAsset, asset_id)
    stored = services.ledger.mapper.to_stored_event(Snapshot.take(current))
    data = json.loads(stored.state)
    assert data["state"].pop("class_version") == 2
    del data["state"]["filed_on"]
    assert services.ledger.snapshots is not None
    services.ledger.snapshots.recorder.insert_events(
        [StoredEvent(asset_id, current.version, stored.topic, json.dumps(data).encode())]
    )

    assert services.ledger.get(IpAsset, asset_id) == current
