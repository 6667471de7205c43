"""Ads console reports: Sponsored Products, Brands and Display, every grain, en and zh.

One reader per grain, sharing one column map. The attribution window (`7 Day`, `14 Day`,
`7天`) is read from the headers, never assumed, and kept with every row: amazon.in's
Sponsored Products reports have only 14-day columns (`14 Day Total Sales (₹)`). Ratios in
the files (ACOS, CTR ...) are ignored: KPIs are recomputed from additive columns.
"""

from __future__ import annotations

import re

from ...errors import ReportError, msg
from ...findings import Finding, Severity
from ...periods import Period
from ..raw import RawReport
from ..schema import ADS, conform
from .base import Field, ReadContext, Reader, ReadResult
from .extract import read_frame

_WINDOW = re.compile(r"^(\d+) day total sales$|^(\d+)天总销售额")

SEARCH_TERM = ("customer search term", "客户搜索词")
ADVERTISED = ("advertised asin", "广告asin")
TARGETING = ("targeting", "投放", "keyword")
AD_GROUP = ("ad group name", "广告组名称")
CAMPAIGN = ("campaign name", "广告活动名称")


def attribution_days(raw: RawReport) -> int | None:
    for key in raw.keys:
        m = _WINDOW.match(key)
        if m:
            return int(m.group(1) or m.group(2))
    return None


def _fields(n: int) -> tuple[Field, ...]:
    return (
        Field("date", ("date", "日期"), "date"),
        Field("start_date", ("start date", "开始日期"), "date"),
        Field("end_date", ("end date", "结束日期"), "date"),
        Field("currency", ("currency", "货币")),
        Field("country", ("country", "国家/地区")),
        Field("portfolio", ("portfolio name", "广告组合名称")),
        Field("campaign_type", ("campaign type", "广告活动类型")),
        Field("campaign", CAMPAIGN, required=True),
        Field("ad_group", AD_GROUP),
        Field("targeting", TARGETING),
        Field("match_type", ("match type", "匹配类型")),
        Field("search_term", SEARCH_TERM),
        Field("asin", ADVERTISED),
        Field("sku", ("advertised sku", "广告sku")),
        Field("campaign_status", ("status", "状态")),
        Field("budget", ("budget", "预算"), "money"),
        Field("impressions", ("impressions", "展示量", "展现量"), "count", required=True),
        Field("clicks", ("clicks", "点击量"), "count", required=True),
        Field("spend", ("spend", "花费"), "money", required=True),
        # A currency tag in the header (`(₹)`, `(￥)`) is dropped by headers.normalise.
        Field("sales", (f"{n} day total sales", f"{n}天总销售额"), "money", required=True),
        Field("orders", (f"{n} day total orders (#)", f"{n}天总订单数(#)"), "count"),
        Field("units", (f"{n} day total units (#)", f"{n}天总销售量(#)"), "count"),
        Field("sku_sales", (f"{n} day advertised sku sales", f"{n}天内广告sku销售额"), "money"),
        Field(
            "sku_units", (f"{n} day advertised sku units (#)", f"{n}天内广告sku销售量(#)"), "count"
        ),
        Field(
            "top_of_search_share",
            ("top-of-search impression share", "搜索结果顶部展示份额"),
            "percent",
        ),
    )


def ad_type(raw: RawReport, grain: str, days: int | None) -> str:
    keys = set(raw.keys)
    if any("advertised sku sales" in k or "广告sku销售额" in k for k in keys):
        return "SP"
    if any("branded searches" in k or "video" in k or "5 second view" in k for k in keys):
        return "SB"
    if keys & {"bid optimization", "viewable impressions"}:
        return "SD"
    if grain in ("search_term", "campaign") and days == 14:
        return "SB"
    return "SP"


class _AdsReader(Reader):
    grain: str
    table = ADS
    formats = frozenset({"csv", "xlsx"})

    def _matches(self, keys: set[str]) -> bool:
        raise NotImplementedError

    def detect(self, raw: RawReport) -> int:
        keys = set(raw.keys)
        if not (keys & set(CAMPAIGN)) or not (keys & {"spend", "花费"}):
            return 0
        return 10 if self._matches(keys) else 0

    def read(self, raw: RawReport, ctx: ReadContext) -> ReadResult:
        days = attribution_days(raw)
        findings: list[Finding] = []
        if days is None:
            findings.append(
                Finding.of(
                    Severity.WARNING,
                    "no-attribution-window",
                    msg("err:no_attribution", column="N Day Total Sales"),
                    file=str(raw.path),
                    framed=True,
                )
            )
            days = 7
        fields = _fields(days)
        frame, market = read_frame(
            raw, fields, ctx, currency_fields=("currency",), country_fields=("country",)
        )
        marketplace = market.code
        # The campaign CSV's Start/End Date are the campaign's own dates; Date is the row's day.
        if "date" in frame:
            frame["start_date"] = frame["date"]
            frame["end_date"] = frame["date"]
        elif "start_date" not in frame:
            raise _no_dates(raw)
        if "end_date" not in frame:
            frame["end_date"] = frame["start_date"]
        if "campaign_type" in frame and (frame["campaign_type"] != "").any():
            kinds = {
                "sponsored products": "SP",
                "sponsored brands": "SB",
                "sponsored display": "SD",
            }
            frame["ad_type"] = (
                frame["campaign_type"].str.lower().map(kinds).fillna(ad_type(raw, self.grain, days))
            )
        else:
            frame["ad_type"] = ad_type(raw, self.grain, days)
        frame["campaign"] = frame["campaign"].str.replace('\\"', '"', regex=False)
        frame["grain"] = self.grain
        frame["marketplace"] = marketplace
        frame["attribution_days"] = float(days)
        if "currency" not in frame:
            frame["currency"] = ""
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


def _no_dates(raw: RawReport) -> Exception:

    return ReportError(
        raw.path,
        msg("err:no_ads_dates", day="Date", start="Start Date"),
        fix=msg("err:fix_ads_daily"),
    )


class SearchTermReport(_AdsReader):
    kind = "ads_search_term"
    title = "Ads console: Search term report (SP, SB)"
    grain = "search_term"

    def _matches(self, keys: set[str]) -> bool:
        return bool(keys & set(SEARCH_TERM))


class AdvertisedProductReport(_AdsReader):
    kind = "ads_advertised_product"
    title = "Ads console: Advertised product report (SP, SD)"
    grain = "advertised_product"

    def _matches(self, keys: set[str]) -> bool:
        return bool(keys & set(ADVERTISED)) and not keys & set(SEARCH_TERM)


class TargetingReport(_AdsReader):
    kind = "ads_targeting"
    title = "Ads console: Targeting report (SP, SD)"
    grain = "targeting"

    def _matches(self, keys: set[str]) -> bool:
        return bool(keys & set(TARGETING)) and not keys & (set(SEARCH_TERM) | set(ADVERTISED))


class CampaignReport(_AdsReader):
    kind = "ads_campaign"
    title = "Ads console: Campaign report (SP .csv, SB, SD)"
    grain = "campaign"

    def _matches(self, keys: set[str]) -> bool:
        other = set(SEARCH_TERM) | set(ADVERTISED) | set(TARGETING) | set(AD_GROUP)
        return not keys & other
