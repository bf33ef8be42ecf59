"""CN numbers: application numbers with their check digit, publications, grants, patent numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealtrail.domain.errors import Invalid
from dealtrail.domain.ip_numbers import cn_check_digit, normalise_number

# Real application numbers, as printed on Chinese patent certificates.
REAL = [
    "202010566088.9",
    "201510958772.0",
    "200510096239.4",
    "202510942578.7",
    "202322865413.3",
    "201811564288.X",
]


@pytest.mark.parametrize("number", REAL)
def test_real_application_numbers_carry_the_check_digit_cnipa_computes(number: str) -> None:
    body, check = number.split(".")

    assert cn_check_digit(body) == check
    assert normalise_number("CN", "application", number) == f"CN{number}"


# 202010566088.9 typed with a Chinese input method: full-width digits and full stop.
FULL_WIDTH = "".join(chr(ord(c) + 0xFEE0) for c in "202010566088.9")


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("CN202010566088.9", "CN202010566088.9"),
        ("cn 2020 1056 6088.9", "CN202010566088.9"),
        ("CN2020105660889", "CN202010566088.9"),
        ("CN202010566088", "CN202010566088.9"),
        ("201811564288.x", "CN201811564288.X"),
        (FULL_WIDTH, "CN202010566088.9"),
        ("98123456.9", "CN98123456.9"),
        ("CN02112345", f"CN02112345.{cn_check_digit('02112345')}"),
        ("202380012345", f"CN202380012345.{cn_check_digit('202380012345')}"),
    ],
)
def test_application_numbers_normalise_with_their_check_digit(raw: str, normalised: str) -> None:
    assert normalise_number("CN", "application", raw) == normalised


def test_a_wrong_check_digit_is_refused_naming_the_right_one() -> None:
    with pytest.raises(Invalid) as error:
        normalise_number("CN", "application", "CN202010566088.3", "identifiers.0.number")

    assert (error.value.code, error.value.field) == (
        "ip_identifier.wrong_check_digit",
        "identifiers.0.number",
    )
    assert "should be 9" in error.value.message


@pytest.mark.parametrize(
    "raw",
    [
        "CN202010566088.99",  # two check digits
        "CN20201056608",  # eleven digits
        "CN202040566088",  # 4 is no application type
        "CN199810566088",  # twelve digits before 2003
        "CN04123456",  # eight digits after 2003
        "CN98423456",  # 4 is no application type
        "ZL202010566088.9",  # a patent number, not an application number
        "US202010566088",
        "CN2020-10566088",
        "",
    ],
)
def test_malformed_application_numbers_are_refused(raw: str) -> None:
    with pytest.raises(Invalid) as error:
        normalise_number("CN", "application", raw)

    assert error.value.code == "ip_identifier.malformed"


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("CN1234567A", "CN1234567A"),
        ("CN 112345678 A", "CN112345678A"),
        ("cn101234567b", "CN101234567B"),
        ("CN218123456U", "CN218123456U"),
        ("CN307123456S", "CN307123456S"),
        ("CN1123456C", "CN1123456C"),
        ("CN2123456Y", "CN2123456Y"),
        ("112345678A", "CN112345678A"),
    ],
)
def test_publication_numbers_keep_their_kind_code(raw: str, normalised: str) -> None:
    assert normalise_number("CN", "publication", raw) == normalised


@pytest.mark.parametrize(
    "raw", ["CN112345678", "CN112345678Z", "CN123456A", "CN1123456789A", "CN11234567.8A"]
)
def test_publications_without_a_known_kind_code_are_refused(raw: str) -> None:
    with pytest.raises(Invalid, match="not a well-formed CN publication number"):
        normalise_number("CN", "publication", raw)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("CN112345678B", "CN112345678B"),
        ("CN 218 123 456 U", "CN218123456U"),
        ("CN307123456S", "CN307123456S"),
        ("ZL 2018 1 1564288.X", "ZL201811564288.X"),
        ("ZL201510958772", "ZL201510958772.0"),
    ],
)
def test_grants_are_grant_publications_or_patent_numbers(raw: str, normalised: str) -> None:
    assert normalise_number("CN", "grant", raw) == normalised


@pytest.mark.parametrize("raw", ["CN112345678A", "ZL201510958772.1", "CN201510958772.0"])
def test_an_application_publication_or_a_wrong_patent_number_is_no_grant(raw: str) -> None:
    with pytest.raises(Invalid) as error:
        normalise_number("CN", "grant", raw)

    assert error.value.code in ("ip_identifier.malformed", "ip_identifier.wrong_check_digit")


@given(
    year=st.integers(2003, 2099),
    kind=st.sampled_from("12389"),
    serial=st.integers(0, 9_999_999),
)
def test_any_application_number_normalises_to_a_fixed_point(
    year: int, kind: str, serial: int
) -> None:
    body = f"{year}{kind}{serial:07d}"
    normalised = normalise_number("CN", "application", body)

    assert normalised == f"CN{body}.{cn_check_digit(body)}"
    assert normalise_number("CN", "application", normalised) == normalised


@pytest.mark.parametrize(
    ("office", "kind", "raw"),
    [
        ("CN", "application", "CN ٢٠٢٠١٠٥٦٦٠٨٨.٩"),  # Arabic-Indic digits
        ("CN", "publication", "CN ११२३४५६७८ A"),  # Devanagari digits
        ("US", "grant", "US ١١٢٣٤٥٦٧ B2"),
        ("EP", "publication", "EP ١٢٣٤٥٦٧ B1"),
        ("WO", "publication", "WO ٢٠٢٣/١٢٣٤٥٦ A1"),
    ],
)
def test_a_number_in_digits_of_another_script_is_refused_not_kept_apart_from_its_ascii_twin(
    office: str, kind: str, raw: str
) -> None:
    """Full-width digits fold to ASCII; digits of other scripts would normalise to a second
    spelling of the same number and slip past its uniqueness."""
    with pytest.raises(Invalid):
        normalise_number(office, kind, raw)
