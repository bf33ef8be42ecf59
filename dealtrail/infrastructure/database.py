"""The SQLAlchemy engine for dealtrail's own tables (tokens, read models)."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.sqlite_reopening import reopen_after_unwritable


def create_database_engine(settings: Settings) -> Engine:
    pg = settings.postgres
    if pg is not None:
        options = dict(pg.options)  # the URL's own libpq options, which win over the defaults
        search_path = f"-csearch_path={settings.database_schema}"
        return create_engine(
            pg.sqlalchemy_url(),
            pool_pre_ping=True,
            connect_args={
                # an unreachable server fails the request, cleanly
                "connect_timeout": options.get("connect_timeout", 5),
                "options": " ".join(filter(None, (options.get("options"), search_path))),
            },
            pool_timeout=5,
        )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite:///{settings.data_dir / 'dealtrail.sqlite3'}",
        connect_args={"timeout": 10},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA busy_timeout=10000")
        dbapi_connection.execute("PRAGMA secure_delete=ON")  # destroyed keys leave no trace

    return reopen_after_unwritable(engine)


def create_events_engine(settings: Settings) -> Engine:
    """An engine on the database that holds the events, for dealtrail's tables kept beside them
    (the store format, idempotency records): events.sqlite3 on SQLite; on PostgreSQL the same
    database and schema as dealtrail's other tables."""
    if settings.postgres is not None:
        return create_database_engine(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path = settings.data_dir / "events.sqlite3"
    return reopen_after_unwritable(create_engine(f"sqlite:///{path}", connect_args={"timeout": 10}))
