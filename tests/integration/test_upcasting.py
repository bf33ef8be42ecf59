"""Events and snapshots stored in an older shape load into the current one (upcasting)."""

from __future__ import annotations

import json
from datetime import date

from eventsourcing.domain import Snapshot
from eventsourcing.persistence import StoredEvent

from dealtrail.domain.metadata import recording
from dealtrail.domain.personal import Personal
from dealtrail.web.services import Services
from tests.integration.builders import open_agreement


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
        services.agreements.sign(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
    stored = services.ledger.recorder.select_events(agreement_id, gt=2)[0]
    assert json.loads(stored.state)["class_version"] == 2

    with recording("staff:test"):
        old_id, b, _ = open_agreement(services)
    v1 = StoredEvent(old_id, 3, stored.topic, _as_v1(stored.state, b))
    services.ledger.recorder.insert_events([v1])

    old = services.agreements.get(old_id)
    assert old.signatures[b].signatory_name == Personal("Zhang Wei", scope=b)


def test_a_snapshot_stored_before_names_were_sealed_loads_as_personal_data(
    services: Services,
) -> None:
    with recording("staff:test"):
        agreement_id, a, _ = open_agreement(services)
        services.agreements.sign(agreement_id, a, "Zhang Wei", "President", date(2026, 11, 20))
    current = services.agreements.get(agreement_id)
    stored = services.ledger.mapper.to_stored_event(Snapshot.take(current))
    data = json.loads(stored.state)
    assert data["state"]["class_version"] == 2
    del data["state"]["class_version"]
    for signature in data["state"]["signatures"].values():
        signature["_data_"]["signatory_name"] = "Zhang Wei"
    assert services.ledger.snapshots is not None
    services.ledger.snapshots.recorder.insert_events(
        [StoredEvent(agreement_id, current.version, stored.topic, json.dumps(data).encode())]
    )

    loaded = services.agreements.get(agreement_id)
    assert [s.signatory_name for s in loaded.signatures.values()] == [Personal("Zhang Wei", a)]
    assert loaded == current
