"""Free text given by people: trimmed, free of control characters, never blank where required."""

from __future__ import annotations

import re

from dealtrail.domain.errors import fail

# C0 controls other than tab, line feed and carriage return, and DEL: never meant as text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str, what: str, field: str | None = None) -> str:
    if CONTROL_CHARACTERS.search(value):
        raise fail("text.control_character", field or what, what=what)
    return value.strip()


def required_text(value: str, what: str, field: str | None = None) -> str:
    cleaned = clean_text(value, what, field)
    if not cleaned:
        raise fail("text.blank", field or what, what=what)
    return cleaned
