"""Free text given by people: trimmed, free of control characters, never blank where required."""

from __future__ import annotations

import re
import unicodedata

from dealtrail.domain.errors import fail

# C0 controls other than tab, line feed and carriage return, and DEL: never meant as text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Characters that show nothing by themselves: spaces and separators, and format characters (zero
# width spaces and joiners, direction marks). Kept within text; text made of them only is blank.
INVISIBLE = frozenset({"Zs", "Zl", "Zp", "Cf"})


def clean_text(value: str, what: str, field: str | None = None) -> str:
    if CONTROL_CHARACTERS.search(value):
        raise fail("text.control_character", field or what, what=what)
    return value.strip()


def required_text(value: str, what: str, field: str | None = None) -> str:
    cleaned = clean_text(value, what, field)
    if all(unicodedata.category(c) in INVISIBLE for c in cleaned):  # True when empty, too
        raise fail("text.blank", field or what, what=what)
    return cleaned
