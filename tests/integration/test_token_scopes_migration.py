"""events_0005: an idempotency record kept under a holder's name (`<role>:<name>`) moves to the
scope of the one token issued with that role and name; where two were, or the name reads as
the CLI's (`cli:<user>`), nothing tells whose it was and it stays where it was."""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy import Engine, text

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.database import create_database_engine, create_events_engine
from dealtrail.infrastructure.settings import Settings


def _events_engine(settings: Settings) -> Engine:
    return create_database_engine(settings) if settings.postgres else create_events_engine(settings)


def _table(settings: Settings) -> str:
    return "dealtrail_events_idempotency" if settings.postgres else "dealtrail_idempotency"


def test_records_move_to_the_one_token_issued_to_their_name(settings: Settings) -> None:
    services = bootstrap(settings)
    try:
        wang = services.tokens.create("Wang Fang", Role.STAFF, created_by="pytest")[0]
        for name in ("Li Na", "Li Na", "cli:root"):
            services.tokens.create(name, Role.STAFF, created_by="pytest")
    finally:
        services.close()
    engine = _events_engine(settings)
    old_scopes = ["staff:Wang Fang", "auditor:Wang Fang", "staff:Li Na", "staff:cli:root"]
    try:
        with engine.begin() as conn:
            for scope in old_scopes:
                conn.execute(
                    text(
                        f"INSERT INTO {_table(settings)} (scope, key, fingerprint, "
                        "originator_id, originator_version) VALUES (:s, 'k', 'f', :o, 1)"
                    ),
                    {"s": scope, "o": str(uuid4())},
                )
            conn.execute(
                text(
                    "UPDATE alembic_version SET version_num = 'events_0004' "
                    "WHERE version_num = 'events_0005'"
                )
            )
    finally:
        engine.dispose()

    bootstrap(settings).close()  # migrates the events branch again from events_0004

    engine = _events_engine(settings)
    try:
        with engine.connect() as conn:
            query = f"SELECT scope FROM {_table(settings)} ORDER BY scope"
            scopes = list(conn.execute(text(query)).scalars())
    finally:
        engine.dispose()
    assert scopes == sorted(
        [
            "auditor:Wang Fang",
            "staff:Li Na",
            "staff:cli:root",
            f"staff:token:{wang.token_id}:Wang Fang",
        ]
    )
