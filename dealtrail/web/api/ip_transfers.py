"""/api/v1/ip-transfers: propose IP transfers, take them through their steps (valuation,
contract, recordal, consideration, payments, completion or cancellation), and read them with
their history."""

from __future__ import annotations

from dealtrail.application.commands import ip_transfers as c
from dealtrail.application.ports.views import IpTransferQuery
from dealtrail.domain.ip_transfer import IpTransfer
from dealtrail.web.api.resource import Listing, Resource, Step
from dealtrail.web.api.schemas import ip_transfer as s
from dealtrail.web.json import Blueprint

blp = Blueprint(
    "ip_transfers", __name__, url_prefix="/api/v1/ip-transfers", description="IP transfers"
)
transfers = Resource(blp, IpTransfer, s.TransferSchema, "IpTransfer", "transfer_id")

transfers.collection(
    Listing(
        s.TransferListQuerySchema,
        IpTransferQuery,
        s.TransferPageSchema,
        "ip_transfers",
        "List IP transfers, filtered by asset, asset kind, mode, status or party.",
    ),
    Step(
        "IpTransfers",
        "",
        s.TransferCreateSchema,
        c.ProposeTransfer,
        "Propose a transfer of an asset by its owner of record to another registered party.",
    ),
)
transfers.by_id(
    "An IP transfer now, at a version (`?version=`) or as recorded at a time (`?as_of=`)."
)
transfers.history("Every event of the transfer, oldest first, with who recorded it, when and why.")
transfers.steps(
    Step(
        "Valuation",
        "/<uuid:transfer_id>/valuation",
        s.ValuationIn,
        c.ValuateTransfer,
        "Record the appraisal of a proposed transfer: appraiser, method and value.",
    ),
    Step(
        "Contract",
        "/<uuid:transfer_id>/contract",
        s.ContractIn,
        c.SignContract,
        "Link the agreement the holder and recipient signed; it must be in effect.",
    ),
    Step(
        "Recordal",
        "/<uuid:transfer_id>/recordal",
        s.RecordalIn,
        c.RecordWithOffice,
        "Record the transfer's recordal with the IP office. A recorded assignment then makes\n"
        "the recipient the asset's owner of record.",
    ),
    Step(
        "Consideration",
        "/<uuid:transfer_id>/consideration",
        s.ScheduleIn,
        c.ScheduleConsideration,
        "Set what the recipient owes (lump sum, instalments, running royalty or equity);\n"
        "it can be corrected until the first payment.",
        method="put",
    ),
    Step(
        "Payments",
        "/<uuid:transfer_id>/payments",
        s.PaymentIn,
        c.RecordPayment,
        "Record a payment against the schedule; never more than is outstanding (except\n"
        "royalties).",
    ),
    Step(
        "Completion",
        "/<uuid:transfer_id>/completion",
        s.CompletionIn,
        c.CompleteTransfer,
        "Close a recorded transfer whose consideration is settled.",
    ),
    Step(
        "Cancellation",
        "/<uuid:transfer_id>/cancellation",
        s.CancellationIn,
        c.CancelTransfer,
        "Cancel a transfer that has not ended, saying why.",
    ),
)
