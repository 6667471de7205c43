"""A data tab as Google's `pasteData`: its plain values as one tab-separated text.

Every cell sent as a typed CellData costs ~40 bytes of JSON around its value; pasted as text
a number costs its digits and a tab. Google parses pasted text as if typed in the browser
(a leading "=" is a formula, "0042" is 42, "1/2" is a date), so only values that read back
exactly as sent are pasted: plain decimal numbers, TRUE/FALSE, ASINs, and text without
digits or characters Google would read as something else. The other cells go typed as before
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


def write_data(sheet_id: int, body: SheetContent, size: tuple[int, int]) -> list[JSON]:
    """A frame tab's grid: header typed, body pasted, the cells paste cannot carry typed.

    The first request clears the whole grid, as `grid.write_cells` does.
    """
    header, rows = body.rows[:1], body.rows[1:]
    out: list[JSON] = [
        {
            "updateCells": {
                "rows": header,
                "fields": "userEnteredValue,userEnteredFormat,note,dataValidation",
                "range": box(sheet_id, 0, size[0], 0, size[1]),
            }
        }
    ]
    lines: list[str] = []
    typed: dict[int, list[int]] = {}  # column -> body rows sent typed
    for r, row in enumerate(rows):
        fields = []
        for c, cell in enumerate(row["values"]):
            text = as_text(cell.get("userEnteredValue"))
            if text is None:
                typed.setdefault(c, []).append(r)
                text = ""
            fields.append(text)
        lines.append(DELIMITER.join(fields).rstrip(DELIMITER))
    while lines and not lines[-1]:
        lines.pop()
    if lines:
        out.append(
            {
                "pasteData": {
                    "coordinate": {"sheetId": sheet_id, "rowIndex": 1, "columnIndex": 0},
                    "data": "\n".join(lines),
                    "delimiter": DELIMITER,
                    "type": "PASTE_NORMAL",
                }
            }
        )
    for c, at in sorted(typed.items()):
        for r0, r1 in _runs(at):
            cells = [{"values": [rows[r]["values"][c]]} for r in range(r0, r1)]
            out.append(
                {
                    "updateCells": {
                        "rows": cells,
                        "fields": "userEnteredValue",
                        "start": {"sheetId": sheet_id, "rowIndex": 1 + r0, "columnIndex": c},
                    }
                }
            )
    return out


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
