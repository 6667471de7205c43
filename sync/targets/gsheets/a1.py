"""A1 references (parsed by openpyxl) as Google's zero-based, half-open GridRanges."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils.cell import range_boundaries

from ...errors import TargetError, msg


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


def parse(ref: str) -> Ref:
    """`'Sheet 1'!$A$1:$B$9`, `B9:B34`, `A:A` or `H3` as a Ref."""
    sheet, body = None, ref
    if "!" in ref:
        head, body = ref.rsplit("!", 1)
        sheet = head[1:-1].replace("''", "'") if head.startswith("'") else head
    try:
        if not body:
            raise ValueError(ref)
        c0, r0, c1, r1 = range_boundaries(body)  # 1-based, inclusive, None when open
    except ValueError:
        raise TargetError(msg("err:g_bad_a1", ref=ref)) from None
    return Ref(
        sheet,
        None if r0 is None else r0 - 1,
        None if c0 is None else c0 - 1,
        r1,
        c1,
    )
