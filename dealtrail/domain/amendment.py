"""Amendment: new terms that take effect only once every required party has signed them again."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from dealtrail.domain.terms import Signature, Terms


class AmendmentState(StrEnum):
    PENDING = "pending"
    APPLIED = "applied"


@dataclass(frozen=True)
class Amendment:
    amendment_id: str
    rationale: str
    terms: Terms
    previous_terms: Terms
    state: AmendmentState = AmendmentState.PENDING
    signatures: dict[str, Signature] = field(default_factory=dict)
    proposed_on: date | None = None  # None: proposed before proposals were dated

    def signed(self, signature: Signature) -> Amendment:
        return replace(self, signatures={**self.signatures, signature.party_id: signature})

    def applied(self) -> Amendment:
        return replace(self, state=AmendmentState.APPLIED)
