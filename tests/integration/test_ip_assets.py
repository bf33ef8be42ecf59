"""IP assets on both stores: registered, reloaded, listed, and found by any spelling of a number."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from dealtrail.application.commands.ip_assets import RecordGrant, RecordLapse, RegisterAsset
from dealtrail.application.ports.views import IpAssetQuery
from dealtrail.bootstrap import Services, bootstrap
from dealtrail.domain.errors import Invalid
from dealtrail.domain.ip_asset import AssetStatus, IpAsset
from dealtrail.infrastructure.settings import Settings
from dealtrail.infrastructure.views.ip_assets import IpAssetsView
from tests.integration.ip_builders import asset, party

pytestmark = pytest.mark.usefixtures("staff")


def test_an_asset_reloads_in_another_process_exactly_as_saved(
    services: Services, settings: Settings
) -> None:
    holder = party(services, "Xi'an Jiaotong University")
    register = RegisterAsset(
        holder_party_id=holder,
        kind="patent",
        jurisdiction="US",
        title="Self-healing concrete admixture",
        identifiers=[("application", "16/123,456"), ("publication", "US 2020/0123456 A1")],
    )
    result = services.ledger.handle(register)
    grant = RecordGrant(
        asset_id=result.aggregate_id,
        granted_on=date(2022, 8, 9),
        grant_number="US 11,234,567 B2",
    )
    services.ledger.handle(grant)
    saved = services.ledger.get(IpAsset, result.aggregate_id)

    other = bootstrap(settings)
    try:
        reloaded = other.ledger.get(IpAsset, result.aggregate_id)
    finally:
        other.close()

    assert reloaded == saved
    assert reloaded.status == AssetStatus.GRANTED
    assert [i.number for i in reloaded.identifiers] == [
        "US16/123456",
        "US20200123456A1",
        "US11234567B2",
    ]
    first = services.ledger.get(IpAsset, result.aggregate_id, version=1)
    assert first.status == AssetStatus.PENDING


@pytest.mark.parametrize("holder", ["7d0c5a0e-0000-4000-8000-000000000000", "not-a-uuid"])
def test_an_asset_is_registered_only_for_a_registered_party(
    services: Services, holder: str
) -> None:
    with pytest.raises(Invalid) as error:
        register = RegisterAsset(
            holder_party_id=holder, kind="patent", jurisdiction="CN", title="Orphan patent"
        )
        services.ledger.handle(register)

    assert (error.value.code, error.value.field) == ("party.unknown", "holder_party_id")


def test_the_id_of_another_kind_of_aggregate_names_no_holder(services: Services) -> None:
    asset_id = asset(services, party(services, "Xi'an Jiaotong University"))

    with pytest.raises(Invalid) as error:
        services.ledger.handle(
            RegisterAsset(
                holder_party_id=asset_id,
                kind="patent",
                jurisdiction="CN",
                title="An asset holding an asset",
            )
        )

    assert error.value.field == "holder_party_id"


def test_assets_are_listed_by_kind_jurisdiction_holder_owner_status_and_number(
    services: Services,
) -> None:
    university = party(services, "Xi'an Jiaotong University")
    institute = party(services, "Shandong Institute of Advanced Materials")
    patent = asset(services, university, "Graphene membrane for desalination")
    software = str(
        services.ledger.handle(
            RegisterAsset(
                holder_party_id=institute,
                kind="software_copyright",
                jurisdiction="CN",
                title="Loess slope monitoring software",
                identifiers=[("registration", "2023SR0123456")],
            )
        ).aggregate_id
    )
    secret = str(
        services.ledger.handle(
            RegisterAsset(
                holder_party_id=university,
                kind="know_how",
                jurisdiction="KZ",
                title="Drip irrigation recipe",
            )
        ).aggregate_id
    )
    lapse = RecordLapse(
        asset_id=UUID(secret), lapsed_on=date(2025, 1, 10), reason="Disclosed at a fair"
    )
    services.ledger.handle(lapse)
    view = services.read_models.view(IpAssetsView)

    def ids(**query: object) -> list[str]:
        return [i["id"] for i in view.search(IpAssetQuery(limit=10, **query))["items"]]  # type: ignore[arg-type]

    assert ids() == [patent, software, secret]
    assert ids(kind="software_copyright") == [software]
    assert ids(jurisdiction="kz") == [secret]
    assert ids(holder_party_id=UUID(university)) == [patent, secret]
    assert ids(owner_party_id=UUID(institute)) == [software]
    assert ids(status="lapsed") == [secret]
    assert ids(status="pending", kind="patent") == [patent]
    assert ids(q="membrane") == [patent]
    assert ids(q="2020 1056 6088") == [patent]
    assert ids(q="2023sr") == [software]
    assert ids(q="no such thing") == []
    first = view.search(IpAssetQuery(limit=2))
    assert view.search(IpAssetQuery(limit=2, after=first["next_after"]))["items"][0]["id"] == secret
    assert view.search(IpAssetQuery(limit=1))["items"][0]["numbers"] == ["CN202010566088.9"]
