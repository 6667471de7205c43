"""The weekly profit trend: net profit and margin per week from the team's costs, blank where a
cost is unknown (never 0), drawn on the Dashboard of the .xlsx and the Google Sheet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from costed_store import demo_with_costs, plan_inputs
from fupan.sync.engine.build import build_review
from fupan.sync.engine.trend import weekly_trend
from fupan.sync.i18n import t
from fupan.sync.periods import Period
from fupan.sync.targets.gsheets.rules_charts import chart as google_chart
from fupan.sync.workbook.build import build_plan
from fupan.sync.workbook.plan import Block

WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The demo's reports in a store, and the Settings its cost sheet gives."""
    store, settings, _ = demo_with_costs(tmp_path_factory.mktemp("profit-trend"), WEEK.end, TODAY)
    return store, settings


def test_weekly_profit_is_each_weeks_review_and_blank_before_a_cost_exists(store):
    source, settings = store
    trend = weekly_trend(source, WEEK, "US", settings=settings)
    assert len(trend) >= 4 and trend.net_profit.notna().all()
    for w in trend.itertuples():
        week = Period(w.end - timedelta(days=6), w.end)
        r = build_review(source, week, marketplace="US", settings=settings, pace=False)
        assert w.net_profit == pytest.approx(r.value("net_profit"))
        assert w.margin == pytest.approx(r.value("margin"))
    # A SKU sold every week whose cost is typed from the third week on: the weeks before it
    # have no profit (unknown), the weeks from it have one.
    sku = next(s for s, p in settings.products.items() if p.costs and p.costs[0].unit_cost)
    day = trend.end.iloc[2] - timedelta(days=6)
    dated = replace(settings, products=dict(settings.products))
    dated.products[sku] = replace(
        settings.products[sku], costs=[replace(settings.products[sku].costs[-1], valid_from=day)]
    )
    later = weekly_trend(source, WEEK, "US", settings=dated)
    assert later.net_profit.iloc[:2].isna().all() and later.margin.iloc[:2].isna().all()
    assert later.net_profit.iloc[2:].notna().all()
    assert (later.net_profit.iloc[:2] != 0).all()  # never 0
    # Without costs the trend has no profit at all, and sales as before.
    bare = weekly_trend(source, WEEK, "US")
    assert bare.net_profit.isna().all()
    assert bare.sales.tolist() == pytest.approx(trend.sales.tolist())


def _inputs(review, settings, trend, provisional_from=None):
    return plan_inputs(review, settings, TODAY, trend, provisional_from)


def _cells(sheet):
    out = {}
    for b in sheet.blocks:
        if isinstance(b, Block):
            for i, row in enumerate(b.rows):
                for j, c in enumerate(row):
                    out[(b.row + i, b.col + j)] = c
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_dashboard_draws_profit_once_it_exists(store, lang):
    source, settings = store
    settings = replace(settings, language=lang)
    review = build_review(source, WEEK, marketplace="US", settings=settings)
    trend = weekly_trend(source, WEEK, "US", settings=settings)
    trend.loc[1, ["net_profit", "margin"]] = None  # a week with a cost unknown
    since = trend.end.iloc[-2]
    dash = build_plan(_inputs(review, settings, trend, since)).sheet("dashboard")
    (profit,) = [c for c in dash.charts if c.title == t("profit_trend_chart", lang)]
    assert profit.kind == "bar" and len(profit.series) == 1 and len(profit.secondary) == 1
    assert profit.y2_format == "0%"
    cells = _cells(dash)
    head = next(k for k, c in cells.items() if c.value == t("profit_trend", lang))
    rows = range(head[0] + 2, head[0] + 2 + len(trend))
    assert [cells[(r, 1)].value for r in rows] == trend.week.tolist()
    assert f"$B${rows[0]}:$B${rows[-1]}" in profit.series[0][1]
    assert f"$C${rows[0]}:$C${rows[-1]}" in profit.secondary[0][1]
    assert cells[(rows[1], 2)].value is None and cells[(rows[1], 3)].value is None  # blank
    assert cells[(rows[0], 2)].value == pytest.approx(trend.net_profit.iloc[0])
    grey = [cells[(r, 2)].provisional for r in rows]
    assert grey == [False] * (len(trend) - 2) + [True, True]
    assert cells[(rows[-1] + 1, 1)].value == t("provisional_legend", lang)
    # The same chart as a Google Sheets request: bars on the left, the margin on the right.
    ids = {dash.title: 7}
    body = google_chart(profit, 7, ids)["addChart"]["chart"]["spec"]["basicChart"]
    assert body["chartType"] == "COMBO"
    assert [(s["targetAxis"], s["type"]) for s in body["series"]] == [
        ("LEFT_AXIS", "COLUMN"),
        ("RIGHT_AXIS", "LINE"),
    ]
    # No profit anywhere (no costs): no profit chart, no table.
    bare = trend.assign(net_profit=None, margin=None)
    dash = build_plan(_inputs(review, settings, bare)).sheet("dashboard")
    assert t("profit_trend_chart", lang) not in [c.title for c in dash.charts]
    assert t("profit_trend", lang) not in [c.value for c in _cells(dash).values()]


def test_bars_start_at_zero_unless_a_week_lost_money(store, tmp_path):
    """A bar is as tall as its value: the sales and profit axes start at 0 (in the .xlsx and
    the Google request); a week below 0 leaves the axis to cross 0 on its own."""
    from fupan.sync.targets.xlsx import XlsxTarget
    from openpyxl import load_workbook

    source, settings = store
    review = build_review(source, WEEK, marketplace="US", settings=settings)
    trend = weekly_trend(source, WEEK, "US", settings=settings)
    assert (trend.net_profit.dropna() > 0).all()
    plan = build_plan(_inputs(review, settings, trend))
    dash = plan.sheet("dashboard")
    bars = {c.title: c for c in dash.charts if c.kind == "bar"}
    assert set(bars) == {t("sales_sessions_chart", "en"), t("profit_trend_chart", "en")}
    assert all(c.from_zero for c in bars.values())
    ids = {dash.title: 7}
    for c in bars.values():
        left = google_chart(c, 7, ids)["addChart"]["chart"]["spec"]["basicChart"]["axis"][1]
        assert left["position"] == "LEFT_AXIS"
        assert left["viewWindowOptions"] == {"viewWindowMin": 0, "viewWindowMode": "EXPLICIT"}
    book = tmp_path / "review.xlsx"
    XlsxTarget(book).apply(plan, keep=[], state={})
    charts = load_workbook(book)[dash.title]._charts
    drawn = [c for c in charts if c.tagname == "barChart"]
    assert len(drawn) == 2 and all(c.y_axis.scaling.min == 0 for c in drawn)
    # A week that lost money: the profit axis is the spreadsheet's, which crosses 0.
    lost = trend.assign(net_profit=trend.net_profit.where(trend.index != 2, -150.0))
    dash = build_plan(_inputs(review, settings, lost)).sheet("dashboard")
    (profit,) = [c for c in dash.charts if c.title == t("profit_trend_chart", "en")]
    assert not profit.from_zero
    axis = google_chart(profit, 7, {dash.title: 7})["addChart"]["chart"]["spec"]["basicChart"]
    assert "viewWindowOptions" not in axis["axis"][1]
