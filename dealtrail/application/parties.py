"""Reading parties, for the commands of other records that refer to them."""

from __future__ import annotations

from uuid import UUID

from dealtrail.application.ledger import Ledger
from dealtrail.domain.party import Party


class Parties:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def get(self, party_id: UUID, version: int | None = None) -> Party:
        return self.ledger.get(Party, party_id, version)

    def exists(self, party_id: UUID) -> bool:
        return self.ledger.exists(Party, party_id)
