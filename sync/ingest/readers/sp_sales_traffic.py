"""SP-API Sales and Traffic report (GET_SALES_AND_TRAFFIC_REPORT, JSON): the API twin of the
Business Reports.

One document holds both halves, `salesAndTrafficByDate` and `salesAndTrafficByAsin`, but a
file feeds one table, so the request's `asinGranularity` says which half a file is for:
CHILD or SKU, the by-ASIN half (table business_asin, like the Business Report by child item);
PARENT, the by-date half (table business_daily). `fupan pull` asks for each accordingly.
Field names and types: schemas/reports/sellerSalesAndTrafficReport.json in
amzn/selling-partner-api-models. Percentages are in percent units, money is
{amount, currencyCode}; the document carries its own days and marketplace.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from ...errors import ReportError, msg
from ...findings import Finding, Severity
from ...marketplaces import by_amazon_id
from ...periods import Period
from ..raw import RawReport
from ..schema import BUSINESS_ASIN, BUSINESS_DAILY, conform
from .base import ReadContext, Reader, ReadResult
from .business_report import TRAFFIC
from .market import resolve_marketplace

_ASIN_LEVELS = frozenset({"CHILD", "SKU"})


def _spec(raw: RawReport) -> dict[str, Any]:
    data = raw.data if isinstance(raw.data, dict) else {}
    spec = data.get("reportSpecification")
    return spec if isinstance(spec, dict) else {}


def _granularity(raw: RawReport) -> str:
    options = _spec(raw).get("reportOptions") or {}
    return str(options.get("asinGranularity", "")).upper() if isinstance(options, dict) else ""


def _period(raw: RawReport) -> Period:
    spec = _spec(raw)
    try:
        start = date.fromisoformat(str(spec["dataStartTime"])[:10])
        end = date.fromisoformat(str(spec["dataEndTime"])[:10])
    except (KeyError, ValueError):
        raise ReportError(
            raw.path,
            msg(
                "err:spec_no_dates",
                spec="reportSpecification",
                start="dataStartTime",
                end="dataEndTime",
            ),
            fix=msg("err:fix_pull_as_is"),
        ) from None
    return Period(start, end)


def _marketplace(raw: RawReport, ctx: ReadContext, currency: str) -> str:
    ids = _spec(raw).get("marketplaceIds") or []
    found = by_amazon_id(str(ids[0])) if ids else None
    # The document names its marketplace; it wins over the workspace's default.
    return found.code if found else resolve_marketplace(ctx, currency=currency)


def _rows(raw: RawReport, key: str) -> list[dict[str, Any]]:
    rows = raw.data.get(key)
    if not isinstance(rows, list):
        raise ReportError(
            raw.path, msg("err:not_a_list", name=key), fix=msg("err:fix_pull_report_again")
        )
    return [r for r in rows if isinstance(r, dict)]


def _money(obj: Any) -> float | None:
    return float(obj["amount"]) if isinstance(obj, dict) and obj.get("amount") is not None else None


def _num(obj: dict[str, Any], key: str) -> float | None:
    v = obj.get(key)
    return float(v) if isinstance(v, int | float) else None


def _pct(obj: dict[str, Any], key: str) -> float | None:
    v = _num(obj, key)
    return None if v is None else v / 100.0


def _currency(rows: list[dict[str, Any]], part: str) -> str:
    for r in rows:
        sales = (r.get(part) or {}).get("orderedProductSales")
        if isinstance(sales, dict) and sales.get("currencyCode"):
            return str(sales["currencyCode"])
    return ""


def _no_rows(raw: RawReport) -> list[Finding]:
    return [
        Finding.of(Severity.WARNING, "no-rows", msg("err:no_rows"), file=str(raw.path), framed=True)
    ]


class SalesTrafficByAsin(Reader):
    kind = "sp_sales_traffic_asin"
    title = "SP-API: Sales and Traffic report by child ASIN (JSON, from `fupan pull`)"
    table = BUSINESS_ASIN
    formats = frozenset({"json"})

    def detect(self, raw: RawReport) -> int:
        data = raw.data
        if not isinstance(data, dict) or "salesAndTrafficByAsin" not in data:
            return 0
        return 20 if _granularity(raw) in _ASIN_LEVELS else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        period = _period(raw)
        rows = _rows(raw, "salesAndTrafficByAsin")
        marketplace = _marketplace(raw, ctx, _currency(rows, "salesByAsin"))
        out = []
        for r in rows:
            s, t = r.get("salesByAsin") or {}, r.get("trafficByAsin") or {}
            page_views = _num(t, "pageViews")
            buy_box = _pct(t, "buyBoxPercentage")
            out.append(
                {
                    "parent_asin": str(r.get("parentAsin") or ""),
                    # PARENT-level rows have no child: the parent stands in, as on the console.
                    "child_asin": str(r.get("childAsin") or r.get("parentAsin") or ""),
                    "sku": str(r.get("sku") or ""),
                    "title": "",  # the API document has no titles
                    "sessions": _num(t, "sessions"),
                    "sessions_b2b": _num(t, "sessionsB2B"),
                    "page_views": page_views,
                    "page_views_b2b": _num(t, "pageViewsB2B"),
                    "buy_box_pct": buy_box,
                    "buy_box_views": (buy_box or 0.0) * page_views
                    if page_views is not None
                    else None,
                    "units": _num(s, "unitsOrdered"),
                    "units_b2b": _num(s, "unitsOrderedB2B"),
                    "sales": _money(s.get("orderedProductSales")),
                    "sales_b2b": _money(s.get("orderedProductSalesB2B")),
                    "order_items": _num(s, "totalOrderItems"),
                    "order_items_b2b": _num(s, "totalOrderItemsB2B"),
                    "sessions_mobile": _num(t, "mobileAppSessions"),
                    "sessions_browser": _num(t, "browserSessions"),
                    "page_views_mobile": _num(t, "mobileAppPageViews"),
                    "page_views_browser": _num(t, "browserPageViews"),
                }
            )
        frame = pd.DataFrame(
            out,
            columns=[
                c
                for c in BUSINESS_ASIN.names
                if c not in ("marketplace", "period_start", "period_end")
            ],
        )
        # SKU granularity repeats an ASIN's traffic on each of its SKUs, as the console does.
        repeat = frame.duplicated(["parent_asin", "child_asin"], keep="first")
        for col in TRAFFIC:
            frame[col] = frame[col].where(~repeat, 0.0)
        frame["marketplace"] = marketplace
        frame["period_start"] = pd.Timestamp(period.start)
        frame["period_end"] = pd.Timestamp(period.end)
        findings = _no_rows(raw) if frame.empty else []
        return ReadResult(
            self.kind, self.table, conform(frame, self.table), period, marketplace, findings
        )


class SalesTrafficByDate(Reader):
    kind = "sp_sales_traffic_date"
    title = "SP-API: Sales and Traffic report by date (JSON, from `fupan pull`)"
    table = BUSINESS_DAILY
    formats = frozenset({"json"})

    def detect(self, raw: RawReport) -> int:
        data = raw.data
        if not isinstance(data, dict) or "salesAndTrafficByDate" not in data:
            return 0
        return 20 if _granularity(raw) == "PARENT" else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        period = _period(raw)
        rows = _rows(raw, "salesAndTrafficByDate")
        marketplace = _marketplace(raw, ctx, _currency(rows, "salesByDate"))
        out = []
        for r in rows:
            s, t = r.get("salesByDate") or {}, r.get("trafficByDate") or {}
            try:
                day = date.fromisoformat(str(r.get("date"))[:10])
            except ValueError:
                raise ReportError(
                    raw.path,
                    msg("err:what_plain_date", value=r.get("date")),
                    fix=msg("err:fix_pull_report_again"),
                ) from None
            out.append(
                {
                    "date": pd.Timestamp(day),
                    "sales": _money(s.get("orderedProductSales")),
                    "units": _num(s, "unitsOrdered"),
                    "order_items": _num(s, "totalOrderItems"),
                    "sessions": _num(t, "sessions"),
                    "page_views": _num(t, "pageViews"),
                    "buy_box_pct": _pct(t, "buyBoxPercentage"),
                    "sales_b2b": _money(s.get("orderedProductSalesB2B")),
                    "units_b2b": _num(s, "unitsOrderedB2B"),
                    "units_refunded": _num(s, "unitsRefunded"),
                    "feedback_received": _num(t, "feedbackReceived"),
                    "negative_feedback_received": _num(t, "negativeFeedbackReceived"),
                    "claims_granted": _num(s, "claimsGranted"),
                    "shipped_sales": _money(s.get("shippedProductSales")),
                    "units_shipped": _num(s, "unitsShipped"),
                    "orders_shipped": _num(s, "ordersShipped"),
                }
            )
        frame = pd.DataFrame(out, columns=[c for c in BUSINESS_DAILY.names if c != "marketplace"])
        frame["marketplace"] = marketplace
        findings = _no_rows(raw) if frame.empty else []
        # The requested days, not the rows' days: a restated day with no rows is replaced too.
        return ReadResult(
            self.kind, self.table, conform(frame, self.table), period, marketplace, findings
        )
