"""The audit key, as the web needs it: to sign each command's receipt."""

from __future__ import annotations

from typing import Protocol

from dealtrail.domain.audit.receipt import Receipt, SignedReceipt


class ReceiptSigner(Protocol):
    def sign(self, receipt: Receipt) -> SignedReceipt: ...
