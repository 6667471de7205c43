"""A1 notation: parsing ranges the way Sheets reads them, printing them the way it answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_COLUMNS = 18_278  # column ZZZ

_CELL = re.compile(r"\$?([A-Za-z]{0,3})\$?([0-9]{0,7})")
_PLAIN_TITLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CELL_LIKE = re.compile(r"(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*")


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    text = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        text = chr(65 + rem) + text
    return text


def column_index(letters: str) -> int:
    """A -> 0."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def quote_title(title: str) -> str:
    """Sheets leaves simple titles bare (`Sheet1!A1`) and quotes the rest (`'My tab'!A1`)."""
    if _PLAIN_TITLE.fullmatch(title) and not _CELL_LIKE.fullmatch(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def cell_name(row: int, col: int) -> str:
    """0-based (row, col) -> `B3`."""
    return f"{column_letters(col)}{row + 1}"


def format_range(title: str, r0: int, r1: int, c0: int, c1: int) -> str:
    """0-based half-open bounds -> `Sheet1!A1:D2`, or `Sheet1!B1` for one cell."""
    start = cell_name(r0, c0)
    if r1 - r0 == 1 and c1 - c0 == 1:
        return f"{quote_title(title)}!{start}"
    return f"{quote_title(title)}!{start}:{cell_name(r1 - 1, c1 - 1)}"


@dataclass(frozen=True)
class Area:
    """0-based half-open; None means open-ended (to the grid's edge)."""

    r0: int = 0
    r1: int | None = None
    c0: int = 0
    c1: int | None = None


def split(text: str) -> tuple[str | None, str | None]:
    """`'Tab'!A1:B2` -> ("Tab", "A1:B2"); `'Tab'` -> ("Tab", None); `A1` -> (None, "A1").

    A bare word without `!` is ambiguous (a title or a cell): the caller decides.
    Raises ValueError on a malformed quoted title.
    """
    if text.startswith("'"):
        i = 1
        title = ""
        while i < len(text):
            ch = text[i]
            if ch == "'":
                if text[i + 1 : i + 2] == "'":
                    title += "'"
                    i += 2
                    continue
                rest = text[i + 1 :]
                if rest == "":
                    return title, None
                if rest.startswith("!"):
                    return title, rest[1:]
                raise ValueError(text)
            title += ch
            i += 1
        raise ValueError(text)
    if "!" in text:
        title, area = text.rsplit("!", 1)
        if not title:
            raise ValueError(text)
        return title, area
    return None, text


def _endpoint(text: str) -> tuple[int | None, int | None]:
    match = _CELL.fullmatch(text)
    if not match or not (match.group(1) or match.group(2)):
        raise ValueError(text)
    letters, digits = match.groups()
    col = column_index(letters) if letters else None
    row = int(digits) - 1 if digits else None
    if row is not None and row < 0:
        raise ValueError(text)
    if col is not None and col >= MAX_COLUMNS:
        raise ValueError(text)
    return row, col


def parse_area(text: str) -> Area:
    """`A1`, `A1:B2`, `A:C`, `2:4`, `A2:C` (open rows), `A1:1` (open columns)."""
    parts = text.split(":")
    if len(parts) == 1:
        row, col = _endpoint(parts[0])
        if row is None or col is None:
            raise ValueError(text)
        return Area(row, row + 1, col, col + 1)
    if len(parts) != 2:
        raise ValueError(text)
    (ra, ca), (rb, cb) = _endpoint(parts[0]), _endpoint(parts[1])
    r0 = ra if ra is not None else 0
    c0 = ca if ca is not None else 0
    r1 = rb + 1 if rb is not None else None
    c1 = cb + 1 if cb is not None else None
    if r1 is not None and r1 <= r0:  # B2:A1 means A1:B2
        r0, r1 = r1 - 1, r0 + 1
    if c1 is not None and c1 <= c0:
        c0, c1 = c1 - 1, c0 + 1
    return Area(r0, r1, c0, c1)
