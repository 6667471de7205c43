"""The weekly trend, summed from one read of the store, equals a review of each week exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from fupan.addin.registry import Scope
from fupan.sync.engine.build import build_review
from fupan.sync.engine.trend import COLUMNS, Window, weekly_trend
from fupan.sync.ingest.costs import read_cost_sheet
from fupan.sync.periods import Period
from fupan.sync.samples import small_seller
from fupan.sync.samples.profit import write_cost_sheet
from fupan.sync.samples.writers import write_demo_reports
from fupan.sync.settings import Settings
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from test_engine import stored

WEEK = Period.parse("2026-11-16..2026-11-22")


def reviewed_weeks(
    store: Store, period: Period, weeks: int = 8, settings: Settings | None = None
) -> pd.DataFrame:
    """The trend as it was built before: one whole review per week (the reference)."""
    ends = [period.end - timedelta(days=7 * n) for n in range(weeks - 1, -1, -1)]
    window = Window(store, Period(ends[0] - timedelta(days=6), ends[-1]), "US")
    rows = []
    for end in ends:
        week = Period(end - timedelta(days=6), end)
        r = build_review(
            window,
            week,
            marketplace="US",
            settings=settings,
            scopes=frozenset({Scope.ACCOUNT}),
            pace=False,
        )
        if r.kpis.empty:
            continue
        rows.append(
            {
                "week": f"{week.start:%m-%d}",
                "sales": r.value("sales") or 0.0,
                "sessions": r.value("sessions") or 0.0,
                "acos": r.value("acos"),
                "tacos": r.value("tacos"),
                "net_profit": r.value("net_profit"),
                "margin": r.value("margin"),
                "end": week.end,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def assert_same(store: Store, period: Period, settings: Settings | None = None) -> pd.DataFrame:
    new = weekly_trend(store, period, "US", settings=settings)
    old = reviewed_weeks(store, period, settings=settings)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    # Bit for bit, not merely equal within a tolerance: the same floats (NaN where blank).
    for column in ("sales", "sessions", "acos", "tacos", "net_profit", "margin"):
        a, b = new[column].to_numpy(dtype="float64"), old[column].to_numpy(dtype="float64")
        assert a.tobytes() == b.tobytes(), column
    return new


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Settings]:
    """The demo seller's eight weeks of reports, imported as the demo imports them, and the
    Settings its cost sheet gives."""
    folder = tmp_path_factory.mktemp("trend")
    store = Store.open(folder / "history.duckdb")
    seller = small_seller(WEEK.end)
    for path, period in write_demo_reports(folder / "reports", seller):
        import_reports([path], store=store, period=period, today=WEEK.end + timedelta(days=1))
    rows, findings = read_cost_sheet(write_cost_sheet(folder / "costs.xlsx", seller))
    assert findings == []
    return store, Settings.defaults().with_costs(rows)


@pytest.fixture(scope="module")
def demo_store(demo: tuple[Store, Settings]) -> Store:
    return demo[0]


@pytest.mark.parametrize("back", [0, 1, 5, 9])
def test_the_demos_trend_is_each_weeks_review(demo_store: Store, back: int) -> None:
    # back 5 and 9: trend weeks before the first report, some left out, as a review leaves them.
    period = Period(WEEK.start - timedelta(days=7 * back), WEEK.end - timedelta(days=7 * back))
    trend = assert_same(demo_store, period)
    if back == 0:
        assert len(trend) == 8 and trend.acos.notna().all() and (trend.sales > 0).all()


def test_the_demos_profit_trend_is_each_weeks_review(demo: tuple[Store, Settings]) -> None:
    store, settings = demo
    trend = assert_same(store, WEEK, settings)
    assert len(trend) == 8 and trend.net_profit.notna().all() and trend.margin.notna().all()
    # Costs known for only some weeks: a SKU sold every week has its cost typed from the fourth
    # week on. The weeks before have a blank profit (never 0), as their reviews do.
    sku = next(s for s, p in settings.products.items() if p.costs and p.costs[0].unit_cost)
    day = trend.end.iloc[3] - timedelta(days=6)
    dated = replace(settings, products=dict(settings.products))
    last = settings.products[sku].costs[-1]
    dated.products[sku] = replace(settings.products[sku], costs=[replace(last, valid_from=day)])
    later = assert_same(store, WEEK, dated)
    assert later.net_profit.isna().tolist() == [True] * 3 + [False] * 5
    assert later.margin.isna().tolist() == [True] * 3 + [False] * 5
    # Earlier windows too: weeks before the first report, some of them left out.
    for back in (1, 5):
        span = Period(WEEK.start - timedelta(days=7 * back), WEEK.end - timedelta(days=7 * back))
        assert_same(store, span, dated)


def ad_row(rng: np.random.Generator, ad_type: str, grain: str, start: date, days: int) -> dict:
    return {
        "marketplace": "US",
        "ad_type": ad_type,
        "grain": grain,
        "start_date": str(start),
        "end_date": str(start + timedelta(days=days - 1)),
        "campaign": f"C{rng.integers(0, 5)}",
        "asin": f"B0{rng.integers(0, 9)}",
        # Many digits, so that any other order of adding would change the last ones.
        "spend": float(rng.random() * 97.31),
        "sales": float(rng.random() * 311.17) if rng.random() > 0.05 else None,
        "clicks": int(rng.integers(0, 50)),
        "impressions": int(rng.integers(0, 5000)),
        "orders": int(rng.integers(0, 5)),
    }


def generated_seller(seed: int, *, stock: bool = True) -> Store:
    """Eight weeks with SP at four grains covering different days, SB and SD, weekly and
    daily business reports, rows straddling weeks, a week of stock only and a blank week."""
    rng = np.random.default_rng(seed)
    first = WEEK.start - timedelta(days=7 * 7)
    ads, biz, daily = [], [], []
    for w in range(8):
        start = first + timedelta(days=7 * w)
        if w == 5:
            continue  # no sales and no ads: shown only when the stock dates it
        grains = ["campaign", "advertised_product", "targeting", "search_term"]
        for grain in grains if w != 6 else []:
            # Which grain covers most days changes from week to week (ties: preference).
            for day in range(int(rng.integers(3, 8))):
                for _ in range(int(rng.integers(5, 40))):
                    ads.append(ad_row(rng, "SP", grain, start + timedelta(days=day), 1))
            for _ in range(int(rng.integers(0, 6))):  # summary rows of the whole week
                ads.append(ad_row(rng, "SP", grain, start, 7))
        for ad_type in ("SB", "SD") if w % 2 == 0 and w != 6 else ():
            for grain in ("campaign", "targeting"):
                for _ in range(int(rng.integers(3, 30))):
                    ads.append(ad_row(rng, ad_type, grain, start + timedelta(days=2), 2))
        ads.append(ad_row(rng, "SP", "campaign", start + timedelta(days=5), 4))  # straddles
        if w == 6:
            continue  # nothing but a row straddling its end
        if w % 3 == 2:
            for day in range(7):
                daily.append(
                    {
                        "marketplace": "US",
                        "date": str(start + timedelta(days=day)),
                        "sales": float(rng.random() * 1234.567),
                        "units": int(rng.integers(0, 40)),
                        "sessions": int(rng.integers(0, 900)),
                        "page_views": int(rng.integers(0, 1500)),
                        "buy_box_pct": float(rng.random()),
                    }
                )
        else:
            for asin in range(int(rng.integers(20, 120))):
                sessions = int(rng.integers(0, 400))
                biz.append(
                    {
                        "marketplace": "US",
                        "period_start": str(start),
                        "period_end": str(start + timedelta(days=6)),
                        "parent_asin": "P",
                        "child_asin": f"B{asin:05d}",
                        "sku": f"S{asin}",
                        "sales": float(rng.random() * 543.21),
                        "units": int(rng.integers(0, 20)),
                        "sessions": sessions,
                        "page_views": sessions * 1.3,
                        "buy_box_views": sessions * 1.3 * float(rng.random()),
                    }
                )
    snapshot = {
        "marketplace": "US",
        "snapshot_date": str(first + timedelta(days=7 * 5 + 3)),
        "sku": "S1",
        "asin": "B00001",
        "available": 12,
        "inbound": 0,
        "source": "inventory",
    }
    tables = {"ads": ads, "business_asin": biz, "business_daily": daily}
    return stored(**tables, **({"inventory": [snapshot]} if stock else {}))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_generated_sellers_trend_is_each_weeks_review(seed: int) -> None:
    trend = assert_same(generated_seller(seed), WEEK)
    # Weeks 5 and 6 have no sales and no counted ads: the stock snapshot still dates them.
    assert len(trend) == 8
    assert trend.iloc[5:7].acos.isna().all() and (trend.iloc[5:7].sales == 0).all()
    assert trend.drop(index=[5, 6]).acos.notna().all()


def test_weeks_without_any_figure_are_left_out_as_their_review_leaves_them() -> None:
    store = generated_seller(4, stock=False)
    assert list(assert_same(store, WEEK).index) == list(range(6))
    # Weeks before the first report, some of them with rows straddling into the span.
    early = Period(WEEK.start - timedelta(days=28), WEEK.end - timedelta(days=28))
    assert len(assert_same(store, early)) == 4


def test_a_read_of_some_columns_is_those_columns_of_the_whole_read(demo_store: Store) -> None:
    some = ["grain", "start_date", "spend", "campaign"]
    part = demo_store.table("ads", marketplace="US", period=WEEK, columns=some)
    whole = demo_store.table("ads", marketplace="US", period=WEEK)
    assert list(part.columns) == ["grain", "start_date", "campaign", "spend"]  # the spec's order
    assert len(part) > 0
    pd.testing.assert_frame_equal(part, whole[list(part.columns)], check_exact=True)
