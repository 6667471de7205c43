"""Amazon Ads API reports (JSON, from `fupan pull`): a JSON array of rows, one per day and
campaign, ad group, target, search term or advertised product.

Columns are matched by name. Both spellings are accepted: the reporting v3 names
(`cost`, `sales7d`, `purchases7d`, `campaignName`, `searchTerm`, `advertisedAsin`; see the v3
report-type guides) and the dotted names of the newer unified reporting (`metric.totalCost`,
`campaign.name`, `searchTerm.value`), flat or nested. Rows come out exactly as the console
readers' (ads.py): same table, ad types, grains and units.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ...errors import ReportError, msg
from ...findings import Finding, Severity
from ...periods import Period
from ..raw import RawReport
from ..schema import ADS, conform
from .base import ReadContext, Reader, ReadResult
from .market import resolve_marketplace

_TEXT: dict[str, tuple[str, ...]] = {
    "campaign": ("campaignName", "campaign.name"),
    "ad_group": ("adGroupName", "adGroup.name"),
    "targeting": ("targeting", "keyword", "target.value", "keywordText"),
    "match_type": ("matchType", "target.matchType", "keywordType"),
    "search_term": ("searchTerm", "searchTerm.value"),
    "asin": ("advertisedAsin", "advertisedProduct.id", "advertisedProduct.asin"),
    "sku": ("advertisedSku", "advertisedProduct.sku"),
    "campaign_status": ("campaignStatus", "campaign.status"),
    "currency": ("campaignBudgetCurrencyCode", "budgetCurrency.value", "campaign.budgetCurrency"),
    "ad_product": ("adProduct", "adProduct.value"),
}
_NUMBERS: dict[str, tuple[str, ...]] = {
    "impressions": ("impressions", "metric.impressions"),
    "clicks": ("clicks", "metric.clicks"),
    "spend": ("cost", "spend", "metric.totalCost", "metric.cost"),
    "budget": ("campaignBudgetAmount", "campaign.budget.amount", "campaign.budget"),
    "top_of_search_share": ("topOfSearchImpressionShare", "metric.topOfSearchImpressionShare"),
}
# Attributed metrics: v3 SP names carry the window (sales7d); SB and SD's (sales) are 14-day;
# the unified names leave the window to the request.
_WINDOWED: dict[str, tuple[str, str]] = {
    "sales": ("sales{n}d", "metric.sales"),
    "orders": ("purchases{n}d", "metric.purchases"),
    "units": ("unitsSoldClicks{n}d", "metric.unitsSold"),
    "sku_sales": ("attributedSalesSameSku{n}d", "metric.salesPromoted"),
    "sku_units": ("unitsSoldSameSku{n}d", "metric.unitsSoldPromoted"),
}
_PLAIN_14 = {
    "sales": "sales",
    "orders": "purchases",
    "units": "unitsSold",
    "sku_sales": "salesPromoted",
}
_AD_PRODUCTS = {
    "SPONSORED_PRODUCTS": "SP",
    "SPONSORED_BRANDS": "SB",
    "SPONSORED_DISPLAY": "SD",
}
_WINDOW = re.compile(r"^sales(\d+)d$")
# v3 names predefined targets and expressions where the console writes "-".
_EXPRESSION = frozenset({"TARGETING_EXPRESSION", "TARGETING_EXPRESSION_PREDEFINED"})


def _frame(raw: RawReport) -> pd.DataFrame:
    # Nested objects ({"metric": {"totalCost": 1}}) become the dotted names.
    return pd.json_normalize([r for r in raw.data if isinstance(r, dict)], sep=".")


def _pick(columns: pd.Index, names: tuple[str, ...]) -> str | None:
    return next((n for n in names if n in columns), None)


class AdsApiReport(Reader):
    kind = "ads_api"
    title = "Amazon Ads API report (JSON, from `fupan pull`): SP, SB, SD at every grain"
    table = ADS
    formats = frozenset({"json"})

    def detect(self, raw: RawReport) -> int:
        rows = raw.data
        if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
            return 0
        keys = set(pd.json_normalize(rows[:1], sep=".").columns)
        has_campaign = bool(keys & set(_TEXT["campaign"]))
        has_cost = bool(keys & set(_NUMBERS["spend"]))
        return 20 if has_campaign and has_cost and keys & set(_NUMBERS["impressions"]) else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        src = _frame(raw)
        cols = src.columns
        frame = pd.DataFrame(index=src.index)
        for name, aliases in _TEXT.items():
            col = _pick(cols, aliases)
            if col is not None:
                frame[name] = src[col].astype("object").where(src[col].notna(), "").map(str)
        if "targeting" in frame and "keyword" in cols:
            # Keyword rows may leave `targeting` empty and name the keyword instead.
            frame["targeting"] = frame["targeting"].where(
                frame["targeting"] != "", src["keyword"].fillna("").map(str)
            )
        for name, aliases in _NUMBERS.items():
            col = _pick(cols, aliases)
            if col is not None:
                frame[name] = self._numbers(raw, src[col], col)
        days = self._window(cols)
        for name, (pattern, dotted) in _WINDOWED.items():
            col = None
            if days is not None and pattern.format(n=days) in cols:
                col = pattern.format(n=days)
            elif days == 14 and _PLAIN_14.get(name) in cols:
                col = _PLAIN_14[name]
            elif dotted in cols:
                col = dotted
            if col is not None:
                frame[name] = self._numbers(raw, src[col], col)
        for need in ("impressions", "clicks", "spend"):
            if need not in frame:
                raise ReportError(
                    raw.path,
                    msg("err:api_no_column", column=need),
                    fix=msg("err:fix_pull_again"),
                )
        self._dates(raw, src, frame)
        if "top_of_search_share" in frame and (frame["top_of_search_share"] > 1).any():
            frame["top_of_search_share"] = frame["top_of_search_share"] / 100.0  # percent units
        if "match_type" in frame:
            frame["match_type"] = frame["match_type"].where(
                ~frame["match_type"].isin(_EXPRESSION), "-"
            )
        frame["ad_type"] = self._ad_type(cols, frame)
        frame["grain"] = (
            "search_term"
            if "search_term" in frame
            else "advertised_product"
            if "asin" in frame
            else "targeting"
            if "targeting" in frame
            else "campaign"
        )
        currency = ""
        if "currency" in frame:
            known = frame["currency"][frame["currency"] != ""]
            currency = str(known.iloc[0]) if len(known) else ""
        else:
            frame["currency"] = ""
        marketplace = resolve_marketplace(ctx, currency=currency)
        frame["marketplace"] = marketplace
        frame["attribution_days"] = float(days) if days is not None else float("nan")
        findings: list[Finding] = []
        period = None
        if frame.empty:
            findings.append(
                Finding.of(
                    Severity.WARNING, "no-rows", msg("err:no_rows"), file=str(raw.path), framed=True
                )
            )
        else:
            period = Period(frame["start_date"].min().date(), frame["end_date"].max().date())
        return ReadResult(
            self.kind, self.table, conform(frame, self.table), period, marketplace, findings
        )

    @staticmethod
    def _window(cols: pd.Index) -> int | None:
        """Attribution days: 7 for SP sellers (the console's), else the one window present."""
        windows = sorted(int(m.group(1)) for c in cols if (m := _WINDOW.match(str(c))))
        if windows:
            return 7 if 7 in windows else windows[0]
        if "sales" in cols:
            return 14  # SB and SD v3 metrics are 14-day
        return None

    @staticmethod
    def _ad_type(cols: pd.Index, frame: pd.DataFrame) -> Any:
        if "ad_product" in frame and (frame["ad_product"] != "").all():
            return frame["ad_product"].str.upper().map(_AD_PRODUCTS).fillna("SP")
        if any(_WINDOW.match(str(c)) for c in cols):
            return "SP"
        if "impressionsViews" in cols:
            return "SD"
        return "SB"

    @staticmethod
    def _numbers(raw: RawReport, values: pd.Series, column: str) -> pd.Series:
        parsed = pd.to_numeric(values, errors="coerce")
        bad = parsed.isna() & values.notna()
        if bool(bad.any()):
            first = int(bad.to_numpy().nonzero()[0][0])
            raise ReportError(
                raw.path,
                msg("err:not_a", value=values.iloc[first], what=msg("err:what_number"), more=""),
                row=first + 1,
                column=column,
                fix=msg("err:fix_pull_report_again"),
            )
        return parsed.astype("float64")

    @staticmethod
    def _dates(raw: RawReport, src: pd.DataFrame, frame: pd.DataFrame) -> None:
        day = _pick(src.columns, ("date", "date.value"))
        start = _pick(src.columns, ("startDate", "startDate.value"))
        end = _pick(src.columns, ("endDate", "endDate.value"))
        if day is not None:
            frame["start_date"] = frame["end_date"] = _days(raw, src[day], day)
        elif start is not None:
            frame["start_date"] = _days(raw, src[start], start)
            frame["end_date"] = _days(raw, src[end], end) if end else frame["start_date"]
        else:
            raise ReportError(
                raw.path,
                msg("err:api_no_dates", day="date", start="startDate"),
                fix=msg("err:fix_pull_daily"),
            )


def _days(raw: RawReport, values: pd.Series, column: str) -> pd.Series:
    parsed = pd.to_datetime(values.astype(str).str[:10], format="%Y-%m-%d", errors="coerce")
    bad = parsed.isna()
    if bool(bad.any()):
        first = int(bad.to_numpy().nonzero()[0][0])
        raise ReportError(
            raw.path,
            msg("err:not_iso_date", value=values.iloc[first]),
            row=first + 1,
            column=column,
            fix=msg("err:fix_pull_report_again"),
        )
    return parsed
