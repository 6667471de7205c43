"""Settlement flat files V1 and V2 (one row per amount of a line)."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .money import Line, eu_money, yen

V2 = [
    "settlement-id",
    "settlement-start-date",
    "settlement-end-date",
    "deposit-date",
    "total-amount",
    "currency",
    "transaction-type",
    "order-id",
    "merchant-order-id",
    "adjustment-id",
    "shipment-id",
    "marketplace-name",
    "amount-type",
    "amount-description",
    "amount",
    "fulfillment-id",
    "posted-date",
    "posted-date-time",
    "order-item-code",
    "merchant-order-item-id",
    "merchant-adjustment-item-id",
    "sku",
    "quantity-purchased",
    "promotion-id",
]
V1 = [
    "settlement-id",
    "settlement-start-date",
    "settlement-end-date",
    "deposit-date",
    "total-amount",
    "currency",
    "transaction-type",
    "order-id",
    "merchant-order-id",
    "adjustment-id",
    "shipment-id",
    "marketplace-name",
    "shipment-fee-type",
    "shipment-fee-amount",
    "order-fee-type",
    "order-fee-amount",
    "fulfillment-id",
    "posted-date",
    "order-item-code",
    "merchant-order-item-id",
    "merchant-adjustment-item-id",
    "sku",
    "quantity-purchased",
    "price-type",
    "price-amount",
    "item-related-fee-type",
    "item-related-fee-amount",
    "misc-fee-amount",
    "other-fee-amount",
    "other-fee-reason-description",
    "promotion-id",
    "promotion-type",
    "promotion-amount",
    "direct-payment-type",
    "direct-payment-amount",
    "other-amount",
]


@dataclass(frozen=True)
class Amount:
    """One settlement line: a (transaction, amount-type, description, amount) of a Line."""

    line: Line
    transaction: str
    group: str  # amount-type
    description: str
    amount: float
    principal: bool = False


def _amounts(line: Line) -> list[Amount]:
    if line.kind in ("order", "refund"):
        t = "Order" if line.kind == "order" else "Refund"
        parts = [
            ("ItemPrice", "Principal", line.principal),
            ("ItemPrice", "Tax", line.product_tax),
            ("ItemPrice", "Shipping", line.shipping),
            ("ItemPrice", "ShippingTax", line.shipping_tax),
            ("Promotion", "Shipping", line.promotion),
            ("ItemWithheldTax", "MarketplaceFacilitatorTax-Principal", line.withheld_tax),
            ("ItemFees", "Commission", line.commission),
            ("ItemFees", "RefundCommission", line.refund_commission),
            ("ItemFees", "FBAPerUnitFulfillmentFee", line.fba_fee),
            ("ItemFees", "ShippingChargeback", line.other_fee),
        ]
        return [
            Amount(line, t, g, d, a, principal=d == "Principal" and g == "ItemPrice")
            for g, d, a in parts
            if a or (g, d) == ("ItemPrice", "Principal")
        ]
    if line.kind == "service_fee":
        return [
            Amount(
                line, "ServiceFee", "Cost of Advertising", "TransactionTotalAmount", line.other_fee
            )
        ]
    if line.kind == "inventory_fee":
        return [
            Amount(line, "other-transaction", "other-transaction", "Storage Fee", line.other_fee)
        ]
    if line.kind == "adjustment":
        return [
            Amount(
                line,
                "other-transaction",
                "FBA Inventory Reimbursement",
                "WAREHOUSE_DAMAGE",
                line.other_fee,
            )
        ]
    return []  # transfers are the settlement's deposit, not a line of it


def _reserve(posted: datetime, previous: float, current: float) -> list[Amount]:
    line = Line(posted, "reserve")
    return [
        Amount(
            line,
            "other-transaction",
            "other-transaction",
            "Previous Reserve Amount Balance",
            previous,
        ),
        Amount(line, "other-transaction", "other-transaction", "Current Reserve Amount", current),
    ]


@dataclass(frozen=True)
class SettlementStyle:
    """How a settlement download writes dates and numbers."""

    when: Callable[[datetime], str]  # a UTC time → text
    day: Callable[[datetime], str]  # posted-date of V2 (a UTC time → text)
    money: Callable[[float], str]
    channel: str = "Amazon.com"


STYLES = {
    # SP-API documents (the F1 fixture): `2023-01-01 00:00:00 UTC`, point decimals.
    "api": SettlementStyle(
        lambda t: f"{t:%Y-%m-%d %H:%M:%S} UTC", lambda t: f"{t:%Y-%m-%d}", lambda x: f"{x:.2f}"
    ),
    # Seller Central Europe: `16.11.2026 10:05:35 UTC`, `1.234,56`.
    "eu": SettlementStyle(
        lambda t: f"{t:%d.%m.%Y %H:%M:%S} UTC",
        lambda t: f"{t:%d.%m.%Y}",
        eu_money,
        "Amazon.de",
    ),
    "jp": SettlementStyle(
        lambda t: f"{t:%Y-%m-%d %H:%M:%S} UTC", lambda t: f"{t:%Y-%m-%d}", yen, "Amazon.co.jp"
    ),
}


def write_settlement(
    path: Path,
    lines: Iterable[Line],
    start: datetime,
    end: datetime,
    *,
    version: str = "V2",
    settlement_id: str = "12345678901",
    currency: str = "USD",
    style: str = "api",
    reserve: tuple[float, float] = (100.00, -120.00),
) -> Path:
    """A settlement flat file of the lines posted in [start, end): row 2 the summary, then one
    row per amount. V1 repeats an item's quantity on each of its rows (summing them would count
    it again); V2 writes it on the Principal row."""
    s = STYLES[style]
    inside = sorted((x for x in lines if start <= x.posted < end), key=lambda x: x.posted)
    amounts = [a for x in inside for a in _amounts(x)]
    amounts += _reserve(end - timedelta(seconds=1), *reserve)
    total = round(sum(a.amount for a in amounts), 2)
    header = V2 if version == "V2" else V1
    summary = dict.fromkeys(header, "")
    summary |= {
        "settlement-id": settlement_id,
        "settlement-start-date": s.when(start),
        "settlement-end-date": s.when(end),
        "deposit-date": s.when(end + timedelta(days=2)),
        "total-amount": s.money(total),
        "currency": currency,
    }
    rows = [summary]
    for n, a in enumerate(amounts):
        x = a.line
        item = x.kind in ("order", "refund")
        row = dict.fromkeys(header, "")
        row |= {
            "settlement-id": settlement_id,
            "transaction-type": a.transaction,
            "order-id": x.order_id,
            "merchant-order-id": "",
            "shipment-id": f"S{zlib.crc32(x.order_id.encode()) % 10**8:08d}" if item else "",
            "marketplace-name": s.channel if item else "",
            "fulfillment-id": "AFN" if item else "",
            "posted-date": s.when(x.posted) if version == "V1" else s.day(x.posted),
            "posted-date-time": s.when(x.posted),
            "order-item-code": f"{60000000000000 + zlib.crc32(x.order_id.encode())}"
            if item
            else "",
            "sku": x.sku,
        }
        if version == "V2":
            row |= {
                "amount-type": a.group,
                "amount-description": a.description,
                "amount": s.money(a.amount),
                "quantity-purchased": str(x.quantity) if a.principal else "",
            }
        else:
            row |= _v1_pair(a, s.money)
            if x.kind == "reserve":  # V1 names a reserve line in its transaction type
                row["transaction-type"] = a.description
            row["quantity-purchased"] = str(x.quantity) if item else ""
            row["adjustment-id"] = f"ADJ{n}" if x.kind == "adjustment" else ""
        rows.append(row)
    body = ["\t".join(r[h] for h in header) for r in rows]
    text = "\n".join(["\t".join(header), *body]) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def _v1_pair(a: Amount, money: Callable[[float], str]) -> dict[str, str]:
    """V1 holds each amount in the pair of columns of its kind."""
    amount = money(a.amount)
    if a.group == "ItemPrice":
        return {"price-type": a.description, "price-amount": amount}
    if a.group in ("ItemFees", "ItemWithheldTax"):
        return {"item-related-fee-type": a.description, "item-related-fee-amount": amount}
    if a.group == "Promotion":
        return {"promotion-type": a.description, "promotion-amount": amount}
    if a.group == "Cost of Advertising":
        return {"order-fee-type": "Cost of Advertising", "order-fee-amount": amount}
    if a.group == "FBA Inventory Reimbursement":
        return {"other-fee-reason-description": a.description, "other-fee-amount": amount}
    return {"other-fee-reason-description": a.description, "other-amount": amount}
