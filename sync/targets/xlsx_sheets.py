"""One review tab as openpyxl write-only cells: styles, conditional formats, tables, charts.

The write-only workbook streams its rows, so a large seller's data tabs cost about what the
data alone costs. Tabs fupan does not own are copied with their values, number formats and
column widths.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from copy import copy
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.series import Series as ChartSeries
from openpyxl.chart.series import SeriesLabel
from openpyxl.comments import Comment
from openpyxl.formatting.rule import Rule as FormatRule
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ..workbook.cells import FORMULA_LEADS, frame_values
from ..workbook.palette import FILLS, FONTS
from ..workbook.plan import Cell, Chart, FrameBlock, Rule, Sheet, Style, Validation, cell_rows
from .xlsx_rows import stream_rows

PROVISIONAL_FONT = Font(italic=True, color="7F7F7F")


def named_styles() -> list[NamedStyle]:
    """The workbook's `fupan <style>` cell styles, one per plan Style."""

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


def write_sheet(wb: Workbook, sheet: Sheet) -> None:
    """Append the plan's tab to a write-only workbook."""
    # A write-only tab borrows Worksheet's methods and settings (the stubs type
    # create_sheet as Any and leave Worksheet without them): checked as a Worksheet.
    ws: Worksheet = wb.create_sheet(sheet.title)
    if sheet.tab_color:
        ws.sheet_properties.tabColor = sheet.tab_color
    if sheet.hidden:
        ws.sheet_state = "hidden"
    for col, width in sheet.widths.items():
        ws.column_dimensions[col].width = width
    for span in sheet.folded:
        _fold(ws, span)
    for number, height in sheet.heights.items():
        ws.row_dimensions[number].height = height
    for number in sheet.hidden_rows:
        ws.row_dimensions[number].hidden = True
    for v in sheet.validations:
        ws.data_validations.append(_validation(v))
    if sheet.freeze:
        ws.freeze_panes = sheet.freeze
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    fit = ws.sheet_properties.pageSetUpPr
    assert fit is not None  # a new tab's properties always hold one
    fit.fitToPage = True
    if sheet.print_area:
        ws.print_area = sheet.print_area
    for rule in sheet.rules:
        ws.conditional_formatting.add(rule.ref, _format_rule(rule))
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
    rows: list[list[Any]]
    if frames:  # a data tab: a header row, then plain values
        values = frame_values(frames[0].frame)
        rows = [[Cell(v, style=Style.HEADER) for v in values[0]], *values[1:]]
    else:
        rows = cell_rows([b for b in sheet.blocks if not isinstance(b, FrameBlock)])
    _dimension(ws, rows)
    stream_rows(ws, rows, _style_ids(ws), lambda v: _openpyxl_value(ws, v))


def _openpyxl_value(ws: Worksheet, v: Any) -> Any:
    """What `ws.append` is given for a value stream_rows leaves to openpyxl."""
    return _cell(ws, v) if isinstance(v, Cell) else _as_text(ws, v)


def copy_sheet(wb: Workbook, src: ReadOnlyWorksheet, title: str) -> None:
    """Append a tab fupan does not own, as the team left it: values, number formats, widths."""
    ws: Worksheet = wb.create_sheet(title)  # a write-only tab (see write_sheet)
    for key, dim in src.column_dimensions.items() if hasattr(src, "column_dimensions") else []:
        if dim.width:
            ws.column_dimensions[key].width = dim.width
    for row in src.rows:
        out = []
        for c in row:
            cell = WriteOnlyCell(ws, value=getattr(c, "value", None))
            if getattr(c, "data_type", None) == "s":
                cell.data_type = "s"  # the team's text stays text, even "=..." typed as text
            fmt = getattr(c, "number_format", None)
            if fmt:
                cell.number_format = fmt
            out.append(cell)
        ws.append(out)


def _format_rule(rule: Rule) -> FormatRule:
    """An expression rule with the fill's colours (what openpyxl's FormulaRule builds)."""
    style = DifferentialStyle(
        fill=PatternFill("solid", bgColor=FILLS[rule.fill]), font=Font(color=FONTS[rule.fill])
    )
    return FormatRule(type="expression", formula=[rule.formula], dxf=style)


def _dimension(ws: Worksheet, rows: Sequence[Sequence[Any]]) -> None:
    """Write the sheet's size up front, as Excel does (openpyxl's write-only mode leaves it
    out): a reader then sizes the tab from its first lines instead of parsing all of it, which
    was most of opening a large review to read back the team's edits."""
    width = max((len(r) for r in rows), default=0)
    if rows and width:
        ref = f"A1:{get_column_letter(width)}{len(rows)}"
        ws.calculate_dimension = lambda: ref  # type: ignore[method-assign]  # write-only: no cells to size from


def _as_text(ws: Worksheet, v: Any) -> Any:
    """`v`, or a text cell when it is text that starts like a formula."""
    if isinstance(v, str) and v.startswith(FORMULA_LEADS):
        cell = WriteOnlyCell(ws, value=v)
        cell.data_type = "s"
        return cell
    return v


# A workbook's style arrays by (style, number format, provisional): openpyxl registers a
# named style, number format and font per assignment, a third of the write of a large review;
# each combination is registered once and later cells take a copy of its array.
_STYLE_ARRAYS: WeakKeyDictionary[Workbook, dict[tuple[Any, ...], Any]] = WeakKeyDictionary()


_STYLE_IDS: WeakKeyDictionary[Workbook, dict[tuple[Any, ...], int | None]] = WeakKeyDictionary()


def _style_ids(ws: Worksheet) -> Callable[[Cell], int | None]:
    """A plan Cell's style id in the workbook (None: unstyled), registered at its first cell
    as openpyxl registers it when it writes that cell."""
    book = ws.parent
    assert book is not None  # a tab is made by its workbook
    ids = _STYLE_IDS.setdefault(book, {})

    def style_id(c: Cell) -> int | None:
        key = (c.style, c.number_format, c.provisional)
        if key not in ids:
            cell = WriteOnlyCell(ws)
            _style(ws, cell, c)
            ids[key] = cell.style_id if cell.has_style else None
        return ids[key]

    return style_id


def _style(ws: Worksheet, cell: XlCell, c: Cell) -> None:
    book = ws.parent
    assert book is not None  # a tab is made by its workbook
    styles = _STYLE_ARRAYS.setdefault(book, {})
    key = (c.style, c.number_format, c.provisional)
    known = styles.get(key)
    if known is not None:
        # StyleableObject's slot (the registered style's indices), absent from the stubs
        cell._style = copy(known)  # type: ignore[attr-defined]
        return
    if c.style is not None:
        cell.style = f"fupan {c.style}"
    if c.number_format:
        cell.number_format = c.number_format
    if c.provisional:
        cell.font = PROVISIONAL_FONT
    styles[key] = copy(cell._style)  # type: ignore[attr-defined]


def _fold(ws: Worksheet, span: str) -> None:
    """Columns "Q:S" as an outline group, collapsed: hidden, one click (+) unfolds them."""
    first, _, last = span.partition(":")
    last = last or first
    widths = {
        get_column_letter(i): ws.column_dimensions[get_column_letter(i)].width
        for i in range(column_index_from_string(first), column_index_from_string(last) + 1)
    }
    ws.column_dimensions.group(first, last, hidden=True, outline_level=1)
    ws.column_dimensions[first].width = max((w for w in widths.values() if w), default=13)
    outline = ws.sheet_properties.outlinePr
    assert outline is not None  # a new tab's properties always hold one
    outline.summaryRight = False  # the (+) sits left of the fold


def _validation(v: Validation) -> DataValidation:
    """A list dropdown; not strict: another value is allowed after a warning."""
    listed = ",".join(x.replace('"', '""') for x in v.values)
    dv = DataValidation(
        type="list",
        formula1=f'"{listed}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if v.strict else "warning",
    )
    dv.add(v.ref)
    return dv


def _cell(ws: Worksheet, c: Cell | None) -> Any:
    """A plan cell as openpyxl writes it: the plain value when it needs no styling."""
    if c is None:
        return None
    plain_cell = c.formula is None and c.style is None and not c.number_format and not c.note
    if plain_cell and not c.text:
        return c.value
    cell = WriteOnlyCell(ws, value=c.formula if c.formula is not None else c.value)
    if c.text:
        cell.data_type = "s"  # a shopper's `=HYPERLINK(...)` stays text
    _style(ws, cell, c)
    if c.note:
        note = Comment(c.note, "fupan")
        note.width, note.height = 320, 24 + 18 * (1 + len(c.note) // 48)
        cell.comment = note
    return cell


def _series(pairs: tuple[tuple[str, str], ...]) -> list[ChartSeries]:
    out = []
    for title_ref, values in pairs:
        s = Series(Reference(range_string=values), title_from_data=False)
        s.tx = SeriesLabel(strRef=StrRef(title_ref))
        out.append(s)
    return out


def _chart(spec: Chart) -> LineChart | BarChart:
    chart = LineChart() if spec.kind == "line" else BarChart()
    chart.title = spec.title
    chart.height, chart.width = 7.5, 16
    chart.series.extend(_series(spec.series))
    chart.set_categories(Reference(range_string=spec.categories))
    chart.y_axis.number_format = spec.y_format
    if spec.from_zero:
        chart.y_axis.scaling.min = 0
    if chart.legend is not None:
        chart.legend.position = "b"
    if spec.secondary:  # lines against a second axis on the right
        right = LineChart()
        right.series.extend(_series(spec.secondary))
        right.set_categories(Reference(range_string=spec.categories))
        right.y_axis.axId = 200
        right.y_axis.number_format = spec.y2_format
        right.y_axis.crosses = "max"
        right.y_axis.majorGridlines = None
        chart += right
    return chart
