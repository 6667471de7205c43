"""The 2025/26 Ads console CSV format: `Total cost`, `Purchases`, `Sales`, `Date range`."""

from __future__ import annotations

import re

import pandas as pd

from ...errors import ReportError, msg
from ...findings import Finding, Severity
from ...periods import Period
from ..parsing import parse_dates
from ..raw import RawReport
from ..schema import ADS, conform
from .base import Field, ReadContext, Reader, ReadResult
from .extract import read_frame

FIELDS: tuple[Field, ...] = (
    Field("date", ("date", "day")),
    Field("date_range", ("date range",)),
    Field("currency", ("budget currency", "currency")),
    Field("ad_product", ("ad product",)),
    Field("portfolio", ("portfolio name",)),
    Field("campaign", ("campaign name",), required=True),
    Field("ad_group", ("ad group name",)),
    Field("targeting", ("target value", "targeting", "target")),
    Field("match_type", ("targeting match type", "match type")),
    Field("search_term", ("search term",)),
    Field("asin", ("advertised product id",)),
    Field("sku", ("advertised product sku",)),
    Field("country", ("advertised product marketplace", "country")),
    Field("impressions", ("impressions",), "count", required=True),
    Field("clicks", ("clicks",), "count", required=True),
    Field("spend", ("total cost",), "money", required=True),
    Field("sales", ("sales",), "money", required=True),
    Field("orders", ("purchases",), "count"),
    Field("units", ("units sold",), "count"),
    Field("sku_sales", ("sales (promoted)",), "money"),
    Field("sku_units", ("units sold (promoted)",), "count"),
    Field("top_of_search_share", ("top-of-search impression share (is)",), "percent"),
)

_AD_PRODUCTS = {
    "sponsored_products": "SP",
    "sponsored products": "SP",
    "sponsored_brands": "SB",
    "sponsored brands": "SB",
    "sponsored_display": "SD",
    "sponsored display": "SD",
}
_EXCEL_TEXT = re.compile(r'^="(.*)"$')


class NewConsoleReport(Reader):
    kind = "ads_new_console"
    title = "Ads console (2025/26 format): advertised product, targeting, search term, campaign"
    table = ADS
    formats = frozenset({"csv", "xlsx"})

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        return 20 if {"total cost", "purchases", "campaign name"} <= keys else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        frame, market = read_frame(
            raw, FIELDS, ctx, currency_fields=("currency",), country_fields=("country",)
        )
        marketplace = market.code
        text = [f.name for f in FIELDS if f.kind == "text" and f.name in frame]
        for col in text:  # IDs and names come wrapped as ="..." so Excel keeps them as text
            frame[col] = frame[col].str.replace(_EXCEL_TEXT, r"\1", regex=True)
        if "date" in frame:
            frame["start_date"] = frame["end_date"] = frame["date"]
        elif "date_range" in frame:
            parts = frame["date_range"].str.split(r"\s+-\s+", n=1, expand=True, regex=True)
            if parts.shape[1] != 2:
                raise ReportError(
                    raw.path,
                    msg("err:date_range_form", column="Date range"),
                    column="Date range",
                    row=2,
                    fix=msg("err:fix_download_again"),
                )
            frame["start_date"], bad1 = parse_dates(parts[0], day_first=market.day_first)
            frame["end_date"], bad2 = parse_dates(parts[1], day_first=market.day_first)
            err = self.bad_cells(raw, bad1 | bad2, "Date range", msg("err:what_date_range"))
            if err:
                raise err
        else:
            raise ReportError(
                raw.path,
                msg("err:no_date_column", day="Date", range="Date range"),
                fix=msg("err:fix_date_column"),
            )
        grain = (
            "search_term"
            if "search_term" in frame
            else "advertised_product"
            if "asin" in frame
            else "targeting"
            if "targeting" in frame
            else "campaign"
        )
        if "ad_product" in frame:
            frame["ad_type"] = frame["ad_product"].str.lower().map(_AD_PRODUCTS).fillna("SP")
        else:
            frame["ad_type"] = "SP"
        frame["grain"] = grain
        frame["marketplace"] = marketplace
        # The window is chosen when the report is requested and not written in the file; the
        # console's own default is 7 days for Sponsored Products, 14 for Brands and Display.
        frame["attribution_days"] = frame["ad_type"].map({"SP": 7.0}).fillna(14.0)
        findings: list[Finding] = []
        period = None
        if frame.empty:
            findings.append(
                Finding.of(
                    Severity.WARNING, "no-rows", msg("err:no_rows"), file=str(raw.path), framed=True
                )
            )
        else:
            period = Period(
                pd.Timestamp(frame["start_date"].min()).date(),
                pd.Timestamp(frame["end_date"].max()).date(),
            )
        return ReadResult(
            self.kind, self.table, conform(frame, self.table), period, marketplace, findings
        )
