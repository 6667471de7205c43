"""Search terms: the period's terms by spend, with negative and harvest candidates."""

from __future__ import annotations

from ....addin.registry import Unit
from ...i18n import shown, t
from ..book import Book
from ..cells import formula, text_cell, value_cell
from ..inputs import FIRST
from ..objects import measure_label
from ..plan import Block, Cell, Sheet, Style


def search_terms(book: Book) -> Sheet:
    lang = book.lang
    ads = book.i.review.ads
    st = ads[ads.grain == "search_term"]
    g = (
        st.groupby(["campaign", "ad_group", "match_type", "search_term"], sort=False)[
            ["impressions", "clicks", "spend", "sales", "orders"]
        ]
        .sum()
        .reset_index()
        .sort_values("spend", ascending=False)
    )
    header = [
        t("campaign", lang),
        t("ad_group", lang),
        t("match_type", lang),
        t("search_term", lang),
        measure_label("impressions", lang),
        measure_label("clicks", lang),
        measure_label("ad_spend", lang),
        measure_label("ad_sales", lang),
        t("orders", lang),
        "CTR",
        "ACoS",
        "CVR",
        t("candidate", lang),
    ]
    rows = [[Cell(h, style=Style.HEADER) for h in header]]
    neg, harvest, down = t("negative", lang), t("harvest", lang), t("bid_down", lang)
    money = book.number_format(Unit.MONEY)
    exact = shown("match", "EXACT", lang)  # the match type column as the sheet shows it
    for n, r in enumerate(g.itertuples(index=False)):
        x = FIRST + n
        target = book.acos_target(str(r.campaign))  # the campaign's (engine/ad_targets.py)
        rows.append(
            [
                text_cell(r.campaign),
                text_cell(r.ad_group),
                text_cell(shown("match", str(r.match_type).upper(), lang)),
                text_cell(r.search_term),
                value_cell(r.impressions, Style.COUNT),
                value_cell(r.clicks, Style.COUNT),
                value_cell(r.spend, Style.MONEY, money),
                value_cell(r.sales, Style.MONEY, money),
                value_cell(r.orders, Style.COUNT),
                formula(f'=IF(E{x}=0,"",F{x}/E{x})', Style.RATIO),
                formula(f'=IF(H{x}=0,"",G{x}/H{x})', Style.RATIO),
                formula(f'=IF(F{x}=0,"",I{x}/F{x})', Style.RATIO),
                formula(
                    f'=IF(AND(F{x}>=10,I{x}=0),"{neg}",IF(AND(I{x}>=2,K{x}<>"",'
                    f'K{x}<={target},C{x}<>"{exact}"),"{harvest}",'
                    f'IF(AND(I{x}>=1,K{x}<>"",K{x}>{target}),"{down}","")))'
                ),
            ]
        )
    return Sheet(
        "search_terms",
        book.titles["search_terms"],
        [
            book.title_rows(
                "search_terms",
                f"{t('period', lang)}: {book.i.review.period}. {t('search_terms_note', lang)}",
            ),
            Block(FIRST - 1, 1, rows),
        ],
        freeze=f"E{FIRST}",
        widths={"A": 28, "B": 18, "C": 11, "D": 34, "G": 12, "H": 12, "M": 30},
    )
