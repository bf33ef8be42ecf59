"""Commands as values: what a client asks the ledger to record, and what it got back.

A command is a frozen dataclass. Its fields are what it asks for, and they are also what
identifies it for idempotency: a key reused with other fields is refused. A `Create` builds a
new record; a `Change` names the record it changes (its `TARGET` field) and acts on it. Rules
that only the record can check live in the domain; `check` holds those that read other records
(a party must be registered, and of the right kind), run before anything is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, ClassVar, Generic, Protocol, TypeVar, dataclass_transform
from uuid import UUID

from dealtrail.domain.base import Recorded
from dealtrail.domain.metadata import BusinessDate

A = TypeVar("A", bound=Recorded)
C = TypeVar("C", bound="Command")


class Records(Protocol):
    """What a command's `check` may read: other records, by id."""

    def get(self, kind: type[A], aggregate_id: UUID, version: int | None = None) -> A: ...

    def exists(self, kind: type[A], aggregate_id: UUID) -> bool: ...


@dataclass(frozen=True)
class Options:
    """What every command accepts besides its fields: the version the caller expects (If-Match),
    and an idempotency key."""

    expected_version: int | None = None
    idempotency_key: str | None = None


NO_OPTIONS = Options()


@dataclass(frozen=True)
class CommandResult:
    """What a command did: the record it produced, its new version and the log position."""

    aggregate_id: UUID
    version: int
    position: int
    leaf_hash: str  # the audit receipt: the Merkle leaf of the last event, hex
    recorded_at: datetime  # when that event was recorded (aware, UTC): the receipt signs it
    # The record as the command left it; None for a replayed result, whose record is read from
    # the store only by those who ask for it (Ledger.with_record): answering over HTTP does,
    # reloading the demo or an import does not.
    aggregate: Any = None
    replayed: bool = False


@dataclass(frozen=True, kw_only=True)
class Command:
    NAME: ClassVar[str]  # its identity for idempotency, e.g. "agreement.sign"
    DATED: ClassVar[str | None] = None  # the field holding its business date (signed_on, ...)
    # Fields whose fingerprint argument has always had another name (keys stored before stay
    # valid): field name -> argument name.
    ARGUMENTS: ClassVar[dict[str, str]] = {}

    @property
    def target(self) -> UUID | None:
        """The record the command changes; None for one that creates a record."""
        return None

    @property
    def dated(self) -> BusinessDate | None:
        """For a fact that happened on a day (signed, paid, granted...): its events take
        effect then."""
        on = getattr(self, self.DATED) if self.DATED else None
        return None if on is None else BusinessDate(self.DATED, on)

    def check(self, records: Records) -> None:
        """Rules that read other records; the default has none."""

    def arguments(self) -> dict[str, Any]:
        """What identifies the command besides its name and target, for idempotency."""
        return {
            self.ARGUMENTS.get(f.name, f.name): getattr(self, f.name)
            for f in fields(self)
            if f.name != getattr(self, "TARGET", None)
        }


@dataclass(frozen=True, kw_only=True)
class Create(Command, Generic[A]):
    def build(self) -> A:
        raise NotImplementedError

    def build_from(self, records: Records) -> A:
        """Builds the record; a command whose rule needs another record's current state (who
        owns an asset) reads it here, after an earlier result of its key was looked for, so a
        replayed command is never judged against a later state."""
        return self.build()


@dataclass(frozen=True, kw_only=True)
class Change(Command, Generic[A]):
    AGGREGATE: ClassVar[type[Recorded]]
    TARGET: ClassVar[str]  # the field holding the id of the record it changes

    @property
    def target(self) -> UUID:
        return getattr(self, self.TARGET)

    # The method of the record that `act` calls, with the command's fields (its target's aside)
    # in the order they are declared; None for a command that says how it acts.
    ACTS: ClassVar[str | None] = None

    def act(self, aggregate: A) -> object:
        if self.ACTS is None:
            raise NotImplementedError
        values = (getattr(self, f.name) for f in fields(self) if f.name != self.TARGET)
        return getattr(aggregate, self.ACTS)(*values)

    def act_on(self, aggregate: A, records: Records) -> object:
        """Acts on the record; like `Create.build_from`, a command whose rule needs another
        record's current state (whether an agreement is in effect) reads it here."""
        return self.act(aggregate)


@dataclass_transform(kw_only_default=True, frozen_default=True)
def command(
    name: str,
    *,
    acts: str | None = None,
    dated: str | None = None,
    on: str | None = None,
    arguments: dict[str, str] | None = None,
) -> Callable[[type[C]], type[C]]:
    """Declares a command: a frozen dataclass of keyword-only fields, named `name`, with its
    `DATED` and `ARGUMENTS` if given. `on` is the field holding its business date for a command
    whose fingerprint calls it "on" (most dated ones do). A `Change` that only calls one method
    of its record names it in `acts`: it is called with the command's fields (the target's
    aside), in their order."""

    def declare(cls: type[C]) -> type[C]:
        cls.NAME = name
        if on is not None:
            cls.DATED = on
            cls.ARGUMENTS = {**(arguments or {}), on: "on"}
        else:
            if dated is not None:
                cls.DATED = dated
            if arguments is not None:
                cls.ARGUMENTS = arguments
        if acts is not None:
            if not issubclass(cls, Change) or not callable(getattr(cls.AGGREGATE, acts, None)):
                raise TypeError(
                    f"{cls.__name__} cannot act by {acts}: its record has no such method"
                )
            cls.ACTS = acts
        return dataclass(frozen=True, kw_only=True)(cls)

    return declare
