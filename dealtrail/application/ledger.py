"""The ledger: dealtrail's one event-sourced application, and the unit of work of every command.

All aggregates share one log, so one position orders every fact the system has recorded. A
command that gives a record a unique key (`Recorded.unique_keys`) claims it in the same save,
so of two commands racing for one key exactly one is recorded (see dealtrail/domain/claim.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Protocol, TypeVar, cast
from uuid import UUID

from eventsourcing.application import (
    AggregateNotFoundError,
    Application,
    ProcessingEvent,
    Recording,
    Repository,
)
from eventsourcing.persistence import (
    IntegrityError,
    JSONTranscoder,
    Notification,
    Tracking,
    Transcoder,
)

from dealtrail.application.command import (
    NO_OPTIONS,
    Change,
    Command,
    CommandResult,
    Create,
    Options,
)
from dealtrail.application.errors import (
    AggregateNotFound,
    ConcurrentUpdate,
    IdempotencyKeyReused,
    VersionMismatch,
)
from dealtrail.application.idempotency import IdempotencyRecord, IdempotencyStore, fingerprint
from dealtrail.application.loading import OneReadRepository
from dealtrail.application.transcodings import LedgerTranscoder, register_domain_transcodings
from dealtrail.application.vault import PersonalAsCiphertext, SubjectVault
from dealtrail.domain.audit.canonical import LoggedEvent
from dealtrail.domain.base import Recorded, effective_time
from dealtrail.domain.claim import Claim
from dealtrail.domain.errors import fail
from dealtrail.domain.metadata import (
    current_metadata,
    effective_from,
    with_idempotency_key,
)
from dealtrail.domain.unique_key import UniqueKey

A = TypeVar("A", bound=Recorded)

logger = logging.getLogger(__name__)

SNAPSHOT_INTERVAL = "DEALTRAIL_SNAPSHOT_INTERVAL"


class EveryAggregate(dict[type, int]):
    """Snapshot intervals that apply the same interval to every dealtrail aggregate type."""

    def __init__(self, interval: int) -> None:
        super().__init__()
        self.interval = interval

    def get(self, key: type, default: int | None = None) -> int | None:  # type: ignore[override]
        return self.interval if issubclass(key, Recorded) else default

    def __bool__(self) -> bool:
        return True


class SnapshotStore(Protocol):
    """The snapshots' recorder (both stores' implement it): snapshots can be deleted."""

    def delete_events(self, originator_id: UUID) -> None: ...


def _own_subject(vault: SubjectVault, aggregate_id: UUID) -> str:
    """The subject a record that is its own data subject (an individual party) seals under."""
    return vault.subject_of(str(aggregate_id), str(aggregate_id))


def _leaf(notification: Notification) -> str:
    return LoggedEvent.of(notification).leaf_hash().hex()


class Ledger(Application[UUID]):
    name = "DealTrail"

    def __init__(
        self, env: dict[str, str] | None = None, vault: SubjectVault | None = None
    ) -> None:
        self.vault = vault  # before the transcoder is built: it seals personal data
        super().__init__(env)
        self.after_commands: list[Callable[[Sequence[Recording[UUID]]], object]] = []
        interval = int(self.env.get(SNAPSHOT_INTERVAL) or 0)
        if interval > 0 and self.snapshots is not None:
            self.snapshotting_intervals = EveryAggregate(interval)

    def construct_env(self, name: str, env: Any = None) -> Any:
        environment = super().construct_env(name, env)
        if int(environment.get(SNAPSHOT_INTERVAL) or 0) > 0:
            environment["IS_SNAPSHOTTING_ENABLED"] = "y"
        return environment

    def construct_repository(self) -> Repository[UUID]:
        """The library's repository, but loading a record in one read (see loading.py)."""
        library = super().construct_repository()
        repository = OneReadRepository(
            event_store=library.event_store,
            snapshot_store=library.snapshot_store,
            fastforward=library.fastforward,
            fastforward_skipping=library.fastforward_skipping,
            deepcopy_from_cache=library.deepcopy_from_cache,
        )
        repository.cache = library.cache  # as the environment set it
        repository.vault = self.vault
        return repository

    def construct_transcoder(self) -> Transcoder:
        transcoder = LedgerTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)
        transcoder.register(PersonalAsCiphertext(self.vault))

    # ---- snapshots of data subjects ----------------------------------------------------------

    def take_snapshot(self, aggregate_id: UUID, *args: Any, **kwargs: Any) -> None:
        """As the library does, but never for a record that is a forgotten data subject (an
        individual party): its snapshot would hold what an older build recorded in clear."""
        if self.vault is not None and self.vault.forgotten(_own_subject(self.vault, aggregate_id)):
            return
        super().take_snapshot(aggregate_id, *args, **kwargs)

    def forget_snapshots(self, aggregate_id: UUID) -> None:
        """Deletes the record's snapshots: a cache (it reloads from its events), and not in the
        audit tree, which holds events only."""
        if self.snapshots is not None:
            cast(SnapshotStore, self.snapshots.recorder).delete_events(aggregate_id)

    @property
    def store(self) -> IdempotencyStore:
        return cast(IdempotencyStore, self.recorder)

    # ---- commands ----------------------------------------------------------------------------

    def handle(
        self,
        command: Command,
        options: Options = NO_OPTIONS,
        effect: Callable[[], object] | None = None,
    ) -> CommandResult:
        """The one path of every command: check it against other records, load the record
        (checking the version the caller expects), act, and save the events with their claims
        and idempotency record in one transaction.

        A reused idempotency key returns the earlier result. Its record is read only when the
        command cannot be recorded as asked (its save conflicts on the key, or it is refused
        acting on the record as it is now), so a new key costs no read: a replayed command is
        acted on again and refused or rolled back, and the first result stands.

        `effect` is what the command also does outside the ledger (stop a token, destroy a
        subject's keys). It runs once the command has passed every check and acted, just before
        its events are saved: never for a replay (the key is looked up first for those) or a
        refusal. If the save then fails, the effect stays done, which is the safe side for
        those, and a retry records it."""
        command.check(self)
        with effective_from(command.dated):
            if effect is not None:
                earlier = self._earlier_result(command, options)
                if earlier is not None:
                    return earlier
            try:
                return self._carry_out(command, options, effect)
            except Exception as error:
                refused = error
            earlier = self._earlier_result(command, options)
            if earlier is None:
                raise refused
            return earlier

    def _carry_out(
        self, command: Command, options: Options, effect: Callable[[], object] | None
    ) -> CommandResult:
        """Loads (or builds) the record, acts and saves: the command as if its key were new."""
        held: set[str] = set()
        if isinstance(command, Change):
            aggregate = self.get(command.AGGREGATE, command.target)
            self._check_correction(aggregate.id)
            expected = options.expected_version
            if expected is not None and expected != aggregate.version:
                raise VersionMismatch(expected, aggregate.version)
            held = {unique.key for unique in aggregate.unique_keys()}
        else:
            self._check_correction(None)  # a new record has no earlier event to correct
        with with_idempotency_key(options.idempotency_key):
            if isinstance(command, Change):
                command.act_on(aggregate, self)
            else:
                aggregate = cast(Create[Recorded], command).build_from(self)
            claims = self._claims(aggregate, held)
        if effect is not None:
            effect()
        return self._save(command, options, aggregate, claims)

    def _check_correction(self, aggregate_id: UUID | None) -> None:
        """A correction must name an earlier event of the same aggregate."""
        position = current_metadata().corrects
        if position is None:
            return
        found = self.recorder.select_notifications(start=position, limit=1, stop=position)
        if not found or found[0].originator_id != aggregate_id:
            raise fail("correction.unknown_event", "corrects", position=position)

    def _claims(self, aggregate: Recorded, held: set[str]) -> list[tuple[UniqueKey, Claim]]:
        """A claim for each unique key the command gave the record; a key another record holds
        refuses the command, naming that record."""
        claims = []
        for unique in aggregate.unique_keys():
            if unique.key in held:
                continue
            held.add(unique.key)
            holder = self.holder_of(unique.key)
            if holder is None:
                claims.append((unique, Claim.of(unique.key, aggregate.id)))
            elif holder != aggregate.id:
                raise unique.refusal(holder)
        return claims

    def _save(
        self,
        command: Command,
        options: Options,
        aggregate: Recorded,
        claims: list[tuple[UniqueKey, Claim]],
    ) -> CommandResult:
        record = None
        if options.idempotency_key is not None:
            record = IdempotencyRecord(
                scope=current_metadata().actor,
                key=options.idempotency_key,
                fingerprint=fingerprint(command.NAME, aggregate.id, command.arguments()),
                originator_id=aggregate.id,
                originator_version=aggregate.version,
            )
        leaves: dict[int, str] = {}  # the recorder hands back each leaf it writes, by position
        try:
            # The record last, so the last recording (the receipt) is the record's.
            recordings = self.save(
                *(claim for _, claim in claims), aggregate, idempotency=record, leaves=leaves
            )
        except IntegrityError:  # a reused key's earlier result is looked for by `handle`
            for unique, _ in claims:
                holder = self.holder_of(unique.key)
                if holder is not None and holder != aggregate.id:
                    raise unique.refusal(holder) from None
            raise ConcurrentUpdate from None
        self._after_command(recordings)
        last = recordings[-1]
        notification = last.notification
        return CommandResult(
            aggregate.id,
            aggregate.version,
            notification.id,
            leaves[notification.id],
            last.domain_event.timestamp,
            aggregate,
        )

    def save_reaction(self, tracking: Tracking, *aggregates: Recorded) -> None:
        """Saves a policy's reaction to one event together with the policy's new position, in
        one transaction (an IntegrityError if that position was already recorded)."""
        processing = ProcessingEvent[UUID](tracking)
        processing.collect_events(*aggregates)
        recordings = self._record(processing)
        self._take_snapshots(processing)
        self._notify(recordings)

    def _after_command(self, recordings: Sequence[Recording[UUID]]) -> None:
        """Runs inline followers (policies), given what the command recorded; the command is
        saved whatever they do."""
        for follow in self.after_commands:
            try:
                follow(recordings)
            except Exception:
                logger.exception("a follower of the log failed; it resumes when it next runs")

    def _earlier_result(self, command: Command, options: Options) -> CommandResult | None:
        """The earlier result of the same command with the same key, if there was one."""
        key = options.idempotency_key
        if key is None:
            return None
        record = self.store.idempotency_record(current_metadata().actor, key)
        if record is None:
            return None
        target = command.target or record.originator_id
        if record.fingerprint != fingerprint(command.NAME, target, command.arguments()):
            raise IdempotencyKeyReused(key)
        version = record.originator_version
        position = self.store.notification_ids(record.originator_id, version - 1, version)[version]
        stored = self.recorder.select_notifications(start=position, limit=1)[0]
        recorded_at = self.mapper.to_domain_event(stored).timestamp
        return CommandResult(
            record.originator_id, version, position, _leaf(stored), recorded_at, replayed=True
        )

    def with_record(self, result: CommandResult) -> CommandResult:
        """The result with the record the command left: a replayed one's read at its version."""
        if result.aggregate is not None:
            return result
        aggregate = self.repository.get(result.aggregate_id, version=result.version)
        return replace(result, aggregate=aggregate)

    # ---- queries -----------------------------------------------------------------------------

    def holder_of(self, key: str) -> UUID | None:
        """The record that holds a unique key, if one does."""
        try:
            claim = self.repository.get(Claim.id_for(key))
        except AggregateNotFoundError:
            return None
        return UUID(cast(Claim, claim).holder_id)

    def get(self, kind: type[A], aggregate_id: UUID, version: int | None = None) -> A:
        try:
            aggregate = self.repository.get(aggregate_id, version=version)
        except AggregateNotFoundError:
            raise AggregateNotFound(kind, aggregate_id) from None
        if not isinstance(aggregate, kind) or (
            version is not None and aggregate.version != version
        ):
            raise AggregateNotFound(kind, aggregate_id)
        return aggregate

    def exists(self, kind: type[A], aggregate_id: UUID) -> bool:
        try:
            self.get(kind, aggregate_id, version=1)
        except AggregateNotFound:
            return False
        return True

    def get_as_of(self, kind: type[A], aggregate_id: UUID, as_of: datetime) -> A:
        """The aggregate as it had been recorded by `as_of` (later corrections not yet known)."""
        version = None
        for stored in self.events.get(aggregate_id):
            if stored.timestamp > as_of:
                break
            version = stored.originator_version
        if version is None:
            raise AggregateNotFound(kind, aggregate_id)
        return self.get(kind, aggregate_id, version)

    def get_in_effect(self, kind: type[A], aggregate_id: UUID, at: datetime) -> A:
        """The aggregate as it was in effect at `at`. Each event counts from its effective time
        (else from when it was recorded), so back-dated facts count; the record itself exists
        from the earliest effective time of any of its events."""
        events = list(self.events.get(aggregate_id))
        times = [effective_time(e) for e in events]
        if not events or min(times) > at:
            raise AggregateNotFound(kind, aggregate_id)
        aggregate = events[0].mutate(None)
        for event, effective in zip(events[1:], times[1:], strict=True):
            if effective <= at:
                aggregate.version = event.originator_version - 1  # some may not count yet
                aggregate = event.mutate(aggregate)
        if not isinstance(aggregate, kind):
            raise AggregateNotFound(kind, aggregate_id)
        return aggregate

    def history(self, kind: type[A], aggregate_id: UUID, after: int, limit: int) -> list[Any]:
        """Up to `limit` events of one aggregate after version `after`, oldest first."""
        self.get(kind, aggregate_id, version=1)
        return list(self.events.get(aggregate_id, gt=after, limit=limit))

    def positions(self, aggregate_id: UUID, after: int, upto: int) -> dict[int, int]:
        """Log positions of the aggregate's events, by version."""
        return self.store.notification_ids(aggregate_id, after, upto)
