"""The Settings tab: thresholds, targets, lead times and products the team edits.

Defaults come from the KPI registry; a workbook's Settings tab is read back on every sync so
the team's edits survive and drive both the workbook's colours and the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..addin.registry import all_kpis
from ..addin.thresholds import Bands

BAND_FIELDS = ("green_min", "green_max", "yellow_min", "yellow_max")


@dataclass
class Product:
    sku: str
    asin: str
    title: str = ""
    category: str = ""
    lead_time: float | None = None
    unit_cost: float | None = None


@dataclass
class Settings:
    bands: dict[tuple[str, str], Bands]  # (kpi id, category or "") -> bands
    sales_target: float | None = None
    target_acos: float = 0.25
    lead_time: float = 30.0
    review_cycle: float = 7.0
    formula_mode: str = "native"  # or "udf"
    shared_tracker: str = ""  # path of a shared action tracker (.xlsx) synced on every sync
    workspace: str = ""  # the workspace folder, when the workbook lives elsewhere (Excel button)
    language: str = "en"
    products: dict[str, Product] = field(default_factory=dict)  # by SKU

    @classmethod
    def defaults(cls, language: str = "en") -> Settings:
        bands: dict[tuple[str, str], Bands] = {}
        for k in all_kpis():
            if k.bands is None:
                continue
            bands[(k.id, "")] = k.bands
            for cat, b in k.category_bands.items():
                bands[(k.id, cat)] = b
        return cls(bands=bands, language=language)

    def bands_for(self, kpi: str, category: str = "") -> Bands | None:
        return self.bands.get((kpi, category)) or self.bands.get((kpi, ""))

    def categories(self) -> dict[str, str]:
        """ASIN -> category, from the Products table (the first SKU with one wins)."""
        out: dict[str, str] = {}
        for p in self.products.values():
            if p.asin and p.category:
                out.setdefault(p.asin, p.category)
        return out

    def category_of(self, asin: str) -> str:
        return self.categories().get(asin, "")

    def lead_time_of(self, sku: str) -> float:
        p = self.products.get(sku)
        return p.lead_time if p and p.lead_time is not None else self.lead_time


# Where each part of the Settings tab sits. The tab is laid out by workbook.py from these.
TARGET_KEYS = (
    "sales_target",
    "target_acos",
    "default_lead_time",
    "review_cycle",
    "formula_mode",
    "language",
    "shared_tracker",
    "workspace",
)


def _num(v: Any) -> float | None:
    if v is None or v == "":
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def read_back(grid: list[list[Any]], base: Settings) -> Settings:
    """Apply the values a team typed into a Settings tab (as a grid of values) to `base`.

    The tab is read by its section markers (the id column), not by fixed positions, so a
    team may add rows of notes without breaking the sync.
    """
    s = replace(base, bands=dict(base.bands), products=dict(base.products))
    section = ""
    for row in grid:
        cells = [*row, *[None] * 8][:8]
        marker = str(cells[0] or "").strip()
        if marker.startswith("#"):
            section = marker[1:]
            continue
        if section == "thresholds" and marker:
            key = (marker, str(cells[2] or "").strip())
            if key in s.bands:
                values = [_num(v) for v in cells[3:7]]
                s.bands[key] = Bands(*values, source=s.bands[key].source)
        elif section == "targets" and marker in TARGET_KEYS:
            v = cells[2]
            if marker == "sales_target":
                s.sales_target = _num(v)
            elif marker == "target_acos" and _num(v) is not None:
                s.target_acos = float(_num(v))  # type: ignore[arg-type]
            elif marker == "default_lead_time" and _num(v) is not None:
                s.lead_time = float(_num(v))  # type: ignore[arg-type]
            elif marker == "review_cycle" and _num(v) is not None:
                s.review_cycle = float(_num(v))  # type: ignore[arg-type]
            elif marker == "workspace":
                s.workspace = "" if v is None else str(v).strip()
            elif marker == "shared_tracker":
                s.shared_tracker = "" if v is None else str(v).strip()
            elif marker == "formula_mode" and str(v).strip() in ("native", "udf"):
                s.formula_mode = str(v).strip()
            elif marker == "language" and str(v).strip() in ("en", "zh"):
                s.language = str(v).strip()
        elif section == "products" and marker:
            s.products[marker] = Product(
                sku=marker,
                asin=str(cells[1] or ""),
                title=str(cells[2] or ""),
                category=str(cells[3] or "").strip(),
                lead_time=_num(cells[4]),
                unit_cost=_num(cells[5]),
            )
    return s
