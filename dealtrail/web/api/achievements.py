"""/api/v1/achievements: the sci-tech achievements supermarket — register, search, import, read,
and each achievement's steps: listing, negotiation and its falling through, transaction,
withdrawal, exhibition."""

from __future__ import annotations

from typing import Any

from dealtrail.application.achievement_import import ImportReport
from dealtrail.application.commands import achievements as c
from dealtrail.application.ports.views import AchievementQuery
from dealtrail.domain.achievement import Achievement
from dealtrail.web.api.resource import Listing, Resource, Step
from dealtrail.web.api.schemas import achievement as s
from dealtrail.web.api.schemas.achievement_import import ImportIn, ImportReportSchema
from dealtrail.web.api.schemas.common import EmptyCommandSchema
from dealtrail.web.commands import command, receipt_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services
from dealtrail.web.spec_receipts import receipt_unless

blp = Blueprint(
    "achievements",
    __name__,
    url_prefix="/api/v1/achievements",
    description="Sci-tech achievements offered for transfer (the supermarket)",
)
achievements = Resource(
    blp, Achievement, s.AchievementDetailSchema, "Achievement", "achievement_id"
)

achievements.collection(
    Listing(
        s.AchievementListQuerySchema,
        AchievementQuery,
        s.AchievementPageSchema,
        "achievements",
        "Search the supermarket: title text, field, TRL range, transfer mode, the owner's\n"
        "country or alliance, status.",
    ),
    Step(
        "Achievements",
        "",
        s.AchievementCreateSchema,
        c.RegisterAchievement,
        "Register an achievement (a draft) owned by a registered party.",
    ),
)


@blp.arguments(ImportIn)
@blp.response(200, ImportReportSchema, headers=receipt_unless("the import recorded nothing"))
def _import(_: Any, body: dict[str, Any]) -> tuple[ImportReport, dict[str, str]]:
    """Import achievements from CSV text (sent as the `csv` string of a JSON body).

    Every row is checked: good rows are imported, bad rows are reported with their line,
    column and reason and nothing of them is recorded. Owner parties missing from the
    register are registered. Importing the same file again adds nothing: a row whose
    (scope, external_ref) is already recorded is reported as already present. The file as a
    whole is refused (422) only if it cannot be read (no header, missing or unknown columns).
    The receipt is the last event the import recorded; there is none if it recorded nothing.
    """
    with command(body):  # the import's rows are many commands, recorded with one note
        report = services().achievement_import.import_csv(body["csv"], body["scope"])
    last = report.last_recorded
    return report, receipt_headers(last) if last is not None else {}


achievements.route("AchievementImports", "/imports", post=_import)
achievements.by_id(
    "An achievement now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."
)
achievements.history(
    "Every event of the achievement, oldest first, with who recorded it, when and why."
)
achievements.steps(
    Step(
        "AchievementListing",
        "/<uuid:achievement_id>/listing",
        EmptyCommandSchema,
        c.ListAchievement,
        "List a draft on the supermarket.",
    ),
    Step(
        "AchievementNegotiation",
        "/<uuid:achievement_id>/negotiation",
        s.NegotiationIn,
        c.StartNegotiation,
        "Record that a listed achievement went into negotiation with a prospective buyer.",
    ),
    Step(
        "NegotiationFallThrough",
        "/<uuid:achievement_id>/negotiation/fall-through",
        s.FallThroughIn,
        c.RecordFallThrough,
        "Record that the negotiation ended without a deal: the achievement is listed again.",
    ),
    Step(
        "AchievementTransaction",
        "/<uuid:achievement_id>/transaction",
        s.TransactionIn,
        c.RecordTransaction,
        "Record the deal that transferred the achievement: an agreement or an IP transfer.",
    ),
    Step(
        "AchievementWithdrawal",
        "/<uuid:achievement_id>/withdrawal",
        s.WithdrawalIn,
        c.WithdrawAchievement,
        "Withdraw the achievement from transfer, saying why.",
    ),
    Step(
        "AchievementExhibitions",
        "/<uuid:achievement_id>/exhibitions",
        s.ExhibitionIn,
        c.ExhibitAchievement,
        "Record that the achievement was exhibited at a trading event (counted there too).",
    ),
)
