"""How domain value objects are written into stored events and snapshots (JSON)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from dealtrail.domain.amendment import Amendment
from dealtrail.domain.milestone import Milestone
from dealtrail.domain.money import Money
from dealtrail.domain.terms import Instalment, Participant, Signature, Terms


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
