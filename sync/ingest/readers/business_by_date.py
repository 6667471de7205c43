"""Business Report, Sales and Traffic by date (one row per day)."""

from __future__ import annotations

from ...errors import msg
from ...findings import Finding, Severity
from ...periods import Period
from ..raw import RawReport
from ..schema import BUSINESS_DAILY, conform
from .base import Field, ReadContext, Reader, ReadResult
from .extract import read_frame

FIELDS: tuple[Field, ...] = (
    Field("date", ("date", "日期", "datum"), "date", required=True),
    Field(
        "sales",
        ("ordered product sales", "已订购商品销售额", "durch bestellte produkte erzielter umsatz"),
        "money",
        required=True,
    ),
    Field(
        "units", ("units ordered", "已订购商品数量", "bestellte einheiten"), "count", required=True
    ),
    Field(
        "order_items",
        ("total order items", "订单商品种类数", "订单商品总数", "zahl der bestellposten"),
        "count",
    ),
    Field(
        "sessions",
        ("sessions - total", "sessions", "买家访问次数", "会话数 - 总计", "sitzungen - summe"),
        "count",
    ),
    Field(
        "page_views",
        (
            "page views - total",
            "page views",
            "页面浏览次数",
            "页面浏览量 - 总计",
            "seitenaufrufe - summe",
        ),
        "count",
    ),
    Field(
        "buy_box_pct",
        ("featured offer (buy box) percentage", "buy box percentage", "购买按钮赢得率"),
        "percent",
    ),
    Field("sales_b2b", ("ordered product sales - b2b", "已订购商品的销售额 - b2b"), "money"),
    Field("units_b2b", ("units ordered - b2b", "订购数量 - b2b"), "count"),
    Field("units_refunded", ("units refunded",), "count"),
    Field("feedback_received", ("feedback received",), "count"),
    Field("negative_feedback_received", ("negative feedback received",), "count"),
    Field("claims_granted", ("a-to-z claims granted",), "count"),
    Field("shipped_sales", ("shipped product sales",), "money"),
    Field("units_shipped", ("units shipped",), "count"),
    Field("orders_shipped", ("orders shipped",), "count"),
)


class BusinessReportByDate(Reader):
    kind = "business_daily"
    title = "Business Report: Sales and Traffic by date"
    table = BUSINESS_DAILY
    formats = frozenset({"csv", "tsv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        dated = bool(keys & {"date", "日期", "datum"})
        sales = bool(
            keys
            & {
                "ordered product sales",
                "已订购商品销售额",
                "durch bestellte produkte erzielter umsatz",
            }
        )
        no_asin = not (keys & {"(child) asin", "(子)asin", "(untergeordnete) asin", "asin", "sku"})
        return 10 if dated and sales and no_asin else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(raw, FIELDS, ctx)
        marketplace = market.code
        frame["marketplace"] = marketplace
        findings = []
        period = None
        if frame.empty:
            findings.append(
                Finding.of(
                    Severity.WARNING, "no-rows", msg("err:no_rows"), file=str(raw.path), framed=True
                )
            )
        else:
            period = Period(frame["date"].min().date(), frame["date"].max().date())
        return ReadResult(
            self.kind, self.table, conform(frame, self.table), period, marketplace, findings
        )
