"""Report files in Amazon's exact layouts: header text (trailing spaces and all), encoding,
BOM, quoting, line endings, number formats and Excel cell types, as documented in
docs/amazon-reports.md of the research notes. Used by `fupan demo`, the benchmark and tests.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from ..periods import Period
from .money import write_date_range, write_fee_preview, write_settlement
from .profit import demo_fees, demo_lines
from .seller import Seller

Money = Callable[[float], str]


def usd(x: float) -> str:
    return f"${x:,.2f}"


def us_dollar_zh(x: float) -> str:
    return f"US${x:,.2f}"


def count(x: float) -> str:
    return f"{int(x):,}"


def pct(x: float, digits: int = 2) -> str:
    return f"{x * 100:.{digits}f}%"


def _write_csv(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    *,
    bom: bool = True,
    quote_all: bool = False,
    crlf: bool = False,
    encoding: str = "utf-8",
) -> Path:
    buf = io.StringIO()
    w = csv.writer(
        buf,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator="\r\n" if crlf else "\n",
    )
    w.writerow(header)
    w.writerows(rows)
    text = buf.getvalue()
    if quote_all:  # Seller Central leaves empty cells unquoted
        text = text.replace(',""', ",")
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _write_tsv(
    path: Path, header: list[str], rows: list[list[object]], *, crlf: bool = False
) -> Path:
    end = "\r\n" if crlf else "\n"
    lines = ["\t".join(header)] + ["\t".join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text(end.join(lines) + end, encoding="utf-8", newline="")
    return path


# Business Report by child ASIN ------------------------------------------------------------

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
    out = []
    money = us_dollar_zh if layout == "zh" else usd
    for r in rows.itertuples(index=False):
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
        return _write_csv(path, BUSINESS_2019, out, quote_all=True)
    header = {
        "2021": BUSINESS_2021,
        "zh": BUSINESS_ZH,
        "endash": BUSINESS_ENDASH,
    }[layout]
    return _write_csv(path, header, out)


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
    rows = []
    for r in d.itertuples(index=False):
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
    return _write_csv(path, BY_DATE, rows, quote_all=True)


# Ads console reports (.xlsx) -------------------------------------------------------------


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
    ws.append([names[c] for c in order])

    for rec in frame[order].itertuples(index=False):
        row = []
        for col, v in zip(order, rec, strict=True):
            if isinstance(v, pd.Timestamp):
                v = v.to_pydatetime()
            cell = WriteOnlyCell(ws, value=v)
            if isinstance(v, str):
                cell.data_type = "s"  # the console writes every name and term as text
            if col in _FORMATS:
                cell.number_format = _FORMATS[col]
            if lang == "zh" and col in ("date", "start_date", "end_date"):
                cell.number_format = DATE_FORMAT_ZH
            row.append(cell)
        ws.append(row)
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


_POI_STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="4"><numFmt numFmtId="165" formatCode="MMM dd, yyyy"/>'
    '<numFmt numFmtId="166" formatCode="MMMM yyyy"/><numFmt numFmtId="167" formatCode="0.0000%"/>'
    '<numFmt numFmtId="168" formatCode="$ #,##0.00"/></numFmts>'
    '<fonts count="1"><font><sz val="11.0"/><color indexed="8"/><name val="Calibri"/>'
    '<family val="2"/><scheme val="minor"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="darkGray"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8">'
    + "".join(
        f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"'
        + (' applyNumberFormat="true"/>' if n else "/>")
        for n in (0, 0, 165, 166, 1, 2, 167, 168)
    )
    + "</cellXfs></styleSheet>"
)
_POI_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" '
        'Extension="rels"/><Default ContentType="application/xml" Extension="xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.'
        'extended-properties+xml" PartName="/docProps/app.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-package.core-properties+xml" '
        'PartName="/docProps/core.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'sharedStrings+xml" PartName="/xl/sharedStrings.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'styles+xml" PartName="/xl/styles.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'sheet.main+xml" PartName="/xl/workbook.xml"/>'
        '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/officeDocument"/>'
        '<Relationship Id="rId2" Target="docProps/app.xml" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/extended-properties"/>'
        '<Relationship Id="rId3" Target="docProps/core.xml" Type="http://schemas.openxmlformats.'
        'org/package/2006/relationships/metadata/core-properties"/></Relationships>'
    ),
    "docProps/app.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Apache POI</Application></Properties>'
    ),
    "docProps/core.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:creator>Apache POI</dc:creator></cp:coreProperties>"
    ),
    "xl/sharedStrings.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sst count="0" uniqueCount="0" '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    ),
    "xl/styles.xml": _POI_STYLES,
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="sharedStrings.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        '<Relationship Id="rId2" Target="styles.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/styles"/>'
        '<Relationship Id="rId3" Target="worksheets/sheet1.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
    ),
}


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _poi_cell(ref: str, value: object, style: int) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return f'<c r="{ref}"></c>'
    if isinstance(value, str):
        text = xml_escape(value)
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if isinstance(value, pd.Timestamp):
        value = (value - pd.Timestamp("1899-12-30")).days
    return f'<c r="{ref}" s="{style}" t="n"><v>{float(value)!r}</v></c>'


def write_poi_xlsx(
    path: Path, sheet: str, header: list[str], rows: list[list[object]], styles: list[int]
) -> Path:
    """A one-sheet workbook as Apache POI's streaming writer makes it (the 2019 console):
    inline strings, `<dimension ref="A1"/>`, a styles part without cell styles (openpyxl warns
    "Workbook contains no default style"). styles: a cellXfs index per column (1 text,
    2 date, 4 count, 5 two decimals, 6 percent, 7 money)."""
    lines = [
        '<row r="1">\n'
        + "".join(
            _poi_cell(f"{_column_letters(i)}1", h, 0).replace(' s="0"', "")
            for i, h in enumerate(header, 1)
        )
        + "</row>"
    ]
    for n, row in enumerate(rows, 2):
        cells = "".join(
            _poi_cell(f"{_column_letters(i)}{n}", v, st)
            for i, (v, st) in enumerate(zip(row, styles, strict=True), 1)
        )
        lines.append(f'<row r="{n}">\n{cells}</row>')
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0" tabSelected="true"/>'
        '</sheetViews><sheetFormatPr defaultRowHeight="15.0"/><sheetData>\n'
        + "\n".join(lines)
        + '\n</sheetData><pageMargins bottom="0.75" footer="0.3" header="0.3" left="0.7" '
        'right="0.7" top="0.75"/></worksheet>'
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<workbookPr date1904="false"/><bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name="{xml_escape(sheet)}" r:id="rId3" sheetId="1"/></sheets></workbook>'
    )
    parts = {**_POI_PARTS, "xl/workbook.xml": workbook, "xl/worksheets/sheet1.xml": sheet_xml}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return path


# Viewability and video columns: zero for the demo's CPC campaigns.
SB_VIDEO = [
    "Viewable Impressions",
    "Cost per 1,000 viewable impressions (VCPM)",
    "View-Through Rate (VTR)",
    "Click-Through Rate for Views (vCTR)",
    "Video First Quartile Views",
    "Video Midpoint Views",
    "Video Third Quartile Views",
    "Video Complete Views",
    "Video Unmutes",
    "5 Second Views",
    "5 Second View Rate",
]
SB_AFTER = [
    "14 Day Detail Page Views (DPV)",
    "14 Day New-to-brand Orders (#)",
    "14 Day % of Orders New-to-brand",
    "14 Day New-to-brand Sales",
    "14 Day % of Sales New-to-brand",
    "14 Day New-to-brand Units (#)",
    "14 Day % of Units New-to-brand",
    "14 Day New-to-brand Order Rate",
]
SB_HEADER = [
    "Date",
    "Portfolio name",
    "Currency",
    "Campaign Name",
    "Cost Type",
    "Country",
    "Impressions",
    "Clicks",
    "Click-Thru Rate (CTR)",
    "Cost Per Click (CPC)",
    "Spend",
    "Total Advertising Cost of Sales (ACOS) ",
    "Total Return on Advertising Spend (ROAS)",
    "14 Day Total Sales ",
    "14 Day Total Orders (#)",
    "14 Day Total Units (#)",
    "14 Day Conversion Rate",
    *SB_VIDEO,
    "14 Day Branded Searches",
    *SB_AFTER,
]


_SB_FORMATS = [
    *[DATE_FORMAT, *["General"] * 5, "0", "0", "0.0000%", MONEY_FORMAT, MONEY_FORMAT],
    *["0.0000%", "0.00", MONEY_FORMAT, "0", "0", "0.0000%", *["General"] * len(SB_VIDEO)],
    *["0", "0", "0", "0.0000%", MONEY_FORMAT, "0.0000%", "0", "0.0000%", "0.0000%"],
]


def write_sb_xlsx(path: Path, seller: Seller) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sponsored_Brands_Campaign_repor")
    ws.append(SB_HEADER)
    for r in seller.brand_ads.itertuples(index=False):
        ntb = r.orders // 2
        values = [
            r.date.to_pydatetime(),
            "品牌推广",
            "USD",
            r.campaign,
            "CPC",
            "United States",
            r.impressions,
            r.clicks,
            r.clicks / r.impressions if r.impressions else 0,
            round(r.spend / r.clicks, 2) if r.clicks else None,
            r.spend,
            r.spend / r.sales if r.sales else None,
            r.sales / r.spend if r.spend else 0,
            r.sales,
            r.orders,
            r.units,
            r.orders / r.clicks if r.clicks else 0,
            *[0] * len(SB_VIDEO),
            r.orders * 3,
            r.clicks * 2,
            ntb,
            ntb / r.orders if r.orders else 0,
            round(r.sales * ntb / r.orders, 2) if r.orders else 0,
            ntb / r.orders if r.orders else 0,
            ntb,
            ntb / r.orders if r.orders else 0,
            ntb / r.clicks if r.clicks else 0,
        ]
        ws.append(_typed_row(ws, values, _SB_FORMATS))
    wb.save(path)
    return path


def _typed_row(ws, values: list, formats: list[str]) -> list[WriteOnlyCell]:
    """Cells with the console's number formats (dates as real date cells)."""
    row = []
    for v, fmt in zip(values, formats, strict=True):
        cell = WriteOnlyCell(ws, value=v)
        cell.number_format = fmt
        row.append(cell)
    return row


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
    first = c.groupby("campaign").date.transform("min") - pd.Timedelta(days=45)
    header = SP_CAMPAIGN_CSV_2019 if layout == "2019" else SP_CAMPAIGN_CSV
    lines = [",".join(_csv_cell(h) for h in header)]
    for r, start in zip(c.itertuples(index=False), first, strict=True):
        auto = "自动" in r.campaign or "auto" in r.campaign.lower()
        head = [
            _csv_cell(_console_day(r.date)),
            _csv_cell(_console_day(start)),
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


SD_HEADER = [
    "Date",
    "Portfolio name",
    "Currency",
    "Campaign Name",
    "Cost Type",
    "Ad Group Name",
    "Targeting",
    "Bid Optimization",
    "Impressions",
    "Viewable Impressions",
    "Clicks",
    "Click-Thru Rate (CTR)",
    "14 Day Detail Page Views (DPV)",
    "Spend",
    "Cost Per Click (CPC)",
    "Cost per 1,000 viewable impressions (VCPM)",
    "Total Advertising Cost of Sales (ACOS)",
    "Total Return on Advertising Spend (ROAS)",
    "14 Day Total Orders (#)",
    "14 Day Total Units (#)",
    "14 Day Total Sales",
    "14 Day New-to-brand Orders (#)",
    "14 Day New-to-brand Sales",
    "14 Day New-to-brand Units (#)",
]
_SD_FORMATS = (
    [DATE_FORMAT] + ["General"] * 7 + ["0", "0", "0", "0.0000%", "0"] + [MONEY_FORMAT] * 3
) + ["0.0000%", "0.00", "0", "0", MONEY_FORMAT, "0", MONEY_FORMAT, "0"]


def write_sd_xlsx(path: Path, seller: Seller) -> Path:
    """SD targeting report (.xlsx, 14-day attribution)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sponsored_Display_Targeting_rep")
    ws.append(SD_HEADER)
    for r in seller.display_ads.itertuples(index=False):
        values = [
            r.date.to_pydatetime(),
            "不锈钢冰格",
            "USD",
            r.campaign,
            "CPC",
            r.ad_group,
            r.targeting,
            "Optimize for conversions",
            r.impressions,
            r.viewable,
            r.clicks,
            r.clicks / r.impressions if r.impressions else None,
            r.clicks + r.orders,
            r.spend,
            round(r.spend / r.clicks, 2) if r.clicks else None,
            round(r.spend / r.viewable * 1000, 2) if r.viewable else None,
            r.spend / r.sales if r.sales else None,
            r.sales / r.spend if r.spend else None,
            r.orders,
            r.units,
            r.sales,
            0,
            0,
            0,
        ]
        ws.append(_typed_row(ws, values, _SD_FORMATS))
    wb.save(path)
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
    rows = []
    for r in g.itertuples(index=False):
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
    return _write_csv(path, NEW_CONSOLE, rows, bom=False)


ALL_ORDERS = [
    "amazon-order-id",
    "merchant-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "sales-channel",
    "order-channel",
    "url",
    "ship-service-level",
    "product-name",
    "sku",
    "asin",
    "item-status",
    "quantity",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "gift-wrap-price",
    "gift-wrap-tax",
    "item-promotion-discount",
    "ship-promotion-discount",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "promotion-ids",
    "is-business-order",
    "purchase-order-number",
    "price-designation ",
]


def all_orders_rows(seller: Seller) -> pd.DataFrame:
    """One order line per unit sold, plus one cancelled line (quantity 0) per 40 lines."""
    d = seller.daily[seller.daily.units > 0]
    lines = d.loc[d.index.repeat(d.units)].reset_index(drop=True)
    rng = np.random.default_rng(seller.end.toordinal())
    n = len(lines)
    cancelled = np.arange(n) % 40 == 39
    price = lines.sku.map(dict(zip(seller.catalogue.sku, seller.catalogue.price, strict=True)))
    placed = lines.date + pd.to_timedelta(rng.integers(0, 86_400, n), unit="s")
    ids = pd.Series(rng.integers(10**6, 10**7, (n, 2)).astype(str).tolist()).str.join("-")
    order_id = (pd.Series(np.arange(n) % 3 + 112).astype(str) + "-" + ids).to_numpy()
    title = lines.sku.map(dict(zip(seller.catalogue.sku, seller.catalogue.title, strict=True)))
    return pd.DataFrame(
        {
            "amazon-order-id": order_id,
            "merchant-order-id": order_id,
            "purchase-date": placed.dt.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "last-updated-date": (placed + pd.Timedelta(hours=14)).dt.strftime(
                "%Y-%m-%dT%H:%M:%S+00:00"
            ),
            "order-status": np.where(cancelled, "Cancelled", "Shipped"),
            "fulfillment-channel": "Amazon",
            "sales-channel": "Amazon.com",
            "order-channel": "",
            "url": "",
            "ship-service-level": "Expedited",
            "product-name": title.to_numpy(),
            "sku": lines.sku.to_numpy(),
            "asin": lines.child_asin.to_numpy(),
            "item-status": np.where(cancelled, "Cancelled", "Shipped"),
            "quantity": np.where(cancelled, 0, 1),
            "currency": np.where(cancelled, "", "USD"),
            "item-price": np.where(cancelled, "", price.map("{:.2f}".format)),
            **{k: "" for k in ALL_ORDERS[17:24]},
            "ship-city": "PHOENIX",
            "ship-state": "AZ",
            "ship-postal-code": "85044-0619",
            "ship-country": "US",
            "promotion-ids": "",
            "is-business-order": "false",
            "purchase-order-number": "",
            "price-designation ": "",
        }
    )


def write_all_orders(path: Path, seller: Seller) -> Path:
    """All Orders by order date (.txt): TSV, UTF-8 without BOM, CRLF, trailing-space header."""
    rows = all_orders_rows(seller)
    path.write_bytes(
        rows.to_csv(sep="\t", index=False, lineterminator="\r\n", quoting=csv.QUOTE_NONE).encode(
            "utf-8"
        )
    )
    return path


# FBA and Seller Central flat files ------------------------------------------------------

MYI = [
    "sku",
    "fnsku",
    "asin",
    "product-name",
    "condition",
    "your-price",
    "mfn-listing-exists",
    "mfn-fulfillable-quantity",
    "afn-listing-exists",
    "afn-warehouse-quantity",
    "afn-fulfillable-quantity",
    "afn-unsellable-quantity",
    "afn-reserved-quantity",
    "afn-total-quantity",
    "per-unit-volume",
    "afn-inbound-working-quantity",
    "afn-inbound-shipped-quantity",
    "afn-inbound-receiving-quantity",
    "afn-researching-quantity",
    "afn-reserved-future-supply",
    "afn-future-supply-buyable",
]


def write_myi(path: Path, seller: Seller, *, ui_csv: bool = True) -> Path:
    """ui_csv: the Seller Central download (Windows-1252, every field quoted); else API TSV."""
    rows = []
    for r in seller.stock.itertuples(index=False):
        title = r.title.replace(", ", " – ", 1) if ui_csv else r.title
        warehouse = r.available + r.unsellable + r.reserved
        rows.append(
            [
                r.sku,
                r.fnsku,
                r.asin,
                title,
                "New",
                f"{r.price:.2f}",
                "No",
                "",
                "Yes",
                warehouse,
                r.available,
                r.unsellable,
                r.reserved,
                warehouse + r.inbound,
                "0.04",
                0,
                r.inbound,
                0,
                0,
                0,
                0,
            ]
        )
    if ui_csv:
        return _write_csv(
            path,
            MYI,
            [[str(v) for v in r] for r in rows],
            bom=False,
            quote_all=True,
            encoding="cp1252",
        )
    return _write_tsv(path, MYI, rows)


def write_planning(path: Path, seller: Seller) -> Path:
    """FBA inventory planning (.txt): the full 63-column TSV, columns fupan does not read
    filled with Amazon's usual values."""
    st = seller.stock
    third = st.age_0_90 // 3
    t7 = st.units_shipped_t30 // 4
    t60 = st.units_shipped_t90 * 2 // 3
    price = st.price.map("{:.2f}".format)
    zero, zero_money = 0, "0.00"
    cols = {
        "snapshot-date": seller.end.isoformat(),
        "sku": st.sku,
        "fnsku": st.fnsku,
        "asin": st.asin,
        "product-name": st.title,
        "condition": "New",
        "available": st.available,
        "pending-removal-quantity": zero,
        "inv-age-0-to-90-days": st.age_0_90,
        "inv-age-91-to-180-days": st.age_91_180,
        "inv-age-181-to-270-days": st.age_181_270,
        "inv-age-271-to-365-days": st.age_271_365,
        "inv-age-365-plus-days": st.age_365_plus,
        "currency": "USD",
        "qty-to-be-charged-ltsf-11-mo": zero,
        "projected-ltsf-11-mo": zero_money,
        "qty-to-be-charged-ltsf-12-mo": zero,
        "estimated-ltsf-next-charge": zero_money,
        "units-shipped-t7": t7,
        "units-shipped-t30": st.units_shipped_t30,
        "units-shipped-t60": t60,
        "units-shipped-t90": st.units_shipped_t90,
        "alert": "",
        "your-price": price,
        "sales-price": price,
        "lowest-price-new-plus-shipping": price,
        "lowest-price-used": zero_money,
        "recommended-action": "NoRestockExcessActionRequired",
        "healthy-inventory-level": st.units_shipped_t30 * 2,
        "recommended-sales-price": "",
        "recommended-sale-duration-days": "",
        "recommended-removal-quantity": zero,
        "estimated-cost-savings-of-recommended-actions": zero_money,
        "sell-through": (st.units_shipped_t90 / st.available.clip(lower=1)).round(2),
        "item-volume": "0.0412",
        "volume-unit-measurement": "cubic feet",
        "storage-type": "Standard",
        "storage-volume": (st.available * 0.0412).round(2),
        "marketplace": "US",
        "product-group": "gl_kitchen",
        "sales-rank": 50_000 + st.index * 97,
        "days-of-supply": (st.available / (st.units_shipped_t30 / 30).clip(lower=0.1)).round(),
        "estimated-excess-quantity": zero,
        "weeks-of-cover-t30": (st.available / (st.units_shipped_t30 / 4.3).clip(lower=0.1)).round(
            1
        ),
        "weeks-of-cover-t90": (st.available / (st.units_shipped_t90 / 12.9).clip(lower=0.1)).round(
            1
        ),
        "featuredoffer-price": price,
        "sales-shipped-last-7-days": (t7 * st.price).map("{:.2f}".format),
        "sales-shipped-last-30-days": (st.units_shipped_t30 * st.price).map("{:.2f}".format),
        "sales-shipped-last-60-days": (t60 * st.price).map("{:.2f}".format),
        "sales-shipped-last-90-days": (st.units_shipped_t90 * st.price).map("{:.2f}".format),
        "inv-age-0-to-30-days": third,
        "inv-age-31-to-60-days": third,
        "inv-age-61-to-90-days": st.age_0_90 - 2 * third,
        "inv-age-181-to-330-days": st.age_181_270,
        "inv-age-331-to-365-days": st.age_271_365,
        "estimated-storage-cost-next-month": (st.available * 0.0412 * 0.78).map("{:.2f}".format),
        "inbound-quantity": st.inbound,
        "inbound-working": zero,
        "inbound-shipped": st.inbound,
        "inbound-received": zero,
        "no-sale-last-6-months": "No",
        "reserved-quantity": st.reserved,
        "unfulfillable-quantity": st.unsellable,
    }
    frame = pd.DataFrame(cols, index=st.index)
    path.write_bytes(
        frame.to_csv(sep="\t", index=False, lineterminator="\n", quoting=csv.QUOTE_NONE).encode(
            "utf-8"
        )
    )
    return path


RETURNS = [
    "return-date",
    "order-id",
    "sku",
    "asin",
    "fnsku",
    "product-name",
    "quantity",
    "fulfillment-center-id",
    "detailed-disposition",
    "reason",
    "status",
    "license-plate-number",
    "customer-comments",
]


def write_returns(path: Path, seller: Seller) -> Path:
    titles = dict(zip(seller.catalogue.sku, seller.catalogue.title, strict=True))
    rows = [
        [
            r.return_date.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            r.order_id,
            r.sku,
            r.asin,
            "X00" + r.asin[3:],
            titles[r.sku][:150],
            r.quantity,
            "TEB9",
            "SELLABLE",
            r.reason,
            "Unit returned to inventory",
            f"LPNRR{i:09d}",
            "",
        ]
        for i, r in enumerate(seller.returns.itertuples(index=False))
    ]
    return _write_tsv(path, RETURNS, rows)


def write_feedback(path: Path, seller: Seller) -> Path:
    rows = [
        [
            f"{r.date.month}/{r.date.day}/{r.date.strftime('%y')}",
            r.rating,
            r.comments,
            "",
            r.order_id,
            f"buyer{i}@marketplace.amazon.com",
        ]
        for i, r in enumerate(seller.feedback.itertuples(index=False))
    ]
    return _write_tsv(
        path, ["Date", "Rating", "Comments", "Your Response", "Order ID", "Rater Email"], rows
    )


def write_performance(
    path: Path, seller: Seller, *, odr: float = 0.012, complete: bool = False
) -> Path:
    """Account Health (GET_V2_SELLER_PERFORMANCE_REPORT, JSON). complete: also the MFN order
    defect rate, valid tracking, on-time delivery and pre-fulfilment cancellation blocks,
    with the counts in `HEALTH_COUNTS`, in the layout of Amazon's schema."""
    end = seller.end.isoformat()
    start = (pd.Timestamp(seller.end) - pd.Timedelta(days=59)).date().isoformat()
    orders = 1800
    metric = {
        "marketplaceId": "ATVPDKIKX0DER",
        "orderDefectRate": {
            "afn": {
                "reportingDateRange": {
                    "reportingDateFrom": f"{start}T00:00Z",
                    "reportingDateTo": f"{end}T23:59Z",
                },
                "orderCount": orders,
                "orderWithDefects": {"count": round(orders * odr)},
                "status": "GOOD",
                "rate": round(round(orders * odr) / orders, 4),
                "targetValue": 0.01,
                "targetCondition": "LESS_THAN",
            },
        },
        "lateShipmentRate": {
            "reportingDateRange": {
                "reportingDateFrom": f"{start}T00:00Z",
                "reportingDateTo": f"{end}T23:59Z",
            },
            "orderCount": 60,
            "lateShipmentCount": 1,
            "rate": 0.0167,
            "targetValue": 0.04,
            "targetCondition": "LESS_THAN",
            "status": "GOOD",
        },
    }
    if complete:
        more = _complete_health(start, end)
        metric["orderDefectRate"]["mfn"] = more.pop("mfn")
        metric.update(more)
    doc = {
        "accountStatuses": [{"marketplaceId": "ATVPDKIKX0DER", "status": "NORMAL"}],
        "performanceMetrics": [metric],
    }
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


# Counts of the blocks `write_performance(complete=True)` adds: (numerator, denominator).
HEALTH_COUNTS = {
    "odr_mfn": (1, 140),
    "valid_tracking_rate": (68, 69),
    "on_time_delivery_rate": (63, 68),
    "cancel_rate": (1, 40),
}


def _complete_health(start: str, end: str) -> dict:
    def window(first: str = start) -> dict:
        return {"reportingDateFrom": f"{first}T00:00Z", "reportingDateTo": f"{end}T23:59Z"}

    def block(rate_of: str, target: float, condition: str, **counts: int) -> dict:
        num, den = HEALTH_COUNTS[rate_of]
        return {
            "reportingDateRange": window(),
            **counts,
            "status": "GOOD",
            "rate": round(num / den, 4),
            "targetValue": target,
            "targetCondition": condition,
        }

    mfn_defects, mfn_orders = HEALTH_COUNTS["odr_mfn"]
    vt, shipments = HEALTH_COUNTS["valid_tracking_rate"]
    on_time, tracked = HEALTH_COUNTS["on_time_delivery_rate"]
    cancelled, orders = HEALTH_COUNTS["cancel_rate"]
    return {
        "mfn": {
            "reportingDateRange": window(),
            "orderCount": mfn_orders,
            "orderWithDefects": {"count": mfn_defects, "status": "GOOD"},
            "fulfillmentType": "mfn",
            "status": "GOOD",
            "rate": round(mfn_defects / mfn_orders, 4),
            "targetValue": 0.01,
            "targetCondition": "LESS_THAN",
        },
        "validTrackingRate": block(
            "valid_tracking_rate",
            0.95,
            "GREATER_THAN",
            shipmentCount=shipments,
            validTrackingCount=vt,
        ),
        "onTimeDeliveryRate": block(
            "on_time_delivery_rate",
            0.9,
            "GREATER_THAN",
            shipmentCountWithValidTracking=tracked,
            onTimeDeliveryCount=on_time,
        ),
        "preFulfillmentCancellationRate": block(
            "cancel_rate", 0.025, "LESS_THAN", orderCount=orders, cancellationCount=cancelled
        ),
    }


WRITERS: dict[str, Callable[..., Path]] = {
    "business_asin": write_business_asin,
    "business_daily": write_business_daily,
    "ads_sp_xlsx": write_sp_xlsx,
    "ads_sb_xlsx": write_sb_xlsx,
    "ads_sp_campaign_csv": write_sp_campaign_csv,
    "ads_sd_xlsx": write_sd_xlsx,
    "ads_new_console_csv": write_new_console_csv,
    "all_orders": write_all_orders,
    "fba_inventory": write_myi,
    "fba_inventory_planning": write_planning,
    "fba_returns": write_returns,
    "seller_feedback": write_feedback,
    "seller_performance": write_performance,
}


def write_demo_reports(folder: Path, seller: Seller) -> list[tuple[Path, Period | None]]:
    """Write a realistic download set; returns each file with the period it needs, if any.

    Weekly Business Reports alternate English and Chinese UI layouts, as a team where people
    download in different languages; ads come in both console languages.
    """
    folder.mkdir(parents=True, exist_ok=True)
    out: list[tuple[Path, Period | None]] = []
    for i, (start, end) in enumerate(seller.weeks()):
        layout = "zh" if i % 2 else "2021"
        p = folder / f"BusinessReport-{end.month}-{end.day}-{end.strftime('%y')}.csv"
        out.append(
            (write_business_asin(p, seller, Period(start, end), layout=layout), Period(start, end))
        )
    out.append((write_business_daily(folder / "BusinessReport-by-date.csv", seller), None))
    out.append(
        (
            write_sp_xlsx(
                folder / "Sponsored Products Advertised product report.xlsx",
                seller,
                "advertised_product",
            ),
            None,
        )
    )
    out.append(
        (
            write_sp_xlsx(folder / "商品推广_搜索词_报告.xlsx", seller, "search_term", lang="zh"),
            None,
        )
    )
    out.append((write_sb_xlsx(folder / "Sponsored Brands Campaign report.xlsx", seller), None))
    # Restates the SP money of the two reports above: counted once by the engine.
    out.append(
        (write_sp_campaign_csv(folder / "Sponsored Products Campaign report.csv", seller), None)
    )
    out.append((write_sd_xlsx(folder / "展示型推广_投放_报告.xlsx", seller), None))
    out.append((write_all_orders(folder / "All Orders.txt", seller), None))
    out.append(
        (write_myi(folder / "Manage FBA Inventory.csv", seller), Period(seller.end, seller.end))
    )
    out.append((write_planning(folder / "FBA Inventory planning.txt", seller), None))
    out.append((write_returns(folder / "FBA customer returns.txt", seller), None))
    out.append((write_feedback(folder / "Seller feedback.txt", seller), None))
    out.append((write_performance(folder / "Seller performance.json", seller), None))
    out += write_demo_money(folder, seller)
    return out


def write_demo_money(folder: Path, seller: Seller) -> list[tuple[Path, Period | None]]:
    """The Payments downloads: a Date Range report of the whole history, the settlement of
    the two weeks before the last (it restates those days: counted once, from it) and the
    FBA Fee Preview at the history's end."""

    lines = demo_lines(seller)
    start = seller.end - timedelta(days=20)
    end = seller.end - timedelta(days=6)

    def midnight(day: date) -> datetime:  # Los Angeles' midnight in winter, in UTC
        return datetime.combine(day, time(8), tzinfo=UTC)

    return [
        (
            write_date_range(
                folder / f"{seller.start:%Y%b%d}-{seller.end:%Y%b%d}CustomTransaction.csv",
                lines,
                "us-2021",
            ),
            None,
        ),
        (
            write_settlement(
                folder / "Settlement 24128935011.txt",
                lines,
                midnight(start),
                midnight(end),
                version="V2",
                settlement_id="24128935011",
            ),
            None,
        ),
        (
            write_fee_preview(folder / "FBA Fee Preview.txt", demo_fees(seller)),
            Period(seller.end, seller.end),
        ),
    ]
