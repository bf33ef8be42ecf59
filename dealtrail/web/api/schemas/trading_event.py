"""Trading event request and response bodies."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from dealtrail.application.ports.views import TRADING_EVENT_SORT_KEYS
from dealtrail.domain.country import COUNTRY_CODES
from dealtrail.domain.trading_event import TradingEvent
from dealtrail.web.api.schemas.common import CommandSchema, RecordId
from dealtrail.web.api.schemas.lists import ListQuery, NextCursor
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.api.schemas.record import RecordSchema, command_position
from dealtrail.web.api.schemas.text import Name, QueryText

Country = validate.Length(equal=2)


class TradingEventCreateSchema(CommandSchema):
    host_party_id = RecordId(required=True)
    name = Name(
        required=True, metadata={"example": "Hard Sci-Tech Achievements Trading Conference"}
    )
    city = Name(required=True, metadata={"example": "Xi'an"})
    country = fields.String(
        required=True,
        validate=Country,
        metadata={"description": "Where it is held", "enum": COUNTRY_CODES},
    )
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)


class ForumIn(CommandSchema):
    title = Name(required=True)
    held_on = fields.Date(required=True)


class ExhibitionOpeningIn(CommandSchema):
    title = Name(required=True)


class UnveilingIn(CommandSchema):
    institution = Name(
        required=True, metadata={"example": "International IP Cooperation and Exchange Centre"}
    )
    unveiled_on = fields.Date(required=True)
    party_id = RecordId(load_default=None, metadata={"description": "If registered as a party"})


class LaunchIn(CommandSchema):
    what = Name(required=True, metadata={"example": "Online sci-tech achievements supermarket"})
    launched_on = fields.Date(required=True)


class RoadshowIn(CommandSchema):
    theme = Name(required=True, metadata={"example": "AI and big data"})
    held_on = fields.Date(required=True)


class SlotIn(CommandSchema):
    presenter_party_id = RecordId(required=True)
    achievement_id = RecordId(load_default=None, metadata={"description": "Either this..."})
    company_id = RecordId(load_default=None, metadata={"description": "...or this"})


class SignedAgreementIn(CommandSchema):
    agreement_id = RecordId(required=True)


# ---- responses ------------------------------------------------------------------------------


class CountsOut(ma.Schema):
    achievements_exhibited = WholeNumber()
    roadshows = WholeNumber()
    projects_pitched = WholeNumber()
    international_projects = WholeNumber(
        metadata={"description": "Pitched by presenters from outside the event's own country"}
    )
    international_countries = WholeNumber(
        metadata={"description": "Distinct countries and regions of the international projects"}
    )
    agreements_signed = WholeNumber()


class ForumOut(ma.Schema):
    forum_id = fields.String()
    title = fields.String()
    held_on = fields.Date()


class ExhibitionOut(ma.Schema):
    exhibition_id = fields.String()
    title = fields.String()


class UnveilingOut(ma.Schema):
    unveiling_id = fields.String()
    institution = fields.String()
    unveiled_on = fields.Date()
    party_id = fields.String(allow_none=True)


class LaunchOut(ma.Schema):
    launch_id = fields.String()
    what = fields.String()
    launched_on = fields.Date()


class SlotOut(ma.Schema):
    slot_id = fields.String()
    achievement_id = fields.String(allow_none=True)
    company_id = fields.String(allow_none=True)
    presenter_party_id = fields.String()
    presenter_country = fields.String()
    international = fields.Boolean(
        metadata={"description": "Presenter not from the country the event is held in"}
    )


class RoadshowOut(ma.Schema):
    roadshow_id = fields.String()
    theme = fields.String()
    held_on = fields.Date()
    slots = fields.List(fields.Nested(SlotOut))


def _roadshows(event: TradingEvent) -> list[dict[str, Any]]:
    """Each roadshow with its slots, each slot saying whether it was international."""
    return [
        {
            **asdict(r),
            "slots": [{**asdict(s), "international": event.is_international(s)} for s in r.slots],
        }
        for r in event.roadshows.values()
    ]


class TradingEventSchema(RecordSchema):
    COMPUTED = {"roadshows": _roadshows}

    name = fields.String()
    city = fields.String()
    country = fields.String()
    host_party_id = fields.String()
    host_country = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    forums = fields.List(fields.Nested(ForumOut))
    exhibitions = fields.List(fields.Nested(ExhibitionOut))
    unveilings = fields.List(fields.Nested(UnveilingOut))
    launches = fields.List(fields.Nested(LaunchOut))
    roadshows = fields.List(fields.Nested(RoadshowOut))
    agreements_signed = fields.List(fields.String())
    achievements_exhibited = fields.List(fields.String())
    counts = fields.Nested(CountsOut)
    created_at = fields.DateTime()
    modified_at = fields.DateTime()
    position = command_position()


class TradingEventListQuerySchema(ListQuery.sorted_by(TRADING_EVENT_SORT_KEYS)):
    q = QueryText("In name")
    country = fields.String(validate=Country)
    host_party_id = fields.UUID()


TradingEventSummarySchema = TradingEventSchema.summary(
    "TradingEventSummarySchema",
    ("name", "city", "country", "host_party_id", "starts_on", "ends_on", "counts", "modified_at"),
)


class TradingEventPageSchema(ma.Schema):
    items = fields.List(fields.Nested(TradingEventSummarySchema))
    next_after = NextCursor()
