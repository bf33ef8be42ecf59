"""A DEALTRAIL_DATABASE_URL with libpq query options reaches every connection dealtrail opens:
the event store's pool (eventsourcing) and the engine of dealtrail's own tables (SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from dealtrail.application.ports.tokens import Role
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.infrastructure.database import create_database_engine
from dealtrail.infrastructure.postgres_url import PostgresURL
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app
from tests.api.conftest import Api

pytestmark = pytest.mark.postgres
NAME = "dealtrail-url-test"
ADDRESS = "SELECT inet_client_addr()"  # null on a Unix socket


def _with_query(postgres_url: str, via: str, query: str) -> str:
    if via == "tcp":
        return f"{postgres_url}?{query}"
    pg = PostgresURL.parse(postgres_url)
    socket_dir = Path("/var/run/postgresql")
    if not (socket_dir / f".s.PGSQL.{pg.port}").exists():
        pytest.skip(f"no PostgreSQL Unix socket in {socket_dir}")
    return f"postgresql://{pg.user}@/{pg.dbname}?host={socket_dir}&{query}"


@pytest.fixture(params=["tcp", "unix socket"])
def services(
    request: pytest.FixtureRequest, postgres_url: str, postgres_schema: str, tmp_path: Path
) -> Iterator[tuple[Services, str]]:
    query = f"application_name={NAME}&connect_timeout=5&options=-cwork_mem%3D5MB"
    url = _with_query(postgres_url, request.param, query)
    built = bootstrap(Settings(tmp_path, database_url=url, database_schema=postgres_schema))
    yield built, request.param
    built.close()


def test_the_app_records_and_reads_through_a_url_with_query_options(
    services: tuple[Services, str],
) -> None:
    built, via = services
    app = create_app({"DEALTRAIL_SETTINGS": built.settings, "TESTING": True}, built)
    _, secret = built.tokens.create("staff-tester", Role.STAFF, created_by="pytest")
    staff = Api(app.test_client(), secret)

    created = staff.post(
        "/api/v1/parties", json={"name": "Tashkent TU", "kind": "university", "country": "UZ"}
    )
    assert created.status_code == 201, created.json
    read = staff.get(f"/api/v1/parties/{created.json['id']}")
    assert read.status_code == 200 and read.json["name"] == "Tashkent TU"

    with built.ledger.recorder.datastore.get_connection() as conn:  # type: ignore[attr-defined]
        assert conn.execute("SHOW application_name").fetchone()["application_name"] == NAME
        assert (conn.execute(ADDRESS).fetchone()["inet_client_addr"] is None) == (via != "tcp")
        assert conn.execute("SHOW work_mem").fetchone()["work_mem"] == "5MB"
    with built.tokens.engine.connect() as conn:
        assert conn.execute(text("SHOW application_name")).scalar() == NAME
        assert (conn.execute(text(ADDRESS)).scalar() is None) == (via != "tcp")
        assert conn.execute(text("SHOW work_mem")).scalar() == "5MB"
        assert conn.execute(text("SHOW search_path")).scalar() == built.settings.database_schema


def test_the_urls_connect_timeout_replaces_the_engines_default(
    postgres_url: str, tmp_path: Path
) -> None:
    url = f"{postgres_url}?connect_timeout=7"
    engine = create_database_engine(Settings(tmp_path, database_url=url))
    dialled: dict[str, object] = {}
    event.listen(engine, "do_connect", lambda _d, _r, _a, params: dialled.update(params))
    with engine.connect():
        pass
    engine.dispose()

    assert dialled["connect_timeout"] == "7"
