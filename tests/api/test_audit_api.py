"""Auditors check the log's tree head, and prove a command's receipt is in it."""

from __future__ import annotations

from dealtrail.domain.audit.merkle import verify_consistency, verify_inclusion
from dealtrail.domain.audit.tree_head import SignedTreeHead, public_key_from_text
from tests.api.conftest import Api, register_party


def _hex(values: list[str]) -> list[bytes]:
    return [bytes.fromhex(v) for v in values]


def test_a_command_receipt_is_proved_included_in_the_signed_tree(staff: Api, auditor: Api) -> None:
    register_party(staff, "Lanzhou University of Technology")
    response = staff.post(
        "/api/v1/parties", json={"name": "Tashkent TU", "kind": "university", "country": "UZ"}
    )
    position = int(response.headers["Dealtrail-Log-Position"])
    leaf_hash = response.headers["Dealtrail-Leaf-Hash"]

    head = auditor.get("/api/v1/audit/tree-head").json
    assert SignedTreeHead.from_json(head).verify(public_key_from_text(head["public_key"]))
    proof = auditor.get(f"/api/v1/audit/inclusion-proof?position={position}").json

    assert proof["leaf_hash"] == leaf_hash
    assert proof["root_hash"] == head["root_hash"]
    assert verify_inclusion(
        bytes.fromhex(leaf_hash),
        proof["leaf_index"],
        head["tree_size"],
        _hex(proof["audit_path"]),
        bytes.fromhex(head["root_hash"]),
    )


def test_a_later_tree_head_is_proved_to_extend_an_earlier_one(staff: Api, auditor: Api) -> None:
    register_party(staff, "Tashkent TU", "UZ")
    first = auditor.get("/api/v1/audit/tree-head").json
    register_party(staff, "University of Belgrade", "RS")
    second = auditor.get("/api/v1/audit/tree-head").json
    assert second["tree_size"] == first["tree_size"] + 1

    proof = auditor.get(f"/api/v1/audit/consistency-proof?first={first['tree_size']}").json
    assert verify_consistency(
        first["tree_size"],
        second["tree_size"],
        bytes.fromhex(first["root_hash"]),
        bytes.fromhex(second["root_hash"]),
        _hex(proof["proof"]),
    )


def test_proofs_for_events_outside_the_tree_are_refused(staff: Api, auditor: Api) -> None:
    register_party(staff)
    assert auditor.get("/api/v1/audit/inclusion-proof?position=999").status_code == 404
    assert auditor.get("/api/v1/audit/consistency-proof?first=5&second=2").status_code == 422
    assert auditor.get("/api/v1/audit/inclusion-proof").status_code == 422


def test_every_signed_head_stays_listed_oldest_first_a_page_at_a_time(
    staff: Api, auditor: Api
) -> None:
    signed = []
    for country in ("UZ", "RS", "KZ"):
        register_party(staff, f"University of {country}", country)
        signed.append(auditor.get("/api/v1/audit/tree-head").json)

    first = auditor.get("/api/v1/audit/tree-heads?limit=2")
    rest = auditor.get(f"/api/v1/audit/tree-heads?limit=2&after={first.json['next_after']}")

    assert first.status_code == rest.status_code == 200
    listed = first.json["items"] + rest.json["items"]
    assert listed == [{k: v for k, v in head.items() if k != "public_key"} for head in signed]
    assert rest.json["next_after"] is None
    key = public_key_from_text(signed[0]["public_key"])
    assert all(SignedTreeHead.from_json(head).verify(key) for head in listed)
    assert staff.get("/api/v1/audit/tree-heads").json["items"] == listed


def test_listing_the_heads_signs_none(auditor: Api, dashboard: Api) -> None:
    assert auditor.get("/api/v1/audit/tree-heads").json == {"items": [], "next_after": None}
    assert dashboard.get("/api/v1/audit/tree-heads").status_code == 403


def test_a_bad_page_of_heads_is_refused_with_422(auditor: Api) -> None:
    for query in ("after=-1", "after=x", "after=1.5", "limit=0", "limit=501", "size=3"):
        response = auditor.get(f"/api/v1/audit/tree-heads?{query}")
        assert response.status_code == 422, query
        assert response.content_type == "application/problem+json"


def test_the_list_of_heads_is_documented(auditor: Api) -> None:
    spec = auditor.client.get("/api/openapi.json").json
    operation = spec["paths"]["/api/v1/audit/tree-heads"]["get"]
    query = {p["name"] for p in operation["parameters"] if p.get("in") == "query"}
    assert query == {"after", "limit"}
    assert "200" in operation["responses"] and "403" in operation["responses"]
