"""A1 ranges as Google reads them in request paths and queries."""

from __future__ import annotations

import re

from .errors import invalid

_CORNER = re.compile(r"^([A-Za-z]{1,3})?(\d+)?$")


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def col_letters(index: int) -> str:
    out, index = "", index + 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def split(text: str) -> tuple[str | None, str | None]:
    """'Sheet 1'!A1:B2 -> ("Sheet 1", "A1:B2"); Sheet1 -> ("Sheet1", None)."""
    text = text.strip()
    if text.startswith("'"):
        end = 1
        while True:
            end = text.index("'", end)
            if end + 1 < len(text) and text[end + 1] == "'":
                end += 2
                continue
            break
        title = text[1:end].replace("''", "'")
        rest = text[end + 1 :]
        return title, rest[1:] if rest.startswith("!") else None
    if "!" in text:
        title, cells = text.rsplit("!", 1)
        return title, cells
    return text, None


def bounds(cells: str | None, rows: int, cols: int) -> tuple[int, int, int, int]:
    """Zero-based half-open (r0, c0, r1, c1) of a cell range inside a rows x cols grid."""
    if not cells:
        return 0, 0, rows, cols
    parts = cells.replace("$", "").split(":")
    if len(parts) > 2:
        raise invalid(f"Unable to parse range: {cells}")
    a = _corner(parts[0], cells)
    b = _corner(parts[-1], cells)
    r0 = a[0] if a[0] is not None else 0
    c0 = a[1] if a[1] is not None else 0
    r1 = b[0] + 1 if b[0] is not None else rows
    c1 = b[1] + 1 if b[1] is not None else cols
    if len(parts) == 1 and (a[0] is None or a[1] is None):
        raise invalid(f"Unable to parse range: {cells}")
    return r0, c0, r1, c1


def _corner(text: str, whole: str) -> tuple[int | None, int | None]:
    m = _CORNER.match(text)
    if not m or not (m.group(1) or m.group(2)):
        raise invalid(f"Unable to parse range: {whole}")
    col = col_index(m.group(1)) if m.group(1) else None
    row = int(m.group(2)) - 1 if m.group(2) else None
    return row, col


def label(title: str, r0: int, c0: int, r1: int, c1: int) -> str:
    """How Google names a range in answers: Sheet1!A1:D2 (quoted only when needed)."""
    name = title if re.fullmatch(r"[A-Za-z0-9_]+", title) else "'" + title.replace("'", "''") + "'"
    first = f"{col_letters(c0)}{r0 + 1}"
    last = f"{col_letters(c1 - 1)}{r1}"
    return f"{name}!{first}" if first == last else f"{name}!{first}:{last}"
