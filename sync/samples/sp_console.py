"""Sponsored Products console reports (.xlsx): search term, advertised product and
targeting grains, daily or summary, English and Chinese, and the 2019 console."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ..periods import Period
from .poi import write_poi_xlsx
from .seller import Seller
from .xlsx_stream import stream_report


def _sp_columns(lang: str) -> dict[str, str]:
    if lang == "zh":
        return {
            "date": "日期",
            "start_date": "开始日期",
            "end_date": "结束日期",
            "top_is": "搜索结果顶部展示量份额",
            "portfolio": "广告组合名称",
            "currency": "货币",
            "campaign": "广告活动名称",
            "ad_group": "广告组名称",
            "targeting": "投放",
            "match_type": "匹配类型",
            "search_term": "客户搜索词",
            "sku": "广告SKU",
            "asin": "广告ASIN",
            "impressions": "展示量",
            "clicks": "点击量",
            "ctr": "点击率 (CTR)",
            "cpc": "单次点击成本 (CPC)",
            "spend": "花费",
            "sales": "7天总销售额",
            "acos": "广告投入产出比 (ACOS) 总计",
            "roas": "总广告投资回报率 (ROAS)",
            "orders": "7天总订单数(#)",
            "units": "7天总销售量(#)",
            "cvr": "7天的转化率",
            "sku_units": "7天内广告SKU销售量(#)",
            "other_units": "7天内其他SKU销售量(#)",
            "sku_sales": "7天内广告SKU销售额",
            "other_sales": "7天内其他SKU销售额",
        }
    return {
        "date": "Date",
        "start_date": "Start Date",
        "end_date": "End Date",
        "top_is": "Top-of-search Impression Share",
        "portfolio": "Portfolio name",
        "currency": "Currency",
        "campaign": "Campaign Name",
        "ad_group": "Ad Group Name",
        "targeting": "Targeting",
        "match_type": "Match Type",
        "search_term": "Customer Search Term",
        "sku": "Advertised SKU",
        "asin": "Advertised ASIN",
        "impressions": "Impressions",
        "clicks": "Clicks",
        "ctr": "Click-Thru Rate (CTR)",
        "cpc": "Cost Per Click (CPC)",
        "spend": "Spend",
        "sales": "7 Day Total Sales ",
        "acos": "Total Advertising Cost of Sales (ACOS) ",
        "roas": "Total Return on Advertising Spend (ROAS)",
        "orders": "7 Day Total Orders (#)",
        "units": "7 Day Total Units (#)",
        "cvr": "7 Day Conversion Rate",
        "sku_units": "7 Day Advertised SKU Units (#)",
        "other_units": "7 Day Other SKU Units (#)",
        "sku_sales": "7 Day Advertised SKU Sales ",
        "other_sales": "7 Day Other SKU Sales ",
    }


# Both layouts end in the same metric columns; they differ in what identifies a row.
_SP_METRICS = [
    "impressions",
    "clicks",
    "ctr",
    "cpc",
    "spend",
    "sales",
    "acos",
    "roas",
    "orders",
    "units",
    "cvr",
    "sku_units",
    "other_units",
    "sku_sales",
    "other_sales",
]
_SP_KEYS = ["date", "portfolio", "currency", "campaign", "ad_group"]
SP_ORDER = {
    "search_term": [*_SP_KEYS, "targeting", "match_type", "search_term", *_SP_METRICS],
    "advertised_product": [*_SP_KEYS, "sku", "asin", *_SP_METRICS],
    # The targeting report adds the top-of-search share and puts ACOS and ROAS before sales.
    "targeting": [
        *_SP_KEYS,
        "targeting",
        "match_type",
        "impressions",
        "top_is",
        *_SP_METRICS[1:5],
        "acos",
        "roas",
        "sales",
        *_SP_METRICS[8:],
    ],
}
DATE_FORMAT = "mmm\\ dd\\,\\ yyyy"
DATE_FORMAT_ZH = "yyyy/m/d"  # the console in Chinese (research fixture, FIX grade)
MONEY_FORMAT = "[$$]#,##0.00;\\([$$]#,##0.00\\)"
_FORMATS = {
    "date": DATE_FORMAT,
    "start_date": DATE_FORMAT,
    "end_date": DATE_FORMAT,
    "impressions": "0",
    "top_is": "0.00%",
    "clicks": "0",
    "ctr": "0.0000%",
    "acos": "0.0000%",
    "roas": "0.00",
    "cvr": "0.0000%",
    "orders": "0",
    "units": "0",
    "sku_units": "0",
    "other_units": "0",
    "spend": MONEY_FORMAT,
    "sales": MONEY_FORMAT,
    "cpc": MONEY_FORMAT,
    "sku_sales": MONEY_FORMAT,
    "other_sales": MONEY_FORMAT,
}
# The current console's sheet names: the file name cut to 31 characters.
_SHEET = {
    ("search_term", "en"): "Sponsored_Products_Search_term_",
    ("search_term", "zh"): "商品推广_搜索词_报告",
    ("advertised_product", "en"): "Sponsored_Products_Advertised_p",
    ("advertised_product", "zh"): "商品推广_已推广的商品_报告",
    ("targeting", "en"): "Sponsored_Products_Targeting_re",
    ("targeting", "zh"): "商品推广_投放_报告",
}


def _ratio(a: pd.Series, b: pd.Series) -> pd.Series:
    return (a / b.where(b != 0)).astype(object).where(b != 0, None)


_SP_GROUPS = {
    "search_term": ["campaign", "ad_group", "targeting", "match_type", "search_term"],
    "advertised_product": ["campaign", "ad_group", "sku", "asin"],
    "targeting": ["campaign", "ad_group", "targeting", "match_type"],
}
_SP_SUMMED = ["impressions", "clicks", "spend", "sales", "orders", "units"]


def sp_rows(
    seller: Seller, grain: str, period: Period | None = None, *, spans: str = "period"
) -> pd.DataFrame:
    """SP report rows of one grain: one per day (`date`), or with `period` one per row key
    over the period (`start_date`, `end_date`): the console's Summary time unit. spans:
    "period" dates every summary row with the period asked for; "row" with the first and
    last day the row had data, as the 2022 search term report does."""
    t = seller.search_terms
    if period is not None:
        t = t[(t.date >= pd.Timestamp(period.start)) & (t.date <= pd.Timestamp(period.end))]
        g = t.groupby(_SP_GROUPS[grain], sort=False)
        t = g[_SP_SUMMED].sum().join(g.date.agg(["min", "max"])).reset_index()
        if spans == "row":
            t = t.rename(columns={"min": "start_date", "max": "end_date"})
        else:
            t = t.drop(columns=["min", "max"]).assign(
                start_date=pd.Timestamp(period.start), end_date=pd.Timestamp(period.end)
            )
    elif grain != "search_term":
        t = t.groupby(["date", *_SP_GROUPS[grain]], sort=False)[_SP_SUMMED].sum().reset_index()
    t = t.assign(
        portfolio=t.campaign.str.split("-").str[-2],
        currency="USD",
        ctr=_ratio(t.clicks, t.impressions),
        cpc=_ratio(t.spend, t.clicks).map(lambda v: None if v is None else round(v, 2)),
        acos=_ratio(t.spend, t.sales),
        roas=(t.sales / t.spend.where(t.spend > 0)).fillna(0),
        cvr=_ratio(t.orders, t.clicks),
        sku_units=t.units,
        other_units=0,
        sku_sales=t.sales,
        other_sales=0.0,
        # A stable, believable share per row (the simulation has no auction to take it from).
        top_is=(t.impressions % 997) / 4000 + 0.02,
    )
    return t


def write_sp_xlsx(
    path: Path,
    seller: Seller,
    grain: str,
    *,
    lang: str = "en",
    period: Period | None = None,
    spans: str = "period",
    layout: str = "current",
) -> Path:
    """An SP report (.xlsx) of one grain: daily rows (`Date`), or with `period` the Summary
    time unit (`Start Date`, `End Date`; see sp_rows). layout "2019": the 2019 console's
    advertised product or targeting ("keyword") report, see write_sp_xlsx_2019."""
    if layout == "2019":
        return write_sp_xlsx_2019(path, seller, grain)
    names = _sp_columns(lang)
    order = SP_ORDER[grain]
    if period is not None:
        order = ["start_date", "end_date", *order[1:]]
    frame = sp_rows(seller, grain, period, spans=spans)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_SHEET[grain, lang])
    dates = ("date", "start_date", "end_date")
    formats = [DATE_FORMAT_ZH if lang == "zh" and c in dates else _FORMATS.get(c) for c in order]
    stream_report(ws, [names[c] for c in order], frame[order], formats)
    wb.save(path)
    return path


# The 2019 console (Apache POI streaming workbooks): the sheet name cut to 31 characters,
# `(ACoS)`/`(RoAS)` casing, targeting without the top-of-search share, every text an inline
# string, empty cells for the ratios of zero-click rows, and a worksheet that declares its
# size as `<dimension ref="A1"/>` whatever it holds.
SP_2019_SHEET = {
    "advertised_product": "Sponsored Product Advertised Pr",
    "targeting": "Sponsored Product Keyword Repor",
}
SP_2019_NAMES = {
    "acos": "Total Advertising Cost of Sales (ACoS) ",
    "roas": "Total Return on Advertising Spend (RoAS)",
}
_POI_STYLE = {  # column -> cellXfs index of _POI_STYLES
    "date": 2,
    **dict.fromkeys(["impressions", "clicks", "orders", "units", "sku_units", "other_units"], 4),
    "roas": 5,
    **dict.fromkeys(["ctr", "acos", "cvr"], 6),
    **dict.fromkeys(["cpc", "spend", "sales", "sku_sales", "other_sales"], 7),
}


def write_sp_xlsx_2019(path: Path, seller: Seller, grain: str) -> Path:
    """A 2019 SP advertised product or targeting report (daily rows), as the console wrote it."""
    names = {**_sp_columns("en"), **SP_2019_NAMES}
    order = [c for c in SP_ORDER[grain] if c != "top_is"]
    t = sp_rows(seller, grain)
    t = t.assign(
        portfolio="Not grouped",
        cpc=_ratio(t.spend, t.clicks),  # not rounded in these files
        roas=_ratio(t.sales, t.spend),  # empty without spend
    )
    rows = [list(rec) for rec in t[order].itertuples(index=False)]
    return write_poi_xlsx(
        path,
        SP_2019_SHEET[grain],
        [names[c] for c in order],
        rows,
        [_POI_STYLE.get(c, 1) for c in order],
    )
