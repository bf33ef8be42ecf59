"""Optional encryption at rest and compression of stored events (eventsourcing's own settings)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import zlib

import psycopg
import pytest
from eventsourcing.cryptography import AESCipher
from eventsourcing.utils import Environment

from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import bootstrap
from dealtrail.domain.metadata import recording
from dealtrail.domain.party import Party
from dealtrail.infrastructure.settings import Settings

NAME = "Qinling Photonics Research Institute"


def _raw_files(settings: Settings) -> list[bytes]:
    """SQLite: the events file and its WAL as they are on disk; PostgreSQL: the stored states."""
    if settings.database_url is None:
        return [f.read_bytes() for f in settings.data_dir.glob("events.sqlite3*")]
    return _stored_states(settings)


def _stored_states(settings: Settings) -> list[bytes]:
    """The `state` column of every stored event, as the store holds it."""
    if settings.database_url is None:
        with sqlite3.connect(settings.data_dir / "events.sqlite3") as conn:
            return [bytes(r[0]) for r in conn.execute("SELECT state FROM stored_events")]
    with psycopg.connect(settings.database_url) as conn:
        conn.execute(f"SET search_path TO {settings.database_schema}")
        return [bytes(r[0]) for r in conn.execute("SELECT state FROM dealtrail_events")]


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def _is_zlib(data: bytes) -> bool:
    try:
        zlib.decompress(data)
    except zlib.error:
        return False
    return True


@pytest.mark.parametrize("compress", [False, True])
def test_encrypted_events_are_not_plaintext_at_rest_but_read_back(
    settings: Settings, compress: bool
) -> None:
    secure = dataclasses.replace(settings, cipher_key=AESCipher.create_key(32), compress=compress)
    services = bootstrap(secure)
    try:
        with recording("staff:test"):
            result = services.ledger.handle(
                RegisterParty(name=NAME, kind="research_institute", country="CN")
            )
        assert services.ledger.get(Party, result.aggregate_id).name == NAME
        raw = _raw_files(secure)
        assert raw and all(NAME.encode() not in blob for blob in raw)
        states = _stored_states(secure)
        assert states and not any(_is_json(s) or _is_zlib(s) for s in states)
        cipher = AESCipher(Environment(env={"CIPHER_KEY": secure.cipher_key or ""}))
        plain = [cipher.decrypt(s) for s in states]
        assert all((_is_zlib(p) if compress else _is_json(p)) for p in plain)
    finally:
        services.close()


def test_compressed_events_are_stored_as_zlib_streams_of_their_json(settings: Settings) -> None:
    compressing = dataclasses.replace(settings, compress=True)
    services = bootstrap(compressing)
    try:
        with recording("staff:test"):
            result = services.ledger.handle(
                RegisterParty(name=NAME, kind="research_institute", country="CN")
            )
        assert services.ledger.get(Party, result.aggregate_id).name == NAME
        states = _stored_states(compressing)
        assert states and all(_is_json(zlib.decompress(s)) for s in states)
        assert not any(_is_json(s) or NAME.encode() in s for s in states)
        assert any(NAME.encode() in zlib.decompress(s) for s in states)
    finally:
        services.close()


def test_without_a_key_the_store_keeps_readable_json(settings: Settings) -> None:
    services = bootstrap(settings)
    try:
        with recording("staff:test"):
            services.ledger.handle(
                RegisterParty(name=NAME, kind="research_institute", country="CN")
            )
        states = _stored_states(settings)
        assert states and all(_is_json(s) for s in states)
        assert any(NAME.encode() in s for s in states)
    finally:
        services.close()
