"""The live Excel target: the workbook open in Excel, written through xlwings' object model.

Used by the add-in's "Refresh data" button. Each block of cells is one range write (not one
call per cell); formulas go in as formulas, and report text that starts with = + - @ gets
Excel's text prefix (') so it stays text. Traffic lights are Excel conditional formats. The
`book` is anything with xlwings' Book interface, so tests drive a recording stand-in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..workbook.cells import FORMULA_LEADS, frame_values
from ..workbook.palette import FILLS, NUMBER_FORMATS
from ..workbook.plan import Block, Cell, FrameBlock, Sheet, Validation, WorkbookPlan
from .base import STATE_SHEET, Grid, Target, state_of

XL_EXPRESSION = 2  # xlExpression: a conditional format given by a formula
XL_VALIDATE_LIST = 3  # xlValidateList: a dropdown
XL_ALERT_STOP, XL_ALERT_WARNING = 1, 2  # xlValidAlertStop / xlValidAlertWarning
XL_BETWEEN = 1  # xlBetween (required by Validation.Add, ignored for lists)


def _bgr(hex_rgb: str) -> int:
    """Excel's COM colours are BGR integers."""
    r, g, b = int(hex_rgb[0:2], 16), int(hex_rgb[2:4], 16), int(hex_rgb[4:6], 16)
    return r + (g << 8) + (b << 16)


def _excel_value(c: Cell | None) -> Any:
    if c is None:
        return None
    if c.formula is not None:
        return c.formula
    if isinstance(c.value, str) and (c.text or c.value.startswith(FORMULA_LEADS)):
        return "'" + c.value
    return c.value


class ExcelTarget(Target):
    def __init__(self, book: Any) -> None:
        self.book = book
        self.name = str(getattr(book, "fullname", "Excel"))
        self.key = self.name

    @property
    def location(self) -> Path:
        """The workbook's file (a shared tracker named in Settings is found beside it)."""
        return Path(self.name)

    def reopen(self) -> ExcelTarget:
        return ExcelTarget(self.book)  # the live workbook: nothing was read ahead to guard

    def _sheet(self, title: str) -> Any | None:
        for s in self.book.sheets:
            if s.name == title:
                return s
        return None

    def sheet_titles(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def read_sheet(self, title: str) -> Grid | None:
        sheet = self._sheet(title)
        if sheet is None:
            return None
        used = sheet.used_range
        values = used.options(ndim=2).value
        formulas = used.formula
        if isinstance(formulas, str):
            formulas = ((formulas,),)
        return [
            [
                f if isinstance(f, str) and f.startswith("=") else v
                for v, f in zip(vrow, frow, strict=False)
            ]
            for vrow, frow in zip(values, formulas, strict=False)
        ]

    def changed(self) -> bool:
        return False  # Excel is busy running the Refresh macro: nobody can type meanwhile

    def read_state(self) -> dict[str, str]:
        return state_of(self.read_sheet(STATE_SHEET))

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        app = self.book.app
        app.screen_updating = False
        try:
            wanted = {s.title for s in plan.sheets} | set(keep) | {STATE_SHEET}
            for sheet in plan.sheets:
                self._write(sheet)
            st = self._fresh(STATE_SHEET)
            rows = [[k, v] for k, v in sorted(state.items())]
            if rows:
                st.range((1, 1)).value = rows
            st.visible = False
            for s in list(self.book.sheets):
                if s.name not in wanted and s.name.startswith("_fupan"):
                    s.delete()
            app.calculate()
        finally:
            app.screen_updating = True

    def _fresh(self, title: str) -> Any:
        sheet = self._sheet(title)
        if sheet is None:
            sheets = list(self.book.sheets)
            sheet = self.book.sheets.add(title, after=sheets[-1] if sheets else None)
        else:
            sheet.clear()
        return sheet

    def _write(self, spec: Sheet) -> None:
        sheet = self._fresh(spec.title)
        for block in spec.blocks:
            if isinstance(block, FrameBlock):
                rows = frame_values(block.frame)
                body = [
                    [
                        ("'" + v) if isinstance(v, str) and v.startswith(FORMULA_LEADS) else v
                        for v in row
                    ]
                    for row in rows
                ]
                sheet.range((block.row, block.col)).value = body  # one write for the table
            else:
                self._write_block(sheet, block)
        for rule in spec.rules:
            cond = sheet.range(rule.ref).api.FormatConditions.Add(
                Type=XL_EXPRESSION, Formula1=f"={rule.formula}"
            )
            cond.Interior.Color = _bgr(FILLS[rule.fill])
        self._layout(sheet, spec)
        sheet.visible = not spec.hidden

    @staticmethod
    def _layout(sheet: Any, spec: Sheet) -> None:
        """Widths, folded helper columns and dropdowns (one call each, not one per cell)."""
        columns = sheet.api.Cells.EntireColumn
        columns.ClearOutline()  # the folds of an earlier sync
        columns.Hidden = False
        sheet.api.Cells.EntireRow.Hidden = False  # rows an earlier sync hid
        for number in spec.hidden_rows:
            sheet.range(f"{number}:{number}").api.EntireRow.Hidden = True
        for col, width in spec.widths.items():
            sheet.range(f"{col}:{col}").column_width = width
        for span in spec.folded:
            fold = sheet.range(span if ":" in span else f"{span}:{span}").api.EntireColumn
            fold.Group()
            fold.Hidden = True
        for v in spec.validations:
            _validate(sheet, v)

    @staticmethod
    def _write_block(sheet: Any, block: Block) -> None:
        width = block.width
        rows = [[_excel_value(c) for c in row] + [None] * (width - len(row)) for row in block.rows]
        if rows and width:
            sheet.range((block.row, block.col)).value = rows
        for (r0, r1, col), fmt in _format_runs(block).items():
            sheet.range((r0, col), (r1, col)).number_format = fmt
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                if cell is not None and cell.note:
                    sheet.range((block.row + r, block.col + c)).add_note(cell.note)

    def close(self) -> None:
        pass


def _number_format(c: Cell | None) -> str | None:
    if c is None:
        return None
    if c.number_format:
        return c.number_format
    return NUMBER_FORMATS.get(c.style) if c.style is not None else None


def _format_runs(block: Block) -> dict[tuple[int, int, int], str]:
    """Runs of one number format down each column: (first row, last row, column) -> format."""
    runs: dict[tuple[int, int, int], str] = {}
    for c in range(block.width):
        start, fmt = 0, None
        formats = [_number_format(row[c] if c < len(row) else None) for row in block.rows]
        for r, here in enumerate([*formats, None]):
            if here != fmt:
                if fmt is not None:
                    runs[(block.row + start, block.row + r - 1, block.col + c)] = fmt
                start, fmt = r, here
    return runs


def _validate(sheet: Any, v: Validation) -> None:
    """A list dropdown; not strict: another value is allowed after a warning."""
    rule = sheet.range(v.ref).api.Validation
    rule.Delete()
    rule.Add(
        Type=XL_VALIDATE_LIST,
        AlertStyle=XL_ALERT_STOP if v.strict else XL_ALERT_WARNING,
        Operator=XL_BETWEEN,
        Formula1=",".join(v.values),
    )
