"""Listing code: the code a trading centre gives a listed company's shares."""

from __future__ import annotations

import re

from dealtrail.domain.errors import fail
from dealtrail.domain.text import clean_text
from dealtrail.domain.unique_key import UniqueKey

LISTING_CODE = re.compile(r"[A-Z0-9]{4,12}")


def listing_code(code: str) -> str:
    """Returns the upper-case code (4 to 12 letters or digits), or raises `listing.invalid_code`."""
    normalised = clean_text(code, "listing code", "listing_code").upper()
    if not LISTING_CODE.fullmatch(normalised):
        raise fail("listing.invalid_code", "listing_code", code=code)
    return normalised


def listing_code_key(centre_id: str, code: str) -> UniqueKey:
    """A listing code (normalised) is unique at its trading centre (the party id as recorded)."""
    return UniqueKey(
        f"listing-code:{centre_id}:{code}",
        "listing.code_taken",
        "listing_code",
        {"code": code},
    )
