"""/api/v1/trading-events: conferences where achievements are exhibited, projects pitched at
roadshows and agreements signed; each with the counts dashboards report.

Each step of the programme (forums, exhibitions, unveilings, launches, roadshows and their
pitched projects, agreements signed there) answers with the whole trading event; the part just
added is the last of its list."""

from __future__ import annotations

from dealtrail.application.commands import trading_events as c
from dealtrail.application.ports.views import TradingEventQuery
from dealtrail.domain.trading_event import TradingEvent
from dealtrail.web.api.resource import Listing, Resource, Step
from dealtrail.web.api.schemas import trading_event as s
from dealtrail.web.json import Blueprint

blp = Blueprint(
    "trading_events",
    __name__,
    url_prefix="/api/v1/trading-events",
    description="Trading events: conferences, their roadshows and the deals signed there",
)
events = Resource(blp, TradingEvent, s.TradingEventSchema, "TradingEvent", "event_id")

events.collection(
    Listing(
        s.TradingEventListQuerySchema,
        TradingEventQuery,
        s.TradingEventPageSchema,
        "trading_events",
        "List trading events with their counts, filtered by name, country or host.",
    ),
    Step(
        "TradingEvents",
        "",
        s.TradingEventCreateSchema,
        c.ScheduleTradingEvent,
        "Schedule a trading event hosted by a registered party.",
    ),
)
events.by_id(
    "A trading event with its counts now, at a version (`?version=`) or as recorded at a\n"
    "time (`?as_of=`)."
)
events.history(
    "Every event of the trading event, oldest first, with who recorded it, when and why."
)
events.steps(
    Step(
        "Forums",
        "/<uuid:event_id>/forums",
        s.ForumIn,
        c.AddForum,
        "Add a forum held during the event.",
    ),
    Step(
        "Exhibitions",
        "/<uuid:event_id>/exhibitions",
        s.ExhibitionOpeningIn,
        c.OpenExhibition,
        "Record an exhibition opened at the event.",
    ),
    Step(
        "Unveilings",
        "/<uuid:event_id>/unveilings",
        s.UnveilingIn,
        c.RecordUnveiling,
        "Record an institution unveiled at the event (a registered party or not).",
    ),
    Step(
        "Launches",
        "/<uuid:event_id>/launches",
        s.LaunchIn,
        c.RecordLaunch,
        "Record something launched at the event, e.g. the online achievements supermarket.",
    ),
    Step(
        "Roadshows",
        "/<uuid:event_id>/roadshows",
        s.RoadshowIn,
        c.AddRoadshow,
        "Add a themed roadshow; its id is the `roadshow_id` of the last roadshow returned.",
    ),
    Step(
        "RoadshowSlots",
        "/<uuid:event_id>/roadshows/<string:roadshow_id>/slots",
        s.SlotIn,
        c.PitchProject,
        "Add a pitched project (an achievement or a company) to the roadshow's slot list; a\n"
        "transacted or withdrawn achievement is no longer offered and cannot be pitched (409).",
    ),
    Step(
        "SignedAgreements",
        "/<uuid:event_id>/agreements",
        s.SignedAgreementIn,
        c.RecordAgreementSigned,
        "Record that an agreement was signed at the event: it must have taken effect (every\n"
        "required party signed) on one of the event's days, or the answer is 409.",
    ),
)
