"""A catch-up stops at the head of the log it found: the batch that reaches it is its last
transaction, with no further one to find the log read to its end."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from dealtrail.application.commands.parties import RegisterParty
from dealtrail.bootstrap import Services

pytestmark = pytest.mark.usefixtures("staff")


def test_a_catch_up_of_one_batch_commits_once(services: Services) -> None:
    read_models = services.read_models
    read_models.catch_up()
    for n in range(3):
        services.ledger.handle(
            RegisterParty(name=f"Institute {n}", kind="research_institute", country="CN")
        )
    head = services.ledger.recorder.max_notification_id()
    commits: list[int] = []

    def counted(_conn: object) -> None:
        commits.append(1)

    event.listen(read_models.engine, "commit", counted)
    try:
        assert read_models.catch_up() == head
        assert len(commits) == 1
        assert read_models.catch_up() == head  # nothing new: nothing written
        assert len(commits) == 1
    finally:
        event.remove(read_models.engine, "commit", counted)
