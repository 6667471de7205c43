"""Every reader on the research fixtures and the real downloads in ../shared."""

from __future__ import annotations

import pandas as pd
import pytest
from fupan.sync.ingest.readers.base import ReadContext
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period

JUNE = ReadContext(period=Period.parse("2025-06-01..2025-06-30"))

KINDS = {
    "ads-new-console-format_advertised-product_en.csv": ("ads_new_console", 12),
    "all-orders-by-order-date.txt": ("all_orders", 27),
    "business-report_by-date_en.csv": ("business_daily", 30),
    "business-report_child-asin_en.csv": ("business_asin", 13),
    "business-report_child-asin_en_2019-layout.csv": ("business_asin", 13),
    "business-report_child-asin_en_endash-variant.csv": ("business_asin", 13),
    "business-report_child-asin_zh.csv": ("business_asin", 13),
    "fba-customer-returns.txt": ("fba_returns", 16),
    "fba-inventory-planning-data.txt": ("fba_inventory_planning", 13),
    "fba-manage-inventory_ui-download_cp1252.csv": ("fba_inventory", 13),
    "fba-myi-unsuppressed-inventory.txt": ("fba_inventory", 13),
    "sb-campaign-report_en.xlsx": ("ads_campaign", 14),
    "sd-targeting-report_en.xlsx": ("ads_targeting", 14),
    "seller-feedback.txt": ("seller_feedback", 10),
    "seller-performance-v2.json": ("seller_performance", 8),  # 6 rates, rating, 1 policy
    "sp-advertised-product-report_en.xlsx": ("ads_advertised_product", 12),
    "sp-campaign-report_en.csv": ("ads_campaign", 30),
    "sp-search-term-report_en.xlsx": ("ads_search_term", 27),
    "sp-search-term-report_zh.xlsx": ("ads_search_term", 27),
    "sp-targeting-report_en.xlsx": ("ads_targeting", 16),
}


# Twin without ../shared: test_readers_own.py::test_layout_is_detected_and_read
@pytest.mark.parametrize("name", sorted(KINDS))
def test_fixture_is_detected_and_read(shared_reports, name):
    result = read_report(shared_reports / name, JUNE)
    assert (result.reader, len(result.frame)) == KINDS[name]
    assert result.marketplace == "US"
    assert list(result.frame.columns) == result.table.names


# Twin without ../shared: test_readers_own.py, same name
def test_business_report_dedups_traffic_of_repeated_sku_rows(shared_reports):
    frame = read_report(shared_reports / "business-report_child-asin_en.csv", JUNE).frame
    assert frame.sessions.sum() == 23188
    assert frame.units.sum() == 1666
    assert frame.sales.sum() == pytest.approx(35210.34)
    pair = frame[frame.child_asin == "B0D5TQ7W2R"]
    assert len(pair) == 2 and sorted(pair.sessions) == [0, 4210]


# Twin without ../shared: test_readers_own.py, same name
def test_chinese_business_report_equals_english(shared_reports):
    en = read_report(shared_reports / "business-report_child-asin_en.csv", JUNE).frame
    zh = read_report(shared_reports / "business-report_child-asin_zh.csv", JUNE).frame
    pd.testing.assert_frame_equal(en, zh)


# Twin without ../shared: test_readers_own.py, same name
def test_sp_reports_agree_on_spend_and_sales(shared_reports):
    totals = set()
    for name in (
        "sp-search-term-report_en.xlsx",
        "sp-search-term-report_zh.xlsx",
        "sp-targeting-report_en.xlsx",
        "sp-advertised-product-report_en.xlsx",
        "ads-new-console-format_advertised-product_en.csv",
    ):
        f = read_report(shared_reports / name, JUNE).frame
        totals.add((round(f.spend.sum(), 2), round(f.sales.sum(), 2)))
    assert totals == {(3029.45, 9533.41)}


# Twin without ../shared: test_readers_own.py, same name
def test_attribution_windows_and_ad_types(shared_reports):
    sp = read_report(shared_reports / "sp-targeting-report_en.xlsx", JUNE).frame
    sb = read_report(shared_reports / "sb-campaign-report_en.xlsx", JUNE).frame
    sd = read_report(shared_reports / "sd-targeting-report_en.xlsx", JUNE).frame
    assert (set(sp.ad_type), set(sp.attribution_days)) == ({"SP"}, {7.0})
    assert (set(sb.ad_type), set(sb.attribution_days)) == ({"SB"}, {14.0})
    assert (set(sd.ad_type), set(sd.attribution_days)) == ({"SD"}, {14.0})
    assert sp.top_of_search_share.between(0, 1).all()


# Twin without ../shared: test_readers_own.py, same name
def test_campaign_csv_uses_row_date_and_unescapes_quotes(shared_reports):
    f = read_report(shared_reports / "sp-campaign-report_en.csv", JUNE).frame
    assert f.start_date.min() == pd.Timestamp("2025-06-26")
    assert (f.start_date == f.end_date).all()
    assert not f.campaign.str.contains('\\"', regex=False).any()
    assert f.campaign.str.contains('"', regex=False).any()


# Twin without ../shared: test_readers_own.py, same name
def test_inventory_reports_count_the_same_stock(shared_reports):
    myi = read_report(shared_reports / "fba-myi-unsuppressed-inventory.txt", JUNE).frame
    ui = read_report(shared_reports / "fba-manage-inventory_ui-download_cp1252.csv", JUNE).frame
    plan = read_report(shared_reports / "fba-inventory-planning-data.txt", JUNE).frame
    assert myi.available.sum() == ui.available.sum() == plan.available.sum() == 3115
    aged = plan[["age_91_180", "age_181_270", "age_271_365", "age_365_plus"]].sum().sum()
    assert aged == 1452
    assert "–" in ui.title.iloc[0]  # decoded as Windows-1252


# Twin without ../shared: test_readers_own.py, same name
def test_returns_feedback_health_orders(shared_reports):
    returns = read_report(shared_reports / "fba-customer-returns.txt", JUNE).frame
    assert returns.quantity.sum() == 16
    feedback = read_report(shared_reports / "seller-feedback.txt", JUNE).frame
    assert "rater_email" not in feedback.columns
    health = read_report(shared_reports / "seller-performance-v2.json", JUNE).frame
    assert set(health.metric) >= {"odr_afn", "odr_mfn", "late_shipment_rate"}
    orders = read_report(shared_reports / "all-orders-by-order-date.txt", JUNE).frame
    assert (orders[orders.order_status == "Cancelled"].quantity == 0).all()


REAL = {
    "xvr-datasciencecoursera/BusinessReport-11-21-19.csv": ("business_asin", 49),
    "xvr-datasciencecoursera/Sponsored Products Advertised product report.xlsx": (
        "ads_advertised_product",
        2880,
    ),
    "xvr-datasciencecoursera/Sponsored Products Targeting report.xlsx": ("ads_targeting", 15415),
    "xvr-datasciencecoursera/Sponsored Products Campaign report.csv": ("ads_campaign", 69),
    "mannyvv-amazon-fba-report-analyzer/Sponsored Products Search term report.xlsx": (
        "ads_search_term",
        638,
    ),
}


# Twins without ../shared:
#   test_readers_own.py::test_real_download_layouts
#   test_readers_own.py::test_real_business_report_layout
@pytest.mark.parametrize("name", sorted(REAL))
def test_real_downloads(shared_real, name):
    result = read_report(
        shared_real / name, ReadContext(period=Period.parse("2019-11-15..2019-11-21"))
    )
    assert (result.reader, len(result.frame)) == REAL[name]
    assert result.frame.spend.notna().all() if "spend" in result.frame else True


# Twin without ../shared:
#   test_readers_own.py::test_campaign_csv_uses_row_date_and_unescapes_quotes[2019]
def test_real_campaign_names_match_between_csv_and_xlsx(shared_real):
    csv = read_report(
        shared_real / "xvr-datasciencecoursera/Sponsored Products Campaign report.csv"
    )
    assert '63" x 27.5" -key words 3 manual' in set(csv.frame.campaign)


# Twin without ../shared: test_readers_own.py, same name
def test_real_business_report_child_under_two_parents(shared_real):
    f = read_report(
        shared_real / "xvr-datasciencecoursera/BusinessReport-11-21-19.csv",
        ReadContext(period=Period.parse("2019-11-15..2019-11-21")),
    ).frame
    pairs = f[f.child_asin == "B07JMT389Q"]
    assert pairs.parent_asin.nunique() == 2
    assert (pairs.groupby("parent_asin").sessions.max() > 0).all()
