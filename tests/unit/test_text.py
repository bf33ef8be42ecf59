"""The text rules: what is blank, what one line may hold, what many lines keep."""

from __future__ import annotations

import sys

import pytest
import regex

from dealtrail.domain.api_token import MAX_HOLDER, ApiToken, holder_name
from dealtrail.domain.errors import Invalid
from dealtrail.domain.text import clean_text, is_blank, reason_text, required_text

INVISIBLE = {
    "empty": "",
    "spaces": "   ",
    "no-break and ideographic spaces": "\u00a0\u3000",
    "zero width space": "\u200b",
    "joiners": "\u200d\u200c\u2060",
    "direction marks and overrides": "\u200e\u200f\u202e\u2066",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "hangul filler": "\u3164",
    "halfwidth hangul filler": "\uffa0",
    "hangul choseong and jungseong fillers": "\u115f\u1160",
    "braille pattern blank": "\u2800",
    "combining grapheme joiner": "\u034f",
    "variation selectors": "\ufe0f\ufe00\U000e0100",
    "mongolian vowel separator": "\u180e",
    "tag characters": "\U000e0041\U000e007f",
    "interlinear annotation anchor": "\ufff9",
}

SHOWS_SOMETHING = {
    "a letter among fillers": "\u3164a\u3164",
    "a raised braille dot": "\u2801",
    "an emoji with its selector": "\u2764\ufe0f",
    "a lone combining accent": "\u0301",
    "arabic number sign (a visible format character)": "\u0600",
    "end of ayah": "\u06dd",
    "a digit": "0",
    "private use": "\ue000",
}


@pytest.mark.parametrize("text", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_text_of_characters_that_show_nothing_is_blank(text: str) -> None:
    assert is_blank(text)
    with pytest.raises(Invalid) as refused:
        required_text(f" {text} ", "name")
    assert (refused.value.code, refused.value.field) == ("text.blank", "name")


@pytest.mark.parametrize("text", SHOWS_SOMETHING.values(), ids=SHOWS_SOMETHING.keys())
def test_text_with_one_character_that_shows_is_kept_as_given_but_trimmed(text: str) -> None:
    assert not is_blank(text)
    assert required_text(f"  {text} ", "name") == text


def test_every_white_space_and_default_ignorable_character_is_blank_by_itself() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    by_property = regex.findall(r"[\p{White_Space}\p{Default_Ignorable_Code_Point}]", every)
    assert len(by_property) > 4000
    assert [f"U+{ord(c):04X}" for c in by_property if not is_blank(c)] == []


ONE_LINE_REFUSED = {
    "line feed": "\n",
    "carriage return": "\r",
    "tab": "\t",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "next line": "\u0085",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "NUL": "\x00",
    "escape": "\x1b",
    "delete": "\x7f",
    "C1 control sequence introducer": "\u009b",
}


@pytest.mark.parametrize("char", ONE_LINE_REFUSED.values(), ids=ONE_LINE_REFUSED.keys())
def test_one_line_holds_no_control_character_nor_line_break(char: str) -> None:
    for check in (clean_text, required_text):
        with pytest.raises(Invalid) as refused:
            check(f"Xi'an{char}Jiaotong", "signatory name", "signatory_name")
        assert (refused.value.code, refused.value.field) == (
            "text.control_character",
            "signatory_name",
        )
        assert "one line" in refused.value.message


def test_a_line_break_at_the_end_of_one_line_is_refused_not_trimmed() -> None:
    with pytest.raises(Invalid):
        required_text("Xi'an Jiaotong University\n", "name")


@pytest.mark.parametrize("char", ["\n", "\r\n", "\t", "\u2028", "\u2029"])
def test_many_lines_keep_their_line_breaks_and_tabs(char: str) -> None:
    text = f"Annual fee{char}not paid"
    assert clean_text(text, "summary", one_line=False) == text
    assert reason_text(f" {text}\n") == text


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b", "\x7f", "\u0085", "\u009b"])
def test_many_lines_still_refuse_other_control_characters(char: str) -> None:
    with pytest.raises(Invalid) as refused:
        reason_text(f"Annual fee{char}not paid")
    assert (refused.value.code, refused.value.field) == ("text.control_character", "reason")


def test_a_reason_of_blank_lines_is_blank() -> None:
    with pytest.raises(Invalid) as refused:
        reason_text("\u3164\n\t\u2800\r\n")
    assert refused.value.code == "text.blank"


@pytest.mark.parametrize("name", ["", "\u200b", "\u3164\u2800", "Li\nNa", "Li\tNa"])
def test_a_token_holder_is_one_line_that_shows(name: str) -> None:
    with pytest.raises(Invalid) as refused:
        holder_name(name)
    assert refused.value.field == "name"
    with pytest.raises(Invalid):
        ApiToken.issue("0123456789abcdef", name, "staff")


def test_a_token_holder_fits_the_actor_the_store_keeps() -> None:
    assert holder_name(f" {'n' * MAX_HOLDER} ") == "n" * MAX_HOLDER
    with pytest.raises(Invalid) as refused:
        holder_name("n" * (MAX_HOLDER + 1))
    assert refused.value.code == "token.name_too_long"
    assert len(f"dashboard:token:{'0' * 16}:{'n' * MAX_HOLDER}") <= 300
