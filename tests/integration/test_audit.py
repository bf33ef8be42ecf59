"""Tampering with stored events, directly in SQLite and PostgreSQL, is caught at the right place."""

from __future__ import annotations

import io

import pytest

from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services
from dealtrail.domain.audit.bundle import check_bundle, write_bundle
from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.domain.audit.tree_head import public_key_text
from dealtrail.domain.audit.verification import Verification
from dealtrail.infrastructure.settings import Settings
from tests.store_edits import store_sql


def _verify(services: Services) -> Verification:
    trail = services.audit
    return trail.verify()


def test_an_untouched_log_verifies_against_its_signed_head(signed: Services) -> None:
    report = _verify(signed)
    assert report.ok and report.root_matches and report.signature_valid
    assert report.events == signed.ledger.recorder.max_notification_id()


def test_one_changed_byte_is_named_by_its_position(signed: Services, settings: Settings) -> None:
    store_sql(settings, "UPDATE {t} SET topic = topic || ' ' WHERE {p} = 17", ())
    report = _verify(signed)
    assert report.first_divergence is not None and report.first_divergence[:2] == (16, 17)
    assert report.root_matches is False and not report.ok


def test_a_deleted_event_is_named_by_its_position(signed: Services, settings: Settings) -> None:
    store_sql(settings, "DELETE FROM {t} WHERE {p} = 30", ())
    report = _verify(signed)
    assert report.first_divergence is not None and report.first_divergence[:2] == (29, 30)


def test_two_swapped_events_are_named_by_the_first(signed: Services, settings: Settings) -> None:
    store_sql(settings, "UPDATE {t} SET {p} = -1 WHERE {p} = 12", ())
    store_sql(settings, "UPDATE {t} SET {p} = 12 WHERE {p} = 21", ())
    store_sql(settings, "UPDATE {t} SET {p} = 21 WHERE {p} = -1", ())
    report = _verify(signed)
    assert report.first_divergence is not None and report.first_divergence[:2] == (11, 12)


def test_a_forged_event_inserted_before_the_rest_is_named(
    signed: Services, settings: Settings
) -> None:
    forged = signed.audit.events().__next__()
    store_sql(
        settings,
        "INSERT INTO {t} (originator_id, originator_version, topic, state, {p}) "
        "VALUES (%s, 99, %s, %s, 0)",
        (
            forged.originator_id.hex if settings.database_url is None else forged.originator_id,
            forged.topic,
            forged.state,
        ),
    )
    report = _verify(signed)
    assert report.first_divergence is not None and report.first_divergence[:2] == (0, 0)


def test_a_bundle_checks_out_offline_and_a_doctored_one_does_not(signed: Services) -> None:
    trail = signed.audit
    key = public_key_text(trail.key.public_key())
    out = io.StringIO()
    written = write_bundle(out, trail.sign_head(), key, trail.events())
    lines = out.getvalue().splitlines()
    assert written == len(lines) - 1

    report, used = check_bundle(lines, pinned_key=key)
    assert report.ok and report.root_matches and used == key

    doctored = [
        *lines[:5],
        lines[5].replace('"originator_version":1', '"originator_version":2'),
        *lines[6:],
    ]
    if doctored != lines:
        assert not check_bundle(doctored, pinned_key=key)[0].ok
    dropped = lines[:3] + lines[4:]
    assert not check_bundle(dropped, pinned_key=key)[0].ok


def test_every_command_receipt_is_a_leaf_of_the_tree(services: Services, staff: None) -> None:
    result = services.ledger.handle(
        RegisterParty(name="Lanzhou University of Technology", kind="university", country="CN")
    )
    leaf = services.audit.tree() and services.audit.leaf_at(result.position)
    assert leaf is not None and leaf.leaf_hash.hex() == result.leaf_hash


def test_a_command_hashes_its_event_once_for_leaf_and_receipt(
    services: Services, staff: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recorder hands the leaf it wrote back to the ledger, which does not hash it again."""
    hashed: list[int] = []
    leaf_hash = LoggedEvent.leaf_hash

    def counted(event: LoggedEvent) -> bytes:
        hashed.append(event.position)
        return leaf_hash(event)

    monkeypatch.setattr(LoggedEvent, "leaf_hash", counted)
    result = services.ledger.handle(
        RegisterParty(name="Lanzhou University of Technology", kind="university", country="CN")
    )
    assert hashed == [result.position]
    monkeypatch.undo()
    leaf = services.audit.tree() and services.audit.leaf_at(result.position)
    assert leaf is not None and leaf.leaf_hash.hex() == result.leaf_hash
