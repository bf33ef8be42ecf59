"""The demo conference: plain data, and the steps that record it through the application.

A client of the application like any other: it calls application services with domain values and
imports no infrastructure and no web code; only the CLI (`dealtrail demo load`, `serve --demo`)
and the tests import it. `load.py` runs it; `core.py`, `members.py`, `conference.py`,
`achievements.py` and `deals.py` hold what it records; `steps.py`, `event_steps.py` and
`deal_steps.py` record it.
"""
