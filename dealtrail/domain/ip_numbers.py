"""Patent numbers as each office writes them, normalised to one canonical spelling.

However a number was typed (spaces, thousands commas, full-width digits, lower case), the same
number normalises to the same string, so identifiers compare and search reliably:

- CN: applications `CN 2020 1056 6088.9` → `CN202010566088.9` (the check digit is verified when
  given and computed when not; the pre-2003 eight-digit form too); publications and grants
  `CN 112345678 A` → `CN112345678A` (kinds A, B, C, U, Y, S); patent numbers `ZL202010566088.9`.
- US: applications `16/123,456` → `US16/123456`; publications `US 2020/0123456 A1` →
  `US20200123456A1`; grants `US 11,234,567 B2` → `US11234567B2`, `D912,345 S` → `USD912345S`.
- EP: applications `EP 23 123 456.7` → `EP23123456.7` (check digit kept, not verified);
  publications and grants `EP 1 234 567 B1` → `EP1234567B1`.
- WO: international applications `pct/cn2023/123456` → `PCT/CN2023/123456`; publications
  `WO 2023/123456 A1` → `WO2023123456A1`, `WO 99/01234` → `WO1999001234`. WIPO grants no
  patents.
- Any other office, and registration numbers (software copyrights, IC layouts): letters, digits
  and `. / -` only, upper case, spaces removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pycountry

from dealtrail.domain.errors import fail

SEPARATORS = re.compile(r"[\s,]+")
GENERIC = re.compile(r"[A-Z0-9][A-Z0-9./-]{1,39}")
# Receiving offices for PCT applications besides national ones.
INTERNATIONAL_RECEIVING_OFFICES = frozenset({"IB", "EP", "EA", "AP", "OA"})

CN_APPLICATION = re.compile(
    r"(?P<prefix>CN|ZL)?(?P<body>\d{12}|\d{8})(?:\.?(?P<check>[0-9X]))?", re.ASCII
)
CN_PUBLICATION = re.compile(r"(?:CN)?(?P<number>\d{7,9})(?P<kind>[ABCUYS][89]?)", re.ASCII)
CN_GRANT_KINDS = frozenset("BCUYS")
CN_APPLICATION_TYPES = frozenset("12389")  # invention, utility model, design, PCT entries

US_APPLICATION = re.compile(r"(?:US)?(?P<series>\d{2})/?(?P<serial>\d{6})", re.ASCII)
US_PRE_GRANT = re.compile(r"(?:US)?(?P<year>20\d{2})/?(?P<serial>\d{7})(?P<kind>A[129])", re.ASCII)
US_GRANT = re.compile(
    r"(?:US)?(?P<series>D|RE|PP)?0*(?P<number>[1-9]\d{0,7})(?P<kind>[A-Z]\d?)?", re.ASCII
)
US_GRANT_KINDS = {"": {"B1", "B2"}, "D": {"S"}, "RE": {"E"}, "PP": {"P2", "P3"}}

EP_APPLICATION = re.compile(r"(?:EP)?(?P<body>\d{8})(?:\.(?P<check>\d))?", re.ASCII)
EP_PUBLICATION = re.compile(r"(?:EP)?(?P<number>\d{7})(?P<kind>A[1-489]|B[1-389])", re.ASCII)
EP_GRANT = re.compile(r"(?:EP)?(?P<number>\d{7})(?P<kind>B[1-3])?", re.ASCII)

PCT_APPLICATION = re.compile(
    r"PCT/?(?P<office>[A-Z]{2})/?(?P<year>\d{4}|\d{2})/?(?P<serial>\d{5,6})", re.ASCII
)
WO_PUBLICATION = re.compile(
    r"WO(?P<year>\d{4}|\d{2})/?(?P<serial>\d{5,6})(?P<kind>A[1-489])?", re.ASCII
)


def compact(raw: str) -> str:
    """Full-width characters folded to ASCII, spaces and commas removed, upper case."""
    return SEPARATORS.sub("", unicodedata.normalize("NFKC", raw)).upper()


def cn_check_digit(body: str) -> str:
    """CNIPA's check digit: digits weighted 2, 3, ... 9, 2, 3, ... from the left, modulo 11."""
    remainder = sum(int(d) * (2 + i % 8) for i, d in enumerate(body)) % 11
    return "X" if remainder == 10 else str(remainder)


def _cn_body(body: str) -> bool:
    if len(body) == 12:
        return 2003 <= int(body[:4]) <= 2099 and body[4] in CN_APPLICATION_TYPES
    return (int(body[:2]) >= 85 or int(body[:2]) <= 3) and body[2] in CN_APPLICATION_TYPES


def _cn_checked(text: str, field: str, prefixes: set[str]) -> str | None:
    match = CN_APPLICATION.fullmatch(text)
    if not match or (match["prefix"] or "CN") not in prefixes or not _cn_body(match["body"]):
        return None
    expected = cn_check_digit(match["body"])
    if match["check"] is not None and match["check"] != expected:
        raise fail("ip_identifier.wrong_check_digit", field, number=text, expected=expected)
    return f"{match['prefix'] or 'CN'}{match['body']}.{expected}"


def _cn_application(text: str, field: str) -> str | None:
    return _cn_checked(text, field, {"CN"})


def _cn_publication(text: str, field: str) -> str | None:
    match = CN_PUBLICATION.fullmatch(text)
    return f"CN{match['number']}{match['kind']}" if match else None


def _cn_grant(text: str, field: str) -> str | None:
    if text.startswith("ZL"):
        return _cn_checked(text, field, {"ZL"})
    match = CN_PUBLICATION.fullmatch(text)
    if not match or match["kind"][0] not in CN_GRANT_KINDS:
        return None
    return f"CN{match['number']}{match['kind']}"


def _us_application(text: str, field: str) -> str | None:
    match = US_APPLICATION.fullmatch(text)
    if not match or match["series"] == "00":
        return None
    return f"US{match['series']}/{match['serial']}"


def _us_grant_number(text: str, *, kind_required: bool) -> str | None:
    match = US_GRANT.fullmatch(text)
    if not match:
        return None
    series, kind = match["series"] or "", match["kind"] or ""
    if (kind or kind_required) and kind not in US_GRANT_KINDS[series]:
        return None
    return f"US{series}{match['number']}{kind}"


def _us_publication(text: str, field: str) -> str | None:
    match = US_PRE_GRANT.fullmatch(text)
    if match:
        return f"US{match['year']}{match['serial']}{match['kind']}"
    return _us_grant_number(text, kind_required=True)


def _us_grant(text: str, field: str) -> str | None:
    return _us_grant_number(text, kind_required=False)


def _ep_application(text: str, field: str) -> str | None:
    match = EP_APPLICATION.fullmatch(text)
    if not match:
        return None
    return f"EP{match['body']}" + (f".{match['check']}" if match["check"] else "")


def _ep_publication(text: str, field: str) -> str | None:
    match = EP_PUBLICATION.fullmatch(text)
    return f"EP{match['number']}{match['kind']}" if match else None


def _ep_grant(text: str, field: str) -> str | None:
    match = EP_GRANT.fullmatch(text)
    return f"EP{match['number']}{match['kind'] or ''}" if match else None


def _receiving_office(code: str) -> bool:
    return code in INTERNATIONAL_RECEIVING_OFFICES or bool(pycountry.countries.get(alpha_2=code))


def _pct_application(text: str, field: str) -> str | None:
    match = PCT_APPLICATION.fullmatch(text)
    if not match or not _receiving_office(match["office"]):
        return None
    year, serial = match["year"], match["serial"]
    if (len(year), len(serial)) not in ((4, 6), (2, 5)):
        return None
    return f"PCT/{match['office']}{year}/{serial}"


def _wo_publication(text: str, field: str) -> str | None:
    match = WO_PUBLICATION.fullmatch(text)
    if not match:
        return None
    year, serial = match["year"], match["serial"]
    if len(year) == 4 and len(serial) == 5:
        return None
    if len(year) == 2:  # before 2004: WO 99/01234, WO 03/012345
        year = ("19" if int(year) >= 78 else "20") + year
    return f"WO{year}{int(serial):06d}{match['kind'] or ''}"


def _generic(text: str, field: str) -> str | None:
    return text if GENERIC.fullmatch(text) and any(c.isdigit() for c in text) else None


Normaliser = Callable[[str, str], str | None]

NORMALISERS: dict[tuple[str, str], Normaliser] = {
    ("CN", "application"): _cn_application,
    ("CN", "publication"): _cn_publication,
    ("CN", "grant"): _cn_grant,
    ("US", "application"): _us_application,
    ("US", "publication"): _us_publication,
    ("US", "grant"): _us_grant,
    ("EP", "application"): _ep_application,
    ("EP", "publication"): _ep_publication,
    ("EP", "grant"): _ep_grant,
    ("WO", "application"): _pct_application,
    ("WO", "publication"): _wo_publication,
}

NOT_ISSUED = frozenset({("WO", "grant")})


def normalise_number(office: str, kind: str, raw: str, field: str = "number") -> str:
    """The canonical spelling of a `kind` number (application, publication, grant,
    registration) at `office`; a malformed number is refused naming `field`."""
    if (office, kind) in NOT_ISSUED:
        raise fail("ip_identifier.not_issued", field, office=office, kind=kind)
    normaliser = NORMALISERS.get((office, kind), _generic)
    normalised = normaliser(compact(raw), field)
    if normalised is None:
        raise fail("ip_identifier.malformed", field, number=raw.strip(), office=office, kind=kind)
    return normalised
