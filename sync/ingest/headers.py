"""Header text normalisation: one spelling for every dash, width, case and spacing variant."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACE = re.compile(r"\s+")
# A currency written into a header, as some marketplaces do: `14 Day Total Sales (₹)`,
# `7天总销售额(￥)`, `Spend (Rs.)`. It names the money's currency, not a different column.
CURRENCY_TAG = re.compile(
    r"(?:\s*\((?:₹|rs\.?|inr|\$|us\$|usd|£|gbp|€|eur|¥|jpy|cny|rmb|aed|sar|cad|aud|mxn|sgd|"
    r"brl|sek|pln|try)\))+$"
)


def normalise(text: object) -> str:
    """`Sessions – Total ` and `sessions - total` and `（子）ASIN` all come out one way.

    NFKC folds full-width brackets and spaces; every dash becomes `-`; case and runs of
    white space are folded; a trailing currency tag such as `(₹)` is dropped. Whole headers
    are compared after this, never prefixes.
    """
    s = unicodedata.normalize("NFKC", str(text)).replace("\ufeff", "")
    s = _DASHES.sub("-", s)
    s = _SPACE.sub(" ", s).strip().lower()
    return CURRENCY_TAG.sub("", s).strip()


def normalise_all(headers: list[str]) -> list[str]:
    return [normalise(h) for h in headers]
