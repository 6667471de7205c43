"""How Seller Central prints numbers in its text reports, and its CSV and TSV files."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

Money = Callable[[float], str]


def usd(x: float) -> str:
    return f"${x:,.2f}"


def us_dollar_zh(x: float) -> str:
    return f"US${x:,.2f}"


def count(x: float) -> str:
    return f"{int(x):,}"


def pct(x: float, digits: int = 2) -> str:
    return f"{x * 100:.{digits}f}%"


def write_csv(
    path: Path,
    header: list[str],
    rows: Sequence[Sequence[str]],
    *,
    bom: bool = True,
    quote_all: bool = False,
    crlf: bool = False,
    encoding: str = "utf-8",
) -> Path:
    buf = io.StringIO()
    w = csv.writer(
        buf,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator="\r\n" if crlf else "\n",
    )
    w.writerow(header)
    w.writerows(rows)
    text = buf.getvalue()
    if quote_all:  # Seller Central leaves empty cells unquoted
        text = text.replace(',""', ",")
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_tsv(
    path: Path, header: list[str], rows: Sequence[Sequence[object]], *, crlf: bool = False
) -> Path:
    end = "\r\n" if crlf else "\n"
    lines = ["\t".join(header)] + ["\t".join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text(end.join(lines) + end, encoding="utf-8", newline="")
    return path
