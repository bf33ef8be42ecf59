"""Tamper evidence: canonical event bytes, an RFC 9162 Merkle tree over the log, signed heads."""
