"""Whom a token is issued to: the holder's name is part of every event the token's holder causes
(its actor, `role:token:<id>:name`), so it is one line that says something, whatever issues
the token."""

from __future__ import annotations

from dealtrail.domain.errors import fail
from dealtrail.domain.text import required_text

MAX_HOLDER = 190  # the token store keeps an actor, `role:token:<id>:name`, in 300 characters


def holder_name(name: str) -> str:
    """The name a token is issued to, trimmed; refused if blank, not one line, or too long."""
    holder = required_text(name, "token name", "name")
    if len(holder) > MAX_HOLDER:
        raise fail("token.name_too_long", "name", limit=MAX_HOLDER)
    return holder
