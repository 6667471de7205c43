"""Target ACoS by ad type and category: the one resolution the sync, the rules, the workbook's
formulas and the `AMZ_*` functions share.

A campaign's target is its (ad type, category) row of Settings, else its ad type's row, else
the account's target ACoS. Sponsored Brands and Display are judged against their own targets:
they reach shoppers earlier in the funnel (brand awareness, retargeting) and are attributed over
14 days, so their ACoS runs higher than Sponsored Products' (seed 001: brands for awareness,
products for conversion; the SB and SD figures are ours).
"""

from __future__ import annotations

from collections.abc import Mapping

from .thresholds import Bands

AD_TYPES = ("SP", "SB", "SD")
# The default target of each ad type: SP the catalogue's 25 % (000: 15–25 %), SB and SD ours.
DEFAULT_ACOS: dict[str, float] = {"SP": 0.25, "SB": 0.30, "SD": 0.35}
# The yellow zone above the target when the ACoS band has no yellow bound (the band's 25-30 %).
DEFAULT_MARGIN = 0.05


def resolve(
    targets: Mapping[tuple[str, str], float | None], ad_type: str, category: str, account: float
) -> float:
    """The target of a campaign: (ad type, category), else (ad type, ""), else the account's.
    A row left blank (None) passes on to the next."""
    for key in ((ad_type, category), (ad_type, "")):
        v = targets.get(key)
        if v is not None and key[0]:
            return v
    return account


def margin(bands: Bands | None) -> float:
    """The width of the yellow zone above the target: the ACoS band's yellow to minus green to
    (the team edits it in Settings' thresholds; 5 pp by default)."""
    if bands is None or bands.green_max is None or bands.yellow_max is None:
        return DEFAULT_MARGIN
    return max(bands.yellow_max - bands.green_max, 0.0)


def target_bands(target: float, bands: Bands | None) -> Bands:
    """ACoS bands around a campaign's target: green up to it, yellow up to the margin above."""
    source = f"target ACoS {target:.0%}"
    return Bands(green_max=target, yellow_max=target + margin(bands), source=source)
