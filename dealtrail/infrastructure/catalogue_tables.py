"""The catalogue read model: one row per party and per agreement, for lists and filters."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
)

metadata = MetaData()

positions = Table(
    "projection_positions",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
)

parties = Table(
    "catalogue_parties",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True, comment="log position of creation"),
    Column("version", Integer, nullable=False),
    Column("name", String(300), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("country", String(2), nullable=False, index=True),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)

party_alliances = Table(
    "catalogue_party_alliances",
    metadata,
    Column("party_id", ForeignKey("catalogue_parties.id"), primary_key=True),
    Column("alliance", String(300), primary_key=True),
)

agreements = Table(
    "catalogue_agreements",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True, comment="log position of creation"),
    Column("version", Integer, nullable=False),
    Column("kind", String(40), nullable=False, index=True),
    Column("status", String(40), nullable=False, index=True),
    Column("title", String(300), nullable=False),
    Column("value_amount", String(40)),
    Column("value_currency", String(3)),
    Column("modified_at", DateTime(timezone=True), nullable=False),
)

agreement_parties = Table(
    "catalogue_agreement_parties",
    metadata,
    Column("agreement_id", ForeignKey("catalogue_agreements.id"), primary_key=True),
    Column("party_id", String(36), primary_key=True, index=True),
    Column("role", String(40), nullable=False),
    Column("must_sign", Boolean, nullable=False),
    Column("signed", Boolean, nullable=False),
)
