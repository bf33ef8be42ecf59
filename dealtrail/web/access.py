"""Who may call what: the role matrix, in one place, enforced before every request.

Every endpoint must appear here (or in PUBLIC); an endpoint without a rule is refused to all.
"""

from __future__ import annotations

from flask import g, request
from werkzeug.exceptions import Forbidden, Unauthorized

from dealtrail.infrastructure.tokens import Principal, Role
from dealtrail.web.services import services

PUBLIC = frozenset(
    {
        "health.Health",
        "api-docs.openapi_json",
        "api-docs.openapi_swagger_ui",
        "docs_assets.asset",
        "static",
    }
)

WRITE = frozenset({Role.STAFF})
READ = frozenset({Role.STAFF, Role.AUDITOR, Role.ADMIN})
LIST = READ | {Role.DASHBOARD}
AUDIT = frozenset({Role.AUDITOR, Role.ADMIN})

MATRIX: dict[str, dict[str, frozenset[Role]]] = {
    "parties.Parties": {"GET": LIST, "POST": WRITE},
    "parties.PartyById": {"GET": READ},
    "parties.PartyName": {"PUT": WRITE},
    "parties.PartyAlliances": {"POST": WRITE},
    "parties.PartyAlliance": {"DELETE": WRITE},
    "parties.PartyHistory": {"GET": READ},
    "agreements.Agreements": {"GET": LIST, "POST": WRITE},
    "agreements.AgreementById": {"GET": READ},
    "agreements.AgreementDraft": {"PUT": WRITE},
    "agreements.AgreementHistory": {"GET": READ},
    "agreements.AgreementOpening": {"POST": WRITE},
    "agreements.AgreementCompletion": {"POST": WRITE},
    "agreements.AgreementTermination": {"POST": WRITE},
    "agreements.AgreementExpiry": {"POST": WRITE},
    "agreements.Signatures": {"POST": WRITE},
    "agreements.Amendments": {"POST": WRITE},
    "agreements.AmendmentSignatures": {"POST": WRITE},
    "agreements.Milestones": {"GET": READ, "POST": WRITE},
    "agreements.MilestoneReschedule": {"POST": WRITE},
    "agreements.MilestoneAchievement": {"POST": WRITE},
    "agreements.MilestoneWaiver": {"POST": WRITE},
    "audit.TreeHead": {"GET": READ},
    "events.Events": {"GET": AUDIT},
    "audit.InclusionProof": {"GET": READ},
    "audit.ConsistencyProof": {"GET": READ},
}


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _challenge(error: str | None = None) -> dict[str, str]:
    value = 'Bearer realm="dealtrail"'
    if error:
        value += f', error="{error}"'
    return {"WWW-Authenticate": value}


def authorise() -> None:
    """Runs before every request: authenticates the bearer token and checks its role."""
    endpoint = request.endpoint
    if endpoint is None or endpoint in PUBLIC or request.method == "OPTIONS":
        return
    token = _bearer_token()
    if token is None:
        raise _unauthorized("A bearer token is required.", None)
    principal = services().tokens.authenticate(token)
    if principal is None:
        raise _unauthorized("The token is invalid or revoked.", "invalid_token")
    method = "GET" if request.method == "HEAD" else request.method
    allowed = MATRIX.get(endpoint, {}).get(method, frozenset())
    if principal.role not in allowed:
        raise Forbidden(f"Role {principal.role} may not {request.method} this resource.")
    g.principal = principal


def _unauthorized(message: str, error: str | None) -> Unauthorized:
    exc = Unauthorized(message)
    exc.data = {"headers": _challenge(error)}  # type: ignore[attr-defined]
    return exc


def current_principal() -> Principal:
    return g.principal
