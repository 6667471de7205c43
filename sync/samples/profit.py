"""The demo seller's money: Payments lines, fee preview and the team's own cost sheet.

Restates the simulated seller's orders and returns as Amazon pays them out (one order line
per SKU and day, one refund line per return), with Amazon's fees per unit, a weekly Cost of
Advertising charge and a monthly storage fee; and the cost sheet a Chinese team keeps
(SKU, 品名, 类目, 采购价, 头程运费, 其他成本, 币种, 生效日期). One ASIN loses money on purpose:
LV-0003 (a bamboo drawer organizer flown in by air after a stock-out) costs more than it
earns. LV-0001's purchase price rose four days before the history's end (a dated row).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from openpyxl import Workbook

from .fee_preview import FeeRow
from .money import Line
from .rows import Product, Returned, Sold, rows
from .seller import Seller

REFERRAL = 0.15  # referral fee rate of both categories (per unit, rounded to the cent)
REFUND_ADMIN = 0.20  # Amazon keeps 20 % of the refunded referral fee
# Per product family (seller.PRODUCTS order): FBA fee, unit cost, first-leg freight and
# other cost per unit (packaging, labels), in USD.
FAMILY = (
    (3.22, 3.10, 0.60, 0.20),
    (4.15, 5.40, 0.90, 0.30),
    (3.86, 4.20, 0.80, 0.20),
    (5.80, 12.80, 2.60, 0.40),
    (6.10, 7.60, 1.50, 0.30),
    (3.06, 1.20, 0.15, 0.10),
    (4.09, 5.10, 0.70, 0.20),
    (6.39, 9.80, 1.80, 0.30),
    (3.68, 3.40, 0.50, 0.20),
    (3.95, 4.30, 0.60, 0.20),
)
LOSS_SKU = "LV-0003"  # air freight and a higher purchase price: loses money on every unit
LOSS_COST = (19.80, 4.60)  # its unit cost and first-leg freight
RAISED_SKU, RAISED_COST, RAISED_DAYS_BEFORE_END = "LV-0001", 5.90, 4
STORAGE_DAY = 18  # the monthly storage fee is posted on this day of the month


def referral(price: float) -> float:
    return round(REFERRAL * price, 2)


class UnitCost(NamedTuple):
    """A row of the team's cost sheet (unit_costs)."""

    sku: str
    valid_from: date | None  # None: since always
    unit_cost: float
    freight: float
    other: float


def unit_costs(seller: Seller) -> pd.DataFrame:
    """sku, valid_from (None = since always), unit_cost, freight, other: the team's sheet."""
    out: list[tuple[str, date | None, float, float, float]] = []
    for r in rows(seller.catalogue, Product):
        _fba, cost, freight, other = FAMILY[r.family]
        if r.sku == LOSS_SKU:
            cost, freight = LOSS_COST
        out.append((r.sku, None, cost, freight, other))
        if r.sku == RAISED_SKU:
            day = seller.end - timedelta(days=RAISED_DAYS_BEFORE_END)
            out.append((r.sku, day, RAISED_COST, freight, other))
    return pd.DataFrame(out, columns=["sku", "valid_from", "unit_cost", "freight", "other"])


def _posted(day: pd.Timestamp, hour: int) -> datetime:
    """A posting time on the day in Los Angeles (08:00 UTC is midnight there in winter)."""
    return datetime.combine(day.date(), time(hour), tzinfo=UTC) + timedelta(hours=8)


def demo_lines(seller: Seller) -> list[Line]:
    """Every money line of the seller's history, oldest first."""
    cat = {p.sku: p for p in rows(seller.catalogue, Product)}
    lines: list[Line] = []
    sold = seller.daily[seller.daily.units > 0]
    for n, r in enumerate(rows(sold, Sold)):
        item = cat[r.sku]
        fba = FAMILY[int(item.family)][0]
        units = int(r.units)
        lines.append(
            Line(
                _posted(pd.Timestamp(r.date), 10),
                "order",
                f"111-{n:07d}-{units:07d}",
                r.sku,
                units,
                str(item.title),
                principal=round(units * float(item.price), 2),
                commission=-round(units * referral(float(item.price)), 2),
                fba_fee=-round(units * fba, 2),
            )
        )
    for ret in rows(seller.returns, Returned):
        item = cat[ret.sku]
        q, price = int(ret.quantity), float(item.price)
        fee = referral(price)
        lines.append(
            Line(
                _posted(pd.Timestamp(ret.return_date), 14),
                "refund",
                ret.order_id,
                ret.sku,
                q,
                str(item.title),
                principal=-round(q * price, 2),
                commission=round(q * fee, 2),
                refund_commission=-round(q * round(REFUND_ADMIN * fee, 2), 2),
            )
        )
    days = pd.date_range(seller.start, seller.end)
    sp = seller.search_terms
    for monday in days[days.day_of_week == 0]:
        week = sp[(sp.date >= monday) & (sp.date < monday + pd.Timedelta(days=7))]
        lines.append(
            Line(
                _posted(monday, 12),
                "service_fee",
                description="Cost of Advertising",
                other_fee=-round(float(week.spend.sum()), 2),
            )
        )
    for day in days[days.day == STORAGE_DAY]:
        lines.append(
            Line(
                _posted(day, 12),
                "inventory_fee",
                description="FBA storage fee",
                other_fee=-round(0.78 * float(seller.stock.available.sum()) / 10, 2),
            )
        )
    return sorted(lines, key=lambda x: x.posted)


def demo_fees(seller: Seller) -> list[FeeRow]:
    """The FBA Fee Preview of the catalogue (used only for days no payment report covers)."""
    return [
        FeeRow(
            r.sku,
            r.child_asin,
            str(r.title),
            float(r.price),
            referral(float(r.price)),
            FAMILY[r.family][0],
        )
        for r in rows(seller.catalogue, Product)
    ]


COST_HEADER = ("SKU", "ASIN", "品名", "类目", "采购价", "头程运费", "其他成本", "币种", "生效日期")
CATEGORY_ZH = {"home": "home", "electronics accessories": "electronics accessories"}


def write_cost_sheet(path: Path, seller: Seller) -> Path:
    """The team's cost sheet (.xlsx), as a Chinese team keeps it: a title row, then the
    header and one row per SKU and price change (dated rows)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "成本表"
    ws.append(["LUMIVO 产品成本表（美国站，USD）"])
    ws.append(list(COST_HEADER))
    cat = {p.sku: p for p in rows(seller.catalogue, Product)}
    for r in rows(unit_costs(seller), UnitCost):
        item = cat[r.sku]
        ws.append(
            [
                r.sku,
                str(item.child_asin),
                str(item.name_zh),
                CATEGORY_ZH[str(item.category)],
                r.unit_cost,
                r.freight,
                r.other,
                "USD",
                r.valid_from,
            ]
        )
    for row in ws.iter_rows(min_row=3, min_col=9, max_col=9):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
