"""Every error as RFC 9457 problem+json, with a stable `code` and, for bad input, a field list."""

from __future__ import annotations

from typing import Any

from eventsourcing import persistence as es
from flask import Response, current_app, json, request
from sqlalchemy import exc as sa
from werkzeug.exceptions import HTTPException

from dealtrail.application.errors import (
    AggregateNotFound,
    ApplicationError,
    ConcurrentUpdate,
    IdempotencyKeyReused,
    VersionMismatch,
)
from dealtrail.domain.audit.subtrees import MissingSubtree
from dealtrail.domain.audit.tree_head import TreeForked
from dealtrail.domain.errors import Conflict, DomainError, Missing, Taken
from dealtrail.web.api.schemas.refusals import CodedMessage

PROBLEM_TYPE = "application/problem+json"

HTTP_CODES = {
    400: "malformed_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    428: "precondition_required",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


def _common_code(errors: list[dict[str, str]]) -> str | None:
    """The code every field error carries, if they all carry the same one."""
    codes = {e.get("code") for e in errors}
    return codes.pop() if len(codes) == 1 else None


def problem(
    status: int,
    code: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> Response:
    """A problem+json response; `extensions` are further members (RFC 9457 section 3.2)."""
    body: dict[str, Any] = {
        "type": f"urn:dealtrail:problem:{code}",
        "title": code.replace("_", " ").replace(".", ": "),
        "status": status,
        "detail": detail,
        "code": code,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    body.update(extensions or {})
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _flatten(messages: Any, path: str = "") -> list[dict[str, str]]:
    """webargs/marshmallow's nested messages as a flat list of {field, message}."""
    if isinstance(messages, dict):
        return [
            item
            for key, value in messages.items()
            for item in _flatten(value, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return [_field_error(path, m) for m in messages]
    if isinstance(messages, list):
        return [item for m in messages for item in _flatten(m, path)]
    return [{"field": path, "message": str(messages)}]


def _field_error(path: str, message: str) -> dict[str, str]:
    """One field's error; a domain rule's refusal names the rule's stable code too."""
    error = {"field": path, "message": str(message)}
    if isinstance(message, CodedMessage):
        error["code"] = message.code
    return error


def http_problem(error: HTTPException) -> Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    errors = None
    if "messages" in data:
        # webargs keys errors by location (json, query, headers): drop that level.
        errors = [
            {**item, "location": location}
            for location, messages in data["messages"].items()
            for item in _flatten(messages)
        ]
    detail = data.get("message") or error.description or error.name
    code = data.get("code") or HTTP_CODES.get(status, "http_error")
    if status == 422 and errors:
        detail = "The request has invalid fields: " + ", ".join(e["field"] for e in errors) + "."
        code = _common_code(errors) or code
    if status == 400 and errors:
        detail = "; ".join(e["message"] for e in errors)
        errors = None
    headers = dict(data.get("headers") or {})
    if status == 405 and error.get_headers():
        headers.update({k: v for k, v in error.get_headers() if k == "Allow"})
    return problem(status, code, detail, errors, headers)


def domain_problem(error: DomainError) -> Response:
    errors = (
        [{"field": error.field, "message": error.message, "code": error.code}]
        if error.field
        else None
    )
    status = 404 if isinstance(error, Missing) else 409 if isinstance(error, Conflict) else 422
    extensions = {"existing_id": error.existing_id} if isinstance(error, Taken) else None
    return problem(status, error.code, error.message, errors, extensions=extensions)


APPLICATION_STATUS: dict[type[ApplicationError], int] = {
    AggregateNotFound: 404,
    VersionMismatch: 412,
    ConcurrentUpdate: 409,
    IdempotencyKeyReused: 422,
}


def application_problem(error: ApplicationError) -> Response:
    return problem(APPLICATION_STATUS.get(type(error), 409), error.code, str(error))


# Failures of a store that say nothing about the request: the server restarting or unreachable, a
# lock not granted in time, a full or read-only disk. The caller may retry the same request.
TRANSIENT_STORE_ERRORS: tuple[type[Exception], ...] = (
    es.OperationalError,
    es.InterfaceError,
    sa.OperationalError,
    sa.InterfaceError,
    sa.TimeoutError,
    sa.DisconnectionError,
)
STORE_ERRORS: tuple[type[Exception], ...] = (es.PersistenceError, sa.SQLAlchemyError)
RETRY_AFTER_SECONDS = 2


def _transient(error: Exception) -> bool:
    return (
        isinstance(error, TRANSIENT_STORE_ERRORS)
        or type(error) is es.PersistenceError  # a driver error outside the DB-API classes
        or (isinstance(error, sa.DBAPIError) and error.connection_invalidated)
    )


def _store_cause(error: BaseException) -> Exception | None:
    """The store's error behind one another library raised for it: e.g. eventsourcing's
    MapperDeserialisationError around a subject key that could not be read (server full)."""
    cause = error.__cause__
    while cause is not None:
        if isinstance(cause, STORE_ERRORS):
            return cause
        cause = cause.__cause__
    return None


def store_problem(error: Exception) -> Response:
    """A store's exception that escaped a request: 503 when the store is unavailable (retry
    later), 409 for a write that lost a race, 500 for anything else (a bug)."""
    if isinstance(error, es.IntegrityError):
        conflict = ConcurrentUpdate()
        return problem(409, conflict.code, str(conflict))
    if not _transient(error):
        return unexpected_problem(error)
    current_app.logger.warning(
        "store unavailable", extra={"fields": {"error": f"{type(error).__name__}: {error}"}}
    )
    detail = "The data store is temporarily unavailable; retry shortly."
    if request.method not in ("GET", "HEAD"):
        detail += (
            " A command answered so may or may not have been recorded: retry it with the same "
            "Idempotency-Key."
        )
    return problem(
        503, "store_unavailable", detail, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


def fork_problem(error: TreeForked) -> Response:
    """The audit tree does not extend the last signed head: no head is signed, and nothing is
    served as proof, until an operator has looked (`dealtrail audit verify`)."""
    return problem(503, "audit.tree_forked", str(error), headers={"Retry-After": "60"})


def missing_subtree_problem(error: MissingSubtree) -> Response:
    """A leaf or stored subtree row a proof needs has gone: nothing is served as proof until an
    operator has looked (`dealtrail audit verify`)."""
    return problem(503, "audit.tree_incomplete", str(error), headers={"Retry-After": "60"})


def unexpected_problem(error: Exception) -> Response:
    wrapped = _store_cause(error)
    if wrapped is not None:
        return store_problem(wrapped)
    current_app.logger.exception("unhandled error", exc_info=error)
    return problem(500, "internal_error", "An unexpected error occurred; it has been logged.")
