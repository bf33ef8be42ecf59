"""Party identifiers: known schemes only, each number checked by python-stdnum, kept compact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealtrail.domain import ror
from dealtrail.domain.errors import Invalid
from dealtrail.domain.party import Party, PartyKind
from dealtrail.domain.party_identifiers import SCHEMES, party_identifiers

pytestmark = pytest.mark.usefixtures("staff")

# One valid number per scheme, as people write them, and its compact form.
VALID = {
    "uscc": ("9111 0000 6000 3734 1L", "91110000600037341L"),
    "lei": ("2138 00KU D8LA JWSQ 9D15", "213800KUD8LAJWSQ9D15"),
    "isni": ("0000 0001 2281 955X", "000000012281955X"),
    "ror": ("https://ror.org/03vek6s52", "03vek6s52"),
    "vat": ("HU 12892312", "HU12892312"),
    "ru_ogrn": ("1022200525819", "1022200525819"),
    "by_unp": ("200988541", "200988541"),
    "rs_pib": ("101134702", "101134702"),
    "tr_vkn": ("4540536920", "4540536920"),
    "id_npwp": ("01.312.166.0-091.000", "013121660091000"),
    "eg_tn": ("100-531-385", "100531385"),
    "vn_mst": ("0100233488", "0100233488"),
    "az_voen": ("140 155 5071", "1401555071"),
}


def test_every_scheme_has_a_valid_example_here() -> None:
    assert set(VALID) == set(SCHEMES)


@pytest.mark.parametrize("scheme", sorted(VALID))
def test_a_valid_number_is_stored_in_its_compact_form(scheme: str) -> None:
    written, compact = VALID[scheme]

    assert party_identifiers({scheme: written}) == {scheme: compact}


@pytest.mark.parametrize(
    ("scheme", "number", "reason"),
    [
        ("uscc", "x", "wrong length"),
        ("uscc", "91110000600037341A", "check digits"),
        ("lei", "213800KUD8LXJWSQ9D15", "check digits"),
        ("ror", "03vek6s53", "check digits"),
        ("ror", "13vek6s52", "wrong format"),
        ("vat", "XX12345678", "not valid"),
        ("isni", "0000 0001 1111 955X", "check digits"),
    ],
)
def test_a_malformed_number_is_refused_naming_the_scheme_and_why(
    scheme: str, number: str, reason: str
) -> None:
    with pytest.raises(Invalid) as error:
        Party.register("Acme Ltd", PartyKind.COMPANY, "CN", {scheme: number})

    assert (error.value.code, error.value.field) == (
        "party.invalid_identifier",
        f"identifiers.{scheme}",
    )
    assert f"(scheme {scheme})" in error.value.message
    assert reason in error.value.message


def test_an_unknown_scheme_is_refused_listing_the_accepted_ones() -> None:
    with pytest.raises(Invalid) as error:
        Party.register("Acme Ltd", PartyKind.COMPANY, "CN", {"duns": "150483782"})

    assert (error.value.code, error.value.field) == (
        "party.unknown_identifier_scheme",
        "identifiers.duns",
    )
    assert all(scheme in error.value.message for scheme in SCHEMES)


def test_a_party_registered_before_identifiers_were_checked_still_loads() -> None:
    """`Registered` as recorded then: its identifiers were never checked."""
    party = Party(name="Acme Ltd", kind="company", country="CN", identifiers={"uscc": "x"})

    assert party.identifiers == {"uscc": "x"}


@given(scheme=st.sampled_from(sorted(SCHEMES)), number=st.text(max_size=40))
def test_any_text_is_either_a_compact_number_or_refused_as_invalid(
    scheme: str, number: str
) -> None:
    try:
        checked = party_identifiers({scheme: number})
    except Invalid as error:
        assert error.code in {"party.invalid_identifier", "text.blank", "text.control_character"}
    else:
        assert party_identifiers(checked) == checked


def test_a_ror_id_is_compacted_without_the_registry_address() -> None:
    assert ror.compact(" HTTPS://ROR.ORG/03VEK6S52 ") == "03vek6s52"
