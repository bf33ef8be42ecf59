"""Free text given by people: trimmed, and never blank where a value is required."""

from __future__ import annotations

from dealtrail.domain.errors import fail


def required_text(value: str, what: str, field: str | None = None) -> str:
    stripped = value.strip()
    if not stripped:
        raise fail("text.blank", field or what, what=what)
    return stripped
