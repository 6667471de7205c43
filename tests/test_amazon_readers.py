"""The API document readers: v3 and dotted Ads names give the console readers' rows."""

from __future__ import annotations

import json

import pytest
from fupan.sync.errors import ReportError
from fupan.sync.ingest.registry import read_report

V3_SP = [
    {
        "date": "2026-11-16",
        "campaignName": "SP-自动-00",
        "adGroupName": "自动",
        "targeting": "close-match",
        "keyword": "",
        "matchType": "TARGETING_EXPRESSION_PREDEFINED",
        "searchTerm": "silicone mat",
        "campaignBudgetCurrencyCode": "USD",
        "impressions": 900,
        "clicks": 4,
        "cost": 6.32,
        "sales7d": 63.96,
        "purchases7d": 4,
        "unitsSoldClicks7d": 4,
        "attributedSalesSameSku7d": 50.0,
        "unitsSoldSameSku7d": 3,
    },
]
DOTTED = [
    {
        "date.value": "2026-11-16",
        "campaign": {"name": "SP-自动-00"},
        "adGroup": {"name": "自动"},
        "target": {"value": "close-match", "matchType": "TARGETING_EXPRESSION_PREDEFINED"},
        "searchTerm": {"value": "silicone mat"},
        "adProduct.value": "SPONSORED_PRODUCTS",
        "budgetCurrency.value": "USD",
        "metric": {
            "impressions": 900,
            "clicks": 4,
            "totalCost": 6.32,
            "sales": 63.96,
            "purchases": 4,
            "unitsSold": 4,
        },
    },
]


def _write(tmp_path, name, doc):
    p = tmp_path / name
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return p


def test_v3_and_dotted_names_give_the_same_canonical_row(tmp_path):
    v3 = read_report(_write(tmp_path, "a.json", V3_SP))
    dotted = read_report(_write(tmp_path, "b.json", DOTTED))
    for r in (v3, dotted):
        row = r.frame.iloc[0]
        assert (r.reader, row.ad_type, row.grain, row.marketplace) == (
            "ads_api",
            "SP",
            "search_term",
            "US",
        )
        assert (row.campaign, row.targeting, row.match_type, row.search_term) == (
            "SP-自动-00",
            "close-match",
            "-",
            "silicone mat",
        )
        assert (row.impressions, row.clicks, row.spend, row.sales, row.orders) == (
            900,
            4,
            6.32,
            63.96,
            4,
        )
    assert v3.frame.attribution_days.iloc[0] == 7
    assert v3.frame.sku_sales.iloc[0] == 50.0


@pytest.mark.parametrize(
    ("marker", "ad_type"), [("viewableImpressions", "SB"), ("impressionsViews", "SD")]
)
def test_fourteen_day_campaign_reports_are_told_apart(tmp_path, marker, ad_type):
    row = {
        "date": "2026-11-16",
        "campaignName": "C",
        "impressions": 10,
        "clicks": 1,
        "cost": 2.0,
        "sales": 30.0,
        "purchases": 1,
        "unitsSold": 1,
        marker: 7,
    }
    r = read_report(_write(tmp_path, "c.json", [row]))
    assert (r.frame.ad_type.iloc[0], r.frame.grain.iloc[0]) == (ad_type, "campaign")
    assert r.frame.attribution_days.iloc[0] == 14


def test_a_bad_ads_number_names_row_and_column(tmp_path):
    row = dict(V3_SP[0], cost="n/a")
    with pytest.raises(ReportError, match='"n/a" is not a number'):
        read_report(_write(tmp_path, "d.json", [row]))


def _sales_traffic(granularity):
    amount = {"amount": 10.5, "currencyCode": "JPY"}
    return {
        "reportSpecification": {
            "reportType": "GET_SALES_AND_TRAFFIC_REPORT",
            "reportOptions": {"dateGranularity": "DAY", "asinGranularity": granularity},
            "dataStartTime": "2026-11-16",
            "dataEndTime": "2026-11-16",
            "marketplaceIds": ["A1VC38T7YXB528"],
        },
        "salesAndTrafficByDate": [
            {
                "date": "2026-11-16",
                "salesByDate": {
                    "orderedProductSales": amount,
                    "unitsOrdered": 3,
                    "totalOrderItems": 3,
                    "unitsRefunded": 1,
                },
                "trafficByDate": {
                    "sessions": 40,
                    "pageViews": 50,
                    "buyBoxPercentage": 95.24,
                    "feedbackReceived": 2,
                    "negativeFeedbackReceived": 1,
                },
            }
        ],
        "salesAndTrafficByAsin": [
            {
                "parentAsin": "P1",
                "childAsin": "C1",
                "sku": sku,
                "salesByAsin": {
                    "unitsOrdered": 1,
                    "orderedProductSales": amount,
                    "totalOrderItems": 1,
                },
                "trafficByAsin": {"sessions": 40, "pageViews": 50, "buyBoxPercentage": 95.24},
            }
            for sku in ("S1", "S2")
        ],
    }


def test_sales_and_traffic_by_sku_is_the_business_report_by_child_item(tmp_path):
    r = read_report(_write(tmp_path, "e.json", _sales_traffic("SKU")))
    assert (r.reader, r.marketplace, str(r.period)) == (
        "sp_sales_traffic_asin",
        "JP",
        "2026-11-16..2026-11-16",
    )
    # Traffic counted once per (parent, child), as the console reader does with SKU rows.
    assert r.frame.sessions.tolist() == [40.0, 0.0]
    assert r.frame.buy_box_pct.iloc[0] == pytest.approx(0.9524)
    assert r.frame.sales.sum() == 21.0


def test_sales_and_traffic_by_parent_is_read_by_date(tmp_path):
    r = read_report(_write(tmp_path, "f.json", _sales_traffic("PARENT")))
    row = r.frame.iloc[0]
    assert r.reader == "sp_sales_traffic_date"
    assert (row.sales, row.units, row.sessions, row.units_refunded) == (10.5, 3, 40, 1)
    assert row.negative_feedback_received == 1
