"""External references: an achievement's id in the system or file series it was imported from."""

from __future__ import annotations

from dataclasses import dataclass

from dealtrail.domain.text import required_text

DEFAULT_SCOPE = "import"


@dataclass(frozen=True)
class ExternalRef:
    """`reference` is unique within `scope` (e.g. the source system); the pair names one
    achievement, whoever records it."""

    scope: str
    reference: str

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "scope", required_text(self.scope, "import scope", "external_ref.scope")
        )
        object.__setattr__(
            self,
            "reference",
            required_text(self.reference, "external reference", "external_ref.reference"),
        )
