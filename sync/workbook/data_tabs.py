"""The data tabs: the review's own rows, one row per key over the period.

The report tabs' formulas sum these rows, so editing a data cell changes the KPIs. Rows are
the engine's (Review.frame), summed over the period per key, and sorted by the keys the
report tabs look them up by (ORDER): each ASIN's or campaign's rows are then a few adjacent
rows, which its formulas reference alone (Book.sumifs) instead of the whole tab.
"""

from __future__ import annotations

import pandas as pd
from openpyxl.utils import get_column_letter

from ..engine.review import Review
from ..i18n import LABELS, t
from .book import DataLayout
from .plan import FrameBlock, Sheet, Table

AD_KEYS = [
    "ad_type",
    "grain",
    "counted",
    "campaign",
    "ad_group",
    "targeting",
    "match_type",
    "search_term",
    "asin",
    "sku",
]
AD_SUMS = ["impressions", "clicks", "spend", "sales", "orders", "units"]


def over_period(
    rows: pd.DataFrame,
    keys: list[str],
    sums: list[str],
    span: tuple[str, str],
    columns: list[str],
    last: tuple[str, ...] = (),
) -> pd.DataFrame:
    """One row per key over the whole period: sums added, first and last day kept.

    The review's formulas sum the period, never a single day or week, so daily rows would
    only make the data tabs bigger: a 90-day search-term report is 90x the rows and would not
    fit a Google Sheet (10 million cells), while the sums stay exactly the same. `last`
    columns keep the key's latest value (a product title that changed).
    """
    if rows.empty:
        return rows[columns]
    blanks = rows[keys].fillna("")
    grouped = rows.assign(**{k: blanks[k] for k in keys}).groupby(keys, sort=False)
    out = grouped[sums].sum(min_count=1)
    for col in last:
        out[col] = grouped[col].last()
    out[span[0]] = grouped[span[0]].min()
    out[span[1]] = grouped[span[1]].max()
    return out.reset_index()[columns]


def ads_by_key(ads: pd.DataFrame) -> pd.DataFrame:
    columns = ["ad_type", "grain", "counted", "start_date", "end_date", *AD_KEYS[3:], *AD_SUMS]
    ads = ads.assign(counted=ads["counted"].astype(int))
    return over_period(ads, AD_KEYS, AD_SUMS, ("start_date", "end_date"), columns)


SALES_KEYS = ["child_asin", "parent_asin", "sku"]
SALES_SUMS = ["sales", "units", "sessions", "page_views", "buy_box_views"]


def sales_by_key(sales: pd.DataFrame) -> pd.DataFrame:
    columns = [*SALES_KEYS, "title", *SALES_SUMS, "period_start", "period_end"]
    span = ("period_start", "period_end")
    return over_period(sales, SALES_KEYS, SALES_SUMS, span, columns, last=("title",))


# Each data tab's row order: the report tabs' lookup keys first (a campaign's rows adjacent,
# and within it each advertised ASIN's), then a column that makes the order stable.
ORDER = {
    "data_sales": ["child_asin", "sku"],
    "data_ads": ["campaign", "asin", "ad_type", "grain"],
    "data_stock": ["asin", "sku"],
    "data_returns": ["asin", "return_date"],
}


def data_frames(review: Review) -> dict[str, pd.DataFrame]:
    """Each data tab's rows, keyed by its sheet key, in ORDER."""
    returns = review.frame("returns")
    frames = {
        "data_sales": sales_by_key(review.frame("sales")),
        "data_ads": ads_by_key(review.ads),  # columns in the order the tab shows them
        "data_stock": review.frame("stock"),
        "data_returns": returns[["return_date", "asin", "sku", "quantity", "reason"]],
    }
    return {
        key: frame.sort_values(
            [c for c in ORDER[key] if c in frame.columns], kind="stable", na_position="first"
        )
        if len(frame)
        else frame
        for key, frame in frames.items()
    }


def header(column: str, lang: str) -> str:
    """A data tab's column as its header says it in the workbook's language (the formulas
    reference columns by letter, so the header is for people who unhide the tab); a column
    without its label, as named (tests/test_zh_workbook.py fails on it in Chinese)."""
    key = f"data:{column}"
    return t(key, lang) if key in LABELS else column


def data_sheets(
    review: Review, titles: dict[str, str], lang: str = "en"
) -> tuple[list[Sheet], DataLayout]:
    sheets = []
    sizes: dict[str, int] = {}
    columns: dict[str, dict[str, str]] = {}
    frames = {k: f.reset_index(drop=True) for k, f in data_frames(review).items()}
    for key, frame in frames.items():
        sizes[key] = len(frame)
        columns[key] = {c: get_column_letter(n + 1) for n, c in enumerate(frame.columns)}
        last = get_column_letter(len(frame.columns))
        shown = frame.rename(columns={c: header(str(c), lang) for c in frame.columns})
        tables = (
            [Table(key, f"A1:{last}{len(frame) + 1}", tuple(map(str, shown.columns)))]
            if len(frame)
            else []
        )
        sheets.append(
            Sheet(
                key,
                titles[key],
                [FrameBlock(shown)],
                tables=tables,
                freeze="A2",
                # Dates wide enough for yyyy-mm-dd (no ### when the tab is unhidden).
                widths={
                    columns[key][c]: 12
                    for c in frame.columns
                    if pd.api.types.is_datetime64_any_dtype(frame[c])
                },
                tab_color="C0C0C0",
                hidden=True,  # machinery: the report tabs' formulas read them
            )
        )
    return sheets, DataLayout(sizes, columns, frames)
