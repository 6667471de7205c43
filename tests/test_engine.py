"""The KPI engine's counting rules, on small canonical tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from fupan.addin.registry import Scope
from fupan.sync.engine.build import build_review
from fupan.sync.ingest.readers.base import ReadResult
from fupan.sync.ingest.registry import READERS
from fupan.sync.ingest.schema import TABLES, conform
from fupan.sync.periods import Period
from fupan.sync.store.history import Store

P = Period.parse("2026-11-16..2026-11-22")


def stored(**tables) -> Store:
    """A real in-memory store holding the given canonical rows, one import per table."""
    store = Store.memory()
    for n, (name, rows) in enumerate(tables.items()):
        spec = TABLES[name]
        frame = conform(pd.DataFrame(rows), spec)
        start, end = spec.span
        period = Period(frame[start].min().date(), frame[end].max().date())
        kind = next(r.kind for r in READERS if r.table.name == name)
        result = ReadResult(kind, spec, frame, period, "US")
        store.import_result(result, file=f"{name}.csv", sha256=f"sha-{n}")
    return store


def biz(asin, sales, units, sessions, sku=None):
    return {
        "marketplace": "US",
        "period_start": "2026-11-16",
        "period_end": "2026-11-22",
        "parent_asin": "P",
        "child_asin": asin,
        "sku": sku or asin,
        "sales": sales,
        "units": units,
        "sessions": sessions,
        "page_views": sessions * 1.2,
        "buy_box_views": sessions * 1.2 * 0.9,
    }


def ad(grain, spend, sales, day="2026-11-18", end=None, ad_type="SP", asin="", campaign="C"):
    return {
        "marketplace": "US",
        "ad_type": ad_type,
        "grain": grain,
        "start_date": day,
        "end_date": end or day,
        "campaign": campaign,
        "asin": asin,
        "spend": spend,
        "sales": sales,
        "clicks": 10,
        "impressions": 1000,
        "orders": 1,
    }


def review(**frames):
    return build_review(stored(**frames), P, marketplace="US")


def test_each_ad_type_counted_once_across_grains():
    r = review(
        business_asin=[biz("A1", 1000, 50, 500)],
        ads=[
            ad("campaign", 100, 400),
            ad("search_term", 60, 250),
            ad("search_term", 40, 150),
            ad("advertised_product", 100, 400, asin="A1"),
            ad("campaign", 20, 30, ad_type="SB"),
        ],
    )
    assert r.value("ad_spend") == 120
    assert r.value("acos") == pytest.approx(120 / 430)
    assert r.value("tacos") == pytest.approx(0.12)
    assert r.value("ad_spend", Scope.ASIN, "A1") == 100
    assert r.ads.counted.sum() == 2


def test_grain_covering_more_days_wins():
    r = review(
        ads=[
            ad("campaign", 5, 10, day="2026-11-22"),
            ad("advertised_product", 70, 200, day="2026-11-16", end="2026-11-22", asin="A"),
        ]
    )
    assert r.value("ad_spend") == 70


def test_rows_straddling_the_period_are_left_out_with_a_warning():
    r = review(
        ads=[ad("campaign", 5, 10), ad("campaign", 99, 1, day="2026-11-10", end="2026-11-17")]
    )
    assert r.value("ad_spend") == 5
    assert [f.code for f in r.findings] == ["straddles-period"]


def test_zero_denominators_are_null_and_unadvertised_asins_are_zero():
    r = review(
        business_asin=[biz("A1", 500, 10, 100), biz("A2", 0, 0, 0)],
        ads=[ad("advertised_product", 50, 0, asin="A1")],
    )
    assert r.value("acos", Scope.ASIN, "A1") is None  # no ad sales
    assert r.value("cvr", Scope.ASIN, "A2") is None  # no sessions
    assert r.value("ad_spend", Scope.ASIN, "A2") == 0
    assert r.value("tacos", Scope.ASIN, "A2") is None  # no sales
    row = r.kpis[(r.kpis.kpi == "acos") & (r.kpis.key == "A1")].iloc[0]
    assert math.isnan(row.value) and row.status == "none"


def returned(day, asin="A9", quantity=1):
    return {
        "marketplace": "US",
        "return_date": day,
        "asin": asin,
        "sku": asin,
        "quantity": quantity,
    }


def test_return_rate_is_unknown_without_a_returns_report_and_zero_with_one():
    sales = [biz("A1", 500, 10, 100), biz("A2", 300, 8, 90)]
    assert review(business_asin=sales).value("return_rate") is None  # never 0 % and green
    # A returns report running from before the week to after it, with no return of A1.
    r = review(business_asin=sales, returns=[returned("2026-11-14"), returned("2026-11-23")])
    assert r.value("return_rate", Scope.ASIN, "A1") == 0
    assert r.value("return_rate") == 0
    assert r.findings == []
    # One that stops mid-week counts what it has, and says the rest is missing.
    half = review(
        business_asin=sales, returns=[returned("2026-11-10"), returned("2026-11-19", "A1")]
    )
    assert half.value("return_rate", Scope.ASIN, "A1") == pytest.approx(1 / 10)
    assert [f.code for f in half.findings] == ["returns-partial"]
    # One that ended before the week says nothing about it.
    old = review(business_asin=sales, returns=[returned("2026-11-01"), returned("2026-11-12")])
    assert old.value("return_rate") is None


def test_sessions_of_repeated_sku_rows_are_not_added_twice():
    two_skus = [biz("A1", 100, 5, 200, sku="S1"), biz("A1", 50, 3, 0, sku="S2")]
    r = review(business_asin=two_skus)
    assert r.value("sessions") == 200
    assert r.value("cvr") == pytest.approx(8 / 200)


def test_stock_counted_once_per_sku_latest_snapshot():
    inv = [
        {
            "marketplace": "US",
            "snapshot_date": "2026-11-22",
            "source": "myi",
            "sku": "S1",
            "asin": "A1",
            "available": 90,
        },
        {
            "marketplace": "US",
            "snapshot_date": "2026-11-22",
            "source": "planning",
            "sku": "S1",
            "asin": "A1",
            "available": 100,
            "age_91_180": 30,
        },
        {
            "marketplace": "US",
            "snapshot_date": "2026-11-15",
            "source": "planning",
            "sku": "S1",
            "asin": "A1",
            "available": 300,
        },
    ]
    r = review(business_asin=[biz("A1", 700, 70, 700)], inventory=inv)
    assert r.value("available_units") == 100
    assert r.value("aged_90_share") == pytest.approx(0.3)
    assert r.value("days_of_cover", Scope.ASIN, "A1") == pytest.approx(100 / (70 / 7))


def test_comparison_period_feeds_growth():
    before = {**biz("A1", 1000, 40, 500), "period_start": "2026-11-09", "period_end": "2026-11-15"}
    frames = stored(business_asin=[biz("A1", 1100, 60, 500), before])
    r = build_review(frames, P, marketplace="US", compare=P.previous())
    assert r.value("sales_growth") == pytest.approx(0.1)
    assert r.value("cvr_change") == pytest.approx(0.5)


def test_statuses_follow_the_teams_bands_and_categories():
    from fupan.addin.thresholds import Bands
    from fupan.sync.settings import Product, Settings

    sales = [biz("A1", 500, 10, 100), biz("A2", 300, 8, 90)]
    ads = [
        ad("advertised_product", 50, 100, asin="A1"),
        ad("advertised_product", 30, 100, asin="A2"),
    ]
    default = review(business_asin=sales, ads=ads)
    assert default.kpis.set_index(["key", "kpi"]).status[("A1", "acos")] == "red"  # 50 %
    team = Settings.defaults()
    team.bands[("acos", "")] = Bands(green_max=0.6, yellow_max=0.8)
    team.bands[("acos", "toys")] = Bands(green_max=0.2, yellow_max=0.4)
    team.products = {"S2": Product("S2", "A2", category="toys")}
    r = build_review(stored(business_asin=sales, ads=ads), P, marketplace="US", settings=team)
    status = r.kpis.set_index(["scope", "key", "kpi"]).status
    assert status[("asin", "A1", "acos")] == "green"  # 50 % under the team's 60 %
    assert status[("asin", "A2", "acos")] == "yellow"  # 30 %, judged by the toys band
    assert status[("account", "", "acos")] == "green"  # 40 %


def stock(day, available):
    return {
        "marketplace": "US",
        "snapshot_date": day,
        "sku": "S1",
        "asin": "A1",
        "available": available,
        "source": "myi",
    }


def test_a_snapshot_kpi_is_not_compared_with_itself():
    from fupan.addin.registry import KPIS
    from fupan.sync.engine.review import change, comparable

    sales = [biz("A1", 700, 70, 700)]
    one = stored(business_asin=sales, inventory=[stock("2026-11-23", 100)])
    now = build_review(one, P, marketplace="US")
    before = build_review(one, P.previous(), marketplace="US")
    # The only stock count is of 23 November: the week before would show the same count.
    assert not comparable(KPIS["available_units"], now, before)
    assert change(KPIS["available_units"], now, before) is None
    two = stored(
        business_asin=sales, inventory=[stock("2026-11-15", 160), stock("2026-11-22", 100)]
    )
    now = build_review(two, P, marketplace="US")
    before = build_review(two, P.previous(), marketplace="US")
    assert change(KPIS["available_units"], now, before) == -60


def test_an_empty_comparison_period_says_so_and_changes_nothing():
    from fupan.addin.registry import KPIS
    from fupan.sync.engine.review import change

    store = stored(business_asin=[biz("A1", 700, 70, 700)])
    r = build_review(store, P, marketplace="US", compare=P.previous())
    before = build_review(store, P.previous(), marketplace="US")
    assert not before.has_data
    assert change(KPIS["sales"], r, before) is None
    assert [f.code for f in r.findings] == ["comparison-empty"]
