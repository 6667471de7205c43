"""A1 references as Google's zero-based, half-open GridRanges, and back."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import TargetError

_CELL = re.compile(r"^\$?([A-Z]{1,3})?\$?(\d+)?$")


def column_index(letters: str) -> int:
    """'A' -> 0, 'AA' -> 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def column_letters(index: int) -> str:
    """0 -> 'A', 26 -> 'AA'."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def quote_title(title: str) -> str:
    """A sheet title as it must appear in a formula or range: quoted, quotes doubled."""
    return "'" + title.replace("'", "''") + "'"


@dataclass(frozen=True)
class Ref:
    """A rectangle on one sheet; None bounds are open (whole columns or rows)."""

    sheet: str | None
    row0: int | None
    col0: int | None
    row1: int | None  # exclusive
    col1: int | None  # exclusive

    def grid_range(self, sheet_id: int) -> dict[str, int]:
        out = {"sheetId": sheet_id}
        for key, value in (
            ("startRowIndex", self.row0),
            ("endRowIndex", self.row1),
            ("startColumnIndex", self.col0),
            ("endColumnIndex", self.col1),
        ):
            if value is not None:
                out[key] = value
        return out

    @property
    def last_row(self) -> int:
        return self.row1 or 0

    @property
    def last_col(self) -> int:
        return self.col1 or 0


def parse(ref: str, default_sheet: str | None = None) -> Ref:
    """`'Sheet 1'!$A$1:$B$9`, `B9:B34`, `A:A` or `H3` as a Ref."""
    sheet = default_sheet
    body = ref
    if "!" in ref:
        head, body = ref.rsplit("!", 1)
        sheet = head[1:-1].replace("''", "'") if head.startswith("'") else head
    parts = body.split(":")
    if len(parts) > 2 or not body:
        raise TargetError(f'"{ref}" is not an A1 reference fupan can write to Google Sheets.')
    first = _corner(parts[0], ref)
    last = _corner(parts[-1], ref)
    return Ref(
        sheet,
        None if first[0] is None else first[0],
        None if first[1] is None else first[1],
        None if last[0] is None else last[0] + 1,
        None if last[1] is None else last[1] + 1,
    )


def _corner(text: str, ref: str) -> tuple[int | None, int | None]:
    m = _CELL.match(text)
    if not m or (m.group(1) is None and m.group(2) is None):
        raise TargetError(f'"{ref}" is not an A1 reference fupan can write to Google Sheets.')
    col = column_index(m.group(1)) if m.group(1) else None
    row = int(m.group(2)) - 1 if m.group(2) else None
    return row, col
