"""The feed is checkable: each item carries the leaf hash stored with its event and, with
`canonical=true`, the stored row's canonical fields, from which the README's recipe recomputes
that leaf, checked against an inclusion proof. A row edited or inserted around dealtrail shows."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from dealtrail.domain.audit.merkle import verify_inclusion
from dealtrail.infrastructure.settings import Settings
from tests.api.conftest import Api, register_party
from tests.store_edits import edit_state, store_sql

EVENTS = "/api/v1/events"
CANONICAL_KEYS = ("originator_id", "originator_version", "position", "state", "topic")


def recomputed_leaf(item: dict[str, Any]) -> str:
    """The README's recipe, as an auditor would write it, knowing nothing of dealtrail."""
    canonical = {key: item[key] for key in CANONICAL_KEYS}
    data = json.dumps(canonical, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(b"\x00" + data).hexdigest()


def included(api: Api, item: dict[str, Any], leaf: str) -> bool:
    """Is `leaf` the leaf at the item's position in the latest signed tree, by the API's proof?"""
    head = api.get("/api/v1/audit/tree-head").json
    proof = api.get(f"/api/v1/audit/inclusion-proof?position={item['position']}").json
    return verify_inclusion(
        bytes.fromhex(leaf),
        proof["leaf_index"],
        head["tree_size"],
        [bytes.fromhex(h) for h in proof["audit_path"]],
        bytes.fromhex(head["root_hash"]),
    )


def test_canonical_items_recompute_to_their_leaf_and_it_is_in_the_signed_tree(
    staff: Api, auditor: Api
) -> None:
    register_party(staff, "Northwest University")
    register_party(staff, "Tashkent TU", "UZ")
    items = auditor.get(f"{EVENTS}?canonical=true").json["items"]

    assert len(items) == 2
    for item in items:
        assert item["originator_id"] == item["aggregate_id"]
        assert item["originator_version"] == item["version"]
        assert item["topic"].endswith("Party.Registered")
        assert base64.b64decode(item["state"], validate=True)
        assert recomputed_leaf(item) == item["leaf_hash"]
        assert included(auditor, item, item["leaf_hash"])


def test_the_leaf_is_the_one_the_command_s_receipt_named(staff: Api, auditor: Api) -> None:
    created = staff.post(
        "/api/v1/parties",
        json={"name": "Lanzhou University", "kind": "university", "country": "CN"},
    )
    assert created.status_code == 201, created.json
    [item] = auditor.get(EVENTS).json["items"]

    assert item["leaf_hash"] == created.headers["Dealtrail-Leaf-Hash"]
    assert item["position"] == int(created.headers["Dealtrail-Log-Position"])
    assert not {"topic", "state", "originator_id", "originator_version"} & item.keys()


def test_the_ndjson_stream_carries_the_same_checkable_items(staff: Api, auditor: Api) -> None:
    register_party(staff, "Northwest University")
    register_party(staff, "Tashkent TU", "UZ")
    page = auditor.get(f"{EVENTS}?canonical=true").json["items"]
    streamed = auditor.get(
        f"{EVENTS}?canonical=1", headers={"Accept": "application/x-ndjson"}
    ).get_data(as_text=True)

    lines = [json.loads(line) for line in streamed.splitlines()]
    assert [(i["position"], i["leaf_hash"], i["state"]) for i in lines] == [
        (i["position"], i["leaf_hash"], i["state"]) for i in page
    ]
    assert all(recomputed_leaf(line) == line["leaf_hash"] for line in lines)


def test_an_event_row_edited_around_dealtrail_no_longer_recomputes_to_its_leaf(
    staff: Api, auditor: Api, settings: Settings
) -> None:
    register_party(staff, "Tashkent TU", "UZ")
    register_party(staff, "Northwest University")
    [before] = auditor.get(f"{EVENTS}?canonical=true&after=1").json["items"]
    edit_state(settings, before["position"], b"Northwest", b"Southwest")

    [after] = auditor.get(f"{EVENTS}?canonical=true&after=1").json["items"]

    assert after["data"]["name"] == "Southwest University"  # the edited row is what is served,
    assert after["leaf_hash"] == before["leaf_hash"]  # beside the leaf written with the event,
    assert recomputed_leaf(after) != after["leaf_hash"]  # which it no longer gives
    assert not included(auditor, after, recomputed_leaf(after))
    assert included(auditor, after, after["leaf_hash"])


def test_an_event_row_inserted_around_dealtrail_is_served_with_no_leaf(
    staff: Api, auditor: Api, settings: Settings
) -> None:
    register_party(staff, "Northwest University")
    [(originator_id, topic, state)] = store_sql(
        settings, "SELECT originator_id, topic, state FROM {t}"
    )
    store_sql(
        settings,
        "INSERT INTO {t} (originator_id, originator_version, topic, state) VALUES (%s, 2, %s, %s)",
        (originator_id, topic, state),
    )

    first, inserted = auditor.get(f"{EVENTS}?canonical=true").json["items"]

    assert first["leaf_hash"] == recomputed_leaf(first)
    assert inserted["originator_version"] == 2
    assert inserted["leaf_hash"] is None


def test_a_row_altered_until_it_no_longer_decodes_is_served_as_unreadable(
    staff: Api, auditor: Api, settings: Settings
) -> None:
    register_party(staff, "Northwest University")
    register_party(staff, "Tashkent TU", "UZ")
    store_sql(settings, "UPDATE {t} SET topic = topic || ' ' WHERE {p} = 1")

    for query in ("", "?canonical=true", "?actor=staff:nobody", "?aggregate_type=party"):
        answer = auditor.get(f"{EVENTS}{query}")
        assert answer.status_code == 200, (query, answer.json)
        first = answer.json["items"][0]
        assert first["position"] == 1 and first["unreadable"] is True, query
        assert "type" not in first and "data" not in first
    [altered, _] = auditor.get(f"{EVENTS}?canonical=true").json["items"]
    assert altered["topic"].endswith(" ") and recomputed_leaf(altered) != altered["leaf_hash"]
    streamed = auditor.get(EVENTS, headers={"Accept": "application/x-ndjson"})
    assert json.loads(streamed.get_data(as_text=True).splitlines()[0])["unreadable"] is True


def test_canonical_takes_a_boolean(auditor: Api) -> None:
    response = auditor.get(f"{EVENTS}?canonical=perhaps")
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert [e["field"] for e in response.json["errors"]] == ["canonical"]


def test_the_openapi_document_declares_the_leaf_and_the_canonical_fields(auditor: Api) -> None:
    spec = auditor.client.get("/api/openapi.json").json
    operation = spec["paths"][EVENTS]["get"]
    assert "canonical" in {p.get("name") for p in operation["parameters"]}
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    entry_ref = page["properties"]["items"]["items"]["$ref"]
    entry = spec["components"]["schemas"][entry_ref.rsplit("/", 1)[1]]["properties"]
    assert {"leaf_hash", "originator_id", "originator_version", "topic", "state"} <= entry.keys()
    assert entry["leaf_hash"]["nullable"] is True
