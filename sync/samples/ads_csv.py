"""Ads console CSV downloads: the SP campaign report and the 2025/26 console's
advertised-product report."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..periods import Period
from .rows import rows as typed_rows
from .seller import Seller
from .text_files import pct, write_csv

SP_CAMPAIGN_CSV = [
    "Date",
    "Start Date",
    "End Date",
    "Portfolio name",
    "Campaign Type",
    "Campaign Name",
    "Status",
    "Currency",
    "Budget",
    "Targeting Type",
    "Bidding strategy",
    "Impressions",
    "Last Year Impressions",
    "Clicks",
    "Last Year Clicks",
    "Click-Thru Rate (CTR)",
    "Spend",
    "Last Year Spend",
    "Cost Per Click (CPC)",
    "Last Year Cost Per Click (CPC)",
    "7 Day Total Orders (#)",
    "Total Advertising Cost of Sales (ACoS) ",
    "7 Day Total Sales ",
]


def _portfolio(campaign: str) -> str:
    """The product name inside `SP-自动-硅胶烘焙垫-03`: the demo's portfolios are products."""
    parts = campaign.split("-")
    return parts[-2] if len(parts) >= 3 else ""


def _console_day(ts: pd.Timestamp) -> str:
    return f"{ts:%b} {ts.day}, {ts.year}"  # "Jun 6, 2025": no zero padding


def _console_money(x: float) -> str:
    """`$40.0`, `$0.7766667`: the campaign CSV prints floats, not currency-formatted cells."""
    text = f"{round(x, 7):.7f}".rstrip("0")
    return "$" + (text + "0" if text.endswith(".") else text)


def _csv_cell(text: str) -> str:
    """One field as the campaign CSV writes it: `"` escaped as `\"`, then CSV-quoted."""
    if any(ch in text for ch in ',"\r\n') or text.endswith(" "):
        return '"' + text.replace('"', '\\"').replace('"', '""') + '"'
    return text


# The 2019 download (real, December 2019): no last-year columns.
SP_CAMPAIGN_CSV_2019 = [
    h for h in SP_CAMPAIGN_CSV if not h.startswith("Last Year ") and h != "Cost Per Click (CPC)"
]
SP_CAMPAIGN_CSV_2019.insert(SP_CAMPAIGN_CSV_2019.index("Spend") + 1, "Cost Per Click (CPC)")


class _CampaignDay(NamedTuple):
    date: pd.Timestamp
    start: pd.Timestamp  # the campaign's start date, as the console shows it
    campaign: str
    impressions: int
    clicks: int
    spend: float
    sales: float
    orders: int


class _Advertised(NamedTuple):
    """An advertised product's totals over the period, with its catalogue fields."""

    campaign: str
    ad_group: str
    asin: str
    sku: str
    parent_asin: str
    title: str
    category: str
    impressions: int
    clicks: int
    spend: float
    sales: float
    orders: int
    units: int


def write_sp_campaign_csv(path: Path, seller: Seller, *, layout: str = "2025") -> Path:
    """SP campaign report (.csv): BOM, CRLF, `"Jun 26, 2025"`, `$40.0`, `\""` in names.

    layout "2019": the 2019 header (no last-year columns, CPC after Spend), money printed
    as floats (`$2.7`, `$0.0`) and `0.00%` for the ratios of rows without clicks or sales.
    """
    t = seller.search_terms
    c = (
        t.groupby(["date", "campaign"], sort=True)[["impressions", "clicks", "spend", "sales"]]
        .sum()
        .join(t.groupby(["date", "campaign"]).orders.sum())
        .reset_index()
    )
    c["start"] = c.groupby("campaign").date.transform("min") - pd.Timedelta(days=45)
    header = SP_CAMPAIGN_CSV_2019 if layout == "2019" else SP_CAMPAIGN_CSV
    lines = [",".join(_csv_cell(h) for h in header)]
    for r in typed_rows(c, _CampaignDay):
        auto = "自动" in r.campaign or "auto" in r.campaign.lower()
        head = [
            _csv_cell(_console_day(r.date)),
            _csv_cell(_console_day(r.start)),
            "",
            _csv_cell(_portfolio(r.campaign) or "No Portfolio"),
            "Sponsored Products",
            _csv_cell(r.campaign),
            "ENABLED",
            "USD",
            _console_money(40.0 if auto else 50.0),
            "Automatic targeting" if auto else "Manual targeting",
            "Dynamic bids - down only" if auto else "Dynamic bids - up and down",
        ]
        if layout == "2019":
            fields = [
                *head,
                str(r.impressions),
                str(r.clicks),
                pct(r.clicks / r.impressions if r.impressions else 0),
                _console_money(r.spend),
                _console_money(r.spend / r.clicks if r.clicks else 0),
                str(r.orders),
                pct(r.spend / r.sales if r.sales else 0),
                _console_money(r.sales),
            ]
        else:
            fields = [
                *head,
                str(r.impressions),
                "",
                str(r.clicks),
                "",
                pct(r.clicks / r.impressions) if r.impressions else "",
                f"${r.spend:.2f}",
                "",
                _console_money(r.spend / r.clicks) if r.clicks else "",
                "",
                str(r.orders),
                pct(r.spend / r.sales) if r.sales else "",
                f"${r.sales:.2f}",
            ]
        lines.append(",".join(fields))
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


NEW_CONSOLE = [
    "Budget currency",
    "Date range",
    "Advertiser account ID",
    "Advertiser account name",
    "Portfolio ID",
    "Portfolio name",
    "Campaign ID",
    "Campaign name",
    "Ad group ID",
    "Ad group name",
    "Advertised product ID",
    "Advertised product name",
    "Advertised product parent ID",
    "Advertised product brand",
    "Advertised product category",
    "Advertised product subcategory",
    "Advertised product group",
    "Advertised product SKU",
    "Advertised product marketplace",
    "Impressions",
    "Clicks",
    "CTR",
    "Total cost",
    "Purchases",
    "Sales",
    "Units sold",
    "Cost per purchase",
    "Purchase rate",
    "ROAS",
    "Purchases (promoted)",
    "Sales (promoted)",
    "Units sold (promoted)",
    "Cost per purchase (promoted)",
    "Purchase rate (promoted)",
    "ROAS (promoted)",
    "Purchases (halo)",
    "Sales (halo)",
    "Units sold (halo)",
    "Purchases (new to brand)",
    "Sales (new to brand)",
    "Units sold (new to brand)",
    "Cost per purchase (new to brand)",
    "Purchase rate (new to brand)",
    "ROAS (new to brand)",
    "Detail page views",
    "Cost per detail page view",
    "Detail page view rate",
]


def _ad_id(name: str) -> str:
    return str(10**14 + zlib.crc32(name.encode("utf-8")) * 7919)


def write_new_console_csv(path: Path, seller: Seller, period: Period) -> Path:
    """2025/26 console advertised-product CSV: one `Date range`, IDs as `="..."` formulas."""
    t = seller.search_terms
    t = t[(t.date >= pd.Timestamp(period.start)) & (t.date <= pd.Timestamp(period.end))]
    g = (
        t.groupby(["campaign", "ad_group", "asin", "sku"], sort=True)[
            ["impressions", "clicks", "spend", "sales", "orders", "units"]
        ]
        .sum()
        .reset_index()
        .merge(
            seller.catalogue[["child_asin", "parent_asin", "title", "category"]],
            left_on="asin",
            right_on="child_asin",
        )
    )
    span = f"{period.start:%b %d, %Y} - {period.end:%b %d, %Y}"
    rows: list[list[str]] = []
    for r in typed_rows(g, _Advertised):
        portfolio = _portfolio(r.campaign)
        rate = f"{r.orders / r.impressions * 100:.4f}%" if r.impressions else ""
        per = f"{r.spend / r.orders:.5f}" if r.orders else ""
        roas = f"{r.sales / r.spend:.5f}" if r.spend else ""
        money = [str(r.orders), f"{r.sales:.2f}", str(r.units), per, rate, roas]
        rows.append(
            [
                "USD",
                span,
                '="amzn1.ads-account.g.lumivo0demo0us"',
                "Lumivo Home US",
                _ad_id(portfolio),
                portfolio,
                f'="{_ad_id(r.campaign)}"',
                r.campaign,
                f'="{_ad_id(r.campaign + r.ad_group)}"',
                r.ad_group,
                r.asin,
                r.title,
                r.parent_asin,
                "LUMIVO",
                r.category,
                "",
                "Lumivo",
                r.sku,
                "AMAZON.COM",
                str(r.impressions),
                str(r.clicks),
                f"{r.clicks / r.impressions * 100:.4f}%" if r.impressions else "",
                f"{r.spend:.2f}",
                *money,
                *money,
                "0",
                "0.00",
                "0",
                *[""] * 9,
            ]
        )
    return write_csv(path, NEW_CONSOLE, rows, bom=False)
