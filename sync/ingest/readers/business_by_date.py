"""Business Report, Sales and Traffic by date (one row per day)."""

from __future__ import annotations

from ...findings import Finding, Severity
from ...periods import Period
from ..schema import BUSINESS_DAILY, conform
from ..sources import RawReport
from .base import Field, ReadContext, Reader, ReadResult, extract, number_style, resolve_marketplace

FIELDS: tuple[Field, ...] = (
    Field("date", ("date", "日期"), "date", required=True),
    Field("sales", ("ordered product sales", "已订购商品销售额"), "number", required=True),
    Field("units", ("units ordered", "已订购商品数量"), "number", required=True),
    Field("order_items", ("total order items", "订单商品种类数", "订单商品总数"), "number"),
    Field("sessions", ("sessions - total", "sessions", "买家访问次数", "会话数 - 总计"), "number"),
    Field(
        "page_views",
        ("page views - total", "page views", "页面浏览次数", "页面浏览量 - 总计"),
        "number",
    ),
    Field(
        "buy_box_pct",
        ("featured offer (buy box) percentage", "buy box percentage", "购买按钮赢得率"),
        "percent",
    ),
    Field("sales_b2b", ("ordered product sales - b2b", "已订购商品的销售额 - b2b"), "number"),
    Field("units_b2b", ("units ordered - b2b", "订购数量 - b2b"), "number"),
    Field("units_refunded", ("units refunded",), "number"),
    Field("feedback_received", ("feedback received",), "number"),
    Field("negative_feedback_received", ("negative feedback received",), "number"),
    Field("claims_granted", ("a-to-z claims granted",), "number"),
    Field("shipped_sales", ("shipped product sales",), "number"),
    Field("units_shipped", ("units shipped",), "number"),
    Field("orders_shipped", ("orders shipped",), "number"),
)


class BusinessReportByDate(Reader):
    kind = "business_daily"
    title = "Business Report: Sales and Traffic by date"
    table = BUSINESS_DAILY
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        dated = bool(keys & {"date", "日期"})
        sales = bool(keys & {"ordered product sales", "已订购商品销售额"})
        no_asin = not (keys & {"(child) asin", "(子)asin", "asin", "sku"})
        return 10 if dated and sales and no_asin else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        marketplace = resolve_marketplace(ctx)
        decimal_comma, day_first = number_style(marketplace)
        frame = extract(raw, FIELDS, decimal_comma=decimal_comma, day_first=day_first)
        frame["marketplace"] = marketplace
        findings = []
        period = None
        if frame.empty:
            findings.append(
                Finding(Severity.WARNING, "no-rows", "the report has no rows", file=str(raw.path))
            )
        else:
            period = Period(frame["date"].min().date(), frame["date"].max().date())
        return ReadResult(
            self.kind, self.table, conform(frame, self.table), period, marketplace, findings
        )
