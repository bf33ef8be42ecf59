"""The OpenAPI document's HTTP headers: the request headers the API reads and the response
headers it sends, declared once for every operation that reads or sends them (as
`web/commands.py`, `web/consistency.py` and `web/problems.py` do), so that /api/docs users can
send them and clients can rely on them.

Declared here, not per route: every write is a command (`web/commands.py` reads its headers),
every GET may ask for read-your-writes, every answer carries its correlation id.
"""

from __future__ import annotations

from typing import Any

from apispec import APISpec, BasePlugin

from dealtrail.web.commands import IDENTIFIER, MAX_HEADER_VALUE
from dealtrail.web.consistency import HEADER as MIN_POSITION
from dealtrail.web.i18n.languages import LANGUAGES

WRITES = ("post", "put", "patch", "delete")

_IDENTIFIER = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_HEADER_VALUE,
    "pattern": IDENTIFIER.pattern,
}
ETAG_PATTERN = '^"[0-9]+"$'

REQUEST: dict[str, dict[str, Any]] = {
    "X-Correlation-ID": {
        "description": "Your id for this request, recorded with every event it records and "
        "echoed back; a new one is made if absent. Visible ASCII, no edge spaces",
        "schema": _IDENTIFIER,
    },
    "Idempotency-Key": {
        "description": "Retry safely: a command sent again with the same key (by the same "
        "token) is answered as the first was, recording nothing new",
        "schema": _IDENTIFIER,
    },
    "X-Causation-ID": {
        "description": "The id of what caused this command, recorded with its events",
        "schema": _IDENTIFIER,
    },
    "If-Match": {
        "description": "Record the command only if the record is still at this version: its "
        'ETag, e.g. "3" (`W/"3"` is read as "3", `*` as no condition). Any other value, or '
        "another version, fails the precondition: 412",
        # No pattern: like a stale version, a value of another form fails the precondition (412),
        # which a schema cannot tell from a valid request (the current version is the store's).
        "schema": {"type": "string"},
    },
    "Accept-Language": {
        "description": "CSV only: the languages your reader prefers (RFC 9110). Sent, the header "
        "row names the columns in words (Simplified Chinese for zh, zh-CN, zh-Hans; English "
        "otherwise); absent, by their codes",
        "schema": {"type": "string"},
    },
    MIN_POSITION: {
        "description": "Read-your-writes: a log position (a command's Dealtrail-Log-Position) "
        "the answer must reflect",
        "schema": {"type": "string", "pattern": "^[0-9]{1,30}$"},
    },
}
RESPONSE: dict[str, dict[str, Any]] = {
    "X-Correlation-ID": {
        "description": "The request's correlation id (yours, or the one made for it)",
        "schema": {"type": "string"},
    },
    "ETag": {
        "description": 'The record\'s version, e.g. "3": send it as If-Match',
        "schema": {"type": "string", "pattern": ETAG_PATTERN},
    },
    "Location": {"description": "The new record", "schema": {"type": "string"}},
    "Content-Language": {
        "description": "CSV with Accept-Language: the language of its header row",
        "schema": {"type": "string", "enum": list(LANGUAGES)},
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again",
        "schema": {"type": "string", "pattern": "^[0-9]+$"},
    },
}
READ_BY_WRITES = ("X-Correlation-ID", "Idempotency-Key", "X-Causation-ID", "If-Match")
RETRY_LATER = ("429", "503")


class HeaderDeclarations(BasePlugin):
    def init_spec(self, spec: APISpec) -> None:
        super().init_spec(spec)
        self.spec = spec
        for name, header in REQUEST.items():
            spec.components.parameter(name, "header", {**header, "required": False})
        for name, header in RESPONSE.items():
            spec.components.header(name, header)

    def operation_helper(
        self, path: str | None = None, operations: dict | None = None, **kwargs: Any
    ) -> None:
        for method, operation in (operations or {}).items():
            read = READ_BY_WRITES if method in WRITES else ("X-Correlation-ID", MIN_POSITION)
            if _answers_csv(operation):
                read = (*read, "Accept-Language")
            operation.setdefault("parameters", []).extend(read)  # references to the components
            for status, response in operation.get("responses", {}).items():
                if isinstance(response, dict) and str(status).startswith("2"):
                    self._success_headers(method, path or "", str(status), response)

    def _success_headers(self, method: str, path: str, status: str, response: dict) -> None:
        sent = ["X-Correlation-ID"]
        if method in WRITES or path.endswith("_id}"):
            sent.append("ETag")
        if status == "201":
            sent.append("Location")
        if "text/csv" in response.get("content", {}):
            sent.append("Content-Language")
        headers = response.setdefault("headers", {})
        for name in sent:
            headers.setdefault(name, name)  # a reference to the component


def _answers_csv(operation: dict[str, Any]) -> bool:
    return any(
        str(status) == "200"
        and isinstance(answer, dict)
        and "text/csv" in answer.get("content", {})
        for status, answer in operation.get("responses", {}).items()
    )


def problem_headers(status: str) -> dict[str, dict[str, Any]]:
    """The headers of an error answer: its correlation id, and when to retry."""
    sent = ["X-Correlation-ID", *(["Retry-After"] if status in RETRY_LATER else [])]
    return {name: RESPONSE[name] for name in sent}
