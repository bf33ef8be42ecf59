"""The owner-of-record policy: a recorded assignment makes its recipient the asset's owner.

It reacts to a transfer being recorded with the IP office. Licences leave the owner as it is;
an assignment changes it, once: the change is saved with the policy's tracking position, and
the asset remembers which transfers already changed it, so a redelivered event changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from dealtrail.application.ledger import Ledger
from dealtrail.domain.base import Recorded
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.domain.transfer_terms import TransferMode


class OwnerOfRecord:
    name = "owner_of_record"
    reacts_to = (IpTransfer.RecordedWithOffice,)

    def react(self, ledger: Ledger, event: Any) -> Sequence[Recorded]:
        if not isinstance(event, IpTransfer.RecordedWithOffice):
            return []
        transfer = ledger.get(IpTransfer, event.originator_id, event.originator_version)
        if transfer.mode != TransferMode.ASSIGNMENT:
            return []
        asset = ledger.get(IpAsset, UUID(transfer.asset_id))
        transfer_id, recipient = str(transfer.id), transfer.recipient_party_id
        if not asset.takes_title_from(transfer_id, recipient):
            return []
        asset.change_owner_of_record(recipient, transfer_id)
        return [asset]
