"""A store remembers the compression and cipher it was created with, and a process with other
settings refuses to open it before reading or writing anything: mixing formats loses events.

A store created before the format was recorded is adopted from its stored events."""

from __future__ import annotations

import base64
import dataclasses
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

import psycopg
import pytest
from eventsourcing.cryptography import AESCipher

from dealtrail import bootstrap as composition_root
from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import bootstrap
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import Party
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.store_format import StoreFormatMismatch
from tests.integration.cli_runs import run_cli

KEY, OTHER_KEY = AESCipher.create_key(32), AESCipher.create_key(32)
NAME = "Qinling Photonics Research Institute"

MISMATCHES = {
    "compression on, then off": (
        {"compress": True},
        {},
        "the store was created with DEALTRAIL_COMPRESS=1; this process has it off",
    ),
    "compression off, then on": (
        {},
        {"compress": True},
        "the store was created with DEALTRAIL_COMPRESS off; this process has DEALTRAIL_COMPRESS=1",
    ),
    "cipher key missing": (
        {"cipher_key": KEY, "compress": True},
        {"compress": True},
        "the store was created with DEALTRAIL_CIPHER_KEY; this process has none",
    ),
    "cipher key added to a plain store": (
        {},
        {"cipher_key": KEY},
        "the store was created without DEALTRAIL_CIPHER_KEY; this process has one",
    ),
    "cipher key different": (
        {"cipher_key": KEY},
        {"cipher_key": OTHER_KEY},
        "DEALTRAIL_CIPHER_KEY differs from the key the store was created with",
    ),
}
FORMATS = {
    "plain": {},
    "compressed": {"compress": True},
    "encrypted": {"cipher_key": KEY},
    "encrypted and compressed": {"cipher_key": KEY, "compress": True},
}


@contextmanager
def before_the_format_was_recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """bootstrap as dealtrail was before stores recorded their format."""
    with monkeypatch.context() as patch:
        patch.setattr(composition_root, "check_store_format", lambda _settings: None)
        yield


def with_(settings: Settings, **changes: Any) -> Settings:
    return dataclasses.replace(settings, **changes)


def create_store(settings: Settings, name: str = NAME) -> tuple[int, UUID]:
    """A store with one party in it; returns the log's head and the party's id."""
    services = bootstrap(settings)
    try:
        with recording("staff:test"):
            party_id = services.ledger.handle(
                RegisterParty(name=name, kind="research_institute", country="CN")
            ).aggregate_id
        return services.ledger.recorder.max_notification_id() or 0, party_id
    finally:
        services.close()


def assert_intact(settings: Settings, head: int, party_id: UUID) -> None:
    """Opened with its own settings, the store holds what it held, and reads."""
    services = bootstrap(settings)
    try:
        assert services.ledger.recorder.max_notification_id() == head
        assert services.ledger.get(Party, party_id).name == NAME
    finally:
        services.close()


def recorded_format(settings: Settings) -> list[tuple[bool, str | None]]:
    """The store's format record: (compressed, key fingerprint), beside the events."""
    select = "SELECT compressed, cipher_key_fingerprint FROM dealtrail_store_format"
    if settings.database_url is None:
        with sqlite3.connect(settings.data_dir / "events.sqlite3") as conn:
            if not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name='dealtrail_store_format'"
            ).fetchone():
                return []
            return [(bool(c), f) for c, f in conn.execute(select)]
    with psycopg.connect(settings.database_url) as conn:
        conn.execute(f"SET search_path TO {settings.database_schema}")
        if conn.execute("SELECT to_regclass('dealtrail_store_format')").fetchone() == (None,):
            return []
        return [(bool(c), f) for c, f in conn.execute(select)]


def refused(settings: Settings) -> str:
    with pytest.raises(StoreFormatMismatch) as caught:
        bootstrap(settings).close()
    return str(caught.value)


@pytest.mark.parametrize(("created", "opened", "message"), MISMATCHES.values(), ids=MISMATCHES)
def test_a_process_whose_settings_do_not_match_the_store_refuses_it(
    settings: Settings, created: dict, opened: dict, message: str
) -> None:
    head, party_id = create_store(with_(settings, **created))

    assert refused(with_(settings, **opened)) == message
    assert_intact(with_(settings, **created), head, party_id)


@pytest.mark.parametrize(("created", "opened", "message"), MISMATCHES.values(), ids=MISMATCHES)
def test_a_store_from_before_the_format_was_recorded_is_refused_as_its_events_were_written(
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    created: dict,
    opened: dict,
    message: str,
) -> None:
    with before_the_format_was_recorded(monkeypatch):
        head, party_id = create_store(with_(settings, **created))

    assert refused(with_(settings, **opened)) == message
    assert_intact(with_(settings, **created), head, party_id)


@pytest.mark.parametrize("created", FORMATS.values(), ids=FORMATS)
def test_a_new_store_records_its_format(settings: Settings, created: dict) -> None:
    create_store(with_(settings, **created))

    [(compressed, fingerprint)] = recorded_format(settings)
    assert compressed == created.get("compress", False)
    assert (fingerprint is not None) == ("cipher_key" in created)


@pytest.mark.parametrize("created", FORMATS.values(), ids=FORMATS)
def test_a_store_from_before_the_format_was_recorded_is_adopted_by_matching_settings(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, created: dict
) -> None:
    with before_the_format_was_recorded(monkeypatch):
        head, party_id = create_store(with_(settings, **created))
    assert recorded_format(settings) == []

    assert_intact(with_(settings, **created), head, party_id)
    [(compressed, fingerprint)] = recorded_format(settings)
    assert compressed == created.get("compress", False)
    assert (fingerprint is not None) == ("cipher_key" in created)


def test_a_store_already_holding_events_in_two_formats_is_refused(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with before_the_format_was_recorded(monkeypatch):
        create_store(with_(settings, compress=True))
        create_store(settings, "Xi'an Jiaotong University")

    for opened in (settings, with_(settings, compress=True)):
        assert "the store holds events written with different" in refused(opened)


def test_the_store_records_a_fingerprint_of_the_cipher_key_never_the_key(
    settings: Settings,
) -> None:
    create_store(with_(settings, cipher_key=KEY))

    [(_, fingerprint)] = recorded_format(settings)
    assert fingerprint
    stored = stored_bytes(settings)
    key = base64.b64decode(KEY)
    for secret in (KEY.encode(), key, key.hex().encode()):
        assert secret not in stored


def stored_bytes(settings: Settings) -> bytes:
    """Everything the store holds: its files on SQLite; every row of every table on PostgreSQL."""
    if settings.database_url is None:
        return b"".join(f.read_bytes() for f in settings.data_dir.iterdir() if f.is_file())
    with psycopg.connect(settings.database_url) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (settings.database_schema,),
        ).fetchall()
        rows = [
            conn.execute(f'SELECT t::text FROM {settings.database_schema}."{name}" t').fetchall()
            for (name,) in tables
        ]
    return repr(rows).encode()


def test_a_cli_command_refuses_a_mismatched_store_in_one_line(settings: Settings) -> None:
    create_store(with_(settings, compress=True))
    result = run_cli(settings, "tokens", "list", DEALTRAIL_COMPRESS="")

    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == (
        "Error: the store was created with DEALTRAIL_COMPRESS=1; this process has it off\n"
    )
