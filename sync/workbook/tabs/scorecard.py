"""Scorecard: the closure rate of each meeting's actions."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from ...actions.model import COLUMNS as ACTION_COLUMNS
from ...i18n import status_label, t
from ..book import Book
from ..cells import formula, sheet_ref
from ..inputs import FIRST
from ..plan import Block, Cell, Sheet, Style


def scorecard(book: Book) -> Sheet:
    lang = book.lang
    a = sheet_ref(book.titles["actions"])
    col = {c: get_column_letter(ACTION_COLUMNS.index(c) + 1) for c in ("meeting", "due", "status")}
    rng = {c: f"{a}!${v}$5:${v}$5000" for c, v in col.items()}
    done_word = status_label("done", lang)  # as the Actions tab shows it
    meetings = sorted({x.meeting for x in book.i.tracker.side.rows.values() if x.meeting})
    rows = [
        [
            Cell(x, style=Style.HEADER)
            for x in (
                t("meeting", lang),
                t("actions_due", lang),
                t("actions_done", lang),
                t("closure_rate", lang),
                t("minutes_sent", lang),
            )
        ]
    ]
    for n, m in enumerate(meetings):
        x = FIRST + n
        due = f'COUNTIFS({rng["meeting"]},A{x},{rng["due"]},"<="&TODAY())'
        done = f'{due[:-1]},{rng["status"]},"{done_word}")'
        rows.append(
            [
                Cell(m, style=Style.DATE),
                formula(f"={due}", Style.COUNT),
                formula(f"={done}", Style.COUNT),
                formula(f'=IF(B{x}=0,"",C{x}/B{x})', Style.RATIO),
                Cell(None, style=Style.INPUT),
            ]
        )
    return Sheet(
        "scorecard",
        book.titles["scorecard"],
        [book.title_rows("scorecard", t("scorecard_note", lang)), Block(FIRST - 1, 1, rows)],
        widths={"A": 14, "B": 14, "C": 16, "D": 30, "E": 26},
    )
