"""Crypto-shredding: personal data is encrypted with its data subject's own key.

The subject of a value is a keyed pseudonym of the value itself (HMAC with the vault's secret),
so the same person's name gets the same key everywhere and can be forgotten by name. Forgetting
destroys the key: every event, snapshot and bundle keeps its bytes (and the audit tree stays
valid), but the value can never be read again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.persistence import Mapper, Transcoding

from dealtrail.domain.errors import fail
from dealtrail.domain.personal import Personal


class SubjectVault(Protocol):
    def subject_of(self, text: str, scope: str) -> str:
        """The data subject a value belongs to: a stable pseudonym of the value in its scope."""
        ...

    def pseudonym(self, text: str, scope: str) -> str:
        """A keyed pseudonym of `text` exactly as given, for identifiers that must not spell it
        (e.g. an idempotency key made from a name)."""
        ...

    def key(self, subject: str, *, create: bool) -> bytes | None:
        """The subject's key (created if asked and missing); None once forgotten (and never
        created again)."""
        ...

    def forgotten(self, subject: str) -> bool:
        """Whether the subject was forgotten."""
        ...

    def keys(self, subjects: list[str]) -> dict[str, bytes]:
        """The keys `subjects` have, in one look-up (those without one, never made or forgotten,
        are left out); none is created."""
        ...

    def subjects_of(self, name: str, scopes: list[str]) -> list[str]:
        """The subjects `name` has a key as, among `scopes` (none once forgotten)."""
        ...

    def forget(self, subjects: list[str]) -> None:
        """Destroys the keys of `subjects`: what they sealed can never be read again."""
        ...


class PersonalAsCiphertext(Transcoding):
    type = Personal
    name = "personal"

    def __init__(self, vault: SubjectVault | None) -> None:
        self.vault = vault

    def _vault(self) -> SubjectVault:
        if self.vault is None:
            raise RuntimeError("personal data needs a subject vault to be stored")
        return self.vault

    def encode(self, obj: Personal) -> dict[str, Any]:
        if obj.text is None:
            return {"subject": None, "scope": obj.scope}
        vault = self._vault()
        subject = obj.subject or vault.subject_of(obj.identifies or obj.text, obj.scope)
        key = vault.key(subject, create=True)
        if key is None:  # forgotten: what they asked to be erased is not recorded again
            raise fail("privacy.subject_forgotten")
        return {"subject": subject, "scope": obj.scope, "sealed": seal(key, subject, obj.text)}

    def decode(self, data: dict[str, Any]) -> Personal:
        subject, scope = data.get("subject"), data.get("scope", "")
        key = None if subject is None else self._key(subject)
        text = None if key is None else unseal(key, subject, data["sealed"])
        return Personal(text, scope, subject=subject)

    def _key(self, subject: str) -> bytes | None:
        vault = self._vault()
        held = _held.get()
        if held is not None and held[0] is vault and subject in held[1]:
            return held[1][subject]
        return vault.key(subject, create=False)


# What a sealed value's subject looks like in stored JSON (as `encode` writes it). A match that
# is no sealed value's subject only costs a key read; one this misses is looked up on its own.
SUBJECT = re.compile(rb'"subject":\s*"([^"\\]{1,64})"')
_held: ContextVar[tuple[SubjectVault, dict[str, bytes | None]] | None] = ContextVar(
    "held_keys", default=None
)


@contextmanager
def keys_held(
    vault: SubjectVault | None, mapper: Mapper[Any], states: Iterable[bytes]
) -> Iterator[None]:
    """While decoding the events whose stored `states` are given (with `mapper`), their
    subjects' keys are the ones read here, in one look-up, rather than one look-up a value: for
    a batch of events decoded together, and only while it lasts (nothing read outlives it)."""
    if vault is None:  # nothing personal can be decoded
        yield
        return
    plain = (_plain(mapper, state) for state in states)
    subjects = sorted({m.group(1).decode() for s in plain for m in SUBJECT.finditer(s)})
    found = vault.keys(subjects) if subjects else {}
    token = _held.set((vault, {s: found.get(s) for s in subjects}))
    try:
        yield
    finally:
        _held.reset(token)


def _plain(mapper: Mapper[Any], state: bytes) -> bytes:
    """A stored state as the transcoder reads it (decrypted and decompressed if it is stored
    so): what `keys_held` looks for subjects in."""
    if mapper.cipher:
        state = mapper.cipher.decrypt(state)
    if mapper.compressor:
        state = mapper.compressor.decompress(state)
    return state


def seal(key: bytes, subject: str, text: str, *, deterministic: bool = False) -> str:
    """`text` encrypted with the subject's key (AES-GCM, bound to the subject): base64 text.
    A random nonce; or, if `deterministic` (for rows rebuilt alike from the log), one derived
    from the text (a synthetic nonce: only the same text under the same key repeats it)."""
    nonce = os.urandom(12)
    if deterministic:
        message = f"{subject}\x1f{text}".encode()
        nonce = hmac.new(key, b"nonce\x1f" + message, hashlib.sha256).digest()[:12]
    sealed = AESGCM(key).encrypt(nonce, text.encode(), subject.encode())
    return base64.b64encode(nonce + sealed).decode()


def unseal(key: bytes, subject: str, sealed: str) -> str | None:
    """The text `seal` sealed; None if it was sealed with another key (one since destroyed)."""
    raw = base64.b64decode(sealed)
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], subject.encode()).decode()
    except InvalidTag:
        return None
