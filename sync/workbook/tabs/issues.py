"""Issues: data problems found on import, as records."""

from __future__ import annotations

from ...i18n import t
from ..book import Book
from ..cells import text_cell
from ..inputs import FIRST
from ..plan import Block, Cell, Sheet, Style


def issues(book: Book) -> Sheet:
    lang = book.lang
    rows = [
        [
            Cell(x, style=Style.HEADER)
            for x in (
                t("severity", lang),
                t("file", lang),
                t("row", lang),
                t("column", lang),
                t("message", lang),
            )
        ]
    ]
    for f in book.i.findings:
        rows.append(
            [
                Cell(f.severity_text(lang)),
                text_cell(f.file),
                Cell(f.row),
                text_cell(f.column),
                text_cell(f.text(lang)),
            ]
        )
    note = "" if book.i.findings else t("no_issues", lang)
    return Sheet(
        "issues",
        book.titles["issues"],
        [book.title_rows("issues", note), Block(FIRST - 1, 1, rows)],
        widths={"B": 36, "E": 90},
    )
