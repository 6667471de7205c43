"""Business Report files: by child ASIN (four header generations) and by date."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..periods import Period
from .rows import rows as typed_rows
from .seller import Seller
from .text_files import count, pct, us_dollar_zh, usd, write_csv

BUSINESS_2021 = [
    "(Parent) ASIN",
    "(Child) ASIN",
    "Title",
    "SKU",
    "Sessions - Total",
    "Sessions - Total - B2B",
    "Session Percentage - Total",
    "Session Percentage - Total - B2B",
    "Page Views - Total",
    "Page Views - Total - B2B",
    "Page Views Percentage - Total",
    "Page Views Percentage - Total - B2B",
    "Featured Offer (Buy Box) Percentage",
    "Featured Offer (Buy Box) Percentage - B2B",
    "Units Ordered",
    "Units Ordered - B2B",
    "Unit Session Percentage",
    "Unit Session Percentage - B2B",
    "Ordered Product Sales",
    "Ordered Product Sales - B2B",
    "Total Order Items",
    "Total Order Items - B2B",
]
BUSINESS_ZH = [
    "（父）ASIN",
    "（子）ASIN",
    "标题",
    "SKU",
    "会话数 - 总计",
    "会话 - 总计 - B2B",
    "转化率 - 总计",
    "会话百分比 - 总计 - B2B",
    "页面浏览量 - 总计",
    "页面浏览量 - 总计 - B2B",
    "页面浏览量百分比 - 总计",
    "页面浏览量百分比 - 总计 - B2B",
    "推荐报价（推荐报价展示位）百分比",
    "推荐报价（推荐报价展示位）百分比 - B2B",
    "已订购商品数量",
    "已订购商品数量 - B2B",
    "商品会话百分比",
    "商品会话百分比 - B2B",
    "已订购商品销售额",
    "已订购商品销售额 - B2B",
    "订单商品总数",
    "订单商品总数 - B2B",
]
# The en-dash variant is also sentence case, except where Amazon forgot to change it.
BUSINESS_ENDASH = [
    "(Parent) ASIN",
    "(Child) ASIN",
    "Title",
    "SKU",
    "Sessions – Total",
    "Sessions – Total – B2B",
    "Session percentage – Total",
    "Session percentage – Total – B2B",
    "Page views – Total",
    "Page views – Total – B2B",
    "Page views percentage – Total",
    "Page views percentage – Total – B2B",
    "Featured Offer (Buy Box) percentage",
    "Featured Offer (Buy Box) percentage – B2B",
    "Units ordered",
    "Units ordered – B2B",
    "Unit Session Percentage",
    "Unit session percentage – B2B",
    "Ordered Product Sales",
    "Ordered product sales – B2B",
    "Total order items",
    "Total order items – B2B",
]
BUSINESS_2019 = [
    "(Parent) ASIN",
    "(Child) ASIN",
    "Title",
    "SKU",
    "Sessions",
    "Session Percentage",
    "Page Views",
    "Page Views Percentage",
    "Buy Box Percentage",
    "Units Ordered",
    "Unit Session Percentage",
    "Ordered Product Sales",
    "Total Order Items",
]


class _Row(NamedTuple):
    """A Business Report row by child ASIN (see write_business_rows)."""

    parent_asin: str
    child_asin: str
    title: str
    sku: str
    sessions: int
    page_views: float
    buy_box_pct: float
    units: int
    sales: float


class _Day(NamedTuple):
    date: pd.Timestamp
    sales: float
    units: int
    sessions: int


def business_asin_rows(seller: Seller, period: Period) -> pd.DataFrame:
    """One row per child ASIN/SKU for the period, as the Business Report aggregates it."""
    d = seller.daily
    d = d[(d.date >= pd.Timestamp(period.start)) & (d.date <= pd.Timestamp(period.end))]
    d = d.assign(bb_views=d.buy_box_pct * d.page_views)
    agg = (
        d.groupby(["child_asin", "sku"], sort=False)
        .agg(
            sessions=("sessions", "sum"),
            page_views=("page_views", "sum"),
            bb_views=("bb_views", "sum"),
            units=("units", "sum"),
            sales=("sales", "sum"),
        )
        .reset_index()
    )
    agg["buy_box_pct"] = (agg.bb_views / agg.page_views.where(agg.page_views > 0)).fillna(0)
    agg = agg.merge(seller.catalogue[["child_asin", "parent_asin", "title"]], on="child_asin")
    return agg.sort_values("sales", ascending=False).reset_index(drop=True)


def write_business_asin(
    path: Path, seller: Seller, period: Period, *, layout: str = "2021"
) -> Path:
    """layout: "2021" (hyphen headers), "endash", "zh" (Chinese UI) or "2019"."""
    return write_business_rows(path, business_asin_rows(seller, period), layout=layout)


def write_business_rows(path: Path, rows: pd.DataFrame, *, layout: str = "2021") -> Path:
    """Business Report rows as given, one file row each, in one header generation.

    `rows` has parent_asin, child_asin, title, sku, sessions, page_views, buy_box_pct (a
    fraction), units and sales. Rows are written as they are: a (parent, child) pair on
    several SKU rows repeats its traffic on each, as Seller Central does, when the caller
    gives it so. Percent-of-total columns divide by the traffic of each pair once.
    """
    pairs = rows.drop_duplicates(["parent_asin", "child_asin"])
    total_s = max(pairs.sessions.sum(), 1)
    total_p = max(pairs.page_views.sum(), 1)
    out: list[list[str]] = []
    money = us_dollar_zh if layout == "zh" else usd
    for r in typed_rows(rows, _Row):
        usp = r.units / r.sessions if r.sessions else 0
        if layout == "2019":
            out.append(
                [
                    r.parent_asin,
                    r.child_asin,
                    r.title,
                    r.sku,
                    count(r.sessions),
                    pct(r.sessions / total_s),
                    count(r.page_views),
                    pct(r.page_views / total_p),
                    pct(round(r.buy_box_pct, 2), 0),
                    count(r.units),
                    pct(usp),
                    money(r.sales),
                    count(r.units),
                ]
            )
        else:
            out.append(
                [
                    r.parent_asin,
                    r.child_asin,
                    r.title,
                    r.sku,
                    count(r.sessions),
                    "0",
                    pct(r.sessions / total_s),
                    "0.00%",
                    count(r.page_views),
                    "0",
                    pct(r.page_views / total_p),
                    "0.00%",
                    pct(r.buy_box_pct),
                    "0.00%",
                    count(r.units),
                    "0",
                    pct(usp),
                    "0.00%",
                    money(r.sales),
                    money(0),
                    count(r.units),
                    "0",
                ]
            )
    if layout == "2019":
        return write_csv(path, BUSINESS_2019, out, quote_all=True)
    header = {
        "2021": BUSINESS_2021,
        "zh": BUSINESS_ZH,
        "endash": BUSINESS_ENDASH,
    }[layout]
    return write_csv(path, header, out)


BY_DATE = [
    "Date",
    "Ordered Product Sales",
    "Units Ordered",
    "Total Order Items",
    "Average Sales per Order Item",
    "Average Units per Order Item",
    "Average Selling Price",
    "Sessions",
    "Order Item Session Percentage",
    "Average Offer Count",
]


def write_business_daily(path: Path, seller: Seller) -> Path:
    d = (
        seller.daily.groupby("date")
        .agg(sales=("sales", "sum"), units=("units", "sum"), sessions=("sessions", "sum"))
        .reset_index()
    )
    rows: list[list[str]] = []
    for r in typed_rows(d, _Day):
        per_item = r.sales / r.units if r.units else 0
        rows.append(
            [
                r.date.strftime("%m/%d/%Y"),
                usd(r.sales),
                count(r.units),
                count(r.units),
                usd(per_item),
                "1.00",
                usd(per_item),
                count(r.sessions),
                pct(r.units / r.sessions if r.sessions else 0),
                "1",
            ]
        )
    return write_csv(path, BY_DATE, rows, quote_all=True)
