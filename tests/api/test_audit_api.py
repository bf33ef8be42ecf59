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
