"""Structured logs: one JSON object per line, with the request's correlation id; never a token."""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime

from flask import Response, g, has_request_context, request

request_log = logging.getLogger("dealtrail.requests")
# json.dumps with these arguments, but its encoder built once, not once per line
_ENCODER = json.JSONEncoder(default=str, ensure_ascii=False)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context() and "correlation_id" in g:
            entry["correlation_id"] = g.correlation_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return _ENCODER.encode(entry)


def configure_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def start_timer() -> None:
    g.request_started = time.perf_counter()


def log_request(response: Response) -> Response:
    """One line per request: what was asked, by whom, the answer and how long it took."""
    if not request_log.isEnabledFor(logging.INFO):
        return response
    started = g.get("request_started")
    principal = g.get("principal")
    fields = {
        "correlation_id": g.get("correlation_id"),
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "actor": principal.actor if principal else None,
        "ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
    }
    # The record made directly, as `info` would, but without its search of the call stack
    # for the caller's file and line, which no line of ours shows (one per request).
    extra = {"fields": fields}
    record = request_log.makeRecord(
        request_log.name, logging.INFO, __file__, 0, "request", (), None, extra=extra
    )
    request_log.handle(record)
    return response
