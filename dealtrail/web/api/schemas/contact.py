"""The contact of an achievement, as a request gives it: the domain's rules for an e-mail address
and a phone number (dealtrail.domain.contact), stated as patterns in the OpenAPI document."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from dealtrail.domain.contact import MAX_EMAIL, Contact
from dealtrail.web.api.schemas.common import Strict, to_domain
from dealtrail.web.api.schemas.text import Name, TextField

# One @, something on each side, a dot in the domain, no spaces (nor, here, at the edges, which
# the domain trims); one line.
_NOT_IN_EMAIL = "@\\s\x00-\x1f\x7f-\x9f\u2028\u2029"
EMAIL = f"^[^{_NOT_IN_EMAIL}]+@[^{_NOT_IN_EMAIL}]+\\.[^.{_NOT_IN_EMAIL}]+$"
# Digits with the usual separators and an optional leading +, or nothing (no edge spaces here).
PHONE = "^(?:\\+?[0-9][0-9 ()./-]{3,28}[0-9])?$"
MAX_PHONE = 40


class ContactIn(Strict):
    name = Name(required=True)
    email = Name(MAX_EMAIL, required=True, metadata={"pattern": EMAIL})
    phone = TextField(
        limit=MAX_PHONE,
        one_line=True,
        may_be_blank=True,
        load_default=None,
        allow_none=True,
        metadata={"pattern": PHONE},
    )

    @ma.post_load
    def _build(self, data: dict[str, Any], **_: Any) -> Contact:
        return to_domain(lambda: Contact(**data), within="contact.")
