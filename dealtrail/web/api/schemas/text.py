"""Text fields of every schema: one line or many, blank or not, by the domain's rules for text."""

from __future__ import annotations

from typing import Any

from marshmallow import fields, validate

from dealtrail.domain.errors import DomainError
from dealtrail.domain.text import clean_text, required_text
from dealtrail.web.api.schemas.refusals import refused

MAX_TEXT = 2_000
MAX_NAME = 300


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
        super().__init__(validate=validate.Length(0 if may_be_blank else 1, limit), **kwargs)

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
