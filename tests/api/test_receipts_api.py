"""Every command's receipt names the last event it recorded: its log position and the Merkle leaf
the audit trail holds for it, so a caller can later prove that very event is in the signed tree."""

from __future__ import annotations

from werkzeug.test import TestResponse

from .conftest import Api, draft_agreement, register_party, sign

RECEIPT = ("Dealtrail-Log-Position", "Dealtrail-Leaf-Hash")


def assert_receipt_of(response: TestResponse, position: int, auditor: Api) -> None:
    """The response's receipt is the event at `position`, with the leaf the audit trail computed
    for that event from the stored log."""
    assert response.headers["Dealtrail-Log-Position"] == str(position)
    proof = auditor.get(f"/api/v1/audit/inclusion-proof?position={position}")
    assert proof.status_code == 200, proof.json
    assert response.headers["Dealtrail-Leaf-Hash"] == proof.json["leaf_hash"]


def positions(auditor: Api, query: str) -> list[tuple[str, int]]:
    events = auditor.get(f"/api/v1/events?{query}").json["items"]
    return [(e["type"], e["position"]) for e in events]


def test_the_last_signature_s_receipt_is_the_leaf_of_becoming_effective(
    staff: Api, auditor: Api
) -> None:
    university = register_party(staff)
    academy = register_party(staff, "National Academy of Sciences", "KZ")
    agreement_id = draft_agreement(staff, [university, academy])["id"]
    assert staff.post(f"/api/v1/agreements/{agreement_id}/opening").status_code == 200
    assert sign(staff, agreement_id, university).status_code == 200

    last = sign(staff, agreement_id, academy)

    assert last.status_code == 200, last.json
    history = staff.get(f"/api/v1/agreements/{agreement_id}/history").json["items"]
    signed, effective = history[-2:]
    assert (signed["type"], effective["type"]) == ("Signed", "BecameEffective")
    assert_receipt_of(last, effective["position"], auditor)
