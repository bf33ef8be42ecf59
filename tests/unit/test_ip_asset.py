"""IP asset: registration by its holder, with numbers normalised by the jurisdiction's office."""

from __future__ import annotations

import pytest

from dealtrail.domain.errors import DomainError, Invalid
from dealtrail.domain.ip_asset import AssetStatus, IpAsset
from dealtrail.domain.ip_identifiers import AssetKind, IdentifierKind, IpIdentifier

from .conftest import event_names
from .ip_builders import HOLDER

pytestmark = pytest.mark.usefixtures("staff")


def register(**changes: object) -> IpAsset:
    args: dict[str, object] = {
        "holder_party_id": HOLDER,
        "kind": "patent",
        "jurisdiction": "US",
        "title": "  Self-healing concrete admixture ",
        "identifiers": [("application", "16/123,456"), ("grant", "US 11,234,567 B2")],
    } | changes
    return IpAsset.register(**args)  # type: ignore[arg-type]


def refusal(**changes: object) -> DomainError:
    with pytest.raises(DomainError) as error:
        register(**changes)
    return error.value


def test_a_registered_asset_is_pending_and_owned_of_record_by_its_holder() -> None:
    asset = register()

    assert event_names(asset) == ["IpAsset.Registered"]
    assert (asset.kind, asset.jurisdiction, asset.status) == (
        AssetKind.PATENT,
        "US",
        AssetStatus.PENDING,
    )
    assert asset.holder_party_id == asset.owner_party_id == HOLDER
    assert asset.title == "Self-healing concrete admixture"
    assert asset.identifiers == [
        IpIdentifier(IdentifierKind.APPLICATION, "US16/123456"),
        IpIdentifier(IdentifierKind.GRANT, "US11234567B2"),
    ]
    assert asset.title_transfers == []


@pytest.mark.parametrize(
    ("jurisdiction", "identifiers", "expected"),
    [
        ("cn", [("application", "202010566088")], ["CN202010566088.9"]),
        ("EP", [("publication", "EP 1 234 567 A1")], ["EP1234567A1"]),
        ("WO", [("application", "PCT/CN2023/123456")], ["PCT/CN2023/123456"]),
        ("EA", [("publication", "EA 045123 B1")], ["EA045123B1"]),
        ("KZ", [], []),
    ],
)
def test_patents_are_filed_with_a_country_or_a_regional_office(
    jurisdiction: str, identifiers: list[tuple[str, str]], expected: list[str]
) -> None:
    asset = register(jurisdiction=jurisdiction, identifiers=identifiers)

    assert asset.jurisdiction == jurisdiction.upper()
    assert [i.number for i in asset.identifiers] == expected


@pytest.mark.parametrize(
    ("kind", "identifiers"),
    [
        ("utility_model", [("application", "CN202322865413.3"), ("grant", "CN218123456U")]),
        ("design", [("publication", "CN307123456S")]),
        ("software_copyright", [("registration", "2023SR0123456")]),
        ("ic_layout", [("registration", "BS.23501234.5")]),
        ("know_how", []),
    ],
)
def test_each_kind_of_asset_carries_its_own_kind_of_number(
    kind: str, identifiers: list[tuple[str, str]]
) -> None:
    asset = register(kind=kind, jurisdiction="CN", identifiers=identifiers)

    assert asset.kind == kind
    assert len(asset.identifiers) == len(identifiers)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"kind": "trademark"}, "ip_asset.unknown_kind", "kind"),
        ({"jurisdiction": "XX"}, "ip_office.unknown", "jurisdiction"),
        ({"jurisdiction": "EPO"}, "ip_office.unknown", "jurisdiction"),
        ({"kind": "design", "jurisdiction": "EP"}, "ip_office.kind_not_filed", "jurisdiction"),
        ({"kind": "know_how", "jurisdiction": "WO"}, "ip_office.kind_not_filed", "jurisdiction"),
        ({"title": " "}, "text.blank", "title"),
        (
            {"identifiers": [("grant", "US 11,234,567 B2"), ("grant", "US11234567B2")]},
            "ip_identifier.duplicate",
            "identifiers.1.number",
        ),
        (
            {"identifiers": [("application", "16/123,456"), ("grant", "11,234,567 A1")]},
            "ip_identifier.malformed",
            "identifiers.1.number",
        ),
        (
            {"identifiers": [("priority", "16/123,456")]},
            "ip_identifier.unknown_kind",
            "identifiers.0.kind",
        ),
        (
            {"kind": "know_how", "identifiers": [("application", "16/123,456")]},
            "ip_identifier.not_for_kind",
            "identifiers.0.kind",
        ),
        (
            {"kind": "software_copyright", "identifiers": [("grant", "US11234567")]},
            "ip_identifier.not_for_kind",
            "identifiers.0.kind",
        ),
        (
            {"kind": "patent", "identifiers": [("registration", "TX0009123456")]},
            "ip_identifier.not_for_kind",
            "identifiers.0.kind",
        ),
        (
            {"jurisdiction": "CN", "identifiers": [("application", "CN202010566088.1")]},
            "ip_identifier.wrong_check_digit",
            "identifiers.0.number",
        ),
        (
            {"jurisdiction": "WO", "identifiers": [("grant", "WO2023123456")]},
            "ip_identifier.not_issued",
            "identifiers.0.number",
        ),
    ],
)
def test_registration_refuses_bad_values_naming_the_field(
    changes: dict[str, object], code: str, field: str
) -> None:
    error = refusal(**changes)

    assert (type(error), error.code, error.field) == (Invalid, code, field)
