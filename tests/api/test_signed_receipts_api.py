"""A command's signed receipt (`Dealtrail-Receipt`) is the operator's promise, checked offline with
`dealtrail audit check-receipt` against a bundle exported later: it holds against the genuine
bundle, and says how it differs from a doctored bundle, a doctored receipt, another key, or a
bundle signed before the event was recorded."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from freezegun import freeze_time

from dealtrail.domain.audit.tree_head import public_key_text
from dealtrail.infrastructure.settings import Settings
from tests.integration.cli_runs import run_cli

from .conftest import Api

PARTIES = "/api/v1/parties"
XJTU = {"name": "Xi'an Jiaotong University", "kind": "university", "country": "CN"}
NASK = {"name": "National Academy of Sciences of Kazakhstan", "kind": "academy", "country": "KZ"}


def fields_of(receipt: str) -> dict[str, Any]:
    return json.loads(base64.urlsafe_b64decode(receipt + "=" * (-len(receipt) % 4)))


def encoded(fields: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(fields).encode()).decode().rstrip("=")


def export(settings: Settings, path: Path) -> Path:
    result = run_cli(settings, "audit", "export", str(path))
    assert result.exit_code == 0, result.output
    return path


def check(settings: Settings, receipt: str, bundle: Path, *options: str) -> Result:
    return run_cli(settings, "audit", "check-receipt", receipt, str(bundle), *options)


def differences(result: Result) -> list[str]:
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if line.startswith("DIFFERS: ")]


@pytest.fixture
def key(auditor: Api) -> str:
    return auditor.get("/api/v1/audit/tree-head").json["public_key"]


@pytest.fixture
def recorded(staff: Api) -> dict[str, str]:
    """A party registered (its receipt's headers), then another, so the tree goes beyond it."""
    with freeze_time("2026-11-20T08:30:00.123456Z"):
        created = staff.post(PARTIES, json=XJTU)
    assert created.status_code == 201, created.json
    assert staff.post(PARTIES, json=NASK).status_code == 201
    return dict(created.headers)


def test_a_receipt_signs_the_position_and_leaf_of_the_command_s_event_and_when_it_was_recorded(
    recorded: dict[str, str], key: str
) -> None:
    fields = fields_of(recorded["Dealtrail-Receipt"])

    assert fields.keys() == {"leaf_hash", "position", "recorded_at", "signature"}
    assert fields["position"] == int(recorded["Dealtrail-Log-Position"])
    assert fields["leaf_hash"] == recorded["Dealtrail-Leaf-Hash"]
    assert fields["recorded_at"] == "2026-11-20T08:30:00.123456+00:00"


def test_a_receipt_checks_offline_against_a_bundle_exported_afterwards(
    recorded: dict[str, str], key: str, settings: Settings, tmp_path: Path
) -> None:
    receipt = recorded["Dealtrail-Receipt"]
    bundle = export(settings, tmp_path / "audit.jsonl")
    size = json.loads(bundle.read_text().splitlines()[0])["tree_head"]["tree_size"]

    pinned = check(settings, receipt, bundle, "--public-key", key)

    assert pinned.exit_code == 0, pinned.output
    assert pinned.output == (
        f"OK: the event at position {recorded['Dealtrail-Log-Position']} "
        f"(leaf {recorded['Dealtrail-Leaf-Hash']}, recorded at "
        f"2026-11-20T08:30:00.123456+00:00) is in the bundle's signed tree of size {size}\n"
    )
    headers = tmp_path / "headers.txt"  # as `curl -D headers.txt` keeps them
    headers.write_text(f"HTTP/1.1 201 CREATED\r\nDealtrail-Receipt: {receipt}\r\n\r\n")
    own_key = check(settings, str(headers), bundle)
    assert own_key.exit_code == 0, own_key.output
    note, ok = own_key.output.splitlines()
    assert note == f"note: checked with the bundle's own key {key}; pin it with --public-key"
    assert ok == pinned.output.strip()


def test_a_bundle_whose_event_was_changed_does_not_hold_the_receipt(
    recorded: dict[str, str], key: str, settings: Settings, tmp_path: Path
) -> None:
    bundle = export(settings, tmp_path / "audit.jsonl")
    header, *events = bundle.read_text().splitlines()
    position = int(recorded["Dealtrail-Log-Position"])
    for number, line in enumerate(events):
        event = json.loads(line)
        if event["position"] == position:
            event["state"] = base64.b64encode(b"forged").decode()
            events[number] = json.dumps(event, sort_keys=True, separators=(",", ":"))
    bundle.write_text("\n".join([header, *events]) + "\n")

    found = differences(check(settings, recorded["Dealtrail-Receipt"], bundle, "--public-key", key))

    assert (
        found[0] == "DIFFERS: the bundle does not check out: its events do not give the signed root"
    )
    assert found[1].startswith(f"DIFFERS: different leaf hash: the event at position {position} ")
    assert found[1].endswith(f"the receipt says {recorded['Dealtrail-Leaf-Hash']}")
    assert len(found) == 2


@pytest.mark.parametrize("changed", ["position", "leaf_hash"])
def test_a_receipt_whose_position_or_leaf_was_changed_has_a_bad_signature(
    recorded: dict[str, str], key: str, settings: Settings, tmp_path: Path, changed: str
) -> None:
    bundle = export(settings, tmp_path / "audit.jsonl")
    fields = fields_of(recorded["Dealtrail-Receipt"])
    fields[changed] = fields["position"] + 1 if changed == "position" else "0" * 64

    found = differences(check(settings, encoded(fields), bundle, "--public-key", key))

    assert found[0] == f"DIFFERS: bad signature: the receipt is not signed by the key {key}"
    assert found[1].startswith("DIFFERS: different leaf hash: ")  # it names another event now


def test_a_receipt_checked_with_another_key_has_a_bad_signature(
    recorded: dict[str, str], settings: Settings, tmp_path: Path
) -> None:
    bundle = export(settings, tmp_path / "audit.jsonl")
    other = public_key_text(Ed25519PrivateKey.generate().public_key())

    found = differences(
        check(settings, recorded["Dealtrail-Receipt"], bundle, "--public-key", other)
    )

    assert found == [
        f"DIFFERS: bad signature: the receipt is not signed by the key {other}",
        "DIFFERS: the bundle does not check out: its tree head's signature is invalid",
    ]


def test_a_receipt_of_an_event_recorded_after_the_bundle_is_beyond_its_signed_tree(
    recorded: dict[str, str], key: str, staff: Api, settings: Settings, tmp_path: Path
) -> None:
    bundle = export(settings, tmp_path / "audit.jsonl")
    size = json.loads(bundle.read_text().splitlines()[0])["tree_head"]["tree_size"]
    last = json.loads(bundle.read_text().splitlines()[-1])["position"]

    later = staff.post(PARTIES, json={**XJTU, "name": "Lanzhou University"})

    assert later.status_code == 201, later.json
    found = differences(check(settings, later.headers["Dealtrail-Receipt"], bundle))
    assert found == [
        f"DIFFERS: position {later.headers['Dealtrail-Log-Position']} is beyond the bundle's "
        f"signed tree (size {size}, its last event at position {last})"
    ]
    assert (
        check(settings, later.headers["Dealtrail-Receipt"], export(settings, bundle)).exit_code == 0
    )


def test_a_replayed_command_answers_the_receipt_of_the_original(staff: Api) -> None:
    once = {"Idempotency-Key": "register-xjtu-1"}
    with freeze_time("2026-11-20T08:30:00Z"):
        first = staff.post(PARTIES, json=XJTU, headers=once)
    with freeze_time("2026-11-21T09:00:00Z"):
        again = staff.post(PARTIES, json=XJTU, headers=once)

    assert (first.status_code, again.status_code) == (201, 201), again.json
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Dealtrail-Receipt"] == first.headers["Dealtrail-Receipt"]
    assert fields_of(again.headers["Dealtrail-Receipt"])["recorded_at"] == (
        "2026-11-20T08:30:00+00:00"
    )


def test_unreadable_input_is_refused_in_one_line(
    recorded: dict[str, str], settings: Settings, tmp_path: Path
) -> None:
    receipt = recorded["Dealtrail-Receipt"]
    bundle = export(settings, tmp_path / "audit.jsonl")
    garbled = tmp_path / "garbled.jsonl"
    garbled.write_text(bundle.read_text().splitlines()[0] + "\nnot an event\n")
    refusals = {
        "unreadable receipt: 'no-such-receipt.txt' is no file, nor a receipt: ": (
            "no-such-receipt.txt",
            str(bundle),
        ),
        f"unreadable bundle {garbled}: line 2 is not an event: ": (receipt, str(garbled)),
        f"cannot read {tmp_path / 'missing'}: No such file or directory": (
            receipt,
            str(tmp_path / "missing"),
        ),
        "--public-key is not base64 of a raw Ed25519 public key": (
            receipt,
            str(bundle),
            "--public-key",
            "not-a-key",
        ),
    }
    for start, args in refusals.items():
        result = run_cli(settings, "audit", "check-receipt", *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
        assert result.stderr.startswith(f"Error: {start}") and result.stderr.count("\n") == 1
