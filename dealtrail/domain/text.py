"""Free text given by people: trimmed, free of control characters, never blank where required.

One-line text (names, titles, codes, references) holds no control character at all: no tab and
no line break of any kind (LF, CR, NEL, U+2028, U+2029). Multi-line text (summaries,
descriptions, deliverables, reasons, comments) keeps its tabs and line breaks (LF, CR, U+2028,
U+2029) and refuses the other control characters, never meant as text (NUL, escapes, the C1
controls, NEL among them: it is what a Windows ellipsis becomes when read as Latin-1).

Text is blank when no character of it shows anything. Unicode marks most such characters by
property: White_Space; Default_Ignorable_Code_Point (zero-width spaces and joiners, direction
marks, variation selectors, the combining grapheme joiner, the Hangul fillers); controls; and
format characters (category Cf), except the prepended concatenation marks, which Unicode draws
(the Arabic number sign spans the digits after it). One character shows nothing by meaning
rather than by property: U+2800 BRAILLE PATTERN BLANK, the Braille cell with no dot raised
(Braille patterns are U+2800 plus one bit per raised dot). Braille uses it for a space or the
lack of content, and Unicode's code chart notes it is often imaged as a blank but "does not act
as a space": so it is neither White_Space nor default-ignorable, and it is named here. It says
nothing, to the eye or to the finger.
"""

from __future__ import annotations

import regex

from dealtrail.domain.errors import fail

# Forbidden in every text: control characters other than tab, LF and CR.
CONTROL_CHARACTERS = regex.compile(r"[\p{Cc}--[\t\n\r]]", regex.V1)
# Forbidden in one-line text: every control character and the line and paragraph separators.
LINE_BREAKS_AND_CONTROLS = regex.compile(r"[\p{Cc}\p{Zl}\p{Zp}]")

BRAILLE_BLANK = "\u2800"
BLANK = regex.compile(
    rf"[[\p{{White_Space}}\p{{Default_Ignorable_Code_Point}}\p{{Cc}}\p{{Cf}}{BRAILLE_BLANK}]"
    r"--\p{Prepended_Concatenation_Mark}]*",
    regex.V1,
)


def is_blank(value: str) -> bool:
    """True when no character of `value` shows anything (and when it is empty)."""
    return BLANK.fullmatch(value) is not None


def clean_text(value: str, what: str, field: str | None = None, *, one_line: bool = True) -> str:
    """`value` trimmed; refused (`text.control_character`) if it holds a character text of its
    kind must not: any control character or line break in one line, control characters other
    than tab and line breaks in many."""
    if one_line and LINE_BREAKS_AND_CONTROLS.search(value):
        which = "tabs, line breaks or other control characters: it is one line"
        raise fail("text.control_character", field or what, what=what, which=which)
    if CONTROL_CHARACTERS.search(value):
        which = "control characters other than tabs and line breaks"
        raise fail("text.control_character", field or what, what=what, which=which)
    return value.strip()


def required_text(value: str, what: str, field: str | None = None, *, one_line: bool = True) -> str:
    """`clean_text`, and refused (`text.blank`) if nothing of it shows."""
    cleaned = clean_text(value, what, field, one_line=one_line)
    if is_blank(cleaned):
        raise fail("text.blank", field or what, what=what)
    return cleaned


def reason_text(value: str, what: str = "reason", field: str | None = None) -> str:
    """A reason, rationale or request: `required_text` of several lines."""
    return required_text(value, what, field, one_line=False)
