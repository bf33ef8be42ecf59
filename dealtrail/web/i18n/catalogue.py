"""The catalogue read from the .po files, per language: code labels, the dashboard's texts,
country names.

The .po files are the source (no compiled .mo is kept beside them to drift): each domain is read
once per process with Babel and served from memory. English needs no file: its texts are the
msgids. An entry that is fuzzy or untranslated falls back to English (tests keep both catalogues
complete).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pycountry
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from dealtrail.web.i18n.codes import LABELS
from dealtrail.web.i18n.languages import CHINESE, ENGLISH

TRANSLATIONS = Path(__file__).parent / "translations"
LOCALES = {CHINESE: "zh_Hans"}  # our language tags -> the catalogue folders (gettext names)
# Where the CLDR name is not the one the trading centres use in Chinese.
COUNTRY_NAMES = {CHINESE: {"TW": "中国台湾"}}


def po_path(language: str, domain: str) -> Path:
    return TRANSLATIONS / LOCALES[language] / "LC_MESSAGES" / f"{domain}.po"


@cache
def catalog(language: str, domain: str) -> Catalog:
    with po_path(language, domain).open("rb") as po:
        return read_po(po, locale=LOCALES[language], domain=domain)


def translate(language: str, domain: str, text: str, context: str | None = None) -> str:
    """`text` (an English msgid) in `language`; English itself if there is no translation."""
    if language == ENGLISH:
        return text
    message = catalog(language, domain).get(text, context=context)
    if message is None or message.fuzzy or not message.string:
        return text
    return str(message.string)


@cache
def code_labels(language: str) -> dict[str, str]:
    """Every code's label in `language`, by key (`status.agreement.open_for_signature`)."""
    return {key: translate(language, "codes", text, context=key) for key, text in LABELS.items()}


@cache
def countries(language: str) -> dict[str, str]:
    """Every ISO 3166-1 country or region's name in `language` (CLDR), by alpha-2 code."""
    names = Locale.parse(LOCALES.get(language, language)).territories
    own = COUNTRY_NAMES.get(language, {})
    return {
        c.alpha_2: own.get(c.alpha_2) or names.get(c.alpha_2) or c.name for c in pycountry.countries
    }


@cache
def numeric_codes() -> dict[str, str]:
    """ISO 3166-1 numeric code -> alpha-2: how world maps (Natural Earth, world-atlas) name them."""
    return {c.numeric: c.alpha_2 for c in pycountry.countries}
