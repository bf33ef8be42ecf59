"""The Ed25519 key that signs tree heads: from configuration, or generated into the data dir."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dealtrail.infrastructure.settings import Settings

KEY_FILE = "audit-signing-key.pem"


def load_signing_key(settings: Settings) -> Ed25519PrivateKey:
    """DEALTRAIL_AUDIT_SIGNING_KEY (base64 of a raw 32-byte Ed25519 private key) if set;
    otherwise the key in the data dir, created (readable by its owner only) on first use."""
    if settings.audit_signing_key:
        seed = base64.b64decode(settings.audit_signing_key, validate=True)
        return Ed25519PrivateKey.from_private_bytes(seed)
    path = settings.data_dir / KEY_FILE
    if not path.exists():
        _create(path)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 private key")
    return key


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(pem)
    try:
        os.link(draft, path)  # atomic: the key appears whole, or another process's stays
    except FileExistsError:
        pass
    finally:
        draft.unlink()
