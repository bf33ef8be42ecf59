"""Optional encryption at rest and compression of stored events (eventsourcing's own settings)."""

from __future__ import annotations

import dataclasses

import psycopg
import pytest
from eventsourcing.cryptography import AESCipher

from dealtrail.domain.metadata import recording
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.services import build_services

NAME = "Qinling Photonics Research Institute"


def _raw_states(settings: Settings) -> list[bytes]:
    if settings.database_url is None:
        return [f.read_bytes() for f in settings.data_dir.glob("events.sqlite3*")]  # and its WAL
    with psycopg.connect(settings.database_url) as conn:
        conn.execute(f"SET search_path TO {settings.database_schema}")
        return [bytes(r[0]) for r in conn.execute("SELECT state FROM dealtrail_events")]


@pytest.mark.parametrize("compress", [False, True])
def test_encrypted_events_are_not_plaintext_at_rest_but_read_back(
    settings: Settings, compress: bool
) -> None:
    secure = dataclasses.replace(settings, cipher_key=AESCipher.create_key(32), compress=compress)
    services = build_services(secure)
    try:
        with recording("staff:test"):
            result = services.parties.register(NAME, "research_institute", "CN")
        assert services.parties.get(result.aggregate_id).name == NAME
        raw = _raw_states(secure)
        assert raw and all(NAME.encode() not in blob for blob in raw)
    finally:
        services.close()


def test_without_a_key_the_store_keeps_readable_json(settings: Settings) -> None:
    services = build_services(settings)
    try:
        with recording("staff:test"):
            services.parties.register(NAME, "research_institute", "CN")
        assert any(NAME.encode() in blob for blob in _raw_states(settings))
    finally:
        services.close()
