"""/api/v1/audit: signed tree heads (the latest, and every one), the public key, inclusion and
consistency proofs."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import abort
from flask.views import MethodView
from flask_smorest import abort as smorest_abort
from marshmallow import fields, validate

from dealtrail.domain.audit.tree_head import public_key_text
from dealtrail.web.api.schemas.common import MAX_POSITION, Strict
from dealtrail.web.api.schemas.lists import PageSize
from dealtrail.web.api.schemas.numbers import WholeNumber
from dealtrail.web.json import Blueprint
from dealtrail.web.services import services

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit", description="Tamper evidence")


def Size(**kwargs: Any) -> WholeNumber:
    return WholeNumber(validate=validate.Range(1, MAX_POSITION), **kwargs)


class SignedHeadSchema(ma.Schema):
    tree_size = WholeNumber()
    root_hash = fields.String(metadata={"description": "hex SHA-256 (RFC 9162 Merkle tree head)"})
    timestamp = fields.String()
    signature = fields.String(metadata={"description": "base64 Ed25519 over the canonical head"})


class TreeHeadSchema(SignedHeadSchema):
    public_key = fields.String(metadata={"description": "base64 raw Ed25519 public key"})


class TreeHeadsQuery(Strict):
    after = WholeNumber(
        load_default=0,
        validate=validate.Range(0, MAX_POSITION),
        metadata={"description": "A tree size: heads of more leaves only (`next_after`)"},
    )
    limit = PageSize()


class TreeHeadPageSchema(ma.Schema):
    items = fields.List(fields.Nested(SignedHeadSchema))
    next_after = WholeNumber(
        allow_none=True,
        metadata={"description": "Pass as `after` for the next page; null on the last page"},
    )


class InclusionQuery(Strict):
    position = Size(required=True, metadata={"description": "Log position of the event"})
    tree_size = Size(metadata={"description": "Default: the latest signed head"})


class InclusionProofSchema(ma.Schema):
    position = WholeNumber()
    leaf_index = WholeNumber()
    leaf_hash = fields.String()
    tree_size = WholeNumber()
    root_hash = fields.String()
    audit_path = fields.List(fields.String(), metadata={"description": "hex, RFC 9162 PATH"})


class ConsistencyQuery(Strict):
    first = Size(required=True)
    second = Size(metadata={"description": "Default: the latest signed head"})


class ConsistencyProofSchema(ma.Schema):
    first = WholeNumber()
    second = WholeNumber()
    first_root = fields.String()
    second_root = fields.String()
    proof = fields.List(fields.String(), metadata={"description": "hex, RFC 9162 PROOF"})


def _public_key() -> str:
    return public_key_text(services().audit.key.public_key())


@blp.route("/tree-head")
class TreeHead(MethodView):
    @blp.response(200, TreeHeadSchema)
    def get(self) -> dict[str, Any]:
        """The latest signed tree head, signing the current tree first if it grew."""
        return {**services().audit.sign_head().as_json(), "public_key": _public_key()}


@blp.route("/tree-heads")
class TreeHeads(MethodView):
    @blp.arguments(TreeHeadsQuery, location="query")
    @blp.response(200, TreeHeadPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Every signed tree head, oldest first: those of more than `after` leaves, a page at a
        time. Nothing is signed by asking (`GET /tree-head` signs the current tree)."""
        heads, next_after = services().audit.heads_page(query["after"], query["limit"])
        return {"items": [head.as_json() for head in heads], "next_after": next_after}


@blp.route("/inclusion-proof")
class InclusionProof(MethodView):
    @blp.arguments(InclusionQuery, location="query")
    @blp.response(200, InclusionProofSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Proof that the event at `position` is in the tree of `tree_size` leaves."""
        trail = services().audit
        size = query.get("tree_size") or trail.sign_head().head.tree_size
        leaf = trail.leaf_at(query["position"])
        if leaf is None:
            abort(404, description=f"No event at position {query['position']} is in the tree.")
        try:
            root, path = trail.inclusion_proof(leaf, size)
        except ValueError:
            abort(422, description=f"Position {leaf.position} is not in a tree of size {size}.")
        return {
            "position": leaf.position,
            "leaf_index": leaf.index,
            "leaf_hash": leaf.leaf_hash.hex(),
            "tree_size": size,
            "root_hash": root.hex(),
            "audit_path": [h.hex() for h in path],
        }


@blp.route("/consistency-proof")
class ConsistencyProof(MethodView):
    @blp.arguments(ConsistencyQuery, location="query")
    @blp.response(200, ConsistencyProofSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Proof that the tree of `second` leaves extends the tree of `first` leaves."""
        trail = services().audit
        second = query.get("second") or trail.sign_head().head.tree_size
        try:
            first_root, second_root, proof = trail.consistency_proof(query["first"], second)
        except ValueError:
            smorest_abort(  # the tree's size is the store's state: a code says which rule
                422, message=f"Need first <= second <= {trail.size()}.", code="audit.beyond_tree"
            )
        return {
            "first": query["first"],
            "second": second,
            "first_root": first_root.hex(),
            "second_root": second_root.hex(),
            "proof": [h.hex() for h in proof],
        }
