"""How repeatCell fills a formula, as Google documents it: relative references move.

"If writing a cell with a formula, the formula's ranges will automatically increment for
each field in the range ... To keep the formula's ranges static, use the $ indicator"
(RepeatCellRequest, Sheets API reference). Written independently of fupan's own code so
that the tests compare fupan's guess with this reading of Google's rule.
"""

from __future__ import annotations

import re

# A string literal, or a cell reference that is not part of a name or a function call.
_TOKEN = re.compile(
    r'"(?:[^"]|"")*"'
    r"|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![0-9A-Za-z_(])"
)


def fill(formula: str, rows: int, cols: int) -> str:
    """The formula as it reads `rows` below and `cols` right of where it was written."""

    def move(m: re.Match[str]) -> str:
        if m.group(2) is None:
            return m.group(0)
        col_abs, col, row_abs, row = m.groups()
        if not col_abs:
            n = 0
            for ch in col:
                n = n * 26 + ord(ch) - 64
            n += cols
            col = ""
            while n:
                n, rem = divmod(n - 1, 26)
                col = chr(65 + rem) + col
        if not row_abs:
            row = str(int(row) + rows)
        return f"{col_abs}{col}{row_abs}{row}"

    return _TOKEN.sub(move, formula)
