"""Report documents in Amazon's layouts, made from a simulated seller (fupan.sync.samples).

The same Seller also writes the console downloads (samples.writers), so a test can compare
what fupan reads from each: the API twin of the same numbers.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from fupan.sync.samples import writers
from fupan.sync.samples.seller import Seller

from .models import check_required


def _amount(x: float) -> dict:
    return {"amount": round(float(x), 2), "currencyCode": "USD"}


def _pct(a: float, b: float) -> float:
    return round(100.0 * a / b, 2) if b else 0.0


def _days(frame: pd.DataFrame, start: date, end: date, column: str = "date") -> pd.DataFrame:
    return frame[(frame[column] >= pd.Timestamp(start)) & (frame[column] <= pd.Timestamp(end))]


def sales_and_traffic(seller: Seller, start: date, end: date, options: dict[str, str]) -> bytes:
    """GET_SALES_AND_TRAFFIC_REPORT as sellerSalesAndTrafficReport.json describes it."""
    d = _days(seller.daily, start, end)
    by_date = []
    for day, g in d.groupby("date"):
        assert isinstance(day, pd.Timestamp)
        bb_views = float((g.buy_box_pct * g.page_views).sum())
        units, sales, sessions, views = (
            float(g[c].sum()) for c in ("units", "sales", "sessions", "page_views")
        )
        by_date.append(
            {
                "date": day.date().isoformat(),
                "salesByDate": {
                    "orderedProductSales": _amount(sales),
                    "unitsOrdered": int(units),
                    "totalOrderItems": int(units),
                    "averageSalesPerOrderItem": _amount(sales / units if units else 0),
                    "averageUnitsPerOrderItem": 1.0,
                    "averageSellingPrice": _amount(sales / units if units else 0),
                    "unitsRefunded": 0,
                    "refundRate": 0.0,
                    "claimsGranted": 0,
                    "claimsAmount": _amount(0),
                    "shippedProductSales": _amount(sales),
                    "unitsShipped": int(units),
                    "ordersShipped": int(units),
                },
                "trafficByDate": {
                    "browserPageViews": int(views),
                    "mobileAppPageViews": 0,
                    "pageViews": int(views),
                    "browserSessions": int(sessions),
                    "mobileAppSessions": 0,
                    "sessions": int(sessions),
                    "buyBoxPercentage": _pct(bb_views, views),
                    "orderItemSessionPercentage": _pct(units, sessions),
                    "unitSessionPercentage": _pct(units, sessions),
                    "averageOfferCount": 1,
                    "averageParentItems": 1,
                    "feedbackReceived": 0,
                    "negativeFeedbackReceived": 0,
                    "receivedNegativeFeedbackRate": 0.0,
                },
            }
        )
    by_asin = []
    rows = writers.business_asin_rows(seller, _period(start, end))
    total_s, total_p = max(rows.sessions.sum(), 1), max(rows.page_views.sum(), 1)
    r: Any  # a row: pandas-stubs type its fields as any scalar, a number or a date alike
    for r in rows.itertuples(index=False):
        row: dict[str, object] = {"parentAsin": r.parent_asin, "childAsin": r.child_asin}
        if options.get("asinGranularity") == "SKU":
            row["sku"] = r.sku
        row["salesByAsin"] = {
            "unitsOrdered": int(r.units),
            "unitsOrderedB2B": 0,
            "orderedProductSales": _amount(r.sales),
            "orderedProductSalesB2B": _amount(0),
            "totalOrderItems": int(r.units),
            "totalOrderItemsB2B": 0,
        }
        row["trafficByAsin"] = {
            "browserSessions": int(r.sessions),
            "mobileAppSessions": 0,
            "sessions": int(r.sessions),
            "sessionsB2B": 0,
            "browserSessionPercentage": _pct(r.sessions, total_s),
            "mobileAppSessionPercentage": 0.0,
            "sessionPercentage": _pct(r.sessions, total_s),
            "browserPageViews": int(r.page_views),
            "mobileAppPageViews": 0,
            "pageViews": int(r.page_views),
            "pageViewsB2B": 0,
            "browserPageViewsPercentage": _pct(r.page_views, total_p),
            "mobileAppPageViewsPercentage": 0.0,
            "pageViewsPercentage": _pct(r.page_views, total_p),
            # The console shows the same rounding: percent with two decimals.
            "buyBoxPercentage": round(float(r.buy_box_pct) * 100, 2),
            "unitSessionPercentage": _pct(r.units, r.sessions),
        }
        by_asin.append(row)
    doc = {
        "reportSpecification": {
            "reportType": "GET_SALES_AND_TRAFFIC_REPORT",
            "reportOptions": options,
            "dataStartTime": start.isoformat(),
            "dataEndTime": end.isoformat(),
            "marketplaceIds": ["ATVPDKIKX0DER"],
        },
        "salesAndTrafficByDate": by_date,
        "salesAndTrafficByAsin": by_asin,
    }
    problems = check_required(doc, "root")
    assert not problems, problems  # the stand-in serves schema-valid documents only
    return json.dumps(doc).encode("utf-8")


def _period(start: date, end: date):
    from fupan.sync.periods import Period

    return Period(start, end)


def _sp_rows(seller: Seller, start: date, end: date) -> pd.DataFrame:
    return _days(seller.search_terms, start, end)


def ads_rows(seller: Seller, report_type: str, start: date, end: date) -> list[dict]:
    """Rows of an Ads v3 report, with exactly the columns fupan requested."""
    from fupan.sync.amazon.ads_api import REPORTS

    columns = REPORTS[report_type].columns
    metrics = ["impressions", "clicks", "spend", "sales", "orders", "units"]
    if report_type.startswith("sp"):
        t = _sp_rows(seller, start, end)
        keys = {
            "spSearchTerm": [
                "date",
                "campaign",
                "ad_group",
                "targeting",
                "match_type",
                "search_term",
            ],
            "spAdvertisedProduct": ["date", "campaign", "ad_group", "asin", "sku"],
            "spTargeting": ["date", "campaign", "ad_group", "targeting", "match_type"],
            "spCampaigns": ["date", "campaign"],
        }[report_type]
        t = t.groupby(keys, sort=False)[metrics].sum().reset_index()
        if report_type == "spSearchTerm":
            t = t[t.clicks >= 1]  # v3 search-term reports hold clicked terms only
    elif report_type == "sbCampaigns":
        t = _days(seller.brand_ads, start, end)
    else:
        t = _days(seller.display_ads, start, end)
        t = t.groupby(["date", "campaign"], sort=False)[[*metrics, "viewable"]].sum()
        t = t.reset_index()
    out = []
    for r in t.to_dict("records"):
        values = {
            "date": r["date"].date().isoformat(),
            "campaignName": r["campaign"],
            "campaignId": abs(hash(r["campaign"])) % 10**14,
            "campaignBudgetCurrencyCode": "USD",
            "campaignStatus": "ENABLED",
            "campaignBudgetAmount": 50.0,
            "adGroupName": r.get("ad_group", ""),
            "targeting": r.get("targeting", ""),
            "keyword": r.get("targeting", "") if r.get("match_type") != "-" else "",
            "matchType": "TARGETING_EXPRESSION_PREDEFINED"
            if r.get("match_type") == "-"
            else r.get("match_type", ""),
            "searchTerm": r.get("search_term", ""),
            "advertisedAsin": r.get("asin", ""),
            "advertisedSku": r.get("sku", ""),
            "topOfSearchImpressionShare": 0.1234,
            "costType": "CPC",
            "viewableImpressions": int(r["impressions"] * 0.7),
            "impressionsViews": int(r.get("viewable", 0)),
            "impressions": int(r["impressions"]),
            "clicks": int(r["clicks"]),
            "cost": round(float(r["spend"]), 2),
            "sales7d": round(float(r["sales"]), 2),
            "purchases7d": int(r["orders"]),
            "unitsSoldClicks7d": int(r["units"]),
            "attributedSalesSameSku7d": round(float(r["sales"]), 2),
            "unitsSoldSameSku7d": int(r["units"]),
            "sales": round(float(r["sales"]), 2),
            "purchases": int(r["orders"]),
            "unitsSold": int(r["units"]),
        }
        out.append({c: values[c] for c in columns})
    return out


def flat_file(seller: Seller, report_type: str, start: date | None, end: date | None) -> bytes:
    """The TSV (or JSON) flat files, written by fupan's own sample writers in API layout."""
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "doc"
        if report_type == "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA":
            writers.write_myi(p, seller, ui_csv=False)
        elif report_type == "GET_FBA_INVENTORY_PLANNING_DATA":
            writers.write_planning(p, seller)
        elif report_type == "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA":
            writers.write_returns(p, seller)
        elif report_type == "GET_SELLER_FEEDBACK_DATA":
            writers.write_feedback(p, seller)
        elif report_type == "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL":
            writers.write_all_orders(p, seller)
        elif report_type == "GET_V2_SELLER_PERFORMANCE_REPORT":
            writers.write_performance(p, seller)
        elif report_type == "GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA":
            header = "sku\tfnsku\tasin\tproduct-name\tyour-price\testimated-fee-total\tcurrency\n"
            lines = [
                f"{r.sku}\t{r.fnsku}\t{r.asin}\t{r.title}\t{r.price}\t5.40\tUSD\n"
                for r in seller.stock.itertuples(index=False)
            ]
            p.write_text(header + "".join(lines), encoding="utf-8")
        else:
            raise AssertionError(f"no document for {report_type}")
        return p.read_bytes()


SETTLEMENT = (
    "settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\t"
    "currency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\n"
    "11223344\t2026-10-20T00:00:00+00:00\t2026-11-03T00:00:00+00:00\t2026-11-05T00:00:00+00:00"
    "\t1234.56\tUSD\t\t\t\t\t\n"
)
