"""Settings' target ACoS by ad type and category (addin/ad_targets.py resolves them).

Their own section of the Settings tab (`#acos_targets`): one row per ad type, and one per ad
type and category of the team's products, blank where it passes on to the ad type's target.
A workbook written before the section existed keeps its account target in use for Sponsored
Products and its ACoS bands per category: the next sync adds the rows with those values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..addin.ad_targets import AD_TYPES, DEFAULT_ACOS
from ..addin.thresholds import Bands

SECTION = "acos_targets"
AcosTargets = dict[tuple[str, str], float | None]  # (ad type, category or "") -> target


def default_targets(bands: Mapping[tuple[str, str], Bands], sp: float | None = None) -> AcosTargets:
    """The ad types' defaults (SP: `sp` when given), and Sponsored Products' target of each
    category with its own ACoS band: that band's green to (the catalogue's home 20 %)."""
    out: AcosTargets = {(t, ""): DEFAULT_ACOS[t] for t in AD_TYPES}
    if sp is not None:
        out[("SP", "")] = sp
    for (kpi, category), b in bands.items():
        if kpi == "acos" and category:
            out[("SP", category)] = b.green_max
    return out


def with_categories(targets: AcosTargets, categories: Iterable[str]) -> list[tuple[str, str]]:
    """The rows the Settings tab shows: every row the team has, and a row for each ad type and
    product category (blank: the ad type's target), ad type by ad type."""
    keys = set(targets) | {(t, c) for t in AD_TYPES for c in categories if c}
    order = {t: i for i, t in enumerate(AD_TYPES)}
    return sorted(keys, key=lambda k: (order.get(k[0], len(order)), k[0], k[1] != "", k[1]))
