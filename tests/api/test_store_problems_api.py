"""What a caller is told when a store fails under a request: the app's error handlers, given the
exceptions the stores raise (a real outage is in tests/e2e and tests/integration)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from eventsourcing import persistence as es
from flask import Flask
from sqlalchemy import exc as sa

from dealtrail.bootstrap import bootstrap
from dealtrail.infrastructure.settings import Settings
from dealtrail.web.app import create_app

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One app for the module: the handlers do not depend on the store."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"))
    services = bootstrap(settings)
    yield create_app({"DEALTRAIL_SETTINGS": settings, "TESTING": True}, services)
    services.close()


def answer(app: Flask, error: Exception) -> tuple[int, str, dict[str, str], dict]:
    with app.test_request_context("/api/v1/parties", method="POST"):
        response = app.make_response(app.handle_user_exception(error))
    return response.status_code, response.mimetype, dict(response.headers), response.get_json()


def _sqlalchemy(cls: type[sa.DBAPIError], message: str) -> sa.DBAPIError:
    return cls("SELECT 1", {}, Exception(message))


UNAVAILABLE = {
    "event store: server gone": es.OperationalError("server closed the connection unexpectedly"),
    "event store: no pooled connection": es.OperationalError("couldn't get a connection"),
    "event store: interface": es.InterfaceError("connection already closed"),
    "event store: driver error": es.PersistenceError("connection lost"),
    "event store: database is locked": es.OperationalError("database is locked"),
    "event store: read-only": es.OperationalError("attempt to write a readonly database"),
    "views: operational": _sqlalchemy(sa.OperationalError, "database or disk is full"),
    "views: interface": _sqlalchemy(sa.InterfaceError, "connection closed"),
    "views: pool timeout": sa.TimeoutError("QueuePool limit reached"),
}


@pytest.mark.parametrize("error", UNAVAILABLE.values(), ids=UNAVAILABLE.keys())
def test_a_store_that_is_unavailable_is_a_503_problem_with_retry_after(
    app: Flask, error: Exception
) -> None:
    status, mimetype, headers, body = answer(app, error)
    assert (status, mimetype) == (503, PROBLEM)
    assert body["code"] == "store_unavailable"
    assert body["status"] == 503
    assert int(headers["Retry-After"]) > 0
    assert str(error) not in body["detail"]  # the store's own words stay in the log


def test_a_write_that_lost_a_race_in_the_store_is_still_a_409_conflict(app: Flask) -> None:
    status, mimetype, _, body = answer(app, es.IntegrityError("duplicate key value"))
    assert (status, mimetype, body["code"]) == (409, PROBLEM, "concurrent_update")


BUGS = {
    "event store: programming": es.ProgrammingError("relation does not exist"),
    "event store: data": es.DataError("value too long"),
    "views: integrity": _sqlalchemy(sa.IntegrityError, "UNIQUE constraint failed"),
    "views: programming": _sqlalchemy(sa.ProgrammingError, "no such column"),
}


@pytest.mark.parametrize("error", BUGS.values(), ids=BUGS.keys())
def test_a_store_error_that_is_a_bug_stays_a_500(app: Flask, error: Exception) -> None:
    status, mimetype, headers, body = answer(app, error)
    assert (status, mimetype, body["code"]) == (500, PROBLEM, "internal_error")
    assert "Retry-After" not in headers


def test_a_dropped_views_connection_is_unavailable_whatever_its_class(app: Flask) -> None:
    error = sa.DBAPIError("SELECT 1", {}, Exception("terminating connection"))
    error.connection_invalidated = True
    status, _, _, body = answer(app, error)
    assert (status, body["code"]) == (503, "store_unavailable")


def test_a_store_error_wrapped_by_the_event_mapper_is_still_unavailable(app: Flask) -> None:
    # a personal field's key read while decoding an event, when the server had no free connection
    full = _sqlalchemy(sa.OperationalError, "FATAL:  sorry, too many clients already")
    try:
        raise es.MapperDeserialisationError("Failed to deserialise state") from full
    except es.MapperDeserialisationError as wrapped:
        status, _, headers, body = answer(app, wrapped)
    assert (status, body["code"]) == (503, "store_unavailable")
    assert int(headers["Retry-After"]) > 0


def test_a_bug_wrapped_by_the_event_mapper_stays_a_500(app: Flask) -> None:
    try:
        raise es.MapperDeserialisationError("Failed to deserialise state") from KeyError("id")
    except es.MapperDeserialisationError as wrapped:
        status, _, _, body = answer(app, wrapped)
    assert (status, body["code"]) == (500, "internal_error")
