"""ROR ID: the Research Organization Registry's identifier of universities and institutes.

python-stdnum has no module for it, so this one follows stdnum's conventions (`compact`,
`validate` raising its exceptions) and uses stdnum's ISO 7064 MOD 97-10 for the check digits:
`0`, six Crockford base32 characters, then two check digits over the base32 value, e.g.
`03vek6s52` (also written `https://ror.org/03vek6s52`).
"""

from __future__ import annotations

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.iso7064 import mod_97_10

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
DIGITS = frozenset("0123456789")
PREFIXES = ("https://ror.org/", "http://ror.org/", "ror.org/")


def compact(number: str) -> str:
    """The bare lower-case ID, without spaces or the registry's address."""
    number = "".join(number.split()).lower()
    for prefix in PREFIXES:
        if number.startswith(prefix):
            return number[len(prefix) :]
    return number


def validate(number: str) -> str:
    """The compact ID if it is well formed and its check digits agree; raises otherwise."""
    number = compact(number)
    if len(number) != 9:
        raise InvalidLength()
    body, check = number[1:7], number[7:]
    if number[0] != "0" or not set(body) <= set(CROCKFORD) or not set(check) <= DIGITS:
        raise InvalidFormat()
    value = 0
    for character in body:
        value = value * 32 + CROCKFORD.index(character)
    if mod_97_10.calc_check_digits(str(value)) != check:
        raise InvalidChecksum()
    return number
