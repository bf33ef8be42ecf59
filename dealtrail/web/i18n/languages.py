"""The languages dealtrail speaks, and which one a request gets.

A request names one (`?lang=` on the dashboard) or lists its preferences (`Accept-Language`); the
first preference we speak wins. Chinese in traditional script (zh-Hant, zh-TW, zh-HK, zh-MO) is not
translated yet, so such a preference passes to the next one rather than getting simplified script.
"""

from __future__ import annotations

from werkzeug.datastructures import LanguageAccept

ENGLISH = "en"
CHINESE = "zh-Hans"
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}  # each named in itself, for the switch
# How each writes dates and numbers (a browser's Intl locale): British English, as the texts
# spell; mainland Chinese conventions for simplified Chinese.
FORMATS = {ENGLISH: "en-GB", CHINESE: "zh-CN"}
TRADITIONAL_REGIONS = ("tw", "hk", "mo")  # where Chinese is written in traditional script
MANDARIN = "cmn"


def spoken(tag: str) -> str | None:
    """The language we speak for a BCP 47 tag (`zh-CN` -> zh-Hans), or None.

    For Chinese a script subtag decides (`zh-Hans-TW` is simplified, `zh-Hant-CN` and
    `zh-Latn-pinyin` are not); without one, a region that writes traditional script, or another
    Chinese language than Mandarin (`zh-yue`, Cantonese), is not ours.
    """
    language, *rest = tag.strip().lower().replace("_", "-").split("-")
    if language == "en":
        return ENGLISH
    if language != "zh":
        return None
    script = next((part for part in rest if len(part) == 4 and part.isalpha()), None)
    if script is not None:
        return CHINESE if script == "hans" else None
    extlang = rest[0] if rest and len(rest[0]) == 3 and rest[0].isalpha() else MANDARIN
    if extlang != MANDARIN or any(part in TRADITIONAL_REGIONS for part in rest):
        return None
    return CHINESE


def preferred(accept: LanguageAccept) -> str | None:
    """The first language of an Accept-Language header (by quality) that we speak, or None."""
    for tag, quality in accept:  # werkzeug keeps them sorted by quality
        if quality > 0 and (language := spoken(tag)):
            return language
    return None
