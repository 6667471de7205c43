"""The All Orders report (order lines by order date)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from .seller import Seller

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
