"""Who may call what: the role matrix, in one place, enforced before every request.

Every endpoint must appear here (or in PUBLIC); an endpoint without a rule is refused to all.
"""

from __future__ import annotations

from flask import g, request
from werkzeug.exceptions import Forbidden, Unauthorized

from dealtrail.application.ports.tokens import Principal, Role
from dealtrail.web.failed_authentication import client_address, failed, throttled
from dealtrail.web.services import services

PUBLIC = frozenset(
    {
        "health.Health",
        "health.Readiness",
        "api-docs.openapi_json",
        "api-docs.openapi_swagger_ui",
        "docs_assets.asset",
        "static",
        "dashboard.page",
        "dashboard.static",
    }
)

# The WSGI environ key through which `dealtrail call` runs a request in-process as a principal.
# Only code in this process can set environ keys; no HTTP header maps to it.
IN_PROCESS_PRINCIPAL = "dealtrail.in_process_principal"

WRITE = frozenset({Role.STAFF})
READ = frozenset({Role.STAFF, Role.AUDITOR, Role.ADMIN})
LIST = READ | {Role.DASHBOARD}
AUDIT = frozenset({Role.AUDITOR, Role.ADMIN})
ADMIN = frozenset({Role.ADMIN})

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
    "audit.TreeHeads": {"GET": READ},
    "events.Events": {"GET": AUDIT},
    "privacy.Erasures": {"POST": ADMIN},
    "tokens.Tokens": {"GET": ADMIN, "POST": ADMIN},
    "tokens.TokenById": {"DELETE": ADMIN},
    "audit.InclusionProof": {"GET": READ},
    "audit.ConsistencyProof": {"GET": READ},
    "listings.Listings": {"GET": LIST, "POST": WRITE},
    "listings.ListingById": {"GET": READ},
    "listings.ListingHistory": {"GET": READ},
    "listings.ListingReview": {"POST": WRITE},
    "listings.AmendmentRequests": {"POST": WRITE},
    "listings.AmendmentResponse": {"POST": WRITE},
    "listings.ListingApproval": {"POST": WRITE},
    "listings.ListingRejection": {"POST": WRITE},
    "listings.ListingAdmission": {"POST": WRITE},
    "listings.ListingSuspension": {"POST": WRITE},
    "listings.ListingResumption": {"POST": WRITE},
    "listings.ListingDelisting": {"POST": WRITE},
    "listings.ShareholderRegister": {"POST": WRITE},
    "listings.FinancingRounds": {"POST": WRITE},
    "listings.ShareTransfers": {"POST": WRITE},
    "achievements.Achievements": {"GET": LIST, "POST": WRITE},
    "achievements.AchievementImports": {"POST": WRITE},
    "achievements.AchievementById": {"GET": READ},
    "achievements.AchievementHistory": {"GET": READ},
    "achievements.AchievementListing": {"POST": WRITE},
    "achievements.AchievementNegotiation": {"POST": WRITE},
    "achievements.NegotiationFallThrough": {"POST": WRITE},
    "achievements.AchievementTransaction": {"POST": WRITE},
    "achievements.AchievementWithdrawal": {"POST": WRITE},
    "achievements.AchievementExhibitions": {"POST": WRITE},
    "trading_events.TradingEvents": {"GET": LIST, "POST": WRITE},
    "trading_events.TradingEventById": {"GET": READ},
    "trading_events.TradingEventHistory": {"GET": READ},
    "trading_events.Forums": {"POST": WRITE},
    "trading_events.Exhibitions": {"POST": WRITE},
    "trading_events.Unveilings": {"POST": WRITE},
    "trading_events.Launches": {"POST": WRITE},
    "trading_events.Roadshows": {"POST": WRITE},
    "trading_events.RoadshowSlots": {"POST": WRITE},
    "trading_events.SignedAgreements": {"POST": WRITE},
    "ip_assets.IpAssets": {"GET": LIST, "POST": WRITE},
    "ip_assets.IpAssetById": {"GET": READ},
    "ip_assets.IpAssetHistory": {"GET": READ},
    "ip_assets.IpAssetGrant": {"POST": WRITE},
    "ip_assets.IpAssetLapse": {"POST": WRITE},
    "ip_assets.IpAssetExpiry": {"POST": WRITE},
    "ip_transfers.IpTransfers": {"GET": LIST, "POST": WRITE},
    "ip_transfers.IpTransferById": {"GET": READ},
    "ip_transfers.IpTransferHistory": {"GET": READ},
    "ip_transfers.Valuation": {"POST": WRITE},
    "ip_transfers.Contract": {"POST": WRITE},
    "ip_transfers.Recordal": {"POST": WRITE},
    "ip_transfers.Consideration": {"PUT": WRITE},
    "ip_transfers.Payments": {"POST": WRITE},
    "ip_transfers.Completion": {"POST": WRITE},
    "ip_transfers.Cancellation": {"POST": WRITE},
    "reports.Pipeline": {"GET": LIST},
    "reports.DealValue": {"GET": LIST},
    "reports.AwaitingSignatures": {"GET": LIST},
    "reports.OverdueMilestones": {"GET": LIST},
    "reports.IpTransfersByKind": {"GET": LIST},
    "reports.ListingsByState": {"GET": LIST},
    "reports.TradingEventCounts": {"GET": LIST},
    "reports.TradingEventCountries": {"GET": LIST},
    "reports.FundsRaised": {"GET": LIST},
    "reports.ReportPosition": {"GET": LIST},
    "reports.Receivables": {"GET": LIST},
    "reports.LicensingSummary": {"GET": LIST},
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
    principal = request.environ.get(IN_PROCESS_PRINCIPAL)  # `dealtrail call`: never from HTTP
    if principal is not None:
        _check_role(principal, endpoint)
        g.principal = principal
        return
    token = _bearer_token()
    if token is None:
        raise failed("missing_token", None, _unauthorized("A bearer token is required.", None))
    tokens = services().tokens
    principal = tokens.known(token)  # checked before by this process: not a guess
    if principal is None:
        token_id = tokens.token_id_of(token)
        refusal = throttled(client_address(), token_id)
        if refusal is not None:
            raise refusal
        principal = tokens.authenticate(token)
        if principal is None:
            message = "The token is invalid or revoked."
            raise failed("invalid_token", token_id, _unauthorized(message, "invalid_token"))
    _check_role(principal, endpoint)
    g.principal = principal


def _check_role(principal: Principal, endpoint: str) -> None:
    method = "GET" if request.method == "HEAD" else request.method
    allowed = MATRIX.get(endpoint, {}).get(method, frozenset())
    if principal.role not in allowed:
        raise Forbidden(f"Role {principal.role} may not {request.method} this resource.")


def _unauthorized(message: str, error: str | None) -> Unauthorized:
    exc = Unauthorized(message)
    exc.data = {"headers": _challenge(error)}  # type: ignore[attr-defined]
    return exc


def current_principal() -> Principal:
    return g.principal
