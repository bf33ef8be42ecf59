"""The OpenAPI document's receipts: every command's success answer names the last event it
recorded (its log position and Merkle leaf, and the signed receipt of both and its recorded
time), as `web/commands.py` sends them.

Every write operation of the API is a command, so this apispec plugin declares the receipt
headers on each one's success responses, unless the operation declares them itself (a command
that may record nothing says when they are absent).
"""

from __future__ import annotations

from typing import Any

from apispec import APISpec, BasePlugin

from dealtrail.web.spec import WRITES

RECEIPT: dict[str, dict[str, Any]] = {
    "Dealtrail-Log-Position": {
        "description": "Log position of the last event the command recorded",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
    },
    "Dealtrail-Leaf-Hash": {
        "description": "That event's Merkle leaf (RFC 9162), hex SHA-256: prove it is in a "
        "signed tree with /api/v1/audit/inclusion-proof",
        "required": True,
        "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    },
    "Dealtrail-Receipt": {
        "description": "The signed receipt: base64url (unpadded) of the canonical JSON "
        "{leaf_hash, position, recorded_at, signature}, the signature being Ed25519 by the "
        "audit key over the canonical JSON {leaf_hash, position, recorded_at}: check it "
        "offline against an audit bundle with `dealtrail audit check-receipt`",
        "required": True,
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
    },
}
REPLAYED: dict[str, dict[str, Any]] = {
    "Idempotent-Replayed": {
        "description": "`true` if this answer replays an earlier command with the same "
        "Idempotency-Key (nothing new recorded; the receipt is the earlier one)",
        "schema": {"type": "string", "enum": ["true"]},
    },
}


def receipt_unless(nothing_recorded: str) -> dict[str, dict[str, Any]]:
    """The receipt headers of a command that may record nothing, absent then."""
    return {
        name: {
            **header,
            "required": False,
            "description": f"{header['description']}. Absent if {nothing_recorded}.",
        }
        for name, header in RECEIPT.items()
    }


class ReceiptHeaders(BasePlugin):
    def init_spec(self, spec: APISpec) -> None:
        super().init_spec(spec)
        for name, header in {**RECEIPT, **REPLAYED}.items():
            spec.components.header(name, header)

    def operation_helper(
        self, path: str | None = None, operations: dict | None = None, **kwargs: Any
    ) -> None:
        for method, operation in (operations or {}).items():
            if method not in WRITES:
                continue
            for status, response in operation.get("responses", {}).items():
                if not (isinstance(response, dict) and str(status).startswith("2")):
                    continue
                headers = response.setdefault("headers", {})
                if not RECEIPT.keys() & headers.keys():
                    headers.update({name: name for name in (*RECEIPT, *REPLAYED)})  # references
