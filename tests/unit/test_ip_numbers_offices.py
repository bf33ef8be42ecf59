"""US, EP and WO numbers, and the plain rule for every other office and for registrations."""

from __future__ import annotations

import pytest

from dealtrail.domain.errors import Invalid
from dealtrail.domain.ip_numbers import normalise_number

GOOD = [
    ("US", "application", "16/123,456", "US16/123456"),
    ("US", "application", "US 17/987,654", "US17/987654"),
    ("US", "application", "29/765,432", "US29/765432"),
    ("US", "application", "18123456", "US18/123456"),
    ("US", "publication", "US 2020/0123456 A1", "US20200123456A1"),
    ("US", "publication", "US20210098765A2", "US20210098765A2"),
    ("US", "publication", "US 11,234,567 B2", "US11234567B2"),
    ("US", "grant", "US 11,234,567 B2", "US11234567B2"),
    ("US", "grant", "us10123456b1", "US10123456B1"),
    ("US", "grant", "7,123,456", "US7123456"),
    ("US", "grant", "US 07,123,456 B2", "US7123456B2"),
    ("US", "grant", "D912,345 S", "USD912345S"),
    ("US", "grant", "USRE49,123E", "USRE49123E"),
    ("US", "grant", "PP31,234 P3", "USPP31234P3"),
    ("EP", "application", "EP 23 123 456.7", "EP23123456.7"),
    ("EP", "application", "EP19876543", "EP19876543"),
    ("EP", "publication", "EP 1 234 567 A1", "EP1234567A1"),
    ("EP", "publication", "EP3456789A2", "EP3456789A2"),
    ("EP", "publication", "ep0123456b1", "EP0123456B1"),
    ("EP", "grant", "EP 3 456 789 B1", "EP3456789B1"),
    ("EP", "grant", "EP3456789", "EP3456789"),
    ("WO", "application", "PCT/CN2023/123456", "PCT/CN2023/123456"),
    ("WO", "application", "pct/kz 2024/000123", "PCT/KZ2024/000123"),
    ("WO", "application", "PCTIB2022051234", "PCT/IB2022/051234"),
    ("WO", "application", "PCT/CN03/12345", "PCT/CN03/12345"),
    ("WO", "publication", "WO2023/123456", "WO2023123456"),
    ("WO", "publication", "WO 2023/123456 A1", "WO2023123456A1"),
    ("WO", "publication", "WO03/012345", "WO2003012345"),
    ("WO", "publication", "WO 99/01234 A2", "WO1999001234A2"),
    ("KZ", "application", "2023/0456.1", "2023/0456.1"),
    ("JP", "application", "2020-123456", "2020-123456"),
    ("EA", "publication", "ea 045123 b1", "EA045123B1"),
    ("CN", "registration", "2023SR0123456", "2023SR0123456"),
    ("CN", "registration", "BS.23501234.5", "BS.23501234.5"),
]


@pytest.mark.parametrize(("office", "kind", "raw", "normalised"), GOOD)
def test_numbers_normalise_to_one_spelling(
    office: str, kind: str, raw: str, normalised: str
) -> None:
    assert normalise_number(office, kind, raw) == normalised


@pytest.mark.parametrize(("office", "kind", "raw", "normalised"), GOOD)
def test_a_normalised_number_normalises_to_itself(
    office: str, kind: str, raw: str, normalised: str
) -> None:
    assert normalise_number(office, kind, normalised) == normalised


BAD = [
    ("US", "application", "00/123,456"),
    ("US", "application", "16/12,345"),
    ("US", "application", "16/1234567"),
    ("US", "publication", "US20200123456"),
    ("US", "publication", "US2020123456A1"),
    ("US", "publication", "US11234567"),
    ("US", "grant", "US11234567A1"),
    ("US", "grant", "USD912345B2"),
    ("US", "grant", "US123456789"),
    ("US", "grant", "EP1234567B1"),
    ("EP", "application", "EP2312345.6"),
    ("EP", "application", "EP231234567"),
    ("EP", "publication", "EP1234567"),
    ("EP", "publication", "EP123456A1"),
    ("EP", "publication", "EP1234567C1"),
    ("EP", "grant", "EP1234567A1"),
    ("WO", "application", "PCT/XX2023/123456"),
    ("WO", "application", "PCT/CN2023/12345"),
    ("WO", "application", "PCT/CN03/123456"),
    ("WO", "application", "CN2023/123456"),
    ("WO", "publication", "WO2023/12345"),
    ("WO", "publication", "WO2023123456B1"),
    ("JP", "application", "特願2020-123456"),
    ("JP", "application", "ABC"),
    ("CN", "registration", "-2023SR0123456"),
    ("CN", "registration", "2023 SR 0123456; DROP TABLE"),
]


@pytest.mark.parametrize(("office", "kind", "raw"), BAD)
def test_malformed_numbers_are_refused_naming_the_field(office: str, kind: str, raw: str) -> None:
    with pytest.raises(Invalid) as error:
        normalise_number(office, kind, raw, "identifiers.2.number")

    assert (error.value.code, error.value.field) == (
        "ip_identifier.malformed",
        "identifiers.2.number",
    )
    assert f"{office} {kind} number" in error.value.message


def test_wipo_grants_no_patents() -> None:
    with pytest.raises(Invalid) as error:
        normalise_number("WO", "grant", "WO2023123456", "grant_number")

    assert (error.value.code, error.value.field) == ("ip_identifier.not_issued", "grant_number")
