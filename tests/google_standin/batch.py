"""spreadsheets.batchUpdate: one function per request kind, applied atomically.

The whole batch runs on a structural copy of the spreadsheet; the caller commits it only if
every request succeeded, as Google does. A refusal names the request like Google:
`Invalid requests[3].addSheet: ...`.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import fields as masks
from . import metadata, ranges
from . import values as vals
from .errors import ApiError, Reject, Unimplemented, field_violation, invalid
from .fill import fill
from .formats import grid_range, prune, sheet_properties, styles
from .model import Cell, SheetModel, Spreadsheet, new_sheet

MAX_CELLS = 10_000_000
TOO_MANY_CELLS = (
    "This action would increase the number of cells in the workbook above the limit of "
    "10000000 cells."
)
MAX_COLUMNS = 18_278

Reply = dict[str, Any] | None


@dataclass
class Ctx:
    """What a request kind needs: the working copy, who asks, and the id generator."""

    book: Spreadsheet
    identity: str
    rng: random.Random

    def new_id(self, taken: set[int]) -> int:
        while True:
            n = self.rng.randrange(1, 2**31 - 1)
            if n not in taken:
                return n

    def claim(
        self, given: Any, taken: set[int], exists: str, lowest: int = 0, invalid: str = ""
    ) -> int:
        """The id a request asked for (refused when taken or below `lowest`), or a new one.

        `exists` and `invalid` are Google's messages with `{}` for the id.
        """
        if given is None:
            return self.new_id(taken)
        n = int(given)
        if n in taken:
            raise Reject(exists.format(n))
        if n < lowest:
            raise Reject(invalid.format(n))
        return n


HANDLERS: dict[str, Callable[[Ctx, dict[str, Any]], Reply]] = {}


def kind(name: str) -> Callable[[Callable[[Ctx, dict[str, Any]], Reply]], Any]:
    def register(fn: Callable[[Ctx, dict[str, Any]], Reply]) -> Any:
        HANDLERS[name] = fn
        return fn

    return register


def apply(
    book: Spreadsheet, requests: list[dict[str, Any]], identity: str, rng: random.Random
) -> tuple[Spreadsheet, list[dict[str, Any]]]:
    """Run every request on a copy; raise Google's 400 (nothing applied) on the first refusal."""
    kinds: list[str] = []
    for i, request in enumerate(requests):
        set_kinds = [k for k, v in (request or {}).items() if v is not None]
        if len(set_kinds) > 1:
            message = (
                f"Invalid value at 'requests[{i}]' (oneof), oneof field 'kind' is already set. "
                f"Cannot set '{set_kinds[1]}'"
            )
            raise field_violation(message, f"requests[{i}]")
        if not set_kinds:
            raise invalid(f"Invalid requests[{i}]: No request set.")
        if set_kinds[0] not in HANDLERS:
            raise Unimplemented(f"batchUpdate request kind {set_kinds[0]!r}")
        kinds.append(set_kinds[0])
    ctx = Ctx(book.clone(), identity, rng)
    replies: list[dict[str, Any]] = []
    for i, (request, name) in enumerate(zip(requests, kinds, strict=True)):
        before = ctx.book.cell_total()
        try:
            reply = HANDLERS[name](ctx, request[name])
            after = ctx.book.cell_total()
            if after > MAX_CELLS and after > before:
                raise Reject(TOO_MANY_CELLS)
        except Reject as r:
            raise invalid(f"Invalid requests[{i}].{name}: {r.message}") from None
        except ApiError:
            raise
        replies.append({name: reply} if reply is not None else {})
    return ctx.book, replies


# helpers -------------------------------------------------------------------------------------


def _mask(given: Any, ref: str) -> masks.Tree:
    if not given:
        raise Reject("At least one field must be specified in 'fields'.")
    try:
        tree = masks.parse(str(given))
    except ValueError:
        raise Reject(f"Invalid field mask: {given}") from None
    bad = masks.unknown_path(tree, ref)
    if bad:
        raise Reject(f"Invalid field mask: {given} ({ref} has no field '{bad}')")
    return masks.with_colour_twins(tree)


def _check_value(value: dict[str, Any] | None, where: Callable[..., str]) -> None:
    """ExtendedValue is a oneof; text is limited to 50,000 characters (`where`: lazy path)."""
    if not value:
        return
    if len(value) > 1:
        set_keys = [k for k, v in value.items() if v is not None]
        if len(set_keys) > 1:
            path = where()
            message = (
                f"Invalid value at '{path}' (oneof), oneof field 'value' is already set. "
                f"Cannot set '{set_keys[1]}'"
            )
            raise field_violation(message, path)
    text = value.get("stringValue") or value.get("formulaValue")
    if text is not None and len(text) > vals.MAX_CELL_CHARS:
        raise Reject(vals.TOO_LONG)


_READ_ONLY = frozenset(("effectiveValue", "formattedValue", "effectiveFormat", "hyperlink"))


def _clean_cell(cell: dict[str, Any] | None) -> dict[str, Any]:
    """A CellData from a request, as it will be stored (read-only fields are ignored)."""
    if not cell:
        return {}
    if not _READ_ONLY.isdisjoint(cell):
        cell = {k: v for k, v in cell.items() if k not in _READ_ONLY}
    fmt = cell.get("userEnteredFormat")
    rule = cell.get("dataValidation")
    if fmt is not None or rule is not None:
        cell = dict(cell)
        if fmt is not None:
            cell["userEnteredFormat"] = styles(fmt)
        if rule is not None:
            cell["dataValidation"] = _rule(rule)
    return cell


def _flat(tree: masks.Tree) -> bool:
    """Is every masked field a whole top-level field (`userEnteredValue,note`)?"""
    return all(not sub for sub in tree.values())


def _merge_cell(
    old: Cell | None, new: dict[str, Any], tree: masks.Tree, flat: bool = False
) -> Cell | None:
    if not tree or "*" in tree:
        merged = new
    elif flat and old is None:  # the most common case: a fresh cell
        merged = {k: v for k in tree if (v := new.get(k)) is not None}
    elif flat and old is not None:  # (old is None was the case above)
        merged = dict(old)
        for k in tree:
            v = new.get(k)
            if v is None:
                merged.pop(k, None)
            else:
                merged[k] = v
    else:
        merged = masks.merge(old, new, tree)
    found = merged.values()
    if None in found or {} in found:
        merged = {k: v for k, v in merged.items() if v != {} and v is not None}
    return merged or None


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    return styles(prune(rule))


def _sheet_by_id(ctx: Ctx, sheet_id: Any) -> SheetModel:
    return ranges.sheet_of(ctx.book, sheet_id)


def _title_taken(book: Spreadsheet, title: str, but: SheetModel | None = None) -> bool:
    low = title.lower()
    return any(s.title.lower() == low and s is not but for s in book.sheets)


def _next_title(book: Spreadsheet) -> str:
    n = len(book.sheets) + 1
    while _title_taken(book, f"Sheet{n}"):
        n += 1
    return f"Sheet{n}"


# sheets ----------------------------------------------------------------------------------------


@kind("addSheet")
def add_sheet(ctx: Ctx, req: dict[str, Any]) -> Reply:
    props = prune(req.get("properties") or {})
    book = ctx.book
    taken = {s.sheet_id for s in book.sheets}
    sheet_id = ctx.claim(
        props.get("sheetId"),
        taken,
        "A sheet with the ID {} already exists.",
        invalid="Invalid sheet ID: {}",
    )
    title = props.get("title")
    if title is None or title == "":
        title = _next_title(book)
    elif _title_taken(book, title):
        raise Reject(f'A sheet with the name "{title}" already exists. Please enter another name.')
    grid = props.get("gridProperties") or {}
    rows = int(grid.get("rowCount", 1000))
    cols = int(grid.get("columnCount", 26))
    if cols > MAX_COLUMNS:
        raise Reject(f"The maximum number of columns is {MAX_COLUMNS}.")
    index = int(props.get("index", len(book.sheets)))
    index = max(0, min(index, len(book.sheets)))
    sheet = new_sheet(sheet_id, title, index, rows, cols)
    extra = {k: v for k, v in props.items() if k not in ("sheetId", "title", "index")}
    extra["gridProperties"] = {**grid, "rowCount": rows, "columnCount": cols}
    sheet.properties = sheet_properties({**sheet.properties, **extra})
    if sheet.properties.get("sheetType", "GRID") != "GRID":
        raise Unimplemented(f"addSheet of sheetType {sheet.properties['sheetType']}")
    book.sheets.insert(index, sheet)
    book.reindex()
    return {"properties": copy.deepcopy(sheet.properties)}


@kind("deleteSheet")
def delete_sheet(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet = _sheet_by_id(ctx, req.get("sheetId"))
    book = ctx.book
    if len(book.sheets) == 1:
        raise Reject("You can't remove all the sheets in a document.")
    book.sheets.remove(sheet)
    if all(s.properties.get("hidden") for s in book.sheets):
        raise Reject("You can't hide all the sheets in a document.")
    book.reindex()
    book.named_ranges = [
        n for n in book.named_ranges if n.get("range", {}).get("sheetId", 0) != sheet.sheet_id
    ]
    return None


@kind("updateSheetProperties")
def update_sheet_properties(ctx: Ctx, req: dict[str, Any]) -> Reply:
    tree = _mask(req.get("fields"), "SheetProperties")
    given = prune(req.get("properties") or {})
    sheet = _sheet_by_id(ctx, given.get("sheetId"))
    book = ctx.book
    merged = masks.merge(sheet.properties, given, tree)
    merged["sheetId"] = sheet.sheet_id
    merged.setdefault("title", sheet.title)
    merged.setdefault("sheetType", sheet.properties.get("sheetType", "GRID"))
    grid = dict(merged.get("gridProperties") or {})
    rows = int(grid.get("rowCount") or 0)
    cols = int(grid.get("columnCount") or 0)
    if rows < 1 or cols < 1:
        raise Reject("The sheet must have at least one row and one column.")
    if cols > MAX_COLUMNS:
        raise Reject(f"The maximum number of columns is {MAX_COLUMNS}.")
    if (
        int(grid.get("frozenRowCount") or 0) >= rows
        or int(grid.get("frozenColumnCount") or 0) >= cols
    ):
        raise Reject("You can't freeze all visible rows or columns on the sheet.")
    grid["rowCount"], grid["columnCount"] = rows, cols
    merged["gridProperties"] = grid
    if merged["title"] != sheet.title and _title_taken(book, merged["title"], sheet):
        raise Reject(
            f'A sheet with the name "{merged["title"]}" already exists. Please enter another name.'
        )
    index = merged.get("index", sheet.properties["index"])
    sheet.properties = sheet_properties(merged)
    sheet.resize(rows, cols)
    if all(s.properties.get("hidden") for s in book.sheets):
        raise Reject("You can't hide all the sheets in a document.")
    if index != book.sheets.index(sheet):
        book.sheets.remove(sheet)
        book.sheets.insert(max(0, min(int(index), len(book.sheets))), sheet)
    book.reindex()
    return None


@kind("updateSpreadsheetProperties")
def update_spreadsheet_properties(ctx: Ctx, req: dict[str, Any]) -> Reply:
    tree = _mask(req.get("fields"), "SpreadsheetProperties")
    merged = masks.merge(ctx.book.properties, prune(req.get("properties") or {}), tree)
    merged.setdefault("title", ctx.book.title)
    ctx.book.properties = merged
    return None


# dimensions ------------------------------------------------------------------------------------


def _grow(sheet: SheetModel, rows: int, cols: int) -> None:
    if cols > MAX_COLUMNS:
        raise Reject(f"The maximum number of columns is {MAX_COLUMNS}.")
    grid = sheet.properties["gridProperties"]
    grid["rowCount"], grid["columnCount"] = rows, cols


def _dimension(ctx: Ctx, dr: dict[str, Any] | None) -> tuple[SheetModel, bool, int, int]:
    dr = dr or {}
    sheet = _sheet_by_id(ctx, dr.get("sheetId"))
    dim = dr.get("dimension")
    if dim not in ("ROWS", "COLUMNS"):
        raise Reject("A dimension (ROWS or COLUMNS) must be specified.")
    rows = dim == "ROWS"
    size = sheet.row_count if rows else sheet.column_count
    start = int(dr.get("startIndex") or 0)
    end = size if dr.get("endIndex") is None else int(dr["endIndex"])
    if start < 0 or end < start:
        raise Reject(f"Invalid dimension range: {start} to {end}")
    return sheet, rows, start, end


def shift(sheet: SheetModel, rows: bool, at: int, by: int) -> None:
    """Move cells (and their dimension properties) at index >= at by `by` (negative: delete)."""

    def moved(index: int) -> int | None:
        if by < 0 and at <= index < at - by:
            return None
        return index + by if index >= at else index

    if rows:
        cells = {}
        for r, found in sheet.cells.items():
            n = moved(r)
            if n is not None:
                cells[n] = found
        sheet.cells = cells
        sheet.row_props = {n: p for r, p in sheet.row_props.items() if (n := moved(r)) is not None}
    else:
        cells = {}
        for r, found in sheet.cells.items():
            line = {n: cell for c, cell in found.items() if (n := moved(c)) is not None}
            if line:
                cells[r] = line
        sheet.cells = cells
        sheet.column_props = {
            n: p for c, p in sheet.column_props.items() if (n := moved(c)) is not None
        }


@kind("appendDimension")
def append_dimension(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet = _sheet_by_id(ctx, req.get("sheetId"))
    length = int(req.get("length") or 0)
    if length < 1:
        raise Reject("length must be at least 1")
    if req.get("dimension") == "ROWS":
        _grow(sheet, sheet.row_count + length, sheet.column_count)
    elif req.get("dimension") == "COLUMNS":
        _grow(sheet, sheet.row_count, sheet.column_count + length)
    else:
        raise Reject("A dimension (ROWS or COLUMNS) must be specified.")
    return None


@kind("insertDimension")
def insert_dimension(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, rows, start, end = _dimension(ctx, req.get("range"))
    size = sheet.row_count if rows else sheet.column_count
    if start > size:
        raise ranges.exceeds(sheet, start if rows else 0, start + 1, 0 if rows else start, 1)
    if end == start:
        return None
    shift(sheet, rows, start, end - start)
    if rows:
        _grow(sheet, sheet.row_count + end - start, sheet.column_count)
    else:
        _grow(sheet, sheet.row_count, sheet.column_count + end - start)
    return None


@kind("deleteDimension")
def delete_dimension(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, rows, start, end = _dimension(ctx, req.get("range"))
    size = sheet.row_count if rows else sheet.column_count
    if end > size:
        raise (
            ranges.exceeds(sheet, 0, max(end, 1), 0, 1)
            if rows
            else ranges.exceeds(sheet, 0, 1, 0, max(end, 1))
        )
    if end - start >= size:
        what = "rows" if rows else "columns"
        raise Reject(f"You can't delete all the {what} on the sheet.")
    shift(sheet, rows, start, start - end)
    if rows:
        _grow(sheet, size - (end - start), sheet.column_count)
    else:
        _grow(sheet, sheet.row_count, size - (end - start))
    return None


@kind("updateDimensionProperties")
def update_dimension_properties(ctx: Ctx, req: dict[str, Any]) -> Reply:
    if req.get("dataSourceSheetRange"):
        raise Unimplemented("updateDimensionProperties on data source sheets")
    tree = _mask(req.get("fields"), "DimensionProperties")
    sheet, rows, start, end = _dimension(ctx, req.get("range"))
    size = sheet.row_count if rows else sheet.column_count
    if end > size:
        raise ranges.exceeds(sheet, 0, end, 0, 1) if rows else ranges.exceeds(sheet, 0, 1, 0, end)
    given = prune(req.get("properties") or {})
    store = sheet.row_props if rows else sheet.column_props
    for i in range(start, end):
        merged = masks.merge(store.get(i), given, tree)
        if merged:
            store[i] = merged
        else:
            store.pop(i, None)
    return None


# cells -----------------------------------------------------------------------------------------


@kind("updateCells")
def update_cells(ctx: Ctx, req: dict[str, Any]) -> Reply:
    tree = _mask(req.get("fields"), "CellData")
    rows = req.get("rows") or []
    if req.get("start") is not None and req.get("range") is not None:
        raise Reject("Only one of start or range may be set.")
    if req.get("range") is not None:
        sheet, (r0, r1, c0, c1) = ranges.grid(ctx.book, req["range"])
        bounded = True
    else:
        sheet, r0, c0 = ranges.coordinate(ctx.book, req.get("start"))
        r1 = r0 + len(rows)
        c1 = c0 + max((len(r.get("values") or []) for r in rows if r), default=0)
        bounded = False
        if r1 > sheet.row_count or c1 > sheet.column_count:
            raise ranges.exceeds(sheet, r0, max(r1, r0 + 1), c0, max(c1, c0 + 1))
    flat = _flat(tree)
    covered: dict[int, int] = {}  # row -> columns written from c0 on
    for i, row in enumerate(rows):
        r = r0 + i
        if bounded and r >= r1:
            break  # data beyond the range is not written
        cells = (row or {}).get("values") or []
        if bounded and c0 + len(cells) > c1:
            cells = cells[: c1 - c0]
        covered[r] = len(cells)
        line = sheet.cells.get(r)
        for j, given in enumerate(cells):
            _check_value(
                (given or {}).get("userEnteredValue"),
                lambda i=i, j=j: f"requests.update_cells.rows[{i}].values[{j}].user_entered_value",
            )
            old = line.get(c0 + j) if line else None
            new = _merge_cell(old, _clean_cell(given), tree, flat)
            if new is not None or old is not None:
                sheet.put(r, c0 + j, new)
                line = sheet.cells.get(r)
    if bounded:
        # cells of the range the rows do not cover are cleared (for the masked fields)
        for r in [r for r in sheet.cells if r0 <= r < r1]:
            start = c0 + covered.get(r, 0)
            for c in [c for c in sheet.cells[r] if start <= c < c1]:
                sheet.put(r, c, _merge_cell(sheet.get(r, c), {}, tree, flat))
    return None


@kind("repeatCell")
def repeat_cell(ctx: Ctx, req: dict[str, Any]) -> Reply:
    tree = _mask(req.get("fields"), "CellData")
    sheet, (r0, r1, c0, c1) = ranges.grid(ctx.book, req.get("range"))
    given = req.get("cell") or {}
    _check_value(
        given.get("userEnteredValue"), lambda: "requests.repeat_cell.cell.user_entered_value"
    )
    cell = _clean_cell(given)
    formula = (cell.get("userEnteredValue") or {}).get("formulaValue")
    blank = _merge_cell(None, cell, tree)  # shared by every empty cell: cells are immutable
    for r in range(r0, r1):
        found = sheet.cells.get(r)
        for c in range(c0, c1):
            old = found.get(c) if found else None
            here = cell
            if formula is not None and (r, c) != (r0, c0):  # relative references move
                moved = fill(formula, r - r0, c - c0)
                here = {**cell, "userEnteredValue": {"formulaValue": moved}}
            if here is not cell:
                new = _merge_cell(old, here, tree)
            else:
                new = blank if old is None else _merge_cell(old, cell, tree)
            if new is None and old is None:
                continue
            sheet.put(r, c, new)
            found = sheet.cells.get(r)
    return None


@kind("setDataValidation")
def set_data_validation(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, (r0, r1, c0, c1) = ranges.grid(ctx.book, req.get("range"))
    rule = req.get("rule")
    clean = _rule(rule) if rule else None
    for r in range(r0, r1):
        for c in range(c0, c1):
            old = sheet.get(r, c)
            new = dict(old or {})
            if clean:
                new["dataValidation"] = clean
            else:
                new.pop("dataValidation", None)
            sheet.put(r, c, new or None)
    return None


_REF = re.compile(
    r"""("(?:[^"]|"")*")|(?<![A-Za-z0-9_.$'!])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])"""
)


def shift_formula(formula: str, dr: int, dc: int) -> str:
    """Relative references move with a pasted formula (`=A1` pasted one down is `=A2`)."""
    if not dr and not dc:
        return formula

    def move(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group(1)  # inside a string literal
        col_abs, letters, row_abs, digits = m.group(2), m.group(3), m.group(4), m.group(5)
        from .a1 import column_index, column_letters

        col = column_index(letters) + (0 if col_abs else dc)
        row = int(digits) - 1 + (0 if row_abs else dr)
        if col < 0 or row < 0:
            return "#REF!"
        return f"{col_abs}{column_letters(col)}{row_abs}{row + 1}"

    return _REF.sub(move, formula)


_PASTE_FIELDS = {
    "PASTE_NORMAL": None,
    "PASTE_VALUES": ("userEnteredValue",),
    "PASTE_FORMAT": ("userEnteredFormat",),
    "PASTE_NO_BORDERS": None,
    "PASTE_FORMULA": ("userEnteredValue",),
    "PASTE_DATA_VALIDATION": ("dataValidation",),
}


@kind("copyPaste")
def copy_paste(ctx: Ctx, req: dict[str, Any]) -> Reply:
    if req.get("pasteOrientation") not in (None, "NORMAL"):
        raise Unimplemented("copyPaste with pasteOrientation TRANSPOSE")
    paste = req.get("pasteType") or "PASTE_NORMAL"
    if paste not in _PASTE_FIELDS:
        raise Unimplemented(f"copyPaste with pasteType {paste}")
    src, (sr0, sr1, sc0, sc1) = ranges.grid(ctx.book, req.get("source"))
    dst_range = req.get("destination") or {}
    dst = ranges.sheet_of(ctx.book, dst_range.get("sheetId"))
    dr0 = int(dst_range.get("startRowIndex") or 0)
    dc0 = int(dst_range.get("startColumnIndex") or 0)
    height, width = sr1 - sr0, sc1 - sc0
    want_h = int(dst_range.get("endRowIndex", dr0 + height) or 0) - dr0
    want_w = int(dst_range.get("endColumnIndex", dc0 + width) or 0) - dc0
    # a destination that is a multiple of the source repeats it; anything else gets it once
    reps_r = want_h // height if height and want_h >= height and want_h % height == 0 else 1
    reps_c = want_w // width if width and want_w >= width and want_w % width == 0 else 1
    dr1, dc1 = dr0 + height * reps_r, dc0 + width * reps_c
    if dr1 > dst.row_count or dc1 > dst.column_count:
        raise ranges.exceeds(dst, dr0, dr1, dc0, dc1)
    snapshot = {(r, c): src.get(r, c) for r in range(sr0, sr1) for c in range(sc0, sc1)}
    keep = _PASTE_FIELDS[paste]
    for tr in range(reps_r):
        for tc in range(reps_c):
            for (r, c), cell in snapshot.items():
                tr_row = dr0 + tr * height + (r - sr0)
                tr_col = dc0 + tc * width + (c - sc0)
                old = dst.get(tr_row, tr_col)
                new = _pasted(cell, old, keep, paste, tr_row - r, tr_col - c)
                dst.put(tr_row, tr_col, new)
    return None


def _pasted(
    cell: Cell | None, old: Cell | None, keep: tuple[str, ...] | None, paste: str, dr: int, dc: int
) -> Cell | None:
    source = dict(cell or {})
    value = source.get("userEnteredValue")
    if value and "formulaValue" in value:
        if paste == "PASTE_VALUES":
            eff = vals.effective(cell)
            source["userEnteredValue"] = eff if eff is not None else None
        else:
            source["userEnteredValue"] = {
                "formulaValue": shift_formula(value["formulaValue"], dr, dc)
            }
    if keep is None:
        out = source
        if paste == "PASTE_NO_BORDERS" and "userEnteredFormat" in out:
            out["userEnteredFormat"] = {
                k: v for k, v in out["userEnteredFormat"].items() if k != "borders"
            }
    else:
        out = dict(old or {})
        for key in keep:
            if source.get(key) is not None:
                out[key] = source[key]
            else:
                out.pop(key, None)
    return {k: v for k, v in out.items() if v is not None} or None


@kind("mergeCells")
def merge_cells(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, (r0, r1, c0, c1) = ranges.grid(ctx.book, req.get("range"))
    mode = req.get("mergeType") or "MERGE_ALL"
    if mode == "MERGE_ALL":
        parts = [(r0, r1, c0, c1)]
    elif mode == "MERGE_COLUMNS":
        parts = [(r0, r1, c, c + 1) for c in range(c0, c1)]
    else:
        parts = [(r, r + 1, c0, c1) for r in range(r0, r1)]
    for a0, a1_, b0, b1 in parts:
        for m in sheet.merges:
            if (
                a0 < m.get("endRowIndex", 0)
                and m.get("startRowIndex", 0) < a1_
                and b0 < m.get("endColumnIndex", 0)
                and m.get("startColumnIndex", 0) < b1
            ):
                raise Reject("You can't merge cells that are already merged.")
        merged = {
            "startRowIndex": a0,
            "endRowIndex": a1_,
            "startColumnIndex": b0,
            "endColumnIndex": b1,
        }
        if sheet.sheet_id:
            merged = {"sheetId": sheet.sheet_id, **merged}
        sheet.merges.append(merged)
    return None


@kind("unmergeCells")
def unmerge_cells(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, (r0, r1, c0, c1) = ranges.grid(ctx.book, req.get("range"))
    sheet.merges = [
        m
        for m in sheet.merges
        if not (
            r0 <= m.get("startRowIndex", 0)
            and m.get("endRowIndex", 0) <= r1
            and c0 <= m.get("startColumnIndex", 0)
            and m.get("endColumnIndex", 0) <= c1
        )
    ]
    return None


# conditional formats ---------------------------------------------------------------------------


def _cf_rule(ctx: Ctx, rule: dict[str, Any] | None) -> tuple[SheetModel, dict[str, Any]]:
    rule = prune(rule or {})
    grs = rule.get("ranges") or []
    if not grs:
        raise Reject("A conditional format rule must have at least one range.")
    sheets = set()
    for gr in grs:
        sheet, _ = ranges.grid(ctx.book, gr)
        sheets.add(sheet.sheet_id)
    if len(sheets) > 1:
        raise Reject("All ranges of a conditional format rule must be on the same sheet.")
    if ("booleanRule" in rule) == ("gradientRule" in rule):
        raise Reject(
            "A conditional format rule must have exactly one of booleanRule or gradientRule."
        )
    condition = rule.get("booleanRule", {}).get("condition", {})
    if condition.get("type") == "CUSTOM_FORMULA":
        values = condition.get("values") or []
        formula = values[0].get("userEnteredValue", "") if values else ""
        if len(values) != 1 or not str(formula).startswith(("=", "+")):
            raise Reject(f"Invalid ConditionValue.userEnteredValue: {formula}")
    rule["ranges"] = [grid_range(gr) for gr in grs]
    return ctx.book.by_id(next(iter(sheets))), styles(rule)  # type: ignore[return-value]


@kind("addConditionalFormatRule")
def add_conditional_format_rule(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, rule = _cf_rule(ctx, req.get("rule"))
    index = int(req.get("index") or 0)
    if index > len(sheet.conditional_formats) or index < 0:
        raise Reject(
            f"Invalid index {index}: the sheet has {len(sheet.conditional_formats)} rules."
        )
    sheet.conditional_formats.insert(index, rule)
    return None


def _cf_at(ctx: Ctx, req: dict[str, Any]) -> tuple[SheetModel, int]:
    sheet = _sheet_by_id(ctx, req.get("sheetId"))
    index = int(req.get("index") or 0)
    if not 0 <= index < len(sheet.conditional_formats):
        raise Reject(f"No conditional format on sheet: {sheet.sheet_id} at index: {index}")
    return sheet, index


@kind("updateConditionalFormatRule")
def update_conditional_format_rule(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, index = _cf_at(ctx, req)
    old = sheet.conditional_formats[index]
    if req.get("rule") is not None:
        target, rule = _cf_rule(ctx, req["rule"])
        if target is not sheet:
            raise Reject("Moving a conditional format rule to another sheet is not supported.")
        sheet.conditional_formats[index] = rule
        return {"newRule": rule, "oldRule": old, "newIndex": index, "oldIndex": index}
    new_index = int(req.get("newIndex") or 0)
    if not 0 <= new_index < len(sheet.conditional_formats):
        raise Reject(f"Invalid newIndex: {new_index}")
    rule = sheet.conditional_formats.pop(index)
    sheet.conditional_formats.insert(new_index, rule)
    return {"newRule": rule, "newIndex": new_index, "oldIndex": index}


@kind("deleteConditionalFormatRule")
def delete_conditional_format_rule(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, index = _cf_at(ctx, req)
    return {"rule": sheet.conditional_formats.pop(index)}


# charts, filters, protection, names ------------------------------------------------------------


def _all_chart_ids(book: Spreadsheet) -> set[int]:
    return {c["chartId"] for s in book.sheets for c in s.charts}


@kind("addChart")
def add_chart(ctx: Ctx, req: dict[str, Any]) -> Reply:
    chart = prune(req.get("chart") or {})
    chart["chartId"] = ctx.claim(
        chart.get("chartId"), _all_chart_ids(ctx.book), "An object with the ID {} already exists."
    )
    position = chart.get("position") or {}
    if position.get("newSheet"):
        raise Unimplemented("addChart on a new sheet")
    if "overlayPosition" in position:
        anchor = position["overlayPosition"].get("anchorCell") or {}
        sheet, r, c = ranges.coordinate(ctx.book, anchor)
        if r >= sheet.row_count or c >= sheet.column_count:
            raise ranges.exceeds(sheet, r, r + 1, c, c + 1)
    elif "sheetId" in position:
        sheet = _sheet_by_id(ctx, position["sheetId"])
    else:
        raise Reject("A chart must have a position.")
    if not chart.get("spec"):
        raise Reject("A chart must have a spec.")
    chart = {"chartId": chart.pop("chartId"), **styles(chart)}
    sheet.charts.append(chart)
    return {"chart": copy.deepcopy(chart)}


def _find_chart(ctx: Ctx, chart_id: Any) -> tuple[SheetModel, int]:
    for sheet in ctx.book.sheets:
        for i, chart in enumerate(sheet.charts):
            if chart["chartId"] == int(chart_id or 0):
                return sheet, i
    raise Reject(f"No chart with id: {int(chart_id or 0)}")


@kind("deleteEmbeddedObject")
def delete_embedded_object(ctx: Ctx, req: dict[str, Any]) -> Reply:
    try:
        sheet, i = _find_chart(ctx, req.get("objectId"))
    except Reject:
        raise Reject(f"No embedded object with id: {int(req.get('objectId') or 0)}") from None
    del sheet.charts[i]
    return None


@kind("updateChartSpec")
def update_chart_spec(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet, i = _find_chart(ctx, req.get("chartId"))
    if not req.get("spec"):
        raise Reject("A chart must have a spec.")
    sheet.charts[i]["spec"] = styles(prune(req["spec"]))
    return None


@kind("setBasicFilter")
def set_basic_filter(ctx: Ctx, req: dict[str, Any]) -> Reply:
    flt = prune(req.get("filter") or {})
    sheet, _ = ranges.grid(ctx.book, flt.get("range"))
    flt["range"] = grid_range(flt.get("range") or {})
    sheet.basic_filter = styles(flt)
    return None


@kind("clearBasicFilter")
def clear_basic_filter(ctx: Ctx, req: dict[str, Any]) -> Reply:
    sheet = _sheet_by_id(ctx, req.get("sheetId"))
    sheet.basic_filter = None
    return None


def _all_protection_ids(book: Spreadsheet) -> set[int]:
    return {p["protectedRangeId"] for s in book.sheets for p in s.protected_ranges}


@kind("addProtectedRange")
def add_protected_range(ctx: Ctx, req: dict[str, Any]) -> Reply:
    given = prune(req.get("protectedRange") or {})
    pid = ctx.claim(
        given.get("protectedRangeId"),
        _all_protection_ids(ctx.book),
        "A protected range with the ID {} already exists.",
    )
    if given.get("namedRangeId"):
        named = [n for n in ctx.book.named_ranges if n["namedRangeId"] == given["namedRangeId"]]
        if not named:
            raise Reject(f"No named range with id: {given['namedRangeId']}")
        sheet, _ = ranges.grid(ctx.book, named[0].get("range"))
    else:
        sheet, _ = ranges.grid(ctx.book, given.get("range"))
    stored: dict[str, Any] = {"protectedRangeId": pid}
    if "range" in given:
        stored["range"] = grid_range(given["range"])
    if given.get("namedRangeId"):
        stored["namedRangeId"] = given["namedRangeId"]
    if given.get("description"):
        stored["description"] = given["description"]
    if given.get("warningOnly"):
        stored["warningOnly"] = True
    stored["requestingUserCanEdit"] = True  # read-only: the requester always keeps edit rights
    if given.get("unprotectedRanges"):
        stored["unprotectedRanges"] = [grid_range(g) for g in given["unprotectedRanges"]]
    editors = given.get("editors") or {}
    users = [ctx.identity] + [u for u in editors.get("users") or [] if u != ctx.identity]
    kept: dict[str, Any] = {"users": users}
    if editors.get("groups"):
        kept["groups"] = list(editors["groups"])
    if editors.get("domainUsersCanEdit"):
        kept["domainUsersCanEdit"] = True
    sheet.protected_ranges.append({**stored, "editors": kept})
    return {"protectedRange": {**copy.deepcopy(stored), "editors": {}}}


@kind("deleteProtectedRange")
def delete_protected_range(ctx: Ctx, req: dict[str, Any]) -> Reply:
    pid = int(req.get("protectedRangeId") or 0)
    for sheet in ctx.book.sheets:
        for p in sheet.protected_ranges:
            if p["protectedRangeId"] == pid:
                sheet.protected_ranges.remove(p)
                return None
    raise Reject(f"No protected range with id: {pid}")


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
_NAME_CELL_LIKE = re.compile(r"(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*|TRUE|FALSE")


@kind("addNamedRange")
def add_named_range(ctx: Ctx, req: dict[str, Any]) -> Reply:
    given = prune(req.get("namedRange") or {})
    name = str(given.get("name") or "")
    if not _NAME.fullmatch(name) or _NAME_CELL_LIKE.fullmatch(name) or len(name) > 250:
        raise Reject(f"Invalid name: {name}")
    if any(n["name"].lower() == name.lower() for n in ctx.book.named_ranges):
        raise Reject(f"A named range with the name {name} already exists.")
    ranges.grid(ctx.book, given.get("range"))
    named_id = given.get("namedRangeId")
    taken = {n["namedRangeId"] for n in ctx.book.named_ranges}
    if named_id in taken:
        raise Reject(f"A named range with the ID {named_id} already exists.")
    if not named_id:
        named_id = "".join(
            ctx.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12)
        )
    stored = {"namedRangeId": named_id, "name": name, "range": dict(given.get("range") or {})}
    ctx.book.named_ranges.append(stored)
    return {"namedRange": {**stored, "range": grid_range(stored["range"])}}


@kind("deleteNamedRange")
def delete_named_range(ctx: Ctx, req: dict[str, Any]) -> Reply:
    named_id = req.get("namedRangeId")
    for n in ctx.book.named_ranges:
        if n["namedRangeId"] == named_id:
            ctx.book.named_ranges.remove(n)
            return None
    raise Reject(f"No named range with id: {named_id}")


# developer metadata ----------------------------------------------------------------------------


def _metadata_home(ctx: Ctx, loc: dict[str, Any]) -> list[dict[str, Any]]:
    if loc["locationType"] == "SPREADSHEET":
        return ctx.book.developer_metadata
    sheet_id = loc.get("sheetId", loc.get("dimensionRange", {}).get("sheetId", 0))
    return _sheet_by_id(ctx, sheet_id).developer_metadata


@kind("createDeveloperMetadata")
def create_developer_metadata(ctx: Ctx, req: dict[str, Any]) -> Reply:
    given = prune(req.get("developerMetadata") or {})
    mid = ctx.claim(
        given.get("metadataId"),
        {m["metadataId"] for m, _ in ctx.book.all_metadata()},
        "Developer metadata with ID {} already exists.",
        lowest=1,
        invalid="Invalid metadataId: {}",
    )
    if not given.get("metadataKey"):
        raise Reject("Developer metadata must have a key specified.")
    if given.get("visibility") not in ("DOCUMENT", "PROJECT"):
        raise Reject("Developer metadata must have a visibility specified.")
    loc = metadata.location(ctx.book, given.get("location"))
    stored: dict[str, Any] = {"metadataId": mid, "metadataKey": given["metadataKey"]}
    if given.get("metadataValue") is not None:
        stored["metadataValue"] = given["metadataValue"]
    stored["location"] = loc
    stored["visibility"] = given["visibility"]
    _metadata_home(ctx, loc).append(stored)
    return {"developerMetadata": copy.deepcopy(stored)}


@kind("updateDeveloperMetadata")
def update_developer_metadata(ctx: Ctx, req: dict[str, Any]) -> Reply:
    tree = _mask(req.get("fields"), "DeveloperMetadata")
    filters = req.get("dataFilters") or []
    given = prune(req.get("developerMetadata") or {})
    updated = []
    for md, home in ctx.book.all_metadata():
        if not any(f and metadata.matches(md, f) for f in filters):
            continue
        merged = masks.merge(md, given, tree)
        merged["metadataId"] = int(merged.get("metadataId", md["metadataId"]))
        if "location" in tree:
            merged["location"] = metadata.location(ctx.book, given.get("location"))
        home.remove(md)
        _metadata_home(ctx, merged["location"]).append(merged)
        updated.append(merged)
    ids = [m["metadataId"] for m in updated]
    if len(set(ids)) != len(ids):
        raise Reject("Developer metadata IDs must be unique.")
    return {"developerMetadata": copy.deepcopy(updated)}


@kind("deleteDeveloperMetadata")
def delete_developer_metadata(ctx: Ctx, req: dict[str, Any]) -> Reply:
    flt = req.get("dataFilter") or {}
    deleted = []
    for md, home in ctx.book.all_metadata():
        if metadata.matches(md, flt):
            home.remove(md)
            deleted.append(md)
    return {"deletedDeveloperMetadata": deleted}
