"""Reports: what dashboards ask, answered from the views (never by replaying aggregates).

Each report is a function of a database connection (all its queries in one transaction) that
returns a dict holding its parameters and `rows`: flat dicts with the same keys, so any report
can be shown as a table or exported as CSV. Money is summed exactly: in SQL over whole minor
units, then turned into a `Decimal` in the currency's unit.
"""
