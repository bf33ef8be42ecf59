"""Receipts signed with the audit key, the one that signs tree heads: a bundle's public key checks
both."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dealtrail.domain.audit.receipt import Receipt, SignedReceipt


class KeyReceiptSigner:
    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key

    def sign(self, receipt: Receipt) -> SignedReceipt:
        return receipt.sign(self._key)
