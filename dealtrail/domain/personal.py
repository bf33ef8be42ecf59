"""Personal data: stored encrypted with a key per data subject, so erasing the key erases it."""

from __future__ import annotations

ERASED = "[erased]"


class Personal:
    """A piece of personal data (a signatory's name, a contact's email). Reads as its text, or
    as "[erased]" once its data subject has been forgotten."""

    __slots__ = ("identifies", "scope", "subject", "text")

    def __init__(
        self,
        text: str | None,
        scope: str = "",
        *,
        identifies: str | None = None,
        subject: str | None = None,
    ) -> None:
        self.text = text
        self.scope = scope  # tells homonyms apart: e.g. the party a signatory signed for
        self.identifies = identifies  # the value naming the data subject (default: text itself)
        self.subject = subject  # the subject's pseudonym, once known (after a read)

    @property
    def erased(self) -> bool:
        return self.text is None

    def __str__(self) -> str:
        return ERASED if self.text is None else self.text

    def __repr__(self) -> str:
        return "Personal(<erased>)" if self.text is None else "Personal(<redacted>)"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):  # compares as the text it holds
            return self.text == other
        return isinstance(other, Personal) and (other.text, other.scope) == (self.text, self.scope)

    def __hash__(self) -> int:
        return hash(self.text)
