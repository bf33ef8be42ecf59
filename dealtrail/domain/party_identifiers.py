"""Party identifiers: the registers a party is known by, each number checked and kept compact.

Every scheme is checked with python-stdnum (length, format, check digits) and stored in its
compact form (`9161 0000 …` → `91610000…`), so one party's number always reads the same. The
schemes are those of organisations: global ones, and national business or tax registers of the
countries the trading centres deal with that stdnum can check. Personal numbers (national
identity cards) are not among them: a natural person's identity is personal data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType

from stdnum import isni, lei, vatin
from stdnum.az import voen
from stdnum.by import unp
from stdnum.cn import uscc
from stdnum.eg import tn
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.id import npwp
from stdnum.rs import pib
from stdnum.ru import ogrn
from stdnum.tr import vkn
from stdnum.vn import mst

from dealtrail.domain import ror
from dealtrail.domain.errors import fail
from dealtrail.domain.text import required_text


@dataclass(frozen=True)
class Scheme:
    name: str
    number: ModuleType  # stdnum's convention: `validate(number)` returns the compact form


SCHEMES: dict[str, Scheme] = {
    "uscc": Scheme("Unified Social Credit Code of China", uscc),
    "lei": Scheme("Legal Entity Identifier, ISO 17442", lei),
    "isni": Scheme("International Standard Name Identifier, ISO 27729", isni),
    "ror": Scheme("Research Organization Registry ID", ror),
    "vat": Scheme("VAT number with its country prefix", vatin),
    "ru_ogrn": Scheme("Primary State Registration Number, OGRN, of Russia", ogrn),
    "by_unp": Scheme("Payer's account number, UNP, of Belarus", unp),
    "rs_pib": Scheme("Tax identification number, PIB, of Serbia", pib),
    "tr_vkn": Scheme("Tax identification number, VKN, of Türkiye", vkn),
    "id_npwp": Scheme("Taxpayer number, NPWP, of Indonesia", npwp),
    "eg_tn": Scheme("Tax registration number of Egypt", tn),
    "vn_mst": Scheme("Tax code, MST, of Viet Nam", mst),
    "az_voen": Scheme("Taxpayer identification number, VÖEN, of Azerbaijan", voen),
}

REASONS: tuple[tuple[type[ValidationError], str], ...] = (
    (InvalidLength, "it has the wrong length"),
    (InvalidChecksum, "its check digits do not match"),
    (InvalidFormat, "it has the wrong format"),
    (InvalidComponent, "a part of it is not valid"),
)


def party_identifiers(given: Mapping[str, str] | None) -> dict[str, str]:
    """Scheme → compact number, each checked; refused naming the scheme at fault."""
    return dict(map(_identifier, (given or {}).items()))


def _identifier(item: tuple[str, str]) -> tuple[str, str]:
    scheme = required_text(item[0], "identifier scheme", "identifiers")
    field = f"identifiers.{scheme}"
    known = SCHEMES.get(scheme)
    if known is None:
        raise fail(
            "party.unknown_identifier_scheme", field, scheme=scheme, accepted=", ".join(SCHEMES)
        )
    value = required_text(item[1], "identifier value", "identifiers")
    try:
        return scheme, known.number.validate(value)
    except ValidationError as error:
        raise fail(
            "party.invalid_identifier",
            field,
            value=value,
            scheme=scheme,
            name=known.name,
            reason=_reason(error),
        ) from None


def _reason(error: ValidationError) -> str:
    return next((reason for kind, reason in REASONS if isinstance(error, kind)), "it is not valid")
