"""Turning an HTTP request into a command's metadata and options, and its result into headers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from uuid import uuid4

from flask import Response, abort, g, request

from dealtrail.application.command import Command, CommandResult, Options
from dealtrail.domain.audit.receipt import Receipt
from dealtrail.domain.calendar import check_on_record
from dealtrail.domain.metadata import recording
from dealtrail.domain.numbers import whole_number
from dealtrail.web.access import current_principal
from dealtrail.web.services import services

MAX_HEADER_VALUE = 200
# An identifier header's value (X-Correlation-ID, Idempotency-Key, X-Causation-ID): visible
# ASCII, spaces inside only (HTTP drops those at the edges), as the OpenAPI document states.
IDENTIFIER = re.compile(r"^[!-~](?:[ -~]*[!-~])?$")


def _if_match() -> int | None:
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    version = whole_number(header.strip().removeprefix("W/").strip('"'))
    if version is None or version < 0:
        abort(412, description=f"If-Match {header!r} is not an ETag this API issued.")
    return version


def _header(name: str) -> str | None:
    """An optional identifier header: absent, or 1 to MAX_HEADER_VALUE visible ASCII
    characters (spaces inside)."""
    value = request.headers.get(name)
    if value is None:
        return None
    value = value.strip()
    if len(value) > MAX_HEADER_VALUE or not IDENTIFIER.match(value):
        abort(
            400,
            description=f"{name} must be 1 to {MAX_HEADER_VALUE} visible ASCII characters "
            "(spaces inside).",
        )
    return value


def correlation_id() -> str:
    """The request's correlation id: the caller's X-Correlation-ID, or a new one."""
    if "correlation_id" not in g:
        g.correlation_id = _header("X-Correlation-ID") or str(uuid4())
    return g.correlation_id


def assign_correlation_id() -> None:
    """Every request gets its correlation id up front, for the logs and the response."""
    correlation_id()


def echo_correlation_id(response: Response) -> Response:
    """Returns the correlation id to the caller, so a request can be found in the history."""
    if "correlation_id" in g:
        response.headers["X-Correlation-ID"] = g.correlation_id
    return response


@contextmanager
def command(body: dict[str, Any]) -> Iterator[Options]:
    """Opens the metadata context for one command; pops `comment`, `effective_at` and
    `corrects` from the body."""
    effective_at = body.pop("effective_at", None)
    if effective_at is not None:
        check_on_record(effective_at.date(), "effective_at")
    with recording(
        current_principal().actor,
        correlation_id=correlation_id(),
        causation_id=_header("X-Causation-ID"),
        effective_at=effective_at,
        comment=body.pop("comment", None),
        corrects=body.pop("corrects", None),
    ):
        key = _header("Idempotency-Key")  # a malformed header (400) before a precondition (412)
        yield Options(expected_version=_if_match(), idempotency_key=key)


def submit(command_class: type[Command], body: dict[str, Any], **path: Any) -> CommandResult:
    """Records one command built from its body (as its schema parsed it) and its record's id
    from the path."""
    ledger = services().ledger
    with command(body) as options:
        return ledger.with_record(ledger.handle(command_class(**path, **body), options))


def run(value: Command) -> CommandResult:
    """Records a command that has no body (the route built it from the path)."""
    ledger = services().ledger
    with command({}) as options:
        return ledger.with_record(ledger.handle(value, options))


def etag(version: int) -> dict[str, str]:
    return {"ETag": f'"{version}"'}


def receipt_headers(result: CommandResult) -> dict[str, str]:
    """The audit receipt: the log position and Merkle leaf of the last event the command
    recorded (or, replayed, had recorded), and the audit key's signature over them and the
    event's recorded time (Ed25519 is deterministic: a replay answers the same receipt)."""
    receipt = Receipt(result.leaf_hash, result.position, result.recorded_at)
    headers = {
        "Dealtrail-Log-Position": str(result.position),
        "Dealtrail-Leaf-Hash": result.leaf_hash,
        "Dealtrail-Receipt": services().receipts.sign(receipt).encode(),
    }
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    return headers


def result_headers(result: CommandResult) -> dict[str, str]:
    """A command on one record: its new version (ETag) and the receipt."""
    return {**etag(result.version), **receipt_headers(result)}
