"""ISO 3166-1 alpha-2 country codes."""

from __future__ import annotations

import pycountry

from dealtrail.domain.errors import fail

# Every alpha-2 code, as the API states them (it reads lower case too).
COUNTRY_CODES = tuple(sorted(country.alpha_2 for country in pycountry.countries))


def country_code(code: str) -> str:
    """Returns the upper-case alpha-2 code, or raises `country.unknown`."""
    normalised = code.strip().upper()
    if len(normalised) != 2 or pycountry.countries.get(alpha_2=normalised) is None:
        raise fail("country.unknown", "country", code=code)
    return normalised
