"""Text fields of every schema: one line or many, blank or not, by the domain's rules for text."""

from __future__ import annotations

from typing import Any

from marshmallow import fields, validate

from dealtrail.domain.errors import DomainError
from dealtrail.domain.text import clean_text, required_text
from dealtrail.web.api.schemas.refusals import refused

MAX_TEXT = 2_000
MAX_NAME = 300

# The domain's rules for control characters (dealtrail.domain.text), as JSON Schema patterns for
# the OpenAPI document: no C0 control, DEL or C1 control; one line also refuses the line and
# paragraph separators, many lines keep tab, LF and CR. Literal characters, not escapes, so that
# Python's, ECMA's and Rust's regex dialects read them alike.
ONE_LINE_CHARACTER = "[^\x00-\x1f\x7f-\x9f\u2028\u2029]"
MANY_LINES_CHARACTER = "[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
ONE_LINE = f"^{ONE_LINE_CHARACTER}*$"
# The characters that show nothing (dealtrail.domain.text.BLANK, one by one: a test checks they
# are the same), as ranges of code points: text that must say something holds one other.
BLANK_RANGES = (
    (0x0, 0x20), (0x7F, 0xA0), (0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160),
    (0x1680, 0x1680), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2000, 0x200F), (0x2028, 0x202F),
    (0x205F, 0x206F), (0x2800, 0x2800), (0x3000, 0x3000), (0x3164, 0x3164), (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFFB),
)  # fmt: skip
# Beyond the BMP, format controls and tags show nothing too, but the pattern leaves them out:
# schemathesis (4.32) rewrites them as `\U0001xxxx` escapes, which no ECMA dialect reads, and
# refuses the document. Text made of nothing else is refused (`text.blank`) though the pattern
# lets it through.
UNSTATED_BLANK_RANGES = (
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
SHOWING = "[^" + "".join(f"{chr(low)}-{chr(high)}" for low, high in BLANK_RANGES) + "]"


def text_pattern(*, one_line: bool, may_be_blank: bool) -> str:
    """The domain's rules for text of this kind, as a JSON Schema pattern."""
    character = ONE_LINE_CHARACTER if one_line else MANY_LINES_CHARACTER
    if may_be_blank:
        return f"^{character}*$"
    return f"^{character}*{SHOWING}{character}*$"


class TextField(fields.String):
    """Text that follows the domain's rules for text (dealtrail.domain.text): one line or many,
    blank or not. A request breaking them is refused at the field, with the code the domain
    would give; the value goes on as given, for the domain to trim."""

    def __init__(
        self,
        *,
        limit: int,
        one_line: bool,
        may_be_blank: bool,
        what: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.one_line = one_line
        self.may_be_blank = may_be_blank
        self.what = what  # as errors name it; the field's name by default
        pattern = text_pattern(one_line=one_line, may_be_blank=may_be_blank)
        metadata = {"pattern": pattern, **kwargs.pop("metadata", {})}
        super().__init__(
            validate=validate.Length(0 if may_be_blank else 1, limit), metadata=metadata, **kwargs
        )

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        check = clean_text if self.may_be_blank else required_text
        what = self.what or (self.data_key or attr or "text").replace("_", " ")
        try:
            check(text, what, one_line=self.one_line)
        except DomainError as error:
            raise refused(error) from None
        return text


def Name(limit: int = MAX_NAME, **kwargs: Any) -> fields.String:
    """One line that says something (a name, title, code, reference): 1 to `limit` characters."""
    return TextField(limit=limit, one_line=True, may_be_blank=False, **kwargs)


def Text(**kwargs: Any) -> fields.String:
    """Free text, possibly empty, tabs and line breaks kept, up to MAX_TEXT characters."""
    return TextField(limit=MAX_TEXT, one_line=False, may_be_blank=True, **kwargs)


def Reason(**kwargs: Any) -> fields.String:
    """Free text that must say something, tabs and line breaks kept, up to MAX_TEXT characters."""
    return TextField(limit=MAX_TEXT, one_line=False, may_be_blank=False, **kwargs)


def QueryText(description: str) -> fields.String:
    """A text filter in a query string (`q`): 1 to MAX_NAME characters of one line. Control
    characters are refused at the field (no name holds them, and PostgreSQL cannot compare
    text with a NUL in it)."""
    return fields.String(
        validate=[
            validate.Length(1, MAX_NAME),
            validate.Regexp(ONE_LINE, error="A filter holds no control characters."),
        ],
        metadata={"description": description},
    )
