"""Which event store the ledger uses: eventsourcing's own SQLite or PostgreSQL modules."""

from __future__ import annotations

from urllib.parse import urlencode

from dealtrail.infrastructure.postgres_recorder import CONNECT_OPTIONS
from dealtrail.infrastructure.settings import Settings

# How long a store call waits for a pooled PostgreSQL connection (twice, see postgres_recorder):
# while the server is down a request gets its 503 within seconds, well inside gunicorn's 30 s
# worker timeout.
POOL_WAIT_SECONDS = 1


def ledger_env(settings: Settings) -> dict[str, str]:
    """The eventsourcing environment for the ledger, from dealtrail's settings."""
    env = {"DEALTRAIL_SNAPSHOT_INTERVAL": str(settings.snapshot_interval)}
    if settings.cipher_key:
        env.update(
            CIPHER_TOPIC="eventsourcing.cryptography:AESCipher", CIPHER_KEY=settings.cipher_key
        )
    if settings.compress:
        env.update(COMPRESSOR_TOPIC="eventsourcing.compressor:ZlibCompressor")
    pg = settings.postgres
    if pg is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        env.update(
            PERSISTENCE_MODULE="dealtrail.infrastructure.sqlite_recorder:LedgerSQLiteFactory",
            SQLITE_DBNAME=str(settings.data_dir / "events.sqlite3"),
            SQLITE_LOCK_TIMEOUT="10",
            APPLICATION_RECORDER_TOPIC=(
                "dealtrail.infrastructure.sqlite_recorder:SQLiteLedgerRecorder"
            ),
        )
    else:
        env.update(
            PERSISTENCE_MODULE=("dealtrail.infrastructure.postgres_recorder:LedgerPostgresFactory"),
            POSTGRES_HOST=pg.host,
            POSTGRES_PORT=str(pg.port),
            POSTGRES_DBNAME=pg.dbname,
            POSTGRES_USER=pg.user,
            POSTGRES_PASSWORD=pg.password,
            POSTGRES_SCHEMA=settings.database_schema,
            POSTGRES_LOCK_TIMEOUT="10",
            # After a server restart or an outage: check a pooled connection before lending it
            # (a dead one is replaced), and do not wait long for one (see POOL_WAIT_SECONDS).
            POSTGRES_PRE_PING="y",
            POSTGRES_CONNECT_TIMEOUT=str(POOL_WAIT_SECONDS),
            APPLICATION_RECORDER_TOPIC=(
                "dealtrail.infrastructure.postgres_recorder:PostgresLedgerRecorder"
            ),
        )
        env[CONNECT_OPTIONS] = urlencode(pg.options)
    return env
