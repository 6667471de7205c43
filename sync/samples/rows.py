"""Typed rows of the simulated seller's frames, for the writers that walk them row by row.

`itertuples()` types every field as any pandas scalar (a date as well as a number); a row
class names the columns a writer reads and their types, so the type checker checks the cells
computed from them. The values are those `itertuples()` gives (Python numbers, Timestamps).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, TypeVar

import pandas as pd

Row = TypeVar("Row", bound=NamedTuple)


def rows(frame: pd.DataFrame, kind: type[Row]) -> Iterator[Row]:
    """The frame's rows as `kind`, reading the columns `kind` names, in frame order."""
    return map(kind._make, frame[list(kind._fields)].itertuples(index=False, name=None))


class Product(NamedTuple):
    """A catalogue row (seller.catalogue)."""

    sku: str
    child_asin: str
    parent_asin: str
    title: str
    name_zh: str
    category: str
    family: int
    price: float


class Sold(NamedTuple):
    """A day's sales of one child ASIN (seller.daily)."""

    date: pd.Timestamp
    sku: str
    units: int


class Returned(NamedTuple):
    """A customer return (seller.returns)."""

    return_date: pd.Timestamp
    order_id: str
    sku: str
    asin: str
    quantity: int
    reason: str
