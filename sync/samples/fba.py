"""FBA flat files: Manage FBA Inventory, inventory planning and customer returns."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .rows import Returned
from .rows import rows as typed_rows
from .seller import Seller
from .text_files import write_csv, write_tsv

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


class _Stock(NamedTuple):
    """A SKU's stock (seller.stock)."""

    sku: str
    fnsku: str
    asin: str
    title: str
    price: float
    available: int
    unsellable: int
    reserved: int
    inbound: int


def write_myi(path: Path, seller: Seller, *, ui_csv: bool = True) -> Path:
    """ui_csv: the Seller Central download (Windows-1252, every field quoted); else API TSV."""
    rows: list[list[str | int]] = []
    for r in typed_rows(seller.stock, _Stock):
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
        return write_csv(
            path,
            MYI,
            [[str(v) for v in r] for r in rows],
            bom=False,
            quote_all=True,
            encoding="cp1252",
        )
    return write_tsv(path, MYI, rows)


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
        "estimated-ltsf-next-charge": _ltsf(st).map("{:.2f}".format),
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


# Aged-inventory surcharge per cubic foot a month by age bucket (Amazon's 2024 US rates,
# rounded), on the 0.0412 cu ft per unit the planning file states.
LTSF_PER_CUBIC_FOOT = {"age_181_270": 1.00, "age_271_365": 5.45, "age_365_plus": 6.90}
UNIT_VOLUME = 0.0412


def _ltsf(stock: pd.DataFrame) -> pd.Series:
    """The estimated long-term storage fee of each SKU's next charge."""
    fee = pd.Series(0.0, index=stock.index)
    for age, rate in LTSF_PER_CUBIC_FOOT.items():
        fee += stock[age] * rate
    return (fee * UNIT_VOLUME).round(2)


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
        for i, r in enumerate(typed_rows(seller.returns, Returned))
    ]
    return write_tsv(path, RETURNS, rows)
