"""Stray English in Chinese output: text a Chinese team reads that is Latin letters only.

A text passes when it holds a Chinese character, or when, with the team's own data values
(ASINs, SKUs, titles, campaign and ad-group names, search terms, categories), the acronyms
sellers type every day and numbers, dates and currency taken out, no Latin letter is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from fupan.sync.marketplaces import CURRENCY_STYLE
from fupan.sync.store.history import Store

# The acronyms Chinese seller teams keep in Latin letters (docs/glossary-zh.md).
ACRONYMS = frozenset(
    {
        "ACoS",
        "TACoS",
        "ROAS",
        "ROI",
        "CTR",
        "CPC",
        "CVR",
        "ODR",
        "IPI",
        "ASIN",
        "SKU",
        "FNSKU",
        "MSKU",
        "FBA",
        "FBM",
        "SP",
        "SB",
        "SBV",
        "SD",
        "B2B",
        "KPI",
        "AHR",
        *CURRENCY_STYLE,  # USD, EUR ...: currency
    }
)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
ACTION_ID = re.compile(r"\bA-\d+\b")  # the tracker's ids (A-0002)
# Columns of the store that hold the team's own names, not words fupan writes.
DATA_COLUMNS = {
    "business_asin": ("parent_asin", "child_asin", "sku", "title"),
    "ads": ("portfolio", "campaign", "ad_group", "targeting", "search_term", "asin", "sku"),
    "inventory": ("sku", "fnsku", "asin", "title"),
    "returns": ("sku", "asin", "fnsku", "order_id"),
    "fee_preview": ("sku", "fnsku", "asin", "title"),
}


def data_values(store_path: Path, extra: Iterable[str] = ()) -> set[str]:
    """The team's own names in a workspace's store (and `extra`: categories ...)."""
    out = {str(x).strip() for x in extra if str(x).strip()}
    with Store.open(store_path, read_only=True) as store:
        for table, columns in DATA_COLUMNS.items():
            frame = store.table(table)
            for c in columns:
                if c in frame:
                    out |= {str(v).strip() for v in frame[c].dropna().unique() if str(v).strip()}
    return out


def stray_english(text: str, values: set[str]) -> bool:
    """Whether `text` is user-facing English in Chinese output (see the module's doc)."""
    if not LATIN.search(text) or CJK.search(text):
        return False
    rest = text.strip()
    if rest in values:
        return False
    rest = ACTION_ID.sub(" ", rest)
    for v in sorted((v for v in values if len(v) > 3 and v in rest), key=len, reverse=True):
        rest = rest.replace(v, " ")
    return any(w not in ACRONYMS for w in WORD.findall(rest))


# Names and words sellers keep in Latin letters inside a Chinese sentence (glossary-zh.md),
# and the names of the tools and places fupan speaks of.
KEPT = ACRONYMS | {"Buy", "Box", "Feedback", "Why", "Excel", "Google", "Drive", "Sheets"}
KEPT |= {"Amazon", "Seller", "Central", "Ads", "API", "CSV", "URL", "ID", "fupan", "LibreOffice"}
KEPT |= {"Cloud", "OAuth", "JSON", "Windows", "macOS", "AMZ", "DuckDB", "TOML", "Python"}
KEPT |= {"OpenDocument", "Office", "zip"}  # file formats by name
KEPT |= {"xlsx", "xlsm", "json", "md", "html", "csv", "txt", "tsv", "xls", "ods", "pdf", "PNG"}


def latin_words(text: str) -> list[str]:
    """The Latin words of a Chinese text that no Chinese reader expects there: words other
    than the kept acronyms and names, outside `--options`, `$VARIABLES`, `{placeholders}`,
    `backquoted commands`, URLs and file names."""
    rest = re.sub(r"`[^`]*`|https?://\S+|\{[^}]*\}|--?[a-z][a-z-]*|\$[A-Z_]+", " ", text)
    rest = re.sub(r"[\w.-]*\.(?:xlsx|xlam|xlsm|json|md|html|csv|txt|duckdb)\b", " ", rest)
    rest = re.sub(r"[\w.<>-]*/[\w./<>-]*", " ", rest)  # a path: reports/, minutes/<日期>.md
    rest = re.sub(r"\b[A-Z0-9_]{2,}\b", lambda m: m[0] if m[0] in KEPT else " ", rest)
    return [w for w in WORD.findall(rest) if w not in KEPT]


def english_in(text: str, values: set[str]) -> list[str]:
    """The stray English words of a text a Chinese team reads, Chinese or not: its words
    left once the team's own data values are taken out (see latin_words)."""
    rest = ACTION_ID.sub(" ", text.strip())
    if rest in values:
        return []
    for v in sorted((v for v in values if len(v) > 3 and v in rest), key=len, reverse=True):
        rest = rest.replace(v, " ")
    return [w for w in latin_words(rest) if w not in values]
