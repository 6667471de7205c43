"""A worksheet part's rows found by scanning its XML: what openpyxl's read-only worksheet gives,
paying only for the cells asked for.

openpyxl parses every element of a tab (90,000 cells of a 2,000-ASIN report tab) to read back
one column. Here C-speed regular expressions (xlsx_xml.py) find the `<row>`s and the wanted
`<c>`s, and only those cells are decoded, with openpyxl's own rules and tables (types, the
shared strings it read, dates by style, formulas as "=..." text, shared formulas translated by
its Translator); a cell in a rarer form (rich text...) is parsed by ElementTree and openpyxl's
own cell parser. A part holding what this reader does not read with certainty (not UTF-8, a
DOCTYPE, the main namespace bound otherwise or in a row, a row holding more than cells, array
formulas, a value openpyxl would warn about, a comment or CDATA section among the cells...)
raises Unsure: the caller reads it with openpyxl. The XML is trusted to be well formed, with
rows holding cells only, as the schema says.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from typing import Any
from xml.etree.ElementTree import ParseError, fromstring

from openpyxl.formula.translate import Translator
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

from .xlsx_xml import (
    PLAIN_REFERENCE,
    Unsure,
    attrs,
    cast_number,
    column_of,
    parse_root,
    text_of,
)

Row = list[Any]
Chooser = Callable[[list[Row]], Collection[int]]
Cells = list[tuple[int, Any]]  # (1-based column, value), in the order of the file


class _Part:
    """One worksheet part, its rows located."""

    def __init__(self, ws: ReadOnlyWorksheet) -> None:
        book: Any = ws.parent  # read-only internals, absent from the stubs
        if book.data_only:
            raise Unsure("values of formulas asked for")
        self.strings: list[str] = ws._shared_strings  # type: ignore[attr-defined]
        self.epoch = book.epoch
        self.dates: set[int] = book._date_formats
        self.durations: set[int] = book._timedelta_formats
        with ws._get_source() as src:  # type: ignore[attr-defined]
            self.data: bytes = src.read()
        self.data, self.pat, self.decls = parse_root(self.data)
        data = self.data
        found = self.pat.data.search(data)
        if found is None or b"xmlns" in found[1]:
            raise Unsure("no sheetData, or namespaces declared on it")
        self.start = found.end()
        self.end = self.start if found[2] else data.rfind(self.pat.data_end, self.start)
        if self.end < 0:
            raise Unsure("sheetData not closed")
        # A comment, CDATA section or processing instruction can hold what looks like a row
        # or a cell, or text the patterns do not decode: the parser reads such a part.
        if (
            data.find(b"<!", self.start, self.end) >= 0
            or data.find(b"<?", self.start, self.end) >= 0
        ):
            raise Unsure("a comment, CDATA section or processing instruction in sheetData")
        self.numbers: list[int] = []
        self.starts: list[int] = []  # where each row's start tag ends
        self.closed: list[bool] = []  # a row written <row/>
        counter = 0
        for m in self.pat.row.finditer(data, self.start, self.end):
            number, rest, slash = m.groups()
            if rest and (b"xmlns" in rest or number is None):
                number = attrs(rest).get(b"r", number)
                if b"xmlns" in rest or (number is not None and not number.isdigit()):
                    raise Unsure("a row numbered, or its namespaces declared, otherwise")
            counter = counter + 1 if number is None else int(number)
            self.numbers.append(counter)
            self.starts.append(m.end())
            self.closed.append(bool(slash))
        self._masters: dict[bytes, tuple[int, str, str]] | None = None
        self._parser: WorkSheetParser | None = None

    # Cells ------------------------------------------------------------------------------

    def row_cells(self, i: int) -> Cells:
        """Every cell of the i-th row (counted as openpyxl counts cells without `r`)."""
        data, pos = self.data, self.starts[i]
        end = pos
        if not self.closed[i]:
            limit = self.starts[i + 1] if i + 1 < len(self.starts) else self.end
            end = data.find(self.pat.row_end, pos, limit)
            if end < 0:
                raise Unsure("a row not closed")
        column, cells = 0, list[tuple[int, Any]]()
        for m in self.pat.cell.finditer(data, pos, end):
            if m.start() != pos and data[pos : m.start()].strip():
                raise Unsure("a row holding something other than cells")
            column, value = self.cell(m, column)
            cells.append((column, value))
            pos = m.end()
        if data[pos:end].strip():
            raise Unsure("a row holding something other than cells")
        return cells

    def cells_in(self, columns: Collection[int], first: int) -> dict[int, Cells]:
        """The cells of `columns` in the rows from the `first`-th on, by row index (raises
        _Unreferenced when a cell's column is only known by reading its row)."""
        data, pat = self.data, self.pat
        start = self.starts[first]
        found: dict[int, Cells] = {}
        for m in pat.wanted(columns).finditer(data, start, self.end):
            if m[1] is None:
                raise _Unreferenced
            cell = pat.cell.match(data, m.start(), self.end)
            if cell is None:
                raise Unsure("a cell not closed")
            i = bisect_right(self.starts, m.start()) - 1
            found.setdefault(i, []).append(self.cell(cell, 0))
        return found

    def cell(self, m: re.Match[bytes], column: int) -> tuple[int, Any]:
        """A cell's column and value (`column`: the one before it, for a cell without `r`)."""
        ref, style, kind, rest, value, text, body = m.groups()
        if rest:
            more = attrs(rest)
            ref = _reference(m)
            style, kind = more.get(b"s", style), more.get(b"t", kind)
        column = column_of(ref.rstrip(b"0123456789")) if ref else column + 1
        if rest and b"xmlns" in rest:
            return column, self._element_value(m[0])
        if value is not None:  # <v> alone: no value in an inline string cell
            if not value or kind == b"inlineStr":
                return column, None
            return column, self._typed(b"n" if kind is None else kind, text_of(value), style)
        if text is not None:  # <is><t> alone: read in an inline string cell only
            return column, (text_of(text) if text else "") if kind == b"inlineStr" else None
        if not body:
            return column, None
        parts = self.pat.body.fullmatch(body)
        if parts is None or b"xmlns" in body:
            return column, self._element_value(m[0])
        f_attrs, f_text, _, v_text, is_attrs, is_body = parts.groups()
        if f_attrs is not None:
            where = ref.decode() if ref else None
            return column, self._formula(attrs(f_attrs), f_text, where, m.start())
        if kind == b"inlineStr":
            if is_attrs is None:
                return column, None
            plain = self.pat.plain.fullmatch(is_body or b"")
            if plain is None:
                return column, self._element_value(m[0])
            return column, text_of(plain[2]) if plain[2] else ""
        if not v_text:
            return column, None
        return column, self._typed(b"n" if kind is None else kind, text_of(v_text), style)

    def _typed(self, kind: bytes, value: str, style: bytes | None) -> Any:
        """A value as parse_cell types it (openpyxl, worksheet/_reader.py)."""
        try:
            if kind == b"n":
                number = cast_number(value)
                style_id = int(style) if style else 0
                if style_id in self.dates:
                    return from_excel(number, self.epoch, timedelta=style_id in self.durations)
                return number
            if kind == b"s":
                return self.strings[int(value)]
            if kind == b"b":
                return bool(int(value))
            if kind == b"d":
                return from_ISO8601(value)  # type: ignore[no-untyped-call]
        except (ValueError, IndexError, OverflowError):
            raise Unsure("a value openpyxl would warn about or refuse") from None
        return value

    def _formula(self, f: dict[bytes, bytes], text: bytes | None, ref: str | None, at: int) -> str:
        formula = "=" + (text_of(text) if text else "")
        kind = f.get(b"t")
        if kind in (None, b"normal"):
            return formula
        si = f.get(b"si")
        if kind != b"shared" or si is None:
            raise Unsure("an array, data table or unindexed shared formula")
        master = self.masters().get(si)
        if master is None or master[0] >= at:
            return formula
        if not ref:
            raise Unsure("a shared formula without its cell reference")
        return str(Translator(master[1], master[2]).translate_formula(ref))

    def masters(self) -> dict[bytes, tuple[int, str, str]]:
        """Each shared formula's first written form: where its cell starts, text, reference."""
        if self._masters is None:
            self._masters = {}
            for m in self.pat.master.finditer(self.data, self.start, self.end):
                f = attrs(m[1])
                si = f.get(b"si")
                if f.get(b"t") != b"shared" or si in self._masters:
                    continue
                at = self.data.rfind(self.pat.cell_start, self.start, m.start())
                cell = self.pat.cell.match(self.data, at, self.end)
                ref = _reference(cell) if cell is not None and cell.end() >= m.end() else None
                if si is None or ref is None:
                    raise Unsure("a shared formula unindexed or outside a referenced cell")
                self._masters[si] = (at, "=" + text_of(m[2]), ref.decode())
        return self._masters

    def _element_value(self, raw: bytes) -> Any:
        """A cell in a rarer form (rich text...): parsed as openpyxl parses it."""
        try:
            element = fromstring(b"<w " + self.decls + b">" + raw + b"</w>")[0]
        except ParseError:
            raise Unsure("a cell this scan cut wrongly") from None
        if element.find(f"{{{SHEET_MAIN_NS}}}f") is not None:
            raise Unsure("a formula in a rare form")
        if self._parser is None:
            # a parser of no part: it is handed single cells
            self._parser = WorkSheetParser(
                b"", self.strings, False, self.epoch, self.dates, self.durations
            )
        return self._parser.parse_cell(element)["value"]


def _reference(cell: re.Match[bytes]) -> bytes | None:
    """A cell's `r`, written first or after its other attributes (Unsure unless plain)."""
    if cell[1] is not None or not cell[4]:
        return cell[1]
    ref = attrs(cell[4]).get(b"r")
    if ref is not None and not PLAIN_REFERENCE.fullmatch(ref):
        raise Unsure("a cell reference written otherwise")
    return ref


class _Unreferenced(Exception):
    """Some cell has no `r` written first: its column is known only by reading its row."""


def _placed(cells: Cells, width: int | None) -> Row:
    """One row's values by column (openpyxl's `_get_row`, values only)."""
    if not cells and not width:
        return []
    last = width or cells[-1][0]
    row: Row = [None] * last
    for column, value in cells:
        if 1 <= column <= last:
            row[column - 1] = value
    return row


def scan_rows(
    ws: ReadOnlyWorksheet, head: int | None = None, choose: Chooser | None = None
) -> list[Row]:
    """The tab's rows as `iter_rows(values_only=True)` gives them; with `head` and `choose`,
    rows past the first `head` hold only the columns (0-based) `choose` picks from the head
    rows (None elsewhere; a tab without its size written has rows ending at their last cell
    read). Raises Unsure for a part to read with openpyxl."""
    part = _Part(ws)
    width, max_row = ws.max_column, ws.max_row
    empty: Row = [None] * width if width is not None else []
    out: list[Row] = []
    wanted: dict[int, Cells] | None = None
    counter = 1
    number = 0
    for i, number in enumerate(part.numbers):
        if max_row is not None and number > max_row:
            break
        while counter < number:
            counter += 1
            out.append(list(empty))
        if counter > number:
            continue
        counter += 1
        if head is None or choose is None or number <= head:
            out.append(_placed(part.row_cells(i), width))
            continue
        if wanted is None:
            columns = {c + 1 for c in choose(out[:head])}  # the head rows are all in `out` now
            wanted = _wanted(part, columns, i, width is None)
        out.append(_placed(wanted.get(i, []), width))
    if max_row is not None and max_row < number:
        out.extend(list(empty) for _ in range(counter, max_row + 1))
    return out


def _wanted(part: _Part, columns: set[int], first: int, unsized: bool) -> dict[int, Cells]:
    """The cells of `columns` from the `first`-th row on, by row index. Without the tab's size
    a row ends at its last wanted cell: rows are then read whole, which makes sure they hold
    cells only (openpyxl would count any other element as a cell)."""
    if not unsized:
        try:
            return part.cells_in(columns, first)
        except _Unreferenced:
            pass
    rows = range(first, len(part.numbers))
    return {i: [c for c in part.row_cells(i) if c[0] in columns] for i in rows}
