"""A record as the API shows it: the schema's fields read from the aggregate's attributes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import fields

from dealtrail.application.command import CommandResult
from dealtrail.web.api.schemas.numbers import WholeNumber


def command_position() -> WholeNumber:
    """A record's `position`: present when a command answered with the record."""
    return WholeNumber(
        metadata={"description": "Log position of the command that returned this (commands only)"}
    )


class AttributesSchema(ma.Schema):
    """Dumps an aggregate, or the record a command left (with the command's log position).

    Each field reads the attribute of its name (or the one `RENAMED` gives); a method is
    called; a mapping of parts (milestones by id, ...) is dumped as a list of its values; a
    field in `COMPUTED` is given by its function of the aggregate. A view's row (a mapping)
    is dumped as it is."""

    RENAMED: ClassVar[dict[str, str]] = {"created_at": "created_on", "modified_at": "modified_on"}
    COMPUTED: ClassVar[dict[str, Callable[[Any], Any]]] = {}

    @ma.pre_dump
    def _attributes(self, record: Any, **_: Any) -> dict[str, Any]:
        if isinstance(record, Mapping):  # a row of a view, already by field
            return dict(record)
        position = None
        if isinstance(record, CommandResult):
            record, position = record.aggregate, record.position
        data: dict[str, Any] = {}
        for name, attribute, listed, computed in self._reading():
            if computed is not None:
                data[name] = computed(record)
                continue
            value = getattr(record, attribute)
            if callable(value):
                value = value()
            if listed and isinstance(value, dict):
                value = list(value.values())
            data[name] = value
        if position is not None:
            data["position"] = position
        return data

    def _reading(self) -> list[tuple[str, str, bool, Callable[[Any], Any] | None]]:
        """How each field is read (its name, the attribute, whether it is a list, the function
        that computes it), worked out from the schema's fields on its first dump, not on each."""
        reading = self.__dict__.get("_fields_reading")
        if reading is None:
            reading = [
                (
                    name,
                    self.RENAMED.get(name, name),
                    isinstance(field, fields.List),
                    self.COMPUTED.get(name),
                )
                for name, field in self.dump_fields.items()
                if name != "position"
            ]
            self._fields_reading = reading
        return reading


class RecordSchema(AttributesSchema):
    """A record, or a list's row of one: its `id` and `version`, then the fields declared."""

    id = fields.UUID()
    version = WholeNumber()

    @classmethod
    def summary(cls, name: str, names: tuple[str, ...]) -> type[RecordSchema]:
        """The schema `name` of a list's rows: id, version and the named fields of this one."""
        return RecordSchema.from_dict({n: cls._declared_fields[n] for n in names}, name=name)
