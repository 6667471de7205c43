"""Where each marketplace's data lives: SP-API and Ads API hosts, and the LWA token endpoints.

SP-API: https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints (three regional hosts;
all take tokens from api.amazon.com). Ads API: the API overview's endpoint table (one host
and one token endpoint per region).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import marketplaces


@dataclass(frozen=True)
class Region:
    code: str  # NA, EU, FE
    sp_api: str
    ads_api: str
    ads_token: str


REGIONS: dict[str, Region] = {
    "NA": Region(
        "NA",
        "https://sellingpartnerapi-na.amazon.com",
        "https://advertising-api.amazon.com",
        "https://api.amazon.com/auth/o2/token",
    ),
    "EU": Region(
        "EU",
        "https://sellingpartnerapi-eu.amazon.com",
        "https://advertising-api-eu.amazon.com",
        "https://api.amazon.co.uk/auth/o2/token",
    ),
    "FE": Region(
        "FE",
        "https://sellingpartnerapi-fe.amazon.com",
        "https://advertising-api-fe.amazon.com",
        "https://api.amazon.co.jp/auth/o2/token",
    ),
}

# SP-API exchanges every region's refresh token at the NA endpoint.
SP_TOKEN_URL = "https://api.amazon.com/auth/o2/token"

_REGION_OF = {
    **dict.fromkeys(("US", "CA", "MX", "BR"), "NA"),
    **dict.fromkeys(
        ("UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "TR", "AE", "SA", "IN"), "EU"
    ),
    **dict.fromkeys(("JP", "AU", "SG"), "FE"),
}


def region_of(marketplace: str) -> Region:
    """The region serving a marketplace code (US, UK, JP ...)."""
    code = marketplaces.get(marketplace).code
    return REGIONS[_REGION_OF[code]]


def marketplace_id(marketplace: str) -> str:
    """The marketplaceId SP-API expects for a marketplace code."""
    return marketplaces.get(marketplace).amazon_id
