"""What every family of the catalogue writes its entries with: scopes, directions, `entry`."""

from __future__ import annotations

from ..expr import Expr
from ..kpi import Direction, Kpi, Scope, Unit
from ..thresholds import Bands

A, S, C = Scope.ACCOUNT, Scope.ASIN, Scope.CAMPAIGN
ACCOUNT_ASIN = frozenset({A, S})
ACCOUNT_ASIN_SKU = frozenset({A, S, Scope.SKU})
ACCOUNT_CAMPAIGN = frozenset({A, C})
ALL = frozenset({A, S, C})
INFO = Direction.NONE
HI, LO, RG = Direction.HIGHER, Direction.LOWER, Direction.RANGE


def entry(
    id: str,
    en: str,
    zh: str,
    unit: Unit,
    direction: Direction,
    scopes: frozenset[Scope],
    expr: Expr,
    doc: str,
    bands: Bands | None = None,
    source: str = "",
    **categories: Bands,
) -> Kpi:
    """One KPI; keyword bands are a category's own (`electronics_accessories=` names
    "electronics accessories")."""
    cat = {name.replace("_", " "): b for name, b in categories.items()}
    return Kpi(id, en, zh, unit, direction, scopes, expr, doc, bands, cat, source)
