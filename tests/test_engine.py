"""The KPI engine's counting rules, on small canonical tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from fupan.addin.registry import Scope
from fupan.sync.engine import build_review
from fupan.sync.periods import Period
from fupan.sync.schema import TABLES, conform

P = Period.parse("2026-11-16..2026-11-22")


class Tables:
    def __init__(self, **frames):
        self.frames = {n: conform(pd.DataFrame(f), TABLES[n]) for n, f in frames.items()}

    def table(self, name, *, marketplace=None, period=None):
        df = self.frames.get(name, TABLES[name].empty())
        if period is not None:
            start, end = TABLES[name].span
            df = df[
                (df[start] <= pd.Timestamp(period.end)) & (df[end] >= pd.Timestamp(period.start))
            ]
        return df


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
    return build_review(Tables(**frames), P, marketplace="US")


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
    assert r.value("return_rate", Scope.ASIN, "A1") == 0
    row = r.kpis[(r.kpis.kpi == "acos") & (r.kpis.key == "A1")].iloc[0]
    assert math.isnan(row.value) and row.status == "none"


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
    frames = Tables(business_asin=[biz("A1", 1100, 60, 500)])
    prev = conform(
        pd.DataFrame(
            [{**biz("A1", 1000, 40, 500), "period_start": "2026-11-09", "period_end": "2026-11-15"}]
        ),
        TABLES["business_asin"],
    )
    frames.frames["business_asin"] = pd.concat([frames.frames["business_asin"], prev])
    r = build_review(frames, P, marketplace="US", compare=P.previous())
    assert r.value("sales_growth") == pytest.approx(0.1)
    assert r.value("cvr_change") == pytest.approx(0.5)
