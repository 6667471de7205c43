"""Each campaign's target ACoS: its ad type, the category of what it advertises, and the target
Settings resolves for the pair (addin/ad_targets.py). The statuses, the rules, the money at
stake and the workbook's Target ACoS column all read it from here."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...addin.thresholds import Bands
from ..settings import Settings


@dataclass(frozen=True)
class CampaignTarget:
    ad_type: str  # SP, SB or SD ("" when no row names one)
    category: str  # the category of the ASINs it advertises ("" when none is known)
    target: float
    bands: Bands


def campaign_profiles(ads: pd.DataFrame, categories: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Campaign -> (ad type, category). A name two ad types share takes the one it spent most
    in; the category is the one its advertised ASINs spent most in (Settings' Products)."""
    if ads.empty:
        return {}
    spend = ads.spend.fillna(0.0).astype(float)
    frame = pd.DataFrame(
        {
            "campaign": ads.campaign.astype(str),
            "ad_type": ads.ad_type.fillna("").astype(str),
            "category": ads.asin.fillna("").astype(str).map(lambda a: categories.get(a, "")),
            "spend": spend,
        }
    )
    out: dict[str, tuple[str, str]] = {}
    types = _largest(frame, "ad_type")
    cats = _largest(frame[frame.category != ""], "category")
    for campaign, ad_type in types.items():
        out[campaign] = (ad_type, cats.get(campaign, ""))
    return out


def _largest(frame: pd.DataFrame, column: str) -> dict[str, str]:
    """Per campaign, the value of `column` with the most spend (ties: the first by name)."""
    if frame.empty:
        return {}
    sums = frame.groupby(["campaign", column], sort=True).spend.sum().reset_index()
    best = sums.sort_values(["campaign", "spend"], ascending=[True, False], kind="stable")
    return dict(best.drop_duplicates("campaign").set_index("campaign")[column])


def campaign_targets(ads: pd.DataFrame, settings: Settings) -> dict[str, CampaignTarget]:
    """Every campaign of the review's ad rows with its resolved target ACoS and bands."""
    out = {}
    for campaign, (ad_type, category) in campaign_profiles(ads, settings.categories()).items():
        out[campaign] = CampaignTarget(
            ad_type,
            category,
            settings.acos_target(ad_type, category),
            settings.acos_bands(ad_type, category),
        )
    return out
