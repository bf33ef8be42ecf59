"""`sort_key` folds text for sorting; its shortcut for ASCII text gives what the full folding
(compatibility decomposition, marks dropped, recomposition, case folding) gives."""

from __future__ import annotations

import unicodedata

import pytest

from dealtrail.infrastructure.views.base import sort_key


def _folded(text: str, length: int = 300) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).casefold()[:length]


ASCII = "".join(chr(i) for i in range(128))


@pytest.mark.parametrize(
    "text",
    [ASCII, ASCII[::-1], "Party 12-3", "MIT  Lab\t(Boston)", "", "x" * 400, "ABC" * 150],
)
def test_ascii_text_folds_as_the_full_folding_does(text: str) -> None:
    assert sort_key(text) == _folded(text)
    assert sort_key(text, 12) == _folded(text, 12)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Éclair", "eclair"),
        ("\uff21\uff22\uff23", "abc"),  # full-width letters
        ("Straße", "strasse"),
        ("北京大学", "北京大学"),
    ],
)
def test_other_text_is_folded_in_full(text: str, key: str) -> None:
    assert sort_key(text) == key == _folded(text)
