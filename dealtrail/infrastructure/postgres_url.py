"""DEALTRAIL_DATABASE_URL, parsed once, in the forms each PostgreSQL client takes: psycopg's
keyword arguments (schema lock, eventsourcing's pool) and SQLAlchemy's URL (dealtrail's tables).

The URL's query carries libpq connection parameters (`sslmode`, `application_name`,
`connect_timeout`, ...); `host`, `port`, `dbname`, `user` and `password` given there win over the
URL's own parts, as in libpq, so `postgresql:///db?host=/var/run/postgresql` is a Unix socket.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class DatabaseURLError(ValueError):
    """DEALTRAIL_DATABASE_URL is not a PostgreSQL URL dealtrail can connect with."""


@dataclass(frozen=True)
class PostgresURL:
    host: str
    port: int
    dbname: str
    user: str
    password: str
    options: tuple[tuple[str, str], ...] = ()  # the other libpq parameters, from the query

    @classmethod
    def parse(cls, url: str) -> PostgresURL:
        try:
            parsed = make_url(url)
        except (ArgumentError, ValueError):
            raise DatabaseURLError("DEALTRAIL_DATABASE_URL is not a URL") from None
        if parsed.drivername not in SCHEMES:
            raise DatabaseURLError(
                f"DEALTRAIL_DATABASE_URL must be a postgresql:// URL, not {parsed.drivername}://"
            )
        query = {}
        for key, value in parsed.query.items():
            if not isinstance(value, str):
                raise DatabaseURLError(f"DEALTRAIL_DATABASE_URL gives {key} more than once")
            query[key] = value
        if "@" in (parsed.host or ""):
            raise DatabaseURLError(
                "DEALTRAIL_DATABASE_URL has an @ after the user: write one in a password as %40"
            )
        port = str(query.pop("port", None) or parsed.port or 5432)
        if not port.isdigit():
            raise DatabaseURLError("DEALTRAIL_DATABASE_URL's port is not a number")
        return cls(
            host=query.pop("host", None) or parsed.host or "127.0.0.1",
            port=int(port),
            dbname=query.pop("dbname", None) or parsed.database or "postgres",
            user=query.pop("user", None) or parsed.username or "postgres",
            password=query.pop("password", None) or parsed.password or "",
            options=tuple(query.items()),
        )

    def connect_kwargs(self) -> dict[str, Any]:
        """For psycopg.connect(**...) and eventsourcing's connection pool."""
        return {
            "host": self.host,
            "port": self.port,
            "dbname": self.dbname,
            "user": self.user,
            "password": self.password,
            **dict(self.options),
        }

    def sqlalchemy_url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=self.password or None,
            host=self.host,
            port=self.port,
            database=self.dbname,
            query=dict(self.options),
        )
