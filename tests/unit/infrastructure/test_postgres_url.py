"""DEALTRAIL_DATABASE_URL: what it accepts, its defaults, and what it refuses in one line."""

from __future__ import annotations

import pytest

from dealtrail.infrastructure.postgres_url import DatabaseURLError, PostgresURL


def test_reads_every_part_of_a_full_url() -> None:
    pg = PostgresURL.parse("postgresql://alice:secret@db.example:6543/deals")

    assert pg == PostgresURL("db.example", 6543, "deals", "alice", "secret")


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_accepts_each_postgres_scheme(scheme: str) -> None:
    assert PostgresURL.parse(f"{scheme}://u@h/d") == PostgresURL("h", 5432, "d", "u", "")


def test_fills_in_host_port_database_and_user_left_out() -> None:
    assert PostgresURL.parse("postgresql://") == PostgresURL(
        "127.0.0.1", 5432, "postgres", "postgres", ""
    )


def test_a_missing_port_is_5432() -> None:
    assert PostgresURL.parse("postgres://u:p@h/d").port == 5432


def test_decodes_an_encoded_at_sign_and_percent_in_the_password() -> None:
    pg = PostgresURL.parse("postgresql://alice:p%40ss%25word@h/d")

    assert (pg.user, pg.password, pg.host) == ("alice", "p@ss%word", "h")
    assert pg.connect_kwargs()["password"] == "p@ss%word"
    assert pg.sqlalchemy_url().password == "p@ss%word"


def test_refuses_an_unencoded_at_sign_rather_than_dial_the_wrong_host() -> None:
    with pytest.raises(DatabaseURLError, match="%40"):
        PostgresURL.parse("postgresql://alice:p@ss@h/d")


@pytest.mark.parametrize(
    "url", ["mysql://u@h/d", "sqlite:///events.sqlite3", "postgresql+asyncpg://u@h/d"]
)
def test_refuses_a_url_of_another_database_in_one_line_without_its_password(url: str) -> None:
    with pytest.raises(DatabaseURLError) as refused:
        PostgresURL.parse(url.replace("u@", "u:hunter2@"))

    message = str(refused.value)
    assert message.startswith("DEALTRAIL_DATABASE_URL must be a postgresql:// URL")
    assert "\n" not in message and "hunter2" not in message


@pytest.mark.parametrize("url", ["not a url", "postgresql://h:port/d", "postgresql:///d?port=x"])
def test_refuses_what_is_not_a_url_or_has_no_numeric_port(url: str) -> None:
    with pytest.raises(DatabaseURLError, match=r"^DEALTRAIL_DATABASE_URL"):
        PostgresURL.parse(url)


def test_passes_query_options_to_psycopg_and_sqlalchemy() -> None:
    pg = PostgresURL.parse("postgresql://u@h/d?sslmode=require&application_name=dealtrail")

    assert pg.options == (("sslmode", "require"), ("application_name", "dealtrail"))
    assert pg.connect_kwargs() == {
        "host": "h",
        "port": 5432,
        "dbname": "d",
        "user": "u",
        "password": "",
        "sslmode": "require",
        "application_name": "dealtrail",
    }
    assert pg.sqlalchemy_url().query == {"sslmode": "require", "application_name": "dealtrail"}


def test_a_host_in_the_query_is_a_unix_socket_directory() -> None:
    pg = PostgresURL.parse("postgresql:///deals?host=/var/run/postgresql")

    assert (pg.host, pg.port, pg.dbname, pg.options) == ("/var/run/postgresql", 5432, "deals", ())
    assert pg.sqlalchemy_url().host == "/var/run/postgresql"


def test_connection_parts_in_the_query_win_as_in_libpq() -> None:
    pg = PostgresURL.parse("postgresql://u@h:1/d?port=6543&user=bob&dbname=deals&password=pw")

    assert pg == PostgresURL("h", 6543, "deals", "bob", "pw")


def test_refuses_an_option_given_twice() -> None:
    with pytest.raises(DatabaseURLError, match="sslmode more than once"):
        PostgresURL.parse("postgresql://h/d?sslmode=require&sslmode=disable")
