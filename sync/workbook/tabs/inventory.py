"""Inventory: days of cover, safety stock, reorder point and restock quantity per SKU."""

from __future__ import annotations

from ....addin.registry import KPIS
from ...i18n import t
from ..book import Book, Key
from ..cells import formula, sheet_ref, text_cell
from ..inputs import FIRST
from ..plan import Block, Cell, Rule, Sheet, Style


def inventory(book: Book) -> Sheet:
    lang = book.lang
    stock = book.i.review.frame("stock")
    header = [
        t("sku", lang),
        t("asin", lang),
        "available",
        t("inbound", lang),
        t("daily_units", lang),
        t("lead_time", lang),
        t("safety_stock", lang),
        t("reorder_point", lang),
        t("restock_qty", lang),
        KPIS["days_of_cover"].name_zh if lang == "zh" else "Days of cover",
        KPIS["aged_90_share"].name_zh if lang == "zh" else "Aged > 90 days",
        KPIS["inventory_turnover"].name_zh if lang == "zh" else "Turnover",
    ]
    rows = [[Cell(h, style=Style.HEADER) for h in header]]
    days = book.ref("dashboard", "$B$4")
    cycle = book.target_cells["review_cycle"]
    default_lead = book.target_cells["default_lead_time"]
    settings = sheet_ref(book.titles["settings"])
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
        rows.append(
            [
                text_cell(r.sku),
                text_cell(r.asin),
                formula(book.sumifs("data_stock", "available", crit), Style.COUNT),
                formula(book.sumifs("data_stock", "inbound", crit), Style.COUNT),
                formula(f"={units}/{days}", Style.MULTIPLE),
                formula(lead, Style.DAYS),
                formula(f"=ROUNDUP(E{x}*F{x}*1.5,0)", Style.COUNT),
                formula(f"=ROUNDUP(E{x}*F{x}+G{x},0)", Style.COUNT),
                formula(f"=MAX(0,ROUNDUP(H{x}+E{x}*{cycle}-C{x}-D{x},0))", Style.COUNT),
                formula(f'=IF(E{x}=0,"",C{x}/E{x})', Style.DAYS),
                formula(
                    f'=IF({book.sumifs("data_stock", "aged_base", crit)}=0,"",'
                    f"{book.sumifs('data_stock', 'aged_90', crit)}/"
                    f"{book.sumifs('data_stock', 'aged_base', crit)})",
                    Style.RATIO,
                ),
                formula(f'=IF(C{x}=0,"",E{x}*365/C{x})', Style.MULTIPLE),
            ]
        )
    last = FIRST + len(stock) - 1
    rules = []
    if len(stock):
        lead_rule = Rule(f"J{FIRST}:J{last}", f'AND(J{FIRST}<>"",J{FIRST}<F{FIRST})', "red")
        rules = [lead_rule]
    return Sheet(
        "inventory",
        book.titles["inventory"],
        [book.title_rows("inventory", "R9 / R10 / R11"), Block(FIRST - 1, 1, rows)],
        rules=rules,
        freeze=f"C{FIRST}",
        widths={"A": 20, "B": 14},
    )
