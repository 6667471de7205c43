"""The Settings tab: thresholds, targets, lead times and products the team edits.

Defaults come from the KPI registry; a workbook's Settings tab is read back on every sync so
the team's edits survive and drive both the workbook's colours and the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any

from ..addin.ad_targets import AD_TYPES, resolve, target_bands
from ..addin.registry import all_kpis
from ..addin.thresholds import Bands
from .i18n import LABELS
from .settings_acos import SECTION, AcosTargets, default_targets
from .settings_cells import blank, day_in, number_in, shown

BAND_FIELDS = ("green_min", "green_max", "yellow_min", "yellow_max")


@dataclass(frozen=True)
class Cost:
    """What one unit of a SKU costs the team from a day on (a dated row of Products)."""

    valid_from: date | None = None  # None: since always (until a later row)
    unit_cost: float | None = None  # purchase price per unit (采购成本)
    freight: float | None = None  # first-leg freight per unit (头程运费)
    other: float | None = None  # other cost per unit: packaging, inspection, duty ...
    currency: str = ""  # "" = the marketplace's currency
    usable: bool = True  # False when its valid-from cell could not be read
    typed: str = ""  # that cell as typed, when it could not be read

    @property
    def day_text(self) -> str:
        """The row's valid-from as its key: ISO day, as typed, or "" (since always)."""
        return self.typed or (self.valid_from.isoformat() if self.valid_from else "")

    @property
    def landed(self) -> float | None:
        """Unit cost + other cost per unit (COGS per unit); None without a unit cost."""
        if self.unit_cost is None:
            return None
        return self.unit_cost + (self.other or 0.0)


@dataclass
class Product:
    sku: str
    asin: str
    title: str = ""
    category: str = ""
    lead_time: float | None = None
    costs: list[Cost] = field(default_factory=list)  # dated rows, oldest first

    @property
    def unit_cost(self) -> float | None:
        """The unit cost in force from the latest valid-from day."""
        latest = self.cost_on(None)
        return latest.unit_cost if latest else None

    def cost_on(self, day: date | None) -> Cost | None:
        """The cost row in force on `day` (an as-of lookup; None: the latest row)."""
        rows = sorted(
            (c for c in self.costs if c.usable),
            key=lambda c: c.valid_from or date.min,
        )
        found = None
        for c in rows:
            if day is None or c.valid_from is None or c.valid_from <= day:
                found = c
        return found


@dataclass(frozen=True)
class Unreadable:
    """A Settings cell the team typed that is no number (or no allowed word): kept as typed."""

    section: str  # thresholds, targets, products
    key: tuple[str, str]  # (kpi id, category), (target key, ""), (sku, valid from as typed)
    field: str  # green_min ... yellow_max, value, lead_time, unit_cost, freight, other ...
    text: str  # exactly as typed
    row: int  # 1-based row of the tab
    column: str  # the tab's column letter
    used: str  # what is used until it is fixed


@dataclass(frozen=True)
class CostRow:
    """One row of a team's cost sheet: a SKU's cost from a day on, and what it names."""

    sku: str
    cost: Cost
    asin: str = ""
    title: str = ""
    category: str = ""


@dataclass
class Settings:
    bands: dict[tuple[str, str], Bands]  # (kpi id, category or "") -> bands
    sales_target: float | None = None  # monthly sales target of the account
    target_acos: float = 0.25
    lead_time: float = 30.0
    review_cycle: float = 7.0
    formula_mode: str = "native"  # or "udf"
    shared_tracker: str = ""  # path of a shared action tracker (.xlsx) synced on every sync
    workspace: str = ""  # the workspace folder, when the workbook lives elsewhere (Excel button)
    language: str = "en"
    profit_target: float | None = None  # monthly net profit target of the account
    ipi: float | None = None  # the IPI the team typed (FBA dashboard); None: unknown
    products: dict[str, Product] = field(default_factory=dict)  # by SKU
    # Monthly targets per ASIN: ASIN -> (sales target, net profit target).
    asin_targets: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    # Target ACoS by (ad type, category or ""); None: passes on (settings_acos.py).
    acos_targets: AcosTargets = field(default_factory=dict)
    # Cells that could not be read, by (section, key, field): written back as typed and listed
    # in the Issues tab, never blanked; the value before them stays in use.
    unreadable: dict[tuple[str, tuple[str, str], str], Unreadable] = field(default_factory=dict)
    _categories: tuple[dict[str, Product], int, dict[str, str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

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
        return cls(bands=bands, language=language, acos_targets=default_targets(bands))

    def acos_target(self, ad_type: str, category: str = "") -> float:
        """A campaign's target ACoS: its ad type and category's, its ad type's, the account's."""
        return resolve(self.acos_targets, ad_type, category, self.target_acos)

    def acos_bands(self, ad_type: str, category: str = "") -> Bands:
        """The ACoS bands of a campaign: green up to its target, yellow up to the margin."""
        return target_bands(self.acos_target(ad_type, category), self.bands_for("acos", category))

    def bands_for(self, kpi: str, category: str = "") -> Bands | None:
        return self.bands.get((kpi, category)) or self.bands.get((kpi, ""))

    def categories(self) -> dict[str, str]:
        """ASIN -> category, from the Products table (the first SKU with one wins).

        Indexed once per Products table: tabs ask for thousands of ASINs.
        """
        cached = self._categories
        if cached is not None and cached[0] is self.products and cached[1] == len(self.products):
            return cached[2]
        out: dict[str, str] = {}
        for p in self.products.values():
            if p.asin and p.category:
                out.setdefault(p.asin, p.category)
        self._categories = (self.products, len(self.products), out)
        return out

    def category_of(self, asin: str) -> str:
        return self.categories().get(asin, "")

    def with_costs(self, rows: list[CostRow]) -> Settings:
        """These Settings with a cost sheet's rows in Products: a row replaces the cost of the
        same SKU and valid-from day, other dated rows stay; the ASIN, title and category the
        sheet gives are taken."""
        products = {sku: replace(p, costs=list(p.costs)) for sku, p in self.products.items()}
        for r in rows:
            p = products.setdefault(r.sku, Product(r.sku, r.asin))
            p.asin = r.asin or p.asin
            p.title = r.title or p.title
            p.category = r.category or p.category
            p.costs = [c for c in p.costs if c.valid_from != r.cost.valid_from or not c.usable]
            p.costs.append(r.cost)
        # A cell typed unreadably in a row the sheet replaces is not written back over it.
        replaced = {(r.sku, r.cost.day_text) for r in rows}
        fields = ("unit_cost", "freight", "other", "valid_from")
        unreadable = {
            k: u
            for k, u in self.unreadable.items()
            if not (k[0] == "products" and k[1] in replaced and k[2] in fields)
        }
        return replace(self, products=products, unreadable=unreadable)

    def lead_time_of(self, sku: str) -> float:
        p = self.products.get(sku)
        return p.lead_time if p and p.lead_time is not None else self.lead_time


# Where each part of the Settings tab sits. The tab is laid out by workbook.py from these.
TARGET_KEYS = (
    "sales_target",
    "profit_target",
    "target_acos",
    "default_lead_time",
    "review_cycle",
    "ipi",
    "formula_mode",
    "language",
    "shared_tracker",
    "workspace",
)


COLUMNS = "ABCDEFGHIJ"  # the widest section (Products) has ten columns
# The keys a sync reads the tab by (section markers, KPI ids, target keys) are machinery:
# they sit in this hidden column, out of the team's sight. Older workbooks have them in
# column A, which is still read.
KEY_COLUMN = "L"
_KEY = ord(KEY_COLUMN) - ord("A")


@cache
def _by_label() -> dict[str, dict[str, str]]:
    """A threshold's KPI or a target as column B names it, in either language: the key of
    a row the team typed by hand, without the hidden key."""
    kpis = {n: k.id for k in all_kpis() for n in (k.name_en, k.name_zh)}
    targets = {label: key for key in TARGET_KEYS for label in LABELS.get(key, ())}
    return {"thresholds": kpis, "targets": targets}


def row_key(row: list[Any], section: str) -> str:
    """The key a Settings row is read by: the hidden key column; else column A (older
    workbooks; a SKU or an ASIN); else, for a threshold or target row, its label."""
    key = row[_KEY] if len(row) > _KEY else None
    if not blank(key):
        return str(key).strip()
    first = "" if not row or row[0] is None else str(row[0]).strip()
    if first or section not in ("thresholds", "targets") or len(row) < 2:
        return first
    return _by_label()[section].get(str(row[1] or "").strip(), "")


def read_back(grid: list[list[Any]], base: Settings) -> Settings:
    """Apply the values a team typed into a Settings tab (as a grid of values) to `base`.

    The tab is read by its section markers (the id column), not by fixed positions, so a
    team may add rows of notes without breaking the sync. A cell that cannot be read (text
    in a number cell, say) keeps `base`'s value in use and is remembered as typed
    (Settings.unreadable), so the next write shows it unchanged and Issues lists it.

    Products hold dated cost rows: a SKU may have several rows, one per valid-from day; the
    first row of a SKU carries its ASIN, title, category and lead time (a later row's
    non-empty cells win).
    """
    s = replace(
        base,
        bands=dict(base.bands),
        products={},
        asin_targets={},
        acos_targets=dict(base.acos_targets),
        unreadable={},
    )
    section = ""
    seen: set[str] = set()

    def number(
        v: Any, row: int, col: int, key: tuple[str, str], name: str, before: float | None
    ) -> float | None:
        """The typed number; when unreadable, `before` (and the cell is remembered)."""
        n = number_in(v)
        if n is None and not blank(v):
            s.unreadable[(section, key, name)] = Unreadable(
                section, key, name, str(v), row, COLUMNS[col], shown(before)
            )
            return before
        return n

    for r, row in enumerate(grid, start=1):
        cells = [*row, *[None] * len(COLUMNS)][: len(COLUMNS)]
        marker = row_key(list(row), section)
        if marker.startswith("#"):
            section = marker[1:]
            seen.add(section)
            continue
        if section == "thresholds" and marker:
            key = (marker, str(cells[2] or "").strip())
            if key in s.bands:
                old = s.bands[key]
                green_min, green_max, yellow_min, yellow_max = [
                    number(cells[3 + i], r, 3 + i, key, name, getattr(old, name))
                    for i, name in enumerate(("green_min", "green_max", "yellow_min", "yellow_max"))
                ]
                s.bands[key] = Bands(green_min, green_max, yellow_min, yellow_max, old.source)
        elif section == "targets" and marker in TARGET_KEYS:
            v = cells[2]
            key = (marker, "")
            if marker in ("sales_target", "profit_target", "ipi"):
                setattr(s, marker, number(v, r, 2, key, "value", getattr(s, marker)))
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
        elif section == SECTION and marker in AD_TYPES:
            key = (marker, str(cells[2] or "").strip())
            before = s.acos_targets.get(key)
            s.acos_targets[key] = number(cells[3], r, 3, key, "value", before)
        elif section == "products" and marker and not _product_header(cells):
            _product_row(s, base, cells, r, number)
        elif section == "asin_targets" and marker and str(cells[0]) not in LABELS["asin"]:
            key = (marker, "")
            was = base.asin_targets.get(marker, (None, None))
            s.asin_targets[marker] = (
                number(cells[1], r, 1, key, "sales_target", was[0]),
                number(cells[2], r, 2, key, "profit_target", was[1]),
            )
    if SECTION not in seen:  # a workbook from before: its account target stays SP's
        s.acos_targets = default_targets(s.bands, sp=s.target_acos)
    return s


# Reads one typed number of a Settings row: (value, row, column, key, field, value before).
NumberReader = Callable[[Any, int, int, tuple[str, str], str, float | None], float | None]


def _product_row(
    s: Settings,
    base: Settings,
    cells: list[Any],
    r: int,
    number: NumberReader,
) -> None:
    """One row of Products: the SKU's data (first row) and one dated cost."""
    sku = str(cells[0]).strip()
    typed_day = cells[9]
    day = day_in(typed_day)
    day_text = "" if blank(typed_day) else (day.isoformat() if day else str(typed_day))
    key = (sku, day_text)
    usable = True
    if day is None and not blank(typed_day):
        s.unreadable[("products", key, "valid_from")] = Unreadable(
            "products", key, "valid_from", str(typed_day), r, "J", "nothing (the row's costs)"
        )
        usable = False
    old = base.products.get(sku)
    was = next((c for c in old.costs if c.valid_from == day), None) if old else None
    first = sku not in s.products
    product = s.products.setdefault(sku, Product(sku, ""))
    text = [str(c).strip() if c is not None else "" for c in cells[1:4]]
    if first or text[0]:
        product.asin = text[0]
    if first or text[1]:
        product.title = str(cells[2] or "")
    if first or text[2]:
        product.category = text[2]
    if first or not blank(cells[4]):
        before = old.lead_time if old else None
        product.lead_time = number(cells[4], r, 4, key, "lead_time", before)
    amounts = [
        number(cells[5 + i], r, 5 + i, key, name, getattr(was, name) if was else None)
        for i, name in enumerate(("unit_cost", "freight", "other"))
    ]
    currency = str(cells[8] or "").strip().upper()
    if any(a is not None for a in amounts) or day is not None or not usable:
        typed = "" if usable else str(typed_day)
        unit_cost, freight, other = amounts
        product.costs.append(Cost(day, unit_cost, freight, other, currency, usable, typed))


def _product_header(cells: list[Any]) -> bool:
    """The products section's own header row (SKU, ASIN, ...), in either language."""
    return str(cells[0]).strip() in LABELS["sku"] and str(cells[1]).strip() in LABELS["asin"]
