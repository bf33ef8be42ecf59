"""Failed authentication: one log line each (who tried, from where, never the secret), counted
per client address in the store so every worker refuses a client that keeps guessing (429)."""

from __future__ import annotations

import logging

from flask import g, request
from werkzeug.exceptions import TooManyRequests, Unauthorized

from dealtrail.web.services import services

auth_log = logging.getLogger("dealtrail.auth")


def client_address() -> str:
    """The caller's address: the peer's, or the one the trusted proxies report (ProxyFix)."""
    return request.remote_addr or "unknown"


def throttled(client: str, token_id: str | None) -> TooManyRequests | None:
    """The refusal for a client at its limit of failures, before its token is looked at."""
    wait = services().auth_failures.retry_after(client)
    if wait is None:
        return None
    _log("throttled", client, token_id)
    exc = TooManyRequests("Too many failed authentications from this client; retry later.")
    exc.data = {"headers": {"Retry-After": str(wait)}}  # type: ignore[attr-defined]
    return exc


def failed(reason: str, token_id: str | None, exc: Unauthorized) -> Unauthorized:
    """Logs and counts the failure (a missing token is not a guess: logged, not counted)."""
    client = client_address()
    if reason != "missing_token":
        services().auth_failures.record(client)
    _log(reason, client, token_id)
    return exc


def _log(reason: str, client: str, token_id: str | None) -> None:
    fields = {
        "correlation_id": g.get("correlation_id"),
        "reason": reason,
        "client": client,
        "token_id": token_id,
        "method": request.method,
        "path": request.path,
    }
    auth_log.warning("authentication failed", extra={"fields": fields})
