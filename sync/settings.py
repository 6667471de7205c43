"""The Settings tab: thresholds, targets, lead times and products the team edits.

Defaults come from the KPI registry; a workbook's Settings tab is read back on every sync so
the team's edits survive and drive both the workbook's colours and the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..addin.registry import all_kpis
from ..addin.thresholds import Bands
from .findings import Finding, Severity
from .i18n import LABELS
from .targets.base import Grid, Target

BAND_FIELDS = ("green_min", "green_max", "yellow_min", "yellow_max")


@dataclass
class Product:
    sku: str
    asin: str
    title: str = ""
    category: str = ""
    lead_time: float | None = None
    unit_cost: float | None = None


@dataclass(frozen=True)
class Unreadable:
    """A Settings cell the team typed that is no number (or no allowed word): kept as typed."""

    section: str  # thresholds, targets, products
    key: tuple[str, str]  # (kpi id, category), (target key, ""), (sku, "")
    field: str  # green_min ... yellow_max, value, lead_time, unit_cost
    text: str  # exactly as typed
    row: int  # 1-based row of the tab
    column: str  # the tab's column letter
    used: str  # what is used until it is fixed


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
    # Cells that could not be read, by (section, key, field): written back as typed and listed
    # in the Issues tab, never blanked; the value before them stays in use.
    unreadable: dict[tuple[str, tuple[str, str], str], Unreadable] = field(default_factory=dict)

    def typed(self, section: str, key: tuple[str, str], name: str) -> str | None:
        """The text typed into a cell that could not be read, or None."""
        u = self.unreadable.get((section, key, name))
        return u.text if u else None

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


_PERCENT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$")


def _num(v: Any) -> float | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return None
    if isinstance(v, str):
        m = _PERCENT.match(v)
        if m:  # "25%" typed as text (a Google Sheet cell formatted as plain text)
            return float(m.group(1)) / 100
        v = v.strip()
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _shown(v: float | str | None) -> str:
    if v is None or v == "":
        return "(empty)"
    return f"{v:g}" if isinstance(v, float) else str(v)


def read_back(grid: list[list[Any]], base: Settings) -> Settings:
    """Apply the values a team typed into a Settings tab (as a grid of values) to `base`.

    The tab is read by its section markers (the id column), not by fixed positions, so a
    team may add rows of notes without breaking the sync. A cell that cannot be read (text
    in a number cell, say) keeps `base`'s value in use and is remembered as typed
    (Settings.unreadable), so the next write shows it unchanged and Issues lists it.
    """
    s = replace(base, bands=dict(base.bands), products=dict(base.products), unreadable={})
    section = ""

    def number(
        v: Any, row: int, col: int, key: tuple[str, str], name: str, before: float | None
    ) -> float | None:
        """The typed number; when unreadable, `before` (and the cell is remembered)."""
        n = _num(v)
        if n is None and not _blank(v):
            s.unreadable[(section, key, name)] = Unreadable(
                section, key, name, str(v), row, "ABCDEFGH"[col], _shown(before)
            )
            return before
        return n

    for r, row in enumerate(grid, start=1):
        cells = [*row, *[None] * 8][:8]
        marker = str(cells[0] or "").strip()
        if marker.startswith("#"):
            section = marker[1:]
            continue
        if section == "thresholds" and marker:
            key = (marker, str(cells[2] or "").strip())
            if key in s.bands:
                old = s.bands[key]
                green_min, green_max, yellow_min, yellow_max = (
                    number(cells[3 + i], r, 3 + i, key, name, getattr(old, name))
                    for i, name in enumerate(("green_min", "green_max", "yellow_min", "yellow_max"))
                )
                s.bands[key] = Bands(
                    green_min, green_max, yellow_min, yellow_max, source=old.source
                )
        elif section == "targets" and marker in TARGET_KEYS:
            v = cells[2]
            key = (marker, "")
            if marker == "sales_target":
                s.sales_target = number(v, r, 2, key, "value", s.sales_target)
            elif marker in ("target_acos", "default_lead_time", "review_cycle"):
                attr = {"default_lead_time": "lead_time"}.get(marker, marker)
                before = getattr(s, attr)
                n = number(v, r, 2, key, "value", before)
                setattr(s, attr, before if n is None else n)
            elif marker == "workspace":
                s.workspace = "" if v is None else str(v).strip()
            elif marker == "shared_tracker":
                s.shared_tracker = "" if v is None else str(v).strip()
            elif marker in ("formula_mode", "language"):
                allowed = ("native", "udf") if marker == "formula_mode" else ("en", "zh")
                word = str(v or "").strip()
                if word in allowed:
                    setattr(s, marker, word)
                elif word:
                    s.unreadable[(section, key, "value")] = Unreadable(
                        section, key, "value", str(v), r, "C", getattr(s, marker)
                    )
        elif section == "products" and marker and not _product_header(cells):
            old_p = s.products.get(marker)
            key = (marker, "")
            s.products[marker] = Product(
                sku=marker,
                asin=str(cells[1] or ""),
                title=str(cells[2] or ""),
                category=str(cells[3] or "").strip(),
                lead_time=number(
                    cells[4], r, 4, key, "lead_time", old_p.lead_time if old_p else None
                ),
                unit_cost=number(
                    cells[5], r, 5, key, "unit_cost", old_p.unit_cost if old_p else None
                ),
            )
    return s


def _product_header(cells: list[Any]) -> bool:
    """The products section's own header row (SKU, ASIN, ...), in either language."""
    return str(cells[0]).strip() in LABELS["sku"] and str(cells[1]).strip() in LABELS["asin"]


_FIELD_WORDS = {
    "green_min": "green from",
    "green_max": "green up to",
    "yellow_min": "yellow from",
    "yellow_max": "yellow up to",
    "lead_time": "lead time",
    "unit_cost": "unit cost",
}


def settings_findings(settings: Settings, workbook: str) -> list[Finding]:
    """One Issues line per Settings cell that could not be read, naming the cell."""
    out = []
    for u in settings.unreadable.values():
        what = u.key[0] if u.field == "value" else f"{u.key[0]} {_FIELD_WORDS[u.field]}"
        if u.key[1]:
            what += f" ({u.key[1]})"
        expected = (
            "one of "
            + " or ".join(("native", "udf") if u.key[0] == "formula_mode" else ("en", "zh"))
            if u.key[0] in ("formula_mode", "language")
            else "a number (a percentage as 25% or 0.25)"
        )
        out.append(
            Finding(
                Severity.WARNING,
                "settings-unreadable",
                f'Settings, cell {u.column}{u.row}: "{u.text}" typed for {what} cannot be read; '
                f"it is kept as typed and {u.used} is used until it is changed to {expected}",
                file=workbook,
                row=u.row,
                column=u.column,
            )
        )
    return out


def find_sheet(target: Target, key: str) -> Grid:
    """A tab of fupan's by its key, whichever language the workbook was written in."""
    for lang in ("en", "zh"):
        grid = target.read_sheet(LABELS[key][0 if lang == "en" else 1])
        if grid is not None:
            return grid
    return []


def team_settings(target: Target, language: str = "en") -> Settings:
    """The Settings the team typed into a workbook (defaults where it has none)."""
    return read_back(find_sheet(target, "settings"), Settings.defaults(language))
