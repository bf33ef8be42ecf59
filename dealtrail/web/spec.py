"""The OpenAPI document's errors: every answer that is not a success is problem+json (RFC 9457).

flask-smorest documents its error responses as application/json, and only some of them. This
apispec plugin documents, on every operation, the errors it may answer (each with the Problem
schema under application/problem+json), and marks the public operations as needing no token.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from apispec import APISpec, BasePlugin

from dealtrail.web.access import PUBLIC
from dealtrail.web.api.schemas.common import ProblemSchema
from dealtrail.web.problems import PROBLEM_TYPE
from dealtrail.web.spec_headers import WRITES, problem_headers

__all__ = ["WRITES", "ProblemResponses"]

EVERY_OPERATION = (400, 503)  # a malformed header; the store unavailable
AUTHENTICATED = (401, 403, 429)  # 429: a client refused after failed authentications
BY_ID = (404,)  # operations on one resource: an unknown id
COMMANDS = (404, 409, 412, 413, 415, 422)  # lifecycle rules, stale If-Match, bad bodies
READS = (422,)  # Dealtrail-Min-Position beyond the log's head


def errors_of(method: str, path: str, public: bool) -> list[int]:
    """The error statuses an operation may answer, besides its own documented ones."""
    statuses = list(EVERY_OPERATION)
    if not public:
        statuses += AUTHENTICATED
    if "{" in path:
        statuses += BY_ID
    if method in WRITES:
        statuses += COMMANDS
    if method == "get":
        statuses += READS
    return sorted(set(statuses))


class ProblemResponses(BasePlugin):
    def init_spec(self, spec: APISpec) -> None:
        super().init_spec(spec)
        self.spec = spec
        self.registered: set[str] = set()

    def _problem(self, status: int | str) -> str:
        """The name of the response component for `status` (registered on first use)."""
        name = "PROBLEM_DEFAULT" if status == "default" else f"PROBLEM_{status}"
        if name not in self.registered:
            description = (
                "Any other error" if status == "default" else HTTPStatus(int(status)).phrase
            )
            self.spec.components.response(
                name,
                {
                    "description": description,
                    "content": {PROBLEM_TYPE: {"schema": ProblemSchema}},
                    "headers": problem_headers(str(status)),
                },
            )
            self.registered.add(name)
        return name

    def operation_helper(
        self, path: str | None = None, operations: dict | None = None, **kwargs: Any
    ) -> None:
        rule = kwargs.get("rule")
        public = rule is not None and rule.endpoint in PUBLIC
        for method, operation in (operations or {}).items():
            responses = operation.setdefault("responses", {})
            for status in errors_of(method, path or "", public):
                responses.setdefault(status, None)
            for status in list(responses):
                if status == "default" or int(status) >= 400:
                    responses[status] = self._problem(status)
            if public:
                operation["security"] = []
