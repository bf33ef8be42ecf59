"""Erasure: the record that a data subject was forgotten (their keys destroyed), and why.

It names the subjects only by their pseudonyms: the log never holds the forgotten value.
"""

from __future__ import annotations

from eventsourcing.domain import event

from dealtrail.domain.base import Recorded
from dealtrail.domain.text import reason_text


class Erasure(Recorded):
    subjects: list[str]
    reason: str

    @classmethod
    def record(cls, subjects: list[str], reason: str) -> Erasure:
        return cls(subjects=list(subjects), reason=reason_text(reason))

    class Forgotten(Recorded.Created):
        subjects: list[str]
        reason: str

    @event(Forgotten)
    def __init__(self, subjects: list[str], reason: str) -> None:
        self.subjects = subjects
        self.reason = reason
