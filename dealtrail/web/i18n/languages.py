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
TRADITIONAL = ("hant", "tw", "hk", "mo")


def spoken(tag: str) -> str | None:
    """The language we speak for a BCP 47 tag (`zh-CN` -> zh-Hans), or None."""
    parts = tag.strip().lower().replace("_", "-").split("-")
    if parts[0] == "en":
        return ENGLISH
    if parts[0] == "zh" and not any(part in TRADITIONAL for part in parts[1:]):
        return CHINESE
    return None


def preferred(accept: LanguageAccept) -> str | None:
    """The first language of an Accept-Language header (by quality) that we speak, or None."""
    for tag, quality in accept:  # werkzeug keeps them sorted by quality
        if quality > 0 and (language := spoken(tag)):
            return language
    return None
