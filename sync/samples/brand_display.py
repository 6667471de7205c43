"""Sponsored Brands campaign and Sponsored Display targeting reports (.xlsx)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet

from .rows import rows as typed_rows
from .seller import Seller
from .sp_console import DATE_FORMAT, MONEY_FORMAT

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


class _BrandDay(NamedTuple):
    """An SB campaign's day (seller.brand_ads)."""

    date: pd.Timestamp
    campaign: str
    impressions: int
    clicks: int
    spend: float
    sales: float
    orders: int
    units: int


class _DisplayDay(NamedTuple):
    """An SD ad group's day (seller.display_ads)."""

    date: pd.Timestamp
    campaign: str
    ad_group: str
    targeting: str
    impressions: int
    viewable: int
    clicks: int
    spend: float
    sales: float
    orders: int
    units: int


def write_sb_xlsx(path: Path, seller: Seller) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sponsored_Brands_Campaign_repor")
    ws.append(SB_HEADER)
    for r in typed_rows(seller.brand_ads, _BrandDay):
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


def _typed_row(ws: Worksheet, values: list[Any], formats: list[str]) -> list[Cell]:
    """Cells with the console's number formats (dates as real date cells)."""
    row = []
    for v, fmt in zip(values, formats, strict=True):
        cell = WriteOnlyCell(ws, value=v)
        cell.number_format = fmt
        row.append(cell)
    return row


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
    for r in typed_rows(seller.display_ads, _DisplayDay):
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
