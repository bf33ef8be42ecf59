"""Turning an HTTP request into a command's metadata and options, and its result into headers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import abort, request

from dealtrail.application.ledger import CommandResult, Options
from dealtrail.domain.metadata import recording
from dealtrail.web.access import current_principal

MAX_KEY_LENGTH = 200


def _if_match() -> int | None:
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    tag = header.strip().removeprefix("W/").strip('"')
    if not tag.isdigit():
        abort(412, description=f"If-Match {header!r} is not an ETag this API issued.")
    return int(tag)


def _idempotency_key() -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is not None and not 0 < len(key.strip()) <= MAX_KEY_LENGTH:
        abort(400, description=f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters.")
    return key.strip() if key else None


@contextmanager
def command(body: dict[str, Any]) -> Iterator[Options]:
    """Opens the metadata context for one command; pops `comment` and `effective_at` from body."""
    with recording(
        current_principal().actor,
        correlation_id=request.headers.get("X-Correlation-ID") or None,
        causation_id=request.headers.get("X-Causation-ID") or None,
        effective_at=body.pop("effective_at", None),
        comment=body.pop("comment", None),
    ):
        yield Options(expected_version=_if_match(), idempotency_key=_idempotency_key())


def etag(version: int) -> dict[str, str]:
    return {"ETag": f'"{version}"'}


def result_headers(result: CommandResult) -> dict[str, str]:
    headers = {**etag(result.version), "Dealtrail-Log-Position": str(result.position)}
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    return headers
