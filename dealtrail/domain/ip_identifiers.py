"""What kind of IP right an asset is, where it is filed, and the numbers its office gave it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import pycountry

from dealtrail.domain.choice import one_of
from dealtrail.domain.errors import fail
from dealtrail.domain.ip_numbers import normalise_number
from dealtrail.domain.unique_key import UniqueKey


class AssetKind(StrEnum):
    PATENT = "patent"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"
    SOFTWARE_COPYRIGHT = "software_copyright"
    IC_LAYOUT = "ic_layout"
    KNOW_HOW = "know_how"


class IdentifierKind(StrEnum):
    APPLICATION = "application"
    PUBLICATION = "publication"
    GRANT = "grant"
    REGISTRATION = "registration"


# Regional and international offices accepted besides ISO 3166-1 countries; they file patents
# only (WO: international applications under the PCT).
REGIONAL_OFFICES = {
    "EP": "European Patent Office",
    "EA": "Eurasian Patent Office",
    "WO": "World Intellectual Property Organization (PCT)",
}

FILED = (IdentifierKind.APPLICATION, IdentifierKind.PUBLICATION, IdentifierKind.GRANT)
REGISTERED = (IdentifierKind.REGISTRATION,)

NUMBERS: dict[AssetKind, tuple[IdentifierKind, ...]] = {
    AssetKind.PATENT: FILED,
    AssetKind.UTILITY_MODEL: FILED,
    AssetKind.DESIGN: FILED,
    AssetKind.SOFTWARE_COPYRIGHT: REGISTERED,
    AssetKind.IC_LAYOUT: REGISTERED,
    AssetKind.KNOW_HOW: (),
}


def asset_kind(kind: str) -> AssetKind:
    return one_of(AssetKind, kind, "ip_asset.unknown_kind", "kind")


def identifier_kind(kind: str, field: str) -> IdentifierKind:
    return one_of(IdentifierKind, kind, "ip_identifier.unknown_kind", field, "kind")


def ip_office(code: str, field: str) -> str:
    """An ISO 3166-1 alpha-2 country, or a regional office (EP, EA, WO), in upper case."""
    normalised = code.strip().upper()
    if normalised in REGIONAL_OFFICES or (
        len(normalised) == 2 and pycountry.countries.get(alpha_2=normalised) is not None
    ):
        return normalised
    raise fail("ip_office.unknown", field, code=code)


def check_filed_at(kind: AssetKind, office: str, field: str = "jurisdiction") -> None:
    if office in REGIONAL_OFFICES and kind != AssetKind.PATENT:
        raise fail("ip_office.kind_not_filed", field, office=office, kind=kind)


def grant_number_kind(kind: AssetKind) -> IdentifierKind:
    """The kind of number a grant (or a registration) gives an asset of this kind."""
    return IdentifierKind.REGISTRATION if NUMBERS[kind] == REGISTERED else IdentifierKind.GRANT


@dataclass(frozen=True)
class IpIdentifier:
    kind: IdentifierKind
    number: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", IdentifierKind(self.kind))

    @classmethod
    def of(
        cls, asset: AssetKind, office: str, kind: IdentifierKind, raw: str, field: str
    ) -> IpIdentifier:
        """A number of `kind` for an asset of kind `asset` filed at `office`, normalised;
        `field` names the input (`<field>.kind`, `<field>.number`) in errors."""
        if kind not in NUMBERS[asset]:
            raise fail("ip_identifier.not_for_kind", f"{field}.kind", asset=asset, kind=kind)
        return cls(kind, normalise_number(office, kind, raw, f"{field}.number"))

    def unique_key(self, office: str, field: str) -> UniqueKey:
        """A number (normalised) is unique at its office among the numbers of its kind; a
        second asset given it is refused naming the input `field`."""
        return UniqueKey(
            f"ip-number:{office}:{self.kind}:{self.number}",
            "ip_asset.already_registered",
            field,
            {"office": office, "kind": str(self.kind), "number": self.number},
        )


def identifiers_for(
    asset: AssetKind, office: str, given: Sequence[tuple[str, str]], field: str = "identifiers"
) -> list[IpIdentifier]:
    """The (kind, number) pairs given for a new asset, normalised; a number given twice (in any
    spelling) is refused."""
    found: list[IpIdentifier] = []
    for index, (kind, raw) in enumerate(given):
        at = f"{field}.{index}"
        identifier = IpIdentifier.of(asset, office, identifier_kind(kind, f"{at}.kind"), raw, at)
        if identifier in found:
            raise fail("ip_identifier.duplicate", f"{at}.number", number=identifier.number)
        found.append(identifier)
    return found
