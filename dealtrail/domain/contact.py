"""Contact: the person to talk to about an achievement. Personal data, so it is kept in this one
value object (and never copied into read models), where it can be found, exported or erased."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dealtrail.domain.errors import fail
from dealtrail.domain.personal import Personal
from dealtrail.domain.text import clean_text, required_text

# Loose on purpose: one @, something on each side, a dot in the domain, no spaces.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
# Digits with the usual separators and an optional leading +; extensions are not parsed.
PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{3,28}[0-9]")
MAX_EMAIL = 254


@dataclass(frozen=True)
class Contact:
    """Given as text, checked, then held as Personal data of one data subject (named by the
    contact's name): forgetting that name erases the name, the email and the phone."""

    name: Personal
    email: Personal
    phone: Personal | None = None

    def __post_init__(self) -> None:
        if isinstance(self.name, Personal):  # read back from the store: already checked
            return
        name = required_text(self.name, "contact name", "contact.name")
        email = required_text(str(self.email), "contact email", "contact.email")
        if len(email) > MAX_EMAIL or not EMAIL.fullmatch(email):
            raise fail("contact.invalid_email", "contact.email", email=email)
        phone = clean_text(str(self.phone or ""), "contact phone", "contact.phone") or None
        if phone is not None and not PHONE.fullmatch(phone):
            raise fail("contact.invalid_phone", "contact.phone", phone=phone)
        object.__setattr__(self, "name", Personal(name))
        object.__setattr__(self, "email", Personal(email, identifies=name))
        object.__setattr__(self, "phone", Personal(phone, identifies=name) if phone else None)
