"""Fields the marshmallow converter documents other than the API reads and serves them.

Exact decimals are served as strings of ASCII digits (never JSON numbers, which a client would
read as binary floats) and read from a request as such a string or a JSON number taken at its
exact value (web/json.py); the converter says `number`. A nested object that may be null is
that object or null; the converter says "or any object" (`{"type": "object", "nullable": true}`
beside the reference, in OpenAPI 3.0)."""

from __future__ import annotations

from typing import Any

from apispec import BasePlugin
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import resolve_schema_cls
from marshmallow import fields

from dealtrail.domain.numbers import DECIMAL_TEXT
from dealtrail.web.api.schemas.numbers import ExactDecimal

DECIMAL_STRING = {"type": "string", "pattern": f"^{DECIMAL_TEXT.pattern}$"}


def _exact_decimal(self: Any, field: fields.Field, ret: dict[str, Any], **_: Any) -> dict:
    if not isinstance(field, ExactDecimal):
        return {}
    ret.pop("type", None)
    ret.pop("format", None)
    if not field.in_request:
        return dict(DECIMAL_STRING)
    ret.pop("nullable", None)
    if "oneOf" in field.metadata:  # the field says more exactly what it takes
        return {}
    choices = [DECIMAL_STRING, {"type": "number"}]
    if field.allow_none:
        choices.append({"type": "string", "nullable": True, "enum": [None]})
    return {"oneOf": choices}


NULL_ONLY = {"type": "object", "nullable": True, "enum": [None]}
ABSENT = {"not": {}}  # in a RULES shape: the field is not given


def _nested_or_null(self: Any, field: fields.Field, ret: dict[str, Any], **_: Any) -> dict:
    if isinstance(field, fields.Nested) and field.allow_none and "anyOf" in ret:
        ret["anyOf"] = [NULL_ONLY if "$ref" not in choice else choice for choice in ret["anyOf"]]
    return {}


def document_fields(plugin: MarshmallowPlugin) -> None:
    """Registers these fields' schemas with the document's marshmallow converter."""
    assert plugin.converter is not None, "after the spec is initialised"
    plugin.converter.add_attribute_function(_exact_decimal)
    plugin.converter.add_attribute_function(_nested_or_null)


class SchemaRules(BasePlugin):
    """Documents what a schema's fields cannot say alone: its `RULES` across fields (a `oneOf` of
    the shapes a body may take), added to its component."""

    def schema_helper(self, name: str, definition: dict, **kwargs: Any) -> dict | None:
        schema = kwargs.get("schema")
        if schema is None:
            return None
        return dict(getattr(resolve_schema_cls(schema), "RULES", {}))
