"""/api/v1/ip-assets: register IP assets, record their grant, lapse or expiry, and read them.

No route changes an asset's owner of record: a recorded assignment does (see
dealtrail.application.owner_of_record).
"""

from __future__ import annotations

from dealtrail.application.commands import ip_assets as c
from dealtrail.application.ports.views import IpAssetQuery
from dealtrail.domain.ip_asset import IpAsset
from dealtrail.web.api.resource import Listing, Resource, Step
from dealtrail.web.api.schemas import ip_asset as s
from dealtrail.web.json import Blueprint

blp = Blueprint("ip_assets", __name__, url_prefix="/api/v1/ip-assets", description="IP assets")
assets = Resource(blp, IpAsset, s.AssetSchema, "IpAsset", "asset_id")

assets.collection(
    Listing(
        s.AssetListQuerySchema,
        IpAssetQuery,
        s.AssetPageSchema,
        "ip_assets",
        "List IP assets by kind, jurisdiction, holder, owner, status, title or number.",
    ),
    Step(
        "IpAssets",
        "",
        s.AssetCreateSchema,
        c.RegisterAsset,
        "Register an IP asset for its holder (a registered party), who is its owner of record.",
    ),
)
assets.by_id("An IP asset now, at a version (`?version=`) or as recorded at a time (`?as_of=`).")
assets.steps(
    Step(
        "IpAssetGrant",
        "/<uuid:asset_id>/grant",
        s.GrantSchema,
        c.RecordGrant,
        "Record that the office granted (or registered) a pending asset.",
    ),
    Step(
        "IpAssetLapse",
        "/<uuid:asset_id>/lapse",
        s.LapseSchema,
        c.RecordLapse,
        "Record that the right lapsed (withdrawn, fees unpaid, secret disclosed), and why.",
    ),
    Step(
        "IpAssetExpiry",
        "/<uuid:asset_id>/expiry",
        s.ExpirySchema,
        c.RecordExpiry,
        "Record that a granted right reached the end of its term.",
    ),
)
assets.history("Every event of the asset, oldest first, with who recorded it, when and why.")
