"""The KPI registry: one entry per KPI, the only place a KPI is defined.

The sync's pandas computation, the native spreadsheet formula, the `AMZ_*` UDF and the
traffic-light thresholds all come from an entry (addin/kpis.py lists them; addin/expr.py
evaluates them). The entries are registered when this module is imported.
"""

from __future__ import annotations

from .kpi import Direction, Kpi, Scope, Unit
from .kpis import ENTRIES

KPIS: dict[str, Kpi] = {}


def register(kpi: Kpi) -> Kpi:
    """Add a KPI (the catalogue's, or a plug-in's); ids are unique."""
    if kpi.id in KPIS:
        raise ValueError(f"KPI {kpi.id} is defined twice")
    KPIS[kpi.id] = kpi
    return kpi


def get(kpi_id: str) -> Kpi:
    try:
        return KPIS[kpi_id]
    except KeyError:
        raise KeyError(f"unknown KPI {kpi_id!r}; known: {', '.join(KPIS)}") from None


def all_kpis() -> list[Kpi]:
    return list(KPIS.values())


for _entry in ENTRIES:
    register(_entry)

__all__ = ["KPIS", "Direction", "Kpi", "Scope", "Unit", "all_kpis", "get", "register"]
