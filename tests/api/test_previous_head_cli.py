"""`dealtrail audit check-bundle BUNDLE --previous-head FILE`: a bundle must extend the signed tree
head an auditor kept from before (the API's tree head, or an earlier bundle): it passes for an
earlier head, and names how it differs for a head of a log rewritten since, a larger head or a
head not signed by the key; an unreadable head is one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

import pytest
from click.testing import Result

from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.infrastructure.settings import Settings
from tests.api.conftest import Api, register_party
from tests.integration.cli_runs import run_cli
from tests.store_edits import edit_state, store_sql


def export(settings: Settings, path: Path) -> Path:
    result = run_cli(settings, "audit", "export", str(path))
    assert result.exit_code == 0, result.output
    return path


def check(settings: Settings, bundle: Path, previous: Path, *options: str) -> Result:
    return run_cli(
        settings, "audit", "check-bundle", str(bundle), "--previous-head", str(previous), *options
    )


def differences(result: Result) -> list[str]:
    assert result.exit_code == 1, result.output
    prefix = "DIFFERS from the previous head: "
    return [line[len(prefix) :] for line in result.output.splitlines() if line.startswith(prefix)]


@pytest.fixture
def kept(staff: Api, auditor: Api, tmp_path: Path) -> Path:
    """The tree head an auditor saved from the API after two events, before two more."""
    register_party(staff, "Northwest University")
    register_party(staff, "Tashkent TU", "UZ")
    path = tmp_path / "head.json"
    path.write_text(json.dumps(auditor.get("/api/v1/audit/tree-head").json, indent=2))
    register_party(staff, "University of Belgrade", "RS")
    register_party(staff, "Lanzhou University", "CN")
    return path


def test_a_bundle_extends_a_head_kept_from_the_api(
    kept: Path, auditor: Api, settings: Settings, tmp_path: Path
) -> None:
    key = auditor.get("/api/v1/audit/tree-head").json["public_key"]
    bundle = export(settings, tmp_path / "later.jsonl")

    result = check(settings, bundle, kept, "--public-key", key)

    assert result.exit_code == 0, result.output
    assert "previous head of size 2 " in result.output
    assert "extended by this bundle" in result.output
    assert result.output.rstrip().endswith("OK: the log is exactly what was recorded")


def test_a_bundle_extends_an_earlier_bundle_and_not_the_other_way_round(
    staff: Api, settings: Settings, tmp_path: Path
) -> None:
    register_party(staff, "Northwest University")
    earlier = export(settings, tmp_path / "earlier.jsonl")
    register_party(staff, "Tashkent TU", "UZ")
    later = export(settings, tmp_path / "later.jsonl")
    header = tmp_path / "header.json"
    header.write_text(earlier.read_text().splitlines()[0])

    assert check(settings, later, earlier).exit_code == 0
    assert check(settings, later, header).exit_code == 0
    assert check(settings, later, later).exit_code == 0  # a head extends itself
    assert differences(check(settings, earlier, later)) == [
        "the previous head (size 2) is larger than the bundle's signed head (size 1): the "
        "bundle is older, or the log lost events"
    ]


def test_a_bundle_of_a_log_rewritten_since_the_kept_head_is_a_fork(
    kept: Path, settings: Settings, tmp_path: Path
) -> None:
    """The operator edits an event under the kept head, rewrites its leaf, drops the subtrees
    and heads over it and signs afresh: the new bundle checks out by itself, but not against
    the head the auditor kept."""
    edit_state(settings, 1, b"Northwest", b"Southwest")
    [row] = store_sql(
        settings, "SELECT originator_id, originator_version, topic, state FROM {t} WHERE {p} = 1"
    )
    leaf = LoggedEvent(1, UUID(str(row[0])), row[1], row[2], bytes(row[3])).leaf_hash().hex()
    store_sql(settings, "UPDATE {l} SET leaf_hash = %s WHERE position = 1", (leaf,))
    store_sql(settings, "DELETE FROM {n}")
    store_sql(settings, "DELETE FROM {h}", heads=True)
    bundle = export(settings, tmp_path / "rewritten.jsonl")
    assert run_cli(settings, "audit", "check-bundle", str(bundle)).exit_code == 0

    found = differences(check(settings, bundle, kept))

    assert len(found) == 1 and found[0].startswith("forked: the bundle's first 2 events give")


def test_a_head_not_signed_by_the_key_differs(
    kept: Path, settings: Settings, tmp_path: Path
) -> None:
    bundle = export(settings, tmp_path / "later.jsonl")
    head = json.loads(kept.read_text())
    doctored = tmp_path / "doctored.json"
    doctored.write_text(json.dumps({**head, "root_hash": "00" * 32}))

    found = differences(check(settings, bundle, doctored))

    assert found[0].startswith("bad signature: the previous head is not signed by the key ")
    assert found[1].startswith("forked: ")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "holds no JSON object (a tree head, or a bundle's header line)"),
        ("[1, 2]", "holds no JSON object (a tree head, or a bundle's header line)"),
        ('{"tree_size": 2}', "holds no signed tree head: KeyError 'root_hash'"),
        ('{"tree_head": []}', "holds no signed tree head: TypeError list indices must be"),
    ],
    ids=["empty", "a list", "no root", "a header with no head"],
)
def test_an_unreadable_previous_head_is_refused_in_one_line(
    kept: Path, settings: Settings, tmp_path: Path, content: str, reason: str
) -> None:
    bundle = export(settings, tmp_path / "later.jsonl")
    previous = tmp_path / "previous.json"
    previous.write_text(content)

    result = check(settings, bundle, previous)

    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: unreadable previous head {previous}: {reason}")
    assert result.stderr.count("\n") == 1


def test_a_missing_previous_head_is_refused_in_one_line(
    kept: Path, settings: Settings, tmp_path: Path
) -> None:
    bundle = export(settings, tmp_path / "later.jsonl")
    result = check(settings, bundle, tmp_path / "missing.json")

    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: cannot read {tmp_path / 'missing.json'}: No such file or directory\n"
    )


def test_an_unreadable_bundle_is_refused_in_one_line(
    kept: Path, settings: Settings, tmp_path: Path
) -> None:
    bundle = tmp_path / "bundle.jsonl"
    bundle.write_text("not a bundle\n")

    result = check(settings, bundle, kept)

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: unreadable bundle {bundle}: unreadable bundle header")
    assert result.stderr.count("\n") == 1
