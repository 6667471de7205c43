"""The project's own fixtures: sample files written in every layout read back to the truth."""

from __future__ import annotations

import pandas as pd
import pytest
from fupan.sync.periods import Period
from fupan.sync.readers import ReadContext, read_report
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
    assert set(health.metric) == {"odr_afn", "late_shipment_rate"}
