"""Which language a request gets: the first of its preferences that dealtrail speaks."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from dealtrail.web.i18n.languages import CHINESE, ENGLISH, preferred, spoken


def accept(header: str) -> LanguageAccept:
    return parse_accept_header(header, LanguageAccept)


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", CHINESE),
        ("zh-Hans-CN", CHINESE),
        ("zh_SG", CHINESE),
        ("ZH", CHINESE),
        ("en-GB,en;q=0.9", ENGLISH),
        ("fr-FR,en;q=0.5,zh;q=0.4", ENGLISH),
        ("en;q=0.3,zh-CN;q=0.8", CHINESE),
        ("zh-TW,en;q=0.7", ENGLISH),  # traditional script is not translated: the next preference
        ("zh-Hant-HK,zh;q=0.5", CHINESE),
        ("zh-CN;q=0,en", ENGLISH),
        ("zh-Hans-TW", CHINESE),  # a script, once named, decides
        ("zh-Hant-CN,en;q=0.5", ENGLISH),
        ("zh-Latn-pinyin,en;q=0.5", ENGLISH),
        ("zh-yue,en;q=0.5", ENGLISH),  # Cantonese: not Mandarin in simplified script
        ("zh-cmn-Hans-CN", CHINESE),
        ("zh-min-nan", None),
        ("zh-419", CHINESE),
        ("fr, de", None),
        ("", None),
    ],
)
def test_the_first_preference_spoken_wins(header: str, language: str | None) -> None:
    assert preferred(accept(header)) == language


def test_a_tag_is_read_without_regard_to_case_or_separator() -> None:
    assert [spoken(t) for t in ("zh-hans", "ZH_HANS", "en-us", "zh-mo", "")] == [
        CHINESE,
        CHINESE,
        ENGLISH,
        None,
        None,
    ]
