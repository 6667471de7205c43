"""A tab's cells as Google's `pasteData`: its plain values and formulas as one text.

Every cell sent as a typed CellData costs ~40 bytes of JSON around its value; pasted as text
a number or a formula costs its characters and a tab. Google parses pasted text as if typed
in the browser (a leading "=" is a formula, "0042" is 42, "1/2" is a date), so only what
reads back exactly as sent is pasted: plain decimal numbers, TRUE/FALSE, ASINs, text without
digits or characters Google would read as something else, and formulas without quotes, tabs
or line breaks. The other cells, and cells with their own format or note, go typed as before
(`updateCells`), and a spreadsheet whose locale writes decimals otherwise gets no paste.
"""

from __future__ import annotations

import re
from typing import Any

from .grid import SheetContent, box
from .values import JSON

DELIMITER = "\t"
# Locales that read 1234.5 back as fupan wrote it (a "." decimal point, no day-first reading
# of "12.5"); a sheet in any other locale gets typed cells only.
POINT_LOCALES = frozenset(
    [
        "en_US",
        "en_GB",
        "en_AU",
        "en_CA",
        "en_IE",
        "en_IN",
        "en_NZ",
        "en_SG",
        "zh_CN",
        "zh_TW",
        "zh_HK",
        "ja_JP",
        "ko_KR",
    ]
)
_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")
_TEXT_UNSAFE = re.compile(r"[\d\t\n\r\"\x00-\x1f\x7f]")
_TEXT_LEADS = tuple("=+-'#@ ")
# A quote may start a quoted field in Google's reading of pasted text: such formulas go typed.
_FORMULA_UNSAFE = re.compile(r'[\t\n\r"]')
_ASIN = re.compile(r"B0[A-Z0-9]{8}")  # letters and digits no locale reads as a number or date
MAX_PASTED_NUMBER = 1e15  # Google keeps 15 significant digits


def pastes(locale: str | None) -> bool:
    """Whether a sheet in this locale reads pasted numbers back as fupan wrote them."""
    return locale in POINT_LOCALES


def as_text(value: JSON | None) -> str | None:
    """The pasted text of a typed ExtendedValue, "" for an empty cell; None: send it typed."""
    if not value:
        return ""
    if "numberValue" in value:
        return _number(value["numberValue"])
    if "boolValue" in value:
        return "TRUE" if value["boolValue"] else "FALSE"
    if "stringValue" in value:
        text: str = value["stringValue"]
        if not text or _ASIN.fullmatch(text):
            return text
        plain = (
            not _TEXT_UNSAFE.search(text)
            and not text.startswith(_TEXT_LEADS)
            and text == text.strip()
            and text.upper() not in ("TRUE", "FALSE")
        )
        return text if plain else None
    return None  # formulas and anything else: typed


def _number(n: Any) -> str | None:
    if isinstance(n, bool) or not isinstance(n, int | float) or not abs(n) < MAX_PASTED_NUMBER:
        return None
    if n == 0:
        return "0"  # also -0.0
    text = str(int(n)) if float(n).is_integer() else repr(float(n))
    return text if _DECIMAL.fullmatch(text) else None


def write_pasted(sheet_id: int, body: SheetContent, size: tuple[int, int]) -> list[JSON]:
    """A tab's grid: cleared with its leading typed rows, pasted, the rest typed after.

    The first request clears the whole grid, as `grid.write_cells` does; typed cells come
    after the paste, which empties the cells its empty fields cover.
    """
    lines: list[list[str]] = []
    typed: dict[int, list[int]] = {}  # column -> rows sent typed
    for r, row in enumerate(body.rows):
        fields = []
        for c, cell in enumerate(row["values"]):
            text = pasted(cell)
            if text is None:
                typed.setdefault(c, []).append(r)
                text = ""
            fields.append(text)
        lines.append(fields)
    filled = [r for r, fields in enumerate(lines) if any(fields)]
    first = filled[0] if filled else len(lines)
    out: list[JSON] = [
        {
            "updateCells": {
                "rows": body.rows[:first],
                "fields": "userEnteredValue,userEnteredFormat,note,dataValidation",
                "range": box(sheet_id, 0, size[0], 0, size[1]),
            }
        }
    ]
    if filled:
        text = "\n".join(
            DELIMITER.join(fields).rstrip(DELIMITER) for fields in lines[first : filled[-1] + 1]
        )
        out.append(
            {
                "pasteData": {
                    "coordinate": {"sheetId": sheet_id, "rowIndex": first, "columnIndex": 0},
                    "data": text,
                    "delimiter": DELIMITER,
                    "type": "PASTE_NORMAL",
                }
            }
        )
    runs = {c: [(r0, r1) for r0, r1 in _runs(at) if r1 > first] for c, at in typed.items()}
    for r0, r1, c0, c1 in _rectangles(runs):
        r0 = max(r0, first)  # rows above `first` went whole in the first request
        rows = [{"values": [_cell(body.rows[r], c) for c in range(c0, c1)]} for r in range(r0, r1)]
        out.append(
            {
                "updateCells": {
                    "rows": rows,
                    "fields": "userEnteredValue,userEnteredFormat,note",
                    "start": {"sheetId": sheet_id, "rowIndex": r0, "columnIndex": c0},
                }
            }
        )
    return out


def pasted(cell: JSON) -> str | None:
    """A cell's pasted text ("" for an empty cell); None: it goes typed."""
    if any(k != "userEnteredValue" for k in cell):
        return None  # its own format or note
    value = cell.get("userEnteredValue")
    if value and "formulaValue" in value:
        formula: str = value["formulaValue"]
        plain = formula.startswith("=") and not _FORMULA_UNSAFE.search(formula)
        return formula if plain else None
    return as_text(value)


def _cell(row: JSON, col: int) -> JSON:
    cells = row["values"]
    return cells[col] if col < len(cells) else {}


GAP = 3  # typed cells this close in a column go as one run (the cells between sent too)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as half-open runs, neighbours closer than GAP joined."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r - out[-1][1] < GAP:
            out[-1] = (out[-1][0], r + 1)
        else:
            out.append((r, r + 1))
    return out


def _rectangles(runs: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int, int, int]]:
    """Neighbouring columns' identical runs joined: (row0, row1, col0, col1), one request
    each (a header row typed across the tab goes as one request, not one per column)."""
    out: list[tuple[int, int, int, int]] = []
    open_: dict[tuple[int, int], int] = {}  # run -> its index in `out`, while it grows
    for c in sorted(runs):
        now: dict[tuple[int, int], int] = {}
        for run in runs[c]:
            at = open_.get(run)
            if at is not None and out[at][3] == c:
                out[at] = (*run, out[at][2], c + 1)
            else:
                at = len(out)
                out.append((*run, c, c + 1))
            now[run] = at
        open_ = now
    return out
