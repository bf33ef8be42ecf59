"""/api/v1/achievements: the sci-tech achievements supermarket — register, search, import, read."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from dealtrail.application.achievement_import import ImportReport
from dealtrail.application.command import CommandResult
from dealtrail.domain.achievement import Achievement
from dealtrail.infrastructure.views.achievements import AchievementsView
from dealtrail.web.api.history import history_page
from dealtrail.web.api.schemas.achievement import (
    AchievementCreateSchema,
    AchievementDetailSchema,
    AchievementListQuerySchema,
    AchievementPageSchema,
    present_achievement,
)
from dealtrail.web.api.schemas.achievement_import import ImportIn, ImportReportSchema
from dealtrail.web.api.schemas.common import (
    HistoryPageSchema,
    HistoryQuerySchema,
    VersionQuerySchema,
)
from dealtrail.web.api.versions import load_version
from dealtrail.web.commands import command, etag, receipt_headers, result_headers
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services
from dealtrail.web.spec_receipts import receipt_unless

blp = Blueprint(
    "achievements",
    __name__,
    url_prefix="/api/v1/achievements",
    description="Sci-tech achievements offered for transfer (the supermarket)",
)

Response = tuple[dict[str, Any], dict[str, str]]


def respond(result: CommandResult) -> Response:
    achievement = services().achievements.get(result.aggregate_id, result.version)
    return present_achievement(achievement, result.position), result_headers(result)


@blp.route("")
class Achievements(MethodView):
    @blp.arguments(AchievementListQuerySchema, location="query")
    @blp.response(200, AchievementPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Search the supermarket: title text, field, TRL range, transfer mode, the owner's
        country or alliance, status."""
        return services().catalogue.view(AchievementsView).search(**query)

    @blp.arguments(AchievementCreateSchema)
    @blp.response(201, AchievementDetailSchema)
    def post(self, body: dict[str, Any]) -> Response:
        """Register an achievement (a draft) owned by a registered party."""
        with command(body) as options:
            result = services().achievements.register(
                str(body["owner_party_id"]),
                body["offer"],
                body["contact"],
                body["external_ref"],
                options=options,
            )
        data, headers = respond(result)
        headers["Location"] = url_for(
            "achievements.AchievementById", achievement_id=result.aggregate_id
        )
        return data, headers


@blp.route("/imports")
class AchievementImports(MethodView):
    @blp.arguments(ImportIn)
    @blp.response(200, ImportReportSchema, headers=receipt_unless("the import recorded nothing"))
    def post(self, body: dict[str, Any]) -> tuple[ImportReport, dict[str, str]]:
        """Import achievements from CSV text (sent as the `csv` string of a JSON body).

        Every row is checked: good rows are imported, bad rows are reported with their line,
        column and reason and nothing of them is recorded. Owner parties missing from the
        register are registered. Importing the same file again adds nothing: a row whose
        (scope, external_ref) is already recorded is reported as already present. The file as a
        whole is refused (422) only if it cannot be read (no header, missing or unknown columns).
        The receipt is the last event the import recorded; there is none if it recorded nothing.
        """
        with command(body):
            report = services().achievement_import.import_csv(body["csv"], body["scope"])
        last = report.last_recorded
        return report, receipt_headers(last) if last is not None else {}


@blp.route("/<uuid:achievement_id>")
class AchievementById(MethodView):
    @blp.arguments(VersionQuerySchema, location="query")
    @blp.response(200, AchievementDetailSchema)
    def get(self, query: dict[str, Any], achievement_id: UUID) -> Response:
        """An achievement now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."""
        achievement = load_version(Achievement, achievement_id, query)
        return present_achievement(achievement), etag(achievement.version)


@blp.route("/<uuid:achievement_id>/history")
class AchievementHistory(MethodView):
    @blp.arguments(HistoryQuerySchema, location="query")
    @blp.response(200, HistoryPageSchema)
    def get(self, query: dict[str, Any], achievement_id: UUID) -> dict[str, Any]:
        """Every event of the achievement, oldest first, with who recorded it, when and why."""
        return history_page(
            services().ledger, Achievement, achievement_id, query["after"], query["limit"]
        )
