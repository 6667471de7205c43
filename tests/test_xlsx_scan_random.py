"""Many worksheet parts written at random (seeded) from every form a cell, a row and a part can
take are scanned exactly as openpyxl reads them, and nearly all without leaving them to it."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from test_xlsx_scan import MAIN, raw_book, same_as_openpyxl

TEXTS = [
    "plain",
    "  spaced  ",
    "中文 笔记",
    "a &amp; b &lt;c&gt; &quot;q&quot; &apos;",
    "&#x4E2D;&#25991;&#13;",
    "two\r\nlines\rthree",
    "_x000D_ kept",
    "",
    " ",
]
NUMBERS = ["0", "42", "-3", "1.5", "1E3", "2.5e-3", "007", "46000.25"]


def _cell(rng: random.Random, p: str, ref: str | None, masters: dict[str, str]) -> str:
    """One `<c>`: a random kind, its attributes in a random order, some whitespace."""
    kind = rng.choice(["n", "n", "s", "str", "b", "e", "inline", "rich", "formula", "empty"])
    attrs: list[str] = [f'r="{ref}"'] if ref else []
    ws = rng.choice(["", "", "\n  "])
    text = rng.choice(TEXTS)
    body = ""
    if kind == "n":
        number = rng.choice(NUMBERS)
        if rng.random() < 0.3 and not number.startswith("-"):
            attrs.append(f's="{rng.choice(["0", "1"])}"')  # style 1: a date
        attrs += rng.choice([[], ['t="n"']])
        body = f"<{p}v>{number}</{p}v>"
    elif kind in ("s", "b", "e", "str"):
        attrs.append(f't="{kind}"')
        value = {"s": str(rng.randrange(5)), "b": rng.choice("01"), "e": "#N/A", "str": text}
        body = f"<{p}v>{value[kind]}</{p}v>"
    elif kind == "inline":
        attrs.append('t="inlineStr"')
        space = rng.choice(["", ' xml:space="preserve"'])
        body = rng.choice([f"<{p}is><{p}t{space}>{text}</{p}t></{p}is>", f"<{p}is/>", ""])
    elif kind == "rich":
        attrs.append('t="inlineStr"')
        runs = (
            f"<{p}r><{p}rPr><{p}b/></{p}rPr><{p}t>{text}</{p}t></{p}r><{p}r><{p}t>中</{p}t></{p}r>"
        )
        body = f"<{p}is>{ws}{runs}{ws}</{p}is>"
    elif kind == "formula":
        body = _formula(rng, p, ref, masters) + rng.choice([f"<{p}v>1</{p}v>", f"<{p}v/>", ""])
        attrs += rng.choice([[], ['t="str"']])
    else:
        body = rng.choice(["", f"<{p}v/>", f"<{p}v></{p}v>"])
    if rng.random() < 0.2:
        attrs.append('cm="1"')
    if rng.random() < 0.2:
        rng.shuffle(attrs)
    start = f"<{p}c{''.join(' ' + a for a in attrs)}"
    return f"{start}/>" if not body and rng.random() < 0.5 else f"{start}>{ws}{body}{ws}</{p}c>"


def _formula(rng: random.Random, p: str, ref: str | None, masters: dict[str, str]) -> str:
    """A formula: plain, or one of a shared group (its first cell with the text; the others
    below and right of it, where openpyxl can translate it)."""
    if ref is None or rng.random() < 0.5:
        return rng.choice([f'<{p}f>SUM(A1:B2)&amp;"x"</{p}f>', f"<{p}f/>"])
    si = rng.choice("012")
    if si not in masters:
        masters[si] = ref
        return f'<{p}f t="shared" ref="{ref}:Z99" si="{si}">$A1+B$1*2</{p}f>'
    (column, row), (first_column, first_row) = (
        coordinate_from_string(r) for r in (ref, masters[si])
    )
    if row < first_row or column_index_from_string(column) < column_index_from_string(first_column):
        return f"<{p}f/>"
    return f'<{p}f t="shared" si="{si}"/>'


def _part(rng: random.Random) -> str:
    """A worksheet part: prefixed or not, sized or not, rows and cells with or without `r`."""
    p = rng.choice(["", "", "x:"])
    root = f'xmlns:x="{MAIN}"' if p else f'xmlns="{MAIN}"'
    rows: list[str] = []
    number = 0
    masters: dict[str, str] = {}
    for _ in range(rng.randrange(9)):
        number += rng.choice([1, 1, 1, 2, 3, 0, -1]) if number > 1 else 1
        numbered = rng.random() < 0.85
        cells: list[str] = []
        column = 0
        for _ in range(rng.randrange(7)):
            column += rng.choice([1, 1, 2, 3])
            referenced = numbered and rng.random() < 0.9
            ref = f"{get_column_letter(column)}{number}" if referenced else None
            cells.append(_cell(rng, p, ref, masters))
        extra = rng.choice(["", ' spans="1:9"', ' ht="20" customHeight="1"'])
        head = f"<{p}row{' r=' + chr(34) + str(number) + chr(34) if numbered else ''}{extra}"
        rows.append(f"{head}/>" if not cells else f"{head}>{''.join(cells)}</{p}row>")
    size = rng.choice(["", f'<{p}dimension ref="A1:{get_column_letter(rng.randrange(1, 12))}9"/>'])
    data = "\n".join(rows)
    return f"<{p}worksheet {root}>{size}<{p}sheetData>{data}</{p}sheetData></{p}worksheet>"


def test_random_parts_are_scanned_exactly(tmp_path: Path) -> None:
    rng = random.Random(20261130)
    parts = {f"T{n}": _part(rng) for n in range(150)}
    unsure = same_as_openpyxl(raw_book(tmp_path / "random.xlsx", parts), sure=False)
    assert unsure == 0, "every form written here is one the scan reads"
