"""Business Report, Detail Page Sales and Traffic by Child Item (all header generations)."""

from __future__ import annotations

import pandas as pd

from ...errors import MissingPeriodError, msg
from ...findings import Finding, Severity
from ...periods import Period
from ..raw import RawReport
from ..schema import BUSINESS_ASIN, conform
from .base import Field, ReadContext, Reader, ReadResult
from .extract import read_frame

# Whole normalised headers (headers.normalise): en 2019, en 2021+ (hyphen and en dash fold to
# the same key), Chinese UI new and old generation, German UI (docs: FIX grade, no Buy Box).
FIELDS: tuple[Field, ...] = (
    Field(
        "parent_asin",
        ("(parent) asin", "(父)asin", "(父) asin", "(übergeordnete) asin"),
        required=True,
    ),
    Field(
        "child_asin",
        ("(child) asin", "(子)asin", "(子) asin", "(untergeordnete) asin"),
        required=True,
    ),
    Field("title", ("title", "标题", "商品名称", "titel")),
    Field("sku", ("sku",)),
    Field(
        "sessions",
        ("sessions - total", "sessions", "会话数 - 总计", "买家访问次数", "sitzungen - summe"),
        "count",
        required=True,
    ),
    Field(
        "sessions_b2b",
        ("sessions - total - b2b", "会话 - 总计 - b2b", "会话数 - 总计 - b2b"),
        "count",
    ),
    Field(
        "page_views",
        (
            "page views - total",
            "page views",
            "页面浏览量 - 总计",
            "页面浏览次数",
            "seitenaufrufe - summe",
        ),
        "count",
    ),
    Field("page_views_b2b", ("page views - total - b2b", "页面浏览量 - 总计 - b2b"), "count"),
    Field(
        "buy_box_pct",
        (
            "featured offer (buy box) percentage",
            "buy box percentage",
            "推荐报价(推荐报价展示位)百分比",
            "推荐报价(购买按钮)百分比",
            "购买按钮赢得率",
        ),
        "percent",
    ),
    Field(
        "units", ("units ordered", "已订购商品数量", "bestellte einheiten"), "count", required=True
    ),
    Field("units_b2b", ("units ordered - b2b", "已订购商品数量 - b2b", "订购数量 - b2b"), "count"),
    Field(
        "sales",
        ("ordered product sales", "已订购商品销售额", "durch bestellte produkte erzielter umsatz"),
        "money",
        required=True,
    ),
    Field(
        "sales_b2b",
        ("ordered product sales - b2b", "已订购商品销售额 - b2b", "已订购商品的销售额 - b2b"),
        "money",
    ),
    Field(
        "order_items",
        ("total order items", "订单商品总数", "订单商品种类数", "zahl der bestellposten"),
        "count",
    ),
    Field("order_items_b2b", ("total order items - b2b", "订单商品总数 - b2b"), "count"),
    Field("sessions_mobile", ("sessions - mobile app", "会话数 - 移动应用"), "count"),
    Field("sessions_browser", ("sessions - browser", "会话数 - 浏览器"), "count"),
    Field("page_views_mobile", ("page views - mobile app", "页面浏览量 - 移动应用"), "count"),
    Field("page_views_browser", ("page views - browser", "页面浏览量 - 浏览器"), "count"),
)

# Traffic is reported per (parent, child) and repeated on every SKU row of that pair.
TRAFFIC = (
    "sessions",
    "sessions_b2b",
    "page_views",
    "page_views_b2b",
    "buy_box_views",
    "sessions_mobile",
    "sessions_browser",
    "page_views_mobile",
    "page_views_browser",
)


class BusinessReportByAsin(Reader):
    kind = "business_asin"
    title = "Business Report: Detail Page Sales and Traffic by Child Item"
    table = BUSINESS_ASIN
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        has_child = bool(keys & {"(child) asin", "(子)asin", "(untergeordnete) asin"})
        has_sessions = bool(
            keys
            & {"sessions - total", "sessions", "会话数 - 总计", "买家访问次数", "sitzungen - summe"}
        )
        return 10 if has_child and has_sessions else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        if ctx.period is None:
            example = Period.last_full_week(ctx.today) if ctx.today else "START..END"
            raise MissingPeriodError(
                raw.path,
                msg("err:lacks_date_column"),
                fix=msg("err:fix_give_period", example=example),
            )
        frame, market = read_frame(raw, FIELDS, ctx)
        marketplace = market.code
        frame = frame[frame["child_asin"] != ""]
        if "sku" not in frame:
            frame["sku"] = ""
        if "page_views" in frame and "buy_box_pct" in frame:
            frame["buy_box_views"] = frame["buy_box_pct"].fillna(0) * frame["page_views"]
        repeat = frame.duplicated(["parent_asin", "child_asin"], keep="first")
        for col in TRAFFIC:
            if col in frame:
                frame[col] = frame[col].where(~repeat, 0.0)
        frame["marketplace"] = marketplace
        frame["period_start"] = pd.Timestamp(ctx.period.start)
        frame["period_end"] = pd.Timestamp(ctx.period.end)
        findings = []
        if frame.empty:
            findings.append(
                Finding.of(
                    Severity.WARNING, "no-rows", msg("err:no_rows"), file=str(raw.path), framed=True
                )
            )
        return ReadResult(
            self.kind, self.table, conform(frame, self.table), ctx.period, marketplace, findings
        )
