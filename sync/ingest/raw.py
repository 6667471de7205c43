"""A report file as cells (RawReport), before any reader has interpreted it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import msg
from ..findings import Finding, Severity
from .headers import normalise_all

# Characters no spreadsheet cell can hold (XML 1.0 forbids them); tab, CR and LF are allowed.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class RawReport:
    """A report file as cells, before any reader has interpreted it."""

    path: Path
    format: str  # "csv", "tsv", "xlsx" or "json"
    encoding: str  # "utf-8", "utf-8-sig", "cp1252", "gb18030", "cp932", "binary"
    header: list[str]  # header cells as written (BOM removed, otherwise untouched)
    frame: pd.DataFrame  # data cells, one column per header position, named by index
    data: Any = None  # the parsed document for JSON reports
    findings: list[Finding] = field(default_factory=list)
    sha256: str = ""
    # Data rows (frame index) that end early, with how many values they hold: their missing
    # cells are padding, not values (see readers.extract.extract).
    short_rows: dict[int, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # lines of notes above the header, if any

    @property
    def header_row(self) -> int:
        """1-based row of the header in the file (after any lines of notes)."""
        return len(self.notes) + 1

    @property
    def keys(self) -> list[str]:
        """Normalised header names (see headers.normalise)."""
        return normalise_all(self.header)

    def column(self, index: int) -> pd.Series:
        return self.frame.iloc[:, index]

    def file_row(self, frame_index: int) -> int:
        """1-based row number in the file for a data row (the header is row 1, unless notes
        come first)."""
        return frame_index + self.header_row + 1


def remove_controls(raw: RawReport) -> None:
    """Take out characters a spreadsheet cannot hold (NUL, vertical tab ...), and say so.

    A vertical tab or form feed becomes a space (Excel uses them as line breaks); the others
    are dropped. Left in, one of them in a title would stop every later workbook write.
    """
    first: tuple[int, int] | None = None
    count = 0

    def clean(v: object) -> object:
        if isinstance(v, str) and CONTROL_CHARACTERS.search(v):
            return CONTROL_CHARACTERS.sub(_control_replacement, v)
        return v

    for pos in range(raw.frame.shape[1]):
        col = raw.frame.iloc[:, pos]
        hit = col.map(lambda v: isinstance(v, str) and bool(CONTROL_CHARACTERS.search(v)))
        if bool(hit.any()):
            count += int(hit.sum())
            row = int(hit.to_numpy().nonzero()[0][0])
            if first is None or (row, pos) < first:
                first = (row, pos)
            # pandas-stubs allow no Series here; pandas takes one (aligned on the index).
            raw.frame.isetitem(pos, col.map(clean))  # type: ignore[arg-type]
    header_hit = [i for i, h in enumerate(raw.header) if CONTROL_CHARACTERS.search(h)]
    raw.header = [str(clean(h)) for h in raw.header]
    if first is None and not header_hit:
        return
    row, column = (
        (raw.file_row(first[0]), raw.header[first[1]])
        if first is not None
        else (1, raw.header[header_hit[0]])
    )
    raw.findings.append(
        Finding.of(
            Severity.WARNING,
            "control-characters",
            msg("err:control_chars", n=count + len(header_hit)),
            file=str(raw.path),
            row=row,
            column=column,
            framed=True,
        )
    )


def _control_replacement(m: re.Match[str]) -> str:
    return " " if m.group(0) in "\x0b\x0c" else ""
