"""The .xlsx file target (openpyxl): written whole to a temporary file, then renamed.

The file is streamed in openpyxl's write-only mode, so a large seller's data tabs cost about
what the data alone costs. Tabs fupan does not own are copied over with their values, number
formats and column widths; the previous file is kept as `<name>.bak`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from ..errors import WorkbookError
from ..workbook.cells import FORMULA_LEADS, frame_values
from ..workbook.plan import Cell, FrameBlock, Sheet, Style, WorkbookPlan, cell_rows
from .base import Grid, state_of

STATE_SHEET = "_fupan"
FILLS = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", "overdue": "F8CBAD"}
PROVISIONAL_FONT = Font(italic=True, color="7F7F7F")
FONTS = {"green": "006100", "yellow": "9C5700", "red": "9C0006", "overdue": "833C0B"}


def _named_styles() -> list[NamedStyle]:
    def ns(name: str, fmt: str = "General", **kw: Any) -> NamedStyle:
        s = NamedStyle(name=f"fupan {name}", number_format=fmt)
        for k, v in kw.items():
            setattr(s, k, v)
        return s

    return [
        ns(Style.TITLE, font=Font(bold=True, size=16, color="1F4E79")),
        ns(
            Style.HEADER,
            font=Font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor="1F4E79"),
            alignment=Alignment(wrap_text=True, vertical="top"),
        ),
        ns(Style.NOTE, font=Font(italic=True, color="595959")),
        ns(Style.MONEY, "#,##0.00"),
        ns(Style.COUNT, "#,##0"),
        ns(Style.RATIO, "0.00%"),
        ns(Style.MULTIPLE, "0.00"),
        ns(Style.DAYS, "0"),
        ns(Style.DATE, "yyyy-mm-dd"),
        ns(Style.TEXT, "@"),
        ns(Style.INPUT, fill=PatternFill("solid", fgColor="FFF2CC")),
    ]


class XlsxTarget:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = str(self.path)
        self._book = None
        self._stamp: tuple[int, int] | None = None

    # Reading ----------------------------------------------------------------------------

    def _existing(self):
        if self._book is None and self.path.exists():
            self._stamp = _stamp(self.path)
            try:
                self._book = load_workbook(self.path, read_only=True, data_only=False)
            except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
                raise WorkbookError(
                    f'"{self.path.name}" is not a readable .xlsx workbook ({exc}); move it '
                    "away or pass another --workbook."
                ) from None
        return self._book

    def sheet_titles(self) -> list[str]:
        book = self._existing()
        return [] if book is None else list(book.sheetnames)

    def read_sheet(self, title: str) -> Grid | None:
        book = self._existing()
        if book is None or title not in book.sheetnames:
            return None
        return [list(r) for r in book[title].iter_rows(values_only=True)]

    def read_state(self) -> dict[str, str]:
        return state_of(self.read_sheet(STATE_SHEET))

    # Writing ----------------------------------------------------------------------------

    def changed(self) -> bool:
        """Whether the file was saved by someone else since fupan read it."""
        return self._stamp is not None and _stamp(self.path) != self._stamp

    def check_writable(self) -> None:
        """Refuse when Excel or LibreOffice has the file open (their lock files say so)."""
        locks = [
            self.path.with_name(f"~${self.path.name}"),
            self.path.with_name(f".~lock.{self.path.name}#"),
        ]
        for lock in locks:
            if lock.exists():
                raise WorkbookError(
                    f'"{self.path.name}" is open in a spreadsheet program ({lock.name} exists); '
                    "close it and run the sync again. Nothing was changed."
                )
        if self.path.exists():
            try:
                with self.path.open("r+b"):
                    pass
            except OSError as exc:
                raise WorkbookError(
                    f'"{self.path.name}" cannot be written ({exc.strerror}); close it in Excel '
                    "or check its permissions. Nothing was changed."
                ) from None

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        self.check_writable()
        wb = Workbook(write_only=True)
        for style in _named_styles():
            wb.add_named_style(style)
        for sheet in plan.sheets:
            self._write_sheet(wb, sheet)
        old = self._existing()
        for title in keep:
            if old is not None and title in old.sheetnames:
                self._copy_sheet(wb, old[title], title)
        st = wb.create_sheet(STATE_SHEET)
        st.sheet_state = "hidden"
        for k, v in sorted(state.items()):
            st.append([k, v])
        for name, ref in plan.names.items():
            wb.defined_names[name] = DefinedName(name, attr_text=ref)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.path.stem}-", suffix=".xlsx", dir=self.path.parent
        )
        os.close(fd)
        try:
            wb.save(tmp)
            if self._book is not None:
                self._book.close()
                self._book = None
            if self.path.exists():
                mode = self.path.stat().st_mode & 0o777
                shutil.copy2(self.path, self.path.with_name(self.path.name + ".bak"))
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(tmp, mode)  # mkstemp makes 0600 files; keep the workbook's own mode
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _write_sheet(self, wb: Workbook, sheet: Sheet) -> None:
        ws = wb.create_sheet(sheet.title)
        if sheet.tab_color:
            ws.sheet_properties.tabColor = sheet.tab_color
        if sheet.hidden:
            ws.sheet_state = "hidden"
        for col, width in sheet.widths.items():
            ws.column_dimensions[col].width = width
        if sheet.freeze:
            ws.freeze_panes = sheet.freeze
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if sheet.print_area:
            ws.print_area = sheet.print_area
        for rule in sheet.rules:
            ws.conditional_formatting.add(
                rule.ref,
                FormulaRule(
                    formula=[rule.formula],
                    fill=PatternFill("solid", bgColor=FILLS[rule.fill]),
                    font=Font(color=FONTS[rule.fill]),
                ),
            )
        for table in sheet.tables:
            t = Table(displayName=table.name, ref=table.ref, autoFilter=AutoFilter(ref=table.ref))
            t.tableColumns = [TableColumn(id=i + 1, name=c) for i, c in enumerate(table.columns)]
            t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            with warnings.catch_warnings():
                # openpyxl warns in write-only mode even when the columns are given, as here.
                warnings.filterwarnings("ignore", "In write-only mode")
                ws.add_table(t)
        for chart in sheet.charts:
            ws.add_chart(_chart(chart), chart.anchor)
        frames = [b for b in sheet.blocks if isinstance(b, FrameBlock)]
        if frames:
            _stream(ws, frames[0])
            return
        for row in cell_rows(sheet.blocks):  # type: ignore[arg-type]
            ws.append([_cell(ws, c) for c in row])

    def _copy_sheet(self, wb: Workbook, src, title: str) -> None:
        ws = wb.create_sheet(title)
        for key, dim in src.column_dimensions.items() if hasattr(src, "column_dimensions") else []:
            if dim.width:
                ws.column_dimensions[key].width = dim.width
        for row in src.iter_rows():
            out = []
            for c in row:
                cell = WriteOnlyCell(ws, value=getattr(c, "value", None))
                fmt = getattr(c, "number_format", None)
                if fmt:
                    cell.number_format = fmt
                out.append(cell)
            ws.append(out)

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
            self._book = None


def _stamp(path: Path) -> tuple[int, int] | None:
    if not path.exists():
        return None
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def _stream(ws, block: FrameBlock) -> None:
    """Rows of a data tab; text that looks like a formula is written as text."""
    values = frame_values(block.frame)
    ws.append([_cell(ws, Cell(v, style=Style.HEADER)) for v in values[0]])
    for row in values[1:]:
        # openpyxl gives plain dates the yyyy-mm-dd format itself: only text needs a cell.
        if any(isinstance(v, str) and v.startswith(FORMULA_LEADS) for v in row):
            row = [_as_text(ws, v) for v in row]
        ws.append(row)


def _as_text(ws, v):
    if isinstance(v, str) and v.startswith(FORMULA_LEADS):
        cell = WriteOnlyCell(ws, value=v)
        cell.data_type = "s"
        return cell
    return v


def _cell(ws, c: Cell | None):
    if c is None:
        return None
    if c.formula is None and c.style is None and not c.text:
        return c.value
    cell = WriteOnlyCell(ws, value=c.formula if c.formula is not None else c.value)
    if c.text:
        cell.data_type = "s"  # a shopper's `=HYPERLINK(...)` stays text
    if c.style is not None:
        cell.style = f"fupan {c.style}"
    if c.provisional:
        cell.font = PROVISIONAL_FONT
    return cell


def _chart(spec):
    chart = LineChart() if spec.kind == "line" else BarChart()
    chart.title = spec.title
    chart.height, chart.width = 7.5, 16
    for title_ref, values in spec.series:
        s = Series(Reference(range_string=values), title_from_data=False)
        from openpyxl.chart.data_source import StrRef
        from openpyxl.chart.series import SeriesLabel

        s.tx = SeriesLabel(strRef=StrRef(title_ref))
        chart.series.append(s)
    chart.set_categories(Reference(range_string=spec.categories))
    chart.y_axis.number_format = spec.y_format
    return chart
