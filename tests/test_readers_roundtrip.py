"""The project's own fixtures: sample files written in every layout read back to the truth."""

from __future__ import annotations

import pandas as pd
import pytest
from fupan.sync.ingest.health_metrics import AHR, POLICY
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period
from fupan.sync.samples import writers

WEEK = Period.parse("2026-11-16..2026-11-22")


@pytest.mark.parametrize("layout", ["2021", "endash", "zh", "2019"])
def test_business_report_layouts(tmp_path, seller, layout):
    path = writers.write_business_asin(tmp_path / "br.csv", seller, WEEK, layout=layout)
    frame = read_report(path, ReadContext(period=WEEK)).frame
    truth = writers.business_asin_rows(seller, WEEK)
    assert frame.units.sum() == truth.units.sum()
    assert frame.sales.sum() == pytest.approx(truth.sales.sum())
    assert frame.sessions.sum() == truth.sessions.sum()
    assert (frame.period_start == pd.Timestamp(WEEK.start)).all()


def test_business_report_by_date(tmp_path, seller):
    frame = read_report(writers.write_business_daily(tmp_path / "d.csv", seller)).frame
    assert len(frame) == seller.days
    assert frame.units.sum() == seller.daily.units.sum()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("grain", ["search_term", "advertised_product"])
def test_sp_xlsx(tmp_path, seller, grain, lang):
    path = writers.write_sp_xlsx(tmp_path / "sp.xlsx", seller, grain, lang=lang)
    result = read_report(path)
    assert result.reader == f"ads_{grain}"
    assert result.frame.spend.sum() == pytest.approx(seller.search_terms.spend.sum())
    assert result.frame.sales.sum() == pytest.approx(seller.search_terms.sales.sum())
    assert set(result.frame.attribution_days) == {7.0}
    assert result.period == Period(seller.start, seller.end)


def test_sb_xlsx(tmp_path, seller):
    result = read_report(writers.write_sb_xlsx(tmp_path / "sb.xlsx", seller))
    assert set(result.frame.ad_type) == {"SB"}
    assert result.frame.spend.sum() == pytest.approx(seller.brand_ads.spend.sum())


@pytest.mark.parametrize("ui_csv", [True, False])
def test_manage_inventory(tmp_path, seller, ui_csv):
    path = writers.write_myi(tmp_path / "myi.csv", seller, ui_csv=ui_csv)
    result = read_report(path, ReadContext(period=WEEK))
    assert result.frame.available.sum() == seller.stock.available.sum()
    assert (result.frame.snapshot_date == pd.Timestamp(WEEK.end)).all()


def test_planning_returns_feedback_performance(tmp_path, seller):
    plan = read_report(writers.write_planning(tmp_path / "p.txt", seller)).frame
    assert plan.age_91_180.sum() == seller.stock.age_91_180.sum()
    ret = read_report(writers.write_returns(tmp_path / "r.txt", seller)).frame
    assert ret.quantity.sum() == seller.returns.quantity.sum()
    fb = read_report(writers.write_feedback(tmp_path / "f.txt", seller)).frame
    assert len(fb) == len(seller.feedback)
    health = read_report(writers.write_performance(tmp_path / "h.json", seller)).frame
    assert set(health.metric) == {"odr_afn", "late_shipment_rate", AHR, *POLICY.values()}


def test_device_split_columns_are_not_taken_as_totals(tmp_path):
    header = (
        "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Mobile App,"
        "Sessions - Mobile APP - B2B,Sessions - Browser,Sessions - Total,"
        "Page Views - Mobile App,Page Views - Browser,Page Views - Total,"
        "Featured Offer (Buy Box) Percentage,Units Ordered,Ordered Product Sales,"
        "Total Order Items"
    )
    row = 'P1,C1,"Mat, 2 pack",S1,60,1,40,100,70,50,120,95.00%,12,"$1,200.00",11'
    path = tmp_path / "br.csv"
    path.write_text(
        header + "\n" + row + "\n" + row.replace(",S1,", ",S2,") + "\n", encoding="utf-8"
    )
    f = read_report(path, ReadContext(period=WEEK)).frame
    assert f.sessions.tolist() == [100, 0] and f.sessions_mobile.tolist() == [60, 0]
    assert f.page_views.sum() == 120 and f.units.sum() == 24
    assert f.buy_box_views.sum() == pytest.approx(114)


def test_old_chinese_ui_headers(tmp_path):
    header = (
        "（父）ASIN,（子）ASIN,商品名称,SKU,买家访问次数,买家访问次数百分比,页面浏览次数,"
        "页面浏览次数百分比,购买按钮赢得率,已订购商品数量,订单商品数量转化率,已订购商品销售额,"
        "订单商品种类数"
    )
    row = 'P1,C1,垫子,S1,"1,000",10%,1500,10%,98%,80,8%,US$960.00,78'
    path = tmp_path / "br.csv"
    path.write_text(header + "\n" + row + "\n", encoding="utf-8-sig")
    f = read_report(path, ReadContext(period=WEEK)).frame
    assert (f.sessions.iloc[0], f.page_views.iloc[0], f.units.iloc[0]) == (1000, 1500, 80)
    assert f.sales.iloc[0] == 960 and f.buy_box_pct.iloc[0] == pytest.approx(0.98)
