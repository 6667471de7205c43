"""Inventory: days of cover, safety stock, reorder point, restock quantity and the date to
order by per SKU, most urgent first; every judged column coloured by its Settings band."""

from __future__ import annotations

from datetime import date

import pandas as pd
from openpyxl.utils import get_column_letter

from ....addin.registry import KPIS, Unit
from ...i18n import t
from ..book import Book, Key
from ..cells import formula, sheet_ref, text_cell, value_cell
from ..copies import Copies
from ..inputs import FIRST
from ..objects import products
from ..plan import Block, Cell, Rule, Sheet, Style

AGES = ("age_0_90", "age_91_180", "age_181_270", "age_271_365", "age_365_plus")


def ages(snapshots: pd.DataFrame) -> pd.DataFrame:
    """Each SKU's age buckets from its latest planning snapshot (empty: no planning report)."""
    if snapshots.empty or not set(AGES) <= set(snapshots.columns):
        return pd.DataFrame(columns=list(AGES))
    rows = snapshots[snapshots[list(AGES)].notna().any(axis=1)]
    if rows.empty:
        return pd.DataFrame(columns=list(AGES))
    latest = rows.sort_values("snapshot_date").groupby("sku").tail(1)
    return latest.set_index("sku")[list(AGES)]


def urgency(stock: pd.DataFrame, sales: pd.DataFrame, days: int) -> pd.DataFrame:
    """Stock rows by days of cover, fewest first (SKUs that did not sell last)."""
    if stock.empty:
        return stock
    sold = sales.groupby("sku")["units"].sum() if not sales.empty else pd.Series(dtype=float)
    daily = stock["sku"].map(sold).astype(float) / days
    cover = stock["available"].astype(float) / daily.where(daily > 0)
    return (
        stock.assign(_cover=cover.fillna(float("inf")))
        .sort_values("_cover", kind="stable")
        .drop(columns="_cover")
    )


def kpi_label(kpi: str, lang: str) -> str:
    k = KPIS[kpi]
    return k.name_zh if lang == "zh" else k.name_en


def inventory(book: Book) -> Sheet:
    lang = book.lang
    review = book.i.review
    stock = urgency(review.frame("stock"), review.frame("sales"), review.period.days)
    aged = ages(book.i.stock_ages)
    catalogue = products(review, book.i.settings)
    header = [
        t("sku", lang),
        t("asin", lang),
        t("title", lang),
        t("available", lang),
        t("inbound", lang),
        t("daily_units", lang),
        t("lead_time", lang),
        t("safety_stock", lang),
        t("reorder_point", lang),
        t("restock_qty", lang),
        kpi_label("days_of_cover", lang),
        t("status", lang),
        t("order_by", lang),
        kpi_label("aged_90_share", lang),
        t("status", lang),
        kpi_label("inventory_turnover", lang),
        t("status", lang),
        *(t(a, lang) for a in AGES),
        kpi_label("ltsf", lang),
    ]
    rows = [[Cell(h, style=Style.HEADER) for h in header]]
    copies = Copies(book, FIRST - 2, len(header) + 1)
    days = copies.of(book.ref("dashboard", "$B$4"))
    cycle = copies.of(book.target_cells["review_cycle"])
    default_lead = copies.of(book.target_cells["default_lead_time"])
    settings = sheet_ref(book.titles["settings"])
    today: date = book.i.today
    money = book.number_format(Unit.MONEY)
    # Each SKU's buckets by name, read once (not a pandas lookup per row).
    buckets_of = {
        str(sku): dict(zip(AGES, values, strict=True))
        for sku, values in zip(
            aged.index, aged[list(AGES)].itertuples(index=False, name=None), strict=True
        )
    }
    for n, r in enumerate(stock.itertuples(index=False)):
        x = FIRST + n
        crit = [Key("sku", f"$A{x}", str(r.sku))]
        prow = book.product_rows.get(str(r.sku))
        lead = (
            f'=IF({settings}!$E${prow}="",{default_lead},{settings}!$E${prow})'
            if prow
            else f"={default_lead}"
        )
        units = book.sumifs("data_sales", "units", crit)
        base = book.sumifs("data_stock", "aged_base", crit)
        p = catalogue.get(str(r.asin))
        buckets = buckets_of.get(str(r.sku))
        rows.append(
            [
                text_cell(r.sku),
                text_cell(r.asin),
                text_cell(p.title if p else None),
                formula(book.sumifs("data_stock", "available", crit), Style.COUNT),
                formula(book.sumifs("data_stock", "inbound", crit), Style.COUNT),
                formula(f"={units}/{days}", Style.MULTIPLE),
                formula(lead, Style.DAYS),
                formula(f"=ROUNDUP(F{x}*G{x}*1.5,0)", Style.COUNT),
                formula(f"=ROUNDUP(F{x}*G{x}+H{x},0)", Style.COUNT),
                formula(f"=MAX(0,ROUNDUP(I{x}+F{x}*{cycle}-D{x}-E{x},0))", Style.COUNT),
                formula(f'=IF(F{x}=0,"",D{x}/F{x})', Style.DAYS),
                formula(copies.status(f"K{x}", "days_of_cover")),
                formula(
                    f'=IF(K{x}="","",DATE({today.year},{today.month},{today.day})+K{x}-G{x})',
                    Style.DATE,
                ),
                formula(
                    f'=IF({base}=0,"",{book.sumifs("data_stock", "aged_90", crit)}/{base})',
                    Style.RATIO,
                ),
                formula(copies.status(f"N{x}", "aged_90_share")),
                formula(f'=IF(D{x}=0,"",F{x}*365/D{x})', Style.MULTIPLE),
                formula(copies.status(f"P{x}", "inventory_turnover")),
                *(
                    value_cell(buckets[a] if buckets is not None else None, Style.COUNT)
                    for a in AGES
                ),
                # The planning report's fee as given: blank where it gave none (unknown).
                value_cell(r.ltsf, Style.MONEY, money),
            ]
        )
    last = FIRST + len(stock) - 1
    rules: list[Rule] = []
    if len(stock):
        # Cover shorter than the lead time cannot be restocked in time: red, whatever the band.
        # (Each range's rules together: a spreadsheet keeps them grouped by range.)
        late = f'AND(K{FIRST}<>"",K{FIRST}<G{FIRST})'
        rules.append(Rule(f"K{FIRST}:K{last}", late, "red"))
        rules += book.colour_rules(f"K{FIRST}:K{last}", "L", FIRST)
        rules += book.colour_rules(f"L{FIRST}:L{last}", "L", FIRST)
        rules.append(Rule(f"M{FIRST}:M{last}", late, "red"))
        for value, status in (("N", "O"), ("P", "Q")):
            for ref in (f"{value}{FIRST}:{value}{last}", f"{status}{FIRST}:{status}{last}"):
                rules += book.colour_rules(ref, status, FIRST)
    fee = get_column_letter(18 + len(AGES))
    summary, summary_rules = _summary(book, f"{fee}{FIRST}:{fee}{max(last, FIRST)}")
    rules += summary_rules
    widths = {"A": 12, "B": 12, "C": 30, "M": 12} | {
        get_column_letter(c): 11 for c in (4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17)
    }
    blocks = [
        book.title_rows("inventory", t("inventory_note", lang)),
        summary,
        Block(FIRST - 1, 1, rows),
    ]
    if copies:
        blocks.append(copies.block())
    return Sheet(
        "inventory",
        book.titles["inventory"],
        blocks,
        rules=rules,
        folded=copies.folded(None),
        freeze=f"D{FIRST}",
        widths=widths | {get_column_letter(18 + n): 12 for n in range(len(AGES))} | {fee: 14},
    )


def _summary(book: Book, fees: str) -> tuple[Block, list[Rule]]:
    """The row above the table: the account's estimated long-term storage fee (the sum of
    the column) and the IPI typed in Settings, coloured by its band (blank: unknown)."""
    lang = book.lang
    ipi = book.target_cells["ipi"]
    row = FIRST - 2
    # Plain labels: they run over the empty cells beside them (a header would wrap).
    cells = [
        Cell(t("ltsf_account", lang)),
        Cell(None),
        Cell(None),
        formula(
            f'=IF(COUNT({fees})=0,"",SUM({fees}))',
            Style.MONEY,
            number_format=book.number_format(Unit.MONEY),
        ),
        Cell(None),
        Cell(kpi_label("ipi", lang), note=t("ipi", lang)),
        Cell(None),
        Cell(None),
        formula(f'=IF({ipi}="","",{ipi})', Style.COUNT),
        formula(book.status_formula(f"I{row}", "ipi")),
    ]
    rules = book.colour_rules(f"I{row}:J{row}", "J", row)
    return Block(row, 1, [cells]), rules
