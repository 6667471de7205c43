"""The whole path a "Refresh data" button runs against the stand-in, and twin data: KPIs from
pulled API documents equal KPIs from the same numbers downloaded from the consoles."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest
import requests
from amazon_standin import ADS_APP, PROFILE_US, SP_APP, FakeAmazon, ManualClock
from fupan.sync.amazon.credentials import AmazonCredentials
from fupan.sync.amazon.http import RetryPolicy
from fupan.sync.amazon.lwa import LwaApp
from fupan.sync.api import init_workspace
from fupan.sync.engine.build import build_review
from fupan.sync.flows.pull import pull_and_sync
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.samples.seller import small_seller
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports

TODAY = date(2026, 11, 17)
WEEK = Period(date(2026, 11, 10), date(2026, 11, 16))
CREDS = AmazonCredentials(LwaApp(*SP_APP), LwaApp(*ADS_APP), {"US": PROFILE_US})


@pytest.fixture
def pulled(tmp_path):
    seller = small_seller(date(2026, 11, 16))
    clock = ManualClock(datetime(2026, 11, 17, 6, 0, tzinfo=UTC))
    fake = FakeAmazon(seller, clock)
    session = requests.Session()
    fake.mount(session)
    ws = init_workspace(tmp_path / "ws")
    options = {
        "credentials": CREDS,
        "session": session,
        "clock": clock,
        "since": WEEK.start,
        "policy": RetryPolicy(jitter=lambda: 0.5),
        "budget": float("inf"),
    }
    return seller, fake, ws, options


def test_pull_import_and_refresh_in_one_go(pulled):
    _seller, fake, ws, options = pulled
    result = pull_and_sync(ws, today=TODAY, pull_options=options, period=WEEK, compare="none")
    assert fake.refused == []
    assert result.pulled.pending == [] and result.pulled.collected
    imported = {o.reader for o in result.synced.imported.imported}
    assert {
        "sp_sales_traffic_asin",
        "sp_sales_traffic_date",
        "ads_api",
        "fba_inventory",
        "fba_inventory_planning",
        "seller_performance",
        "all_orders",
    } <= imported
    review = result.synced.review
    assert review.period == WEEK
    assert review.value("sales") and review.value("ad_spend")
    assert ws.workbook.exists()
    # A second press: nothing new at Amazon today, nothing imported twice.
    again = pull_and_sync(ws, today=TODAY, pull_options=options, period=WEEK, compare="none")
    assert again.pulled.requested == []
    assert again.synced.imported is None or not again.synced.imported.imported


def _console_store(seller, folder) -> Store:
    folder.mkdir()
    store = Store.memory()
    for i in range(7):
        day = date.fromordinal(WEEK.start.toordinal() + i)
        path = writers.write_business_asin(
            folder / f"BusinessReport-{day}.csv", seller, Period(day, day)
        )
        import_reports([path], store=store, period=Period(day, day), marketplace="US")
    files = [
        writers.write_business_daily(folder / "BusinessReport-by-date.csv", seller),
        writers.write_sp_campaign_csv(folder / "Sponsored Products Campaign report.csv", seller),
        writers.write_sb_xlsx(folder / "Sponsored Brands Campaign report.xlsx", seller),
        writers.write_sd_xlsx(folder / "Sponsored Display Targeting report.xlsx", seller),
    ]
    import_reports(files, store=store, marketplace="US")
    return store


def _api_store(ws) -> Store:
    store = Store.memory()
    files = sorted(
        p for p in ws.reports.iterdir() if p.name.startswith(("sp-sales-traffic", "ads-"))
    )
    import_reports(files, store=store, marketplace="US")
    return store


def test_kpis_from_pulled_documents_equal_kpis_from_console_downloads(pulled, tmp_path):
    from fupan.sync.amazon.pull import pull

    seller, _fake, ws, options = pulled
    pull(ws, today=TODAY, **options)
    api = build_review(_api_store(ws), WEEK, marketplace="US")
    console = build_review(_console_store(seller, tmp_path / "console"), WEEK, marketplace="US")
    account = [
        "sales",
        "units",
        "sessions",
        "page_views",
        "cvr",
        "buy_box",
        "ad_spend",
        "ad_sales",
        "acos",
        "tacos",
        "roas",
        "ctr",
        "cpc",
        "ad_orders",
    ]
    compared = 0
    for kpi in account:
        a, c = api.value(kpi), console.value(kpi)
        if a is None and c is None:
            continue
        compared += 1
        assert a == pytest.approx(c, rel=1e-9, abs=1e-9), kpi
    assert compared >= 8
    # Every KPI of every scope the console data has, the API data has too, with equal values.
    keyed = ["scope", "key", "kpi"]
    both = console.kpis.merge(api.kpis, on=keyed, suffixes=("_console", "_api"))
    assert len(both) == len(console.kpis)
    values = both.dropna(subset=["value_console", "value_api"], how="all")
    pd.testing.assert_series_equal(
        values.value_api.astype(float),
        values.value_console.astype(float),
        check_names=False,
        rtol=1e-9,
        atol=1e-9,
    )
