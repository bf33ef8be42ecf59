"""How domain value objects are written into stored events and snapshots (JSON)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from dealtrail.domain.amendment import Amendment
from dealtrail.domain.amendment_request import AmendmentRequest
from dealtrail.domain.consideration import Payment, Schedule
from dealtrail.domain.contact import Contact
from dealtrail.domain.external_ref import ExternalRef
from dealtrail.domain.financing_round import FinancingRound
from dealtrail.domain.ip_identifiers import IpIdentifier
from dealtrail.domain.milestone import Milestone
from dealtrail.domain.money import Money
from dealtrail.domain.offer import Offer
from dealtrail.domain.programme import Exhibition, Forum, Launch, Unveiling
from dealtrail.domain.roadshow import PitchSlot, Roadshow
from dealtrail.domain.share_register import Holding
from dealtrail.domain.share_transfer import ShareTransfer
from dealtrail.domain.terms import Instalment, Participant, Signature, Terms
from dealtrail.domain.transaction import Transaction
from dealtrail.domain.transfer_terms import Recordal, Term, Territory, Valuation


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class DataclassAsDict(Transcoding):
    """A frozen dataclass as the dict of its fields (nested values are transcoded too)."""

    def __init__(self, cls: type, name: str) -> None:
        self.type = cls
        self.name = name

    def encode(self, obj: Any) -> dict[str, Any]:
        return {f.name: getattr(obj, f.name) for f in fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        return self.type(**data)


VALUE_OBJECTS: dict[str, type] = {
    "money": Money,
    "participant": Participant,
    "instalment": Instalment,
    "terms": Terms,
    "signature": Signature,
    "milestone": Milestone,
    "amendment": Amendment,
    "amendment_request": AmendmentRequest,
    "financing_round": FinancingRound,
    "share_transfer": ShareTransfer,
    "share_holding": Holding,
    "achievement_offer": Offer,
    "achievement_contact": Contact,
    "achievement_external_ref": ExternalRef,
    "achievement_transaction": Transaction,
    "trading_event_forum": Forum,
    "trading_event_exhibition": Exhibition,
    "trading_event_unveiling": Unveiling,
    "trading_event_launch": Launch,
    "trading_event_roadshow": Roadshow,
    "trading_event_pitch_slot": PitchSlot,
    "ip_identifier": IpIdentifier,
    "ip_transfer_territory": Territory,
    "ip_transfer_term": Term,
    "ip_transfer_valuation": Valuation,
    "ip_transfer_recordal": Recordal,
    "ip_transfer_schedule": Schedule,
    "ip_transfer_payment": Payment,
}


class LedgerTranscoder(JSONTranscoder):
    """A JSON transcoder that also encodes subclasses of registered types (by their base)."""

    def _encode_obj(self, o: Any) -> dict[str, Any]:
        for cls in type(o).__mro__:
            transcoding = self.types.get(cls)
            if transcoding is not None:
                return {"_type_": transcoding.name, "_data_": transcoding.encode(o)}
        return super()._encode_obj(o)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    transcoder.register(DateAsISO())
    for name, cls in VALUE_OBJECTS.items():
        transcoder.register(DataclassAsDict(cls, name))
