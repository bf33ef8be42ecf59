"""Every command's receipt names the last event it recorded: its log position and the Merkle leaf
the audit trail holds for it, so a caller can later prove that very event is in the signed tree."""

from __future__ import annotations

from werkzeug.test import TestResponse

from .conftest import Api, draft_agreement, register_party, sign
from .test_achievement_import_api import CSV, IMPORTS

RECEIPT = ("Dealtrail-Log-Position", "Dealtrail-Leaf-Hash", "Dealtrail-Receipt")


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


def test_issuing_and_revoking_a_token_carry_the_receipts_of_their_events(
    admin: Api, auditor: Api
) -> None:
    issued = admin.post("/api/v1/tokens", json={"name": "Li Na", "role": "staff"})
    assert issued.status_code == 201, issued.json
    assert issued.headers["ETag"] == '"1"'

    revoked = admin.delete(
        f"/api/v1/tokens/{issued.json['token_id']}", headers={"If-Match": issued.headers["ETag"]}
    )

    assert revoked.status_code == 200, revoked.json
    (issue, at_issue), (revocation, at_revocation) = positions(auditor, "aggregate_type=api_token")
    assert (issue, revocation) == ("Issued", "Revoked")
    assert_receipt_of(issued, at_issue, auditor)
    assert_receipt_of(revoked, at_revocation, auditor)


def test_an_import_s_receipt_is_its_last_event_and_an_import_of_nothing_has_none(
    staff: Api, auditor: Api
) -> None:
    imported = staff.post(IMPORTS, json={"csv": CSV})  # its last row is rejected

    assert imported.status_code == 200, imported.json
    assert [r["reference"] for r in imported.json["rejected"]] == ["SRA-3"]
    recorded = positions(auditor, "after=0")
    assert len(recorded) == 4  # each row's owner registered, then its achievement
    assert_receipt_of(imported, recorded[-1][1], auditor)

    again = staff.post(IMPORTS, json={"csv": CSV})

    assert again.status_code == 200, again.json
    assert again.json["imported"] == [] and positions(auditor, f"after={recorded[-1][1]}") == []
    assert not set(RECEIPT) & set(again.headers.keys())


def test_every_command_declares_its_receipt_in_the_openapi_document(staff: Api) -> None:
    spec = staff.client.get("/api/openapi.json").json
    commands = {
        (path, method): operation
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in ("post", "put", "patch", "delete")
    }
    assert ("/api/v1/tokens", "post") in commands and len(commands) > 50
    for (path, method), operation in commands.items():
        successes = [r for status, r in operation["responses"].items() if status.startswith("2")]
        assert successes, (path, method)
        for response in successes:
            assert set(RECEIPT) <= set(response.get("headers", {})), (path, method)
    assert all(spec["components"]["headers"][name]["required"] for name in RECEIPT)

    imports = spec["paths"][IMPORTS]["post"]["responses"]["200"]["headers"]
    for name in RECEIPT:
        assert imports[name]["required"] is False
        assert "Absent if the import recorded nothing" in imports[name]["description"]
