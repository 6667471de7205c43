"""spreadsheets.batchUpdate: each request kind, applied to a copy; all or nothing."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

from .errors import GoogleError, invalid
from .model import Book, SheetModel, apply_mask, default_sheet
from .values import MAX_CHARS

CELL_LIMIT = 10_000_000
Handler = Callable[[Book, dict[str, Any], str], dict[str, Any] | None]
HANDLERS: dict[str, Handler] = {}


def handles(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


def run(book: Book, requests: list[dict[str, Any]]) -> tuple[Book, list[dict[str, Any]]]:
    """Apply every request to a deep copy; the caller commits it only if all succeed."""
    work = copy.deepcopy(book)
    replies = []
    for n, request in enumerate(requests or []):
        kinds = [k for k, v in request.items() if v is not None]
        if len(kinds) != 1:
            raise invalid(
                f"Invalid requests[{n}]: exactly one request kind must be set, found {len(kinds)}."
            )
        kind = kinds[0]
        where = f"Invalid requests[{n}].{kind}: "
        handler = HANDLERS.get(kind)
        if handler is None:
            raise GoogleError(501, f"stand-in: requests[{n}].{kind} is not implemented")
        reply = handler(work, request[kind], where)
        if work.cell_total() > CELL_LIMIT:
            raise invalid(
                f"{where}This action would increase the number of cells in the workbook above "
                f"the limit of {CELL_LIMIT} cells."
            )
        replies.append({kind: reply} if reply is not None else {})
    return work, replies


def _box(
    book: Book, grid: dict[str, Any], where: str
) -> tuple[SheetModel, tuple[int, int, int, int]]:
    sheet = book.by_id(int(grid.get("sheetId") or 0), where)
    r0 = int(grid.get("startRowIndex") or 0)
    c0 = int(grid.get("startColumnIndex") or 0)
    r1 = int(grid["endRowIndex"]) if grid.get("endRowIndex") is not None else sheet.rows
    c1 = int(grid["endColumnIndex"]) if grid.get("endColumnIndex") is not None else sheet.cols
    if r1 > sheet.rows or c1 > sheet.cols or r0 < 0 or c0 < 0 or r0 > r1 or c0 > c1:
        raise invalid(
            f"{where}Range ('{sheet.title}'!R{r0 + 1}C{c0 + 1}:R{r1}C{c1}) exceeds grid limits. "
            f"Max rows: {sheet.rows}, max columns: {sheet.cols}"
        )
    return sheet, (r0, c0, r1, c1)


def _grid(sheet: SheetModel, box: tuple[int, int, int, int]) -> dict[str, Any]:
    """A GridRange as Google echoes it: zero fields (and sheetId 0) left out."""
    out: dict[str, Any] = {}
    if sheet.id:
        out["sheetId"] = sheet.id
    for key, v in zip(
        ("startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"),
        (box[0], box[2], box[1], box[3]),
        strict=True,
    ):
        if v:
            out[key] = v
    return out


def _new_sheet_id(book: Book) -> int:
    used = {s.id for s in book.sheets}
    while True:
        n = random.randrange(1, 2**31 - 1)
        if n not in used:
            return n


def _normalise(props: dict[str, Any]) -> None:
    """Google leaves false and zero properties out of its answers."""
    for key in ("hidden", "rightToLeft"):
        if props.get(key) is False:
            del props[key]
    grid = props.get("gridProperties", {})
    for key in ("frozenRowCount", "frozenColumnCount"):
        if grid.get(key) == 0:
            del grid[key]


@handles("addSheet")
def add_sheet(book: Book, req: dict[str, Any], where: str) -> dict[str, Any]:
    props = copy.deepcopy(req.get("properties") or {})
    title = props.get("title") or f"Sheet{len(book.sheets) + 1}"
    if any(s.title == title for s in book.sheets):
        raise invalid(
            f'{where}A sheet with the name "{title}" already exists. Please enter another name.'
        )
    sid = props.get("sheetId")
    if sid is not None and any(s.id == sid for s in book.sheets):
        raise invalid(f"{where}Sheet with id {sid} already exists.")
    sheet = default_sheet(sid if sid is not None else _new_sheet_id(book), title)
    grid = props.pop("gridProperties", None) or {}
    sheet.properties.update({k: v for k, v in props.items() if v is not None and k != "index"})
    sheet.properties["gridProperties"].update({k: v for k, v in grid.items() if v is not None})
    sheet.properties["title"] = title
    _normalise(sheet.properties)
    index = props.get("index")
    book.sheets.insert(len(book.sheets) if index is None else min(index, len(book.sheets)), sheet)
    book.reindex()
    return {"properties": copy.deepcopy(sheet.properties)}


@handles("deleteSheet")
def delete_sheet(book: Book, req: dict[str, Any], where: str) -> None:
    sheet = book.by_id(int(req.get("sheetId") or 0), where)
    if len(book.sheets) == 1:
        raise invalid(f"{where}You can't remove all the sheets in a document.")
    book.sheets.remove(sheet)
    book.reindex()
    book.named_ranges = [r for r in book.named_ranges if r["range"].get("sheetId", 0) != sheet.id]


@handles("updateSheetProperties")
def update_sheet_properties(book: Book, req: dict[str, Any], where: str) -> None:
    new = req.get("properties") or {}
    sheet = book.by_id(int(new.get("sheetId") or 0), where)
    mask = req.get("fields")
    if not mask:
        raise invalid(f"{where}At least one field must be updated, but 'fields' is empty.")
    old_index = sheet.properties["index"]
    apply_mask(sheet.properties, new, mask)
    sheet.properties["sheetId"] = (
        sheet.id if "sheetId" in sheet.properties else new.get("sheetId", 0)
    )
    for key in ("title", "sheetType", "gridProperties"):
        if key not in sheet.properties:
            raise invalid(f"{where}{key} cannot be cleared.")
    grid = sheet.properties["gridProperties"]
    grid.setdefault("rowCount", 1000)
    grid.setdefault("columnCount", 26)
    if any(s is not sheet and s.title == sheet.title for s in book.sheets):
        raise invalid(f'{where}A sheet with the name "{sheet.title}" already exists.')
    if all(s.properties.get("hidden") for s in book.sheets):
        raise invalid(f"{where}You can't hide all the sheets in a document.")
    index = sheet.properties.get("index", old_index)
    book.sheets.remove(sheet)
    book.sheets.insert(min(index, len(book.sheets)), sheet)
    book.reindex()
    _normalise(sheet.properties)
    sheet.drop_outside()


@handles("updateSpreadsheetProperties")
def update_spreadsheet_properties(book: Book, req: dict[str, Any], where: str) -> None:
    props = req.get("properties") or {}
    if "title" in props:
        book.title = props["title"]


def _write_cells(sheet: SheetModel, r: int, c: int, cell: dict[str, Any], mask: str) -> None:
    text = (cell.get("userEnteredValue") or {}).get("stringValue")
    if text is not None and len(text) > MAX_CHARS:
        raise invalid(
            f"Your input contains more than the maximum of {MAX_CHARS} characters in a single cell."
        )
    value = cell.get("userEnteredValue")
    if value is not None and len([k for k, v in value.items() if v is not None]) != 1:
        raise invalid("ExtendedValue must have exactly one of its values set.")
    if value and "formulaValue" in value and not str(value["formulaValue"]).startswith(("=", "+")):
        raise invalid(f"Formula must start with '=': {value['formulaValue']}")
    target = sheet.cells.setdefault((r, c), {})
    apply_mask(target, cell, mask)
    if not target:
        del sheet.cells[(r, c)]


@handles("updateCells")
def update_cells(book: Book, req: dict[str, Any], where: str) -> None:
    mask = req.get("fields")
    if not mask:
        raise invalid(f"{where}At least one field must be updated, but 'fields' is empty.")
    rows = req.get("rows") or []
    if req.get("range") is not None:
        sheet, (r0, c0, r1, c1) = _box(book, req["range"], where)
    else:
        start = req.get("start") or {}
        sheet = book.by_id(int(start.get("sheetId") or 0), where)
        r0, c0 = int(start.get("rowIndex") or 0), int(start.get("columnIndex") or 0)
        r1 = r0 + len(rows)
        c1 = c0 + max((len(r.get("values") or []) for r in rows), default=0)
        if r1 > sheet.rows or c1 > sheet.cols:
            raise invalid(
                f"{where}GridCoordinate is after the last row or column in grid[{sheet.id}]: "
                f"rows {sheet.rows}, columns {sheet.cols}"
            )
    if len(rows) > r1 - r0 or any(len(r.get("values") or []) > c1 - c0 for r in rows):
        raise invalid(f"{where}More data in rows than fits in the range.")
    for r in range(r0, r1):
        row = rows[r - r0].get("values") or [] if r - r0 < len(rows) else []
        for c in range(c0, c1):
            cell = row[c - c0] if c - c0 < len(row) else {}
            if cell or (r, c) in sheet.cells:
                _write_cells(sheet, r, c, cell or {}, mask)


@handles("repeatCell")
def repeat_cell(book: Book, req: dict[str, Any], where: str) -> None:
    sheet, (r0, c0, r1, c1) = _box(book, req.get("range") or {}, where)
    mask = req.get("fields") or ""
    cell = req.get("cell") or {}
    for r in range(r0, r1):
        for c in range(c0, c1):
            if cell or (r, c) in sheet.cells:
                _write_cells(sheet, r, c, cell, mask)


@handles("appendDimension")
def append_dimension(book: Book, req: dict[str, Any], where: str) -> None:
    sheet = book.by_id(int(req.get("sheetId") or 0), where)
    key = "rowCount" if req.get("dimension") == "ROWS" else "columnCount"
    sheet.properties["gridProperties"][key] += int(req.get("length") or 0)


@handles("updateDimensionProperties")
def update_dimension_properties(book: Book, req: dict[str, Any], where: str) -> None:
    rng = req.get("range") or {}
    sheet = book.by_id(int(rng.get("sheetId") or 0), where)
    end = int(rng.get("endIndex") or 0)
    limit = sheet.cols if rng.get("dimension") == "COLUMNS" else sheet.rows
    if end > limit:
        raise invalid(f"{where}Invalid dimension range: end index {end} is past {limit}.")
    if rng.get("dimension") == "COLUMNS":
        for c in range(int(rng.get("startIndex") or 0), end):
            apply_mask(
                sheet.column_metadata.setdefault(c, {}), req.get("properties") or {}, req["fields"]
            )


def _check_ranges(book: Book, ranges: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    out = []
    for g in ranges:
        sheet, box = _box(book, g, where)
        out.append(_grid(sheet, box))
    return out


@handles("addConditionalFormatRule")
def add_conditional_format_rule(book: Book, req: dict[str, Any], where: str) -> None:
    rule = copy.deepcopy(req.get("rule") or {})
    ranges = rule.get("ranges") or []
    if not ranges:
        raise invalid(f"{where}At least one range must be specified.")
    rule["ranges"] = _check_ranges(book, ranges, where)
    sheet = book.by_id(int(ranges[0].get("sheetId") or 0), where)
    boolean = rule.get("booleanRule") or {}
    for v in (boolean.get("condition") or {}).get("values") or []:
        formula = v.get("userEnteredValue", "")
        if boolean["condition"].get("type") == "CUSTOM_FORMULA" and not formula.startswith(
            ("=", "+")
        ):
            raise invalid(f"{where}Invalid ConditionValue.userEnteredValue: {formula}")
    index = int(req.get("index") or 0)
    sheet.conditional_formats.insert(min(index, len(sheet.conditional_formats)), rule)


@handles("deleteConditionalFormatRule")
def delete_conditional_format_rule(book: Book, req: dict[str, Any], where: str) -> dict:
    sheet = book.by_id(int(req.get("sheetId") or 0), where)
    index = int(req.get("index") or 0)
    if index >= len(sheet.conditional_formats):
        raise invalid(f"{where}No conditional format on sheet {sheet.id} at index {index}")
    return {"rule": sheet.conditional_formats.pop(index)}


def _all_ids(book: Book) -> set[int]:
    ids = {s.id for s in book.sheets}
    for s in book.sheets:
        ids |= {c["chartId"] for c in s.charts}
        ids |= {p["protectedRangeId"] for p in s.protected_ranges}
    return ids


def _fresh(book: Book) -> int:
    used = _all_ids(book)
    while True:
        n = random.randrange(1, 2**31 - 1)
        if n not in used:
            return n


@handles("addChart")
def add_chart(book: Book, req: dict[str, Any], where: str) -> dict:
    chart = copy.deepcopy(req.get("chart") or {})
    spec = chart.get("spec") or {}
    basic = spec.get("basicChart") or {}
    for part in [*(basic.get("domains") or []), *(basic.get("series") or [])]:
        source = part.get("domain") or part.get("series") or {}
        _check_ranges(book, (source.get("sourceRange") or {}).get("sources") or [], where)
    anchor = ((chart.get("position") or {}).get("overlayPosition") or {}).get("anchorCell") or {}
    sheet = book.by_id(int(anchor.get("sheetId") or 0), where)
    chart["chartId"] = chart.get("chartId") or _fresh(book)
    sheet.charts.append(chart)
    return {"chart": copy.deepcopy(chart)}


@handles("deleteEmbeddedObject")
def delete_embedded_object(book: Book, req: dict[str, Any], where: str) -> None:
    oid = req.get("objectId")
    for s in book.sheets:
        for c in s.charts:
            if c["chartId"] == oid:
                s.charts.remove(c)
                return
    raise invalid(f"{where}No embedded object with id: {oid}")


@handles("setBasicFilter")
def set_basic_filter(book: Book, req: dict[str, Any], where: str) -> None:
    f = copy.deepcopy(req.get("filter") or {})
    sheet, box = _box(book, f.get("range") or {}, where)
    f["range"] = _grid(sheet, box)
    sheet.basic_filter = f


@handles("clearBasicFilter")
def clear_basic_filter(book: Book, req: dict[str, Any], where: str) -> None:
    book.by_id(int(req.get("sheetId") or 0), where).basic_filter = None


@handles("addProtectedRange")
def add_protected_range(book: Book, req: dict[str, Any], where: str) -> dict:
    p = copy.deepcopy(req.get("protectedRange") or {})
    sheet, box = _box(book, p.get("range") or {}, where)
    p["range"] = _grid(sheet, box)
    if p.get("warningOnly") and p.get("editors"):
        raise invalid(f"{where}Editors are not supported with warning_only protection.")
    p["unprotectedRanges"] = _check_ranges(book, p.get("unprotectedRanges") or [], where)
    if not p["unprotectedRanges"]:
        del p["unprotectedRanges"]
    p["protectedRangeId"] = _fresh(book)
    p["requestingUserCanEdit"] = True
    if not p.get("warningOnly"):
        p["editors"] = p.get("editors") or {}
    p = {k: v for k, v in p.items() if v is not None}
    sheet.protected_ranges.append(p)
    return {"protectedRange": copy.deepcopy(p)}


@handles("deleteProtectedRange")
def delete_protected_range(book: Book, req: dict[str, Any], where: str) -> None:
    pid = req.get("protectedRangeId")
    for s in book.sheets:
        for p in s.protected_ranges:
            if p["protectedRangeId"] == pid:
                s.protected_ranges.remove(p)
                return
    raise invalid(f"{where}No protected range with id: {pid}")


@handles("addNamedRange")
def add_named_range(book: Book, req: dict[str, Any], where: str) -> dict:
    r = copy.deepcopy(req.get("namedRange") or {})
    if any(n["name"] == r.get("name") for n in book.named_ranges):
        raise invalid(f"{where}Named range with name {r.get('name')} already exists.")
    sheet, box = _box(book, r.get("range") or {}, where)
    r["range"] = _grid(sheet, box)
    r["namedRangeId"] = r.get("namedRangeId") or f"{random.getrandbits(40):x}"
    book.named_ranges.append(r)
    return {"namedRange": copy.deepcopy(r)}


@handles("deleteNamedRange")
def delete_named_range(book: Book, req: dict[str, Any], where: str) -> None:
    rid = req.get("namedRangeId")
    before = len(book.named_ranges)
    book.named_ranges = [n for n in book.named_ranges if n["namedRangeId"] != rid]
    if len(book.named_ranges) == before:
        raise invalid(f"{where}No named range with id {rid}")


def metadata_matches(meta: dict[str, Any], lookup: dict[str, Any]) -> bool:
    """DeveloperMetadataLookup: every field given must match."""
    for key in ("metadataId", "metadataKey", "metadataValue", "visibility"):
        if lookup.get(key) is not None and meta.get(key) != lookup[key]:
            return False
    kind = lookup.get("locationType")
    return kind is None or meta["location"]["locationType"] == kind


@handles("createDeveloperMetadata")
def create_developer_metadata(book: Book, req: dict[str, Any], where: str) -> dict:
    meta = copy.deepcopy(req.get("developerMetadata") or {})
    mid = meta.get("metadataId")
    if mid is not None and any(m["metadataId"] == mid for m in book.all_metadata()):
        raise invalid(f"{where}Metadata with ID {mid} already exists.")
    if not meta.get("visibility"):
        raise invalid(f"{where}Metadata visibility must be specified.")
    meta["metadataId"] = mid if mid is not None else random.randrange(1, 2**31 - 1)
    location = meta.get("location") or {}
    if location.get("spreadsheet"):
        meta["location"] = {"locationType": "SPREADSHEET", "spreadsheet": True}
        book.developer_metadata.append(meta)
    elif location.get("sheetId") is not None:
        sheet = book.by_id(int(location["sheetId"]), where)
        meta["location"] = {"locationType": "SHEET", "sheetId": sheet.id}
        sheet.developer_metadata.append(meta)
    else:
        raise invalid(f"{where}A location must be specified for developer metadata.")
    return {"developerMetadata": copy.deepcopy(meta)}


@handles("deleteDeveloperMetadata")
def delete_developer_metadata(book: Book, req: dict[str, Any], where: str) -> dict:
    lookup = (req.get("dataFilter") or {}).get("developerMetadataLookup")
    if lookup is None:
        raise GoogleError(501, "stand-in: only developerMetadataLookup filters are implemented")
    deleted = [m for m in book.all_metadata() if metadata_matches(m, lookup)]
    book.developer_metadata = [m for m in book.developer_metadata if m not in deleted]
    for s in book.sheets:
        s.developer_metadata = [m for m in s.developer_metadata if m not in deleted]
    return {"deletedDeveloperMetadata": copy.deepcopy(deleted)}


@handles("copyPaste")
def copy_paste(book: Book, req: dict[str, Any], where: str) -> None:
    src, (r0, c0, r1, c1) = _box(book, req.get("source") or {}, where)
    dst, (d0, e0, d1, e1) = _box(book, req.get("destination") or {}, where)
    kind = req.get("pasteType") or "PASTE_NORMAL"
    mask = {
        "PASTE_NORMAL": "*",
        "PASTE_VALUES": "userEnteredValue",
        "PASTE_FORMAT": "userEnteredFormat",
    }
    if kind not in mask:
        raise GoogleError(501, f"stand-in: pasteType {kind} is not implemented")
    if (d1 - d0, e1 - e0) != (r1 - r0, c1 - c0):
        raise GoogleError(501, "stand-in: copyPaste needs a destination of the source's size")
    cells = {
        (r - r0, c - c0): copy.deepcopy(v)
        for (r, c), v in src.cells.items()
        if r0 <= r < r1 and c0 <= c < c1
    }
    for r in range(r1 - r0):
        for c in range(c1 - c0):
            cell = cells.get((r, c), {})
            if cell or (d0 + r, e0 + c) in dst.cells:
                _write_cells(dst, d0 + r, e0 + c, cell, mask[kind])


@handles("setDataValidation")
def set_data_validation(book: Book, req: dict[str, Any], where: str) -> None:
    sheet, (r0, c0, r1, c1) = _box(book, req.get("range") or {}, where)
    rule = req.get("rule")
    for r in range(r0, r1):
        for c in range(c0, c1):
            _write_cells(sheet, r, c, {"dataValidation": rule} if rule else {}, "dataValidation")


def _shift(sheet: SheetModel, dimension: str, start: int, delta: int) -> None:
    """Move cells at or after `start` by `delta` rows or columns (negative: deleted)."""
    axis = 0 if dimension == "ROWS" else 1
    moved: dict[tuple[int, int], dict[str, Any]] = {}
    for key, cell in sheet.cells.items():
        pos = key[axis]
        if delta < 0 and start <= pos < start - delta:
            continue  # deleted
        if pos >= start:
            key = (pos + delta, key[1]) if axis == 0 else (key[0], pos + delta)
        moved[key] = cell
    sheet.cells = moved
    grid = sheet.properties["gridProperties"]
    grid["rowCount" if axis == 0 else "columnCount"] += delta


@handles("deleteDimension")
def delete_dimension(book: Book, req: dict[str, Any], where: str) -> None:
    rng = req.get("range") or {}
    sheet = book.by_id(int(rng.get("sheetId") or 0), where)
    start, end = int(rng.get("startIndex") or 0), int(rng.get("endIndex") or 0)
    limit = sheet.rows if rng.get("dimension") == "ROWS" else sheet.cols
    if not 0 <= start < end <= limit:
        raise invalid(f"{where}Invalid dimension range [{start}, {end}) for a grid of {limit}.")
    _shift(sheet, rng.get("dimension") or "ROWS", start, start - end)


@handles("insertDimension")
def insert_dimension(book: Book, req: dict[str, Any], where: str) -> None:
    rng = req.get("range") or {}
    sheet = book.by_id(int(rng.get("sheetId") or 0), where)
    start, end = int(rng.get("startIndex") or 0), int(rng.get("endIndex") or 0)
    _shift(sheet, rng.get("dimension") or "ROWS", start, end - start)
