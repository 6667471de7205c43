"""Excel formulas in Google's dialect, where the two differ.

Cell formulas fupan writes (SUMIFS, COUNTIFS, IF, ROUNDUP, TODAY, ...) mean the same in both.
Conditional-format rules differ: Google only lets a rule read its own sheet, so every
reference to another sheet goes through INDIRECT, with ADDRESS keeping relative rows relative.
"""

from __future__ import annotations

import re

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from ...workbook.cells import sheet_ref

_STRING = r'"(?:[^"]|"")*"'
_SHEET = r"(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)"
_CORNER = r"\$?[A-Z]{1,3}\$?\d+"
_REF = re.compile(rf"({_STRING})|({_SHEET})!({_CORNER})(?::({_CORNER}))?")
_PARTS = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")


def rule_formula(formula: str, anchor: str) -> str:
    """A conditional-format formula for Google: leading '=', other sheets through INDIRECT.

    `anchor` is the top-left cell of the rule's first range, which relative references are
    relative to (in both programs).
    """
    letters, arow = coordinate_from_string(anchor.replace("$", ""))
    acol = column_index_from_string(letters)

    def swap(m: re.Match[str]) -> str:
        if m.group(1):  # a string literal: left alone
            return m.group(0)
        sheet = m.group(2)
        title = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
        corners = [c for c in (m.group(3), m.group(4)) if c]
        if all(c.count("$") == 2 for c in corners):  # fixed: a literal address is enough
            text = sheet_ref(title) + "!" + ":".join(corners)
            return 'INDIRECT("' + text.replace('"', '""') + '")'
        sheet_arg = '"' + title.replace('"', '""') + '"'
        addresses = [
            _address(c, arow, acol, sheet_arg if i == 0 else None) for i, c in enumerate(corners)
        ]
        return "INDIRECT(" + '&":"&'.join(addresses) + ")"

    body = formula[1:] if formula.startswith("=") else formula
    return "=" + _REF.sub(swap, body)


def _address(corner: str, arow: int, acol: int, sheet: str | None) -> str:
    m = _PARTS.fullmatch(corner)
    assert m is not None, corner
    col_abs, col, row_abs, row = m.groups()
    c = column_index_from_string(col)
    r = int(row)
    row_expr = str(r) if row_abs else f"ROW()+{r - arow}" if r != arow else "ROW()"
    col_expr = str(c) if col_abs else f"COLUMN()+{c - acol}" if c != acol else "COLUMN()"
    args = [row_expr, col_expr, "4"]
    if sheet is not None:
        args += ["TRUE", sheet]
    return "ADDRESS(" + ",".join(args) + ")"


_RELATIVE_ROW = re.compile(rf"({_STRING})|(?<![\w.])(\$?[A-Z]{{1,3}})(\$?)(\d+)(?![\w(])")


def moved_down(formula: str, rows: int) -> str:
    """The formula as Google's repeatCell writes it `rows` further down: relative rows move."""

    def move(m: re.Match[str]) -> str:
        if m.group(1) or m.group(3):  # a string, or a fixed row
            return m.group(0)
        return f"{m.group(2)}{int(m.group(4)) + rows}"

    return _RELATIVE_ROW.sub(move, formula)
