"""/api/v1/reports: money owed and earned — receivables, and the annual licensing summary."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from dealtrail.web.api.report_output import CSV_DOC, answer
from dealtrail.web.api.reports import Answer, blp
from dealtrail.web.api.schemas import report as schemas
from dealtrail.web.services import services


@blp.route("/receivables")
class Receivables(MethodView):
    @blp.arguments(schemas.AsOfQuerySchema, location="query")
    @blp.response(200, schemas.ReceivablesReport)
    @blp.doc(**CSV_DOC)
    def get(self, query: dict[str, Any]) -> Answer:
        """Receivables as of a day: scheduled, paid, outstanding, aged.

        Sources: the payment schedules of agreements in effect, and the consideration schedules
        of IP transfers not cancelled. The domain records payments only against IP transfers,
        so an agreement that an IP transfer's consideration was signed under is counted on the
        transfer alone. Payments made by `as_of` (default today, UTC) are applied to the
        instalments oldest due first; what remains of each is aged by days past due: not yet
        due, 0-30 (due today counts as 0), 31-60, 61-90, over 90. `totals` sums per currency;
        CSV carries the rows.
        """
        return answer(services().reports.receivables(**query), schemas.ReceivableRow, "receivables")


@blp.route("/licensing")
class LicensingSummary(MethodView):
    @blp.arguments(schemas.YearQuerySchema, location="query")
    @blp.response(200, schemas.LicensingReport)
    @blp.doc(**CSV_DOC)
    def get(self, query: dict[str, Any]) -> Answer:
        """The annual licensing summary for `year` (default this year, UTC), one row per figure.

        - `technology_licences_effective`: technology licence agreements that took effect in
          the year.
        - `ip_transfers_contracted`, by mode: IP transfers whose contract was signed in the year.
        - `licence_income`, by licence mode and currency: payments received in the year on IP
          transfers by exclusive, sole or non-exclusive licence (amount and number of payments).
        - `startups_formed`: start-ups are companies that applied for an equity listing; the
          number of distinct companies whose application was recorded in the year.
        - `agreements_by_partner_country`: agreements that took effect in the year, counted once
          per country among their parties' countries.
        """
        return answer(
            services().reports.licensing_summary(**query), schemas.LicensingRow, "licensing"
        )
