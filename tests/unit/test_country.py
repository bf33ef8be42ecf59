"""Countries are ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

import pytest

from dealtrail.domain.country import country_code
from dealtrail.domain.errors import Invalid


@pytest.mark.parametrize(
    ("given", "expected"), [("CN", "CN"), ("kz", "KZ"), (" pk ", "PK"), ("Uz", "UZ")]
)
def test_a_known_alpha_2_code_is_normalised_to_upper_case(given: str, expected: str) -> None:
    assert country_code(given) == expected


@pytest.mark.parametrize("code", ["", "  ", "C", "CHN", "156", "UK", "ZZ", "China"])
def test_anything_but_a_known_alpha_2_code_is_refused(code: str) -> None:
    with pytest.raises(Invalid) as error:
        country_code(code)

    assert error.value.code == "country.unknown"
    assert error.value.field == "country"
    assert repr(code) in error.value.message
