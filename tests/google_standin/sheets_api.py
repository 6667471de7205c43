"""Sheets v4 endpoints other than batchUpdate's request kinds: get, values.*, search, create."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import a1, batch, metadata, ranges
from . import fields as masks
from . import paste as _paste  # noqa: F401  (registers batchUpdate's pasteData)
from . import values as vals
from .discovery import one, truthy
from .errors import ApiError, Reject, invalid
from .model import SheetModel, Spreadsheet
from .render import spreadsheet_json

if TYPE_CHECKING:
    from .fake import FakeGoogle


@dataclass
class Call:
    """One parsed request."""

    identity: str
    params: dict[str, str]  # path parameters, decoded
    query: dict[str, list[str]]
    body: Any


Handler = Callable[["FakeGoogle", Call], tuple[int, Any]]
HANDLERS: dict[str, Handler] = {}

READS = {
    "spreadsheets.get",
    "spreadsheets.values.get",
    "spreadsheets.values.batchGet",
    "spreadsheets.developerMetadata.search",
    "spreadsheets.developerMetadata.get",
    "spreadsheets.getByDataFilter",
    "spreadsheets.values.batchGetByDataFilter",
}

# The field of the request message that holds the body: it prefixes error paths ('data.values')
BODY_ROOT = {
    "spreadsheets.values.update": "data",
    "spreadsheets.values.append": "data",
    "spreadsheets.create": "spreadsheet",
}


def endpoint(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return register


def _plain(fn: Callable[[], Any]) -> Any:
    """Run an operation outside batchUpdate: a Reject is a bare 400 message."""
    try:
        return fn()
    except Reject as r:
        raise invalid(r.message) from None


def _resolve(book: Spreadsheet, text: str) -> tuple[SheetModel, a1.Area]:
    return _plain(lambda: ranges.resolve_a1(book, text))


# spreadsheets ----------------------------------------------------------------------------------


def _field_tree(call: Call) -> masks.Tree | None:
    mask = one(call.query, "fields")
    if mask is None:
        return None
    try:
        tree = masks.parse(mask)
    except ValueError:
        raise invalid(f"Invalid field selection {mask}") from None
    return tree


def _wants_data(tree: masks.Tree) -> bool:
    if "*" in tree:
        return True
    sheets = tree.get("sheets")
    return sheets is not None and (not sheets or "data" in sheets or "*" in sheets)


def _cell_want(tree: masks.Tree | None) -> masks.Tree | None:
    """The CellData sub-mask (`sheets.data.rowData.values(...)`), to compute only that."""
    node: Any = tree
    for key in ("sheets", "data", "rowData", "values"):
        if not node or "*" in node:
            return None
        node = node.get(key)
        if node is None:
            return None
    return node or None


@endpoint("spreadsheets.get")
def get(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    book = fake.open(call.params["spreadsheetId"], call.identity, write=False)
    tree = _field_tree(call)
    if tree is not None:
        bad = masks.unknown_path(tree, "Spreadsheet")
        if bad:
            raise invalid(f"Invalid field selection {bad}")
        grid = _wants_data(tree)
    else:
        grid = truthy(call.query, "includeGridData")
    chosen = None
    if call.query.get("ranges"):
        chosen = []
        for text in call.query["ranges"]:
            sheet, area = _resolve(book, text)
            chosen.append((sheet, ranges.clip(sheet, area)))
    answer = spreadsheet_json(book, ranges=chosen, grid=grid, want=_cell_want(tree))
    return 200, masks.select(answer, tree) if tree else answer


@endpoint("spreadsheets.create")
def create(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    body = call.body or {}
    props = body.get("properties") or {}
    for sheet in body.get("sheets") or []:
        if sheet and any(v is not None for k, v in sheet.items() if k != "properties"):
            raise ApiError(
                501,
                {
                    "error": {
                        "code": 501,
                        "message": "AssertionError: the Google stand-in "
                        "creates spreadsheets from sheet properties only",
                        "status": "UNIMPLEMENTED",
                    }
                },
            )
    sid = fake.create_spreadsheet(
        title=props.get("title") or "Untitled spreadsheet",
        editors=set(),
        owner=call.identity,
        sheets=[s.get("properties") or {} for s in body.get("sheets") or [] if s],
        locale=props.get("locale") or "en_US",
        time_zone=props.get("timeZone") or "Etc/GMT",
    )
    return 200, spreadsheet_json(fake.books[sid])


@endpoint("spreadsheets.batchUpdate")
def batch_update(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    sid = call.params["spreadsheetId"]
    book = fake.open(sid, call.identity, write=True)
    body = call.body or {}
    new, replies = batch.apply(book, body.get("requests") or [], call.identity, fake.rng)
    fake.commit(new)
    answer: dict[str, Any] = {"spreadsheetId": sid, "replies": replies}
    if body.get("includeSpreadsheetInResponse"):
        chosen = None
        if body.get("responseRanges"):
            chosen = []
            for text in body["responseRanges"]:
                sheet, area = _resolve(new, text)
                chosen.append((sheet, ranges.clip(sheet, area)))
        answer["updatedSpreadsheet"] = spreadsheet_json(
            new, ranges=chosen, grid=bool(body.get("responseIncludeGridData"))
        )
    tree = _field_tree(call)
    if tree is not None:
        bad = masks.unknown_path(tree, "BatchUpdateSpreadsheetResponse")
        if bad:
            raise invalid(f"Invalid field selection {bad}")
        answer = masks.select(answer, tree)
    return 200, answer


@endpoint("spreadsheets.developerMetadata.search")
def search(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    book = fake.open(call.params["spreadsheetId"], call.identity, write=False)
    found = metadata.search(book, (call.body or {}).get("dataFilters") or [])
    return 200, {"matchedDeveloperMetadata": found} if found else {}


# values: reading -------------------------------------------------------------------------------


def _options(query: dict[str, list[str]], prefix: str = "") -> tuple[str, str]:
    key = f"{prefix}valueRenderOption" if prefix else "valueRenderOption"
    option = one(query, key, "FORMATTED_VALUE") or "FORMATTED_VALUE"
    dkey = f"{prefix}DateTimeRenderOption" if prefix else "dateTimeRenderOption"
    date_time = one(query, dkey, "SERIAL_NUMBER") or "SERIAL_NUMBER"
    return option, date_time


def _major(value: str | None) -> str:
    return "COLUMNS" if value == "COLUMNS" else "ROWS"


def _plain_exceeds(sheet: SheetModel, r0: int, r1: int, c0: int, c1: int) -> ApiError:
    return invalid(ranges.exceeds(sheet, r0, r1, c0, c1).message)


def _inside(book: Spreadsheet, text: str) -> tuple[SheetModel, a1.Area]:
    """A range to read or clear: it may run past the grid's edge, not start beyond it."""
    sheet, area = _resolve(book, text)
    if area.r0 >= sheet.row_count or area.c0 >= sheet.column_count:
        raise _plain_exceeds(
            sheet,
            area.r0,
            area.r1 if area.r1 is not None else area.r0 + 1,
            area.c0,
            area.c1 if area.c1 is not None else area.c0 + 1,
        )
    return sheet, area


def _value_range(
    book: Spreadsheet, text: str, option: str, date_time: str, major: str
) -> dict[str, Any]:
    sheet, area = _inside(book, text)
    r0, r1, c0, c1 = ranges.clip(sheet, area)
    out: dict[str, Any] = {"range": ranges.describe(sheet, area), "majorDimension": major}
    matrix = vals.read_matrix(sheet, r0, r1, c0, c1, option, date_time, major)
    if matrix:
        out["values"] = matrix
    return out


@endpoint("spreadsheets.values.get")
def values_get(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    book = fake.open(call.params["spreadsheetId"], call.identity, write=False)
    option, date_time = _options(call.query)
    major = _major(one(call.query, "majorDimension"))
    return 200, _value_range(book, call.params["range"], option, date_time, major)


@endpoint("spreadsheets.values.batchGet")
def values_batch_get(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    sid = call.params["spreadsheetId"]
    book = fake.open(sid, call.identity, write=False)
    option, date_time = _options(call.query)
    major = _major(one(call.query, "majorDimension"))
    answer: dict[str, Any] = {"spreadsheetId": sid}
    texts = call.query.get("ranges") or []
    if texts:
        answer["valueRanges"] = [_value_range(book, t, option, date_time, major) for t in texts]
    return 200, answer


# values: writing -------------------------------------------------------------------------------


def _input_option(value: str | None) -> str:
    if value is None:
        raise invalid("'valueInputOption' is required but not specified")
    if value == "INPUT_VALUE_OPTION_UNSPECIFIED":
        raise invalid("Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED")
    return value


def _grow_to(book: Spreadsheet, sheet: SheetModel, rows: int, cols: int) -> None:
    """Values writes grow the grid (and still obey the 10,000,000-cell limit)."""
    if rows <= sheet.row_count and cols <= sheet.column_count:
        return
    new_rows, new_cols = max(rows, sheet.row_count), max(cols, sheet.column_count)
    if new_cols > batch.MAX_COLUMNS:
        raise invalid(f"The maximum number of columns is {batch.MAX_COLUMNS}.")
    total = book.cell_total() - sheet.row_count * sheet.column_count + new_rows * new_cols
    if total > batch.MAX_CELLS:
        raise invalid(batch.TOO_MANY_CELLS)
    sheet.properties["gridProperties"]["rowCount"] = new_rows
    sheet.properties["gridProperties"]["columnCount"] = new_cols


def _matrix(body: dict[str, Any], major: str | None) -> list[list[Any]]:
    rows = body.get("values") or []
    if _major(major or body.get("majorDimension")) == "COLUMNS":
        height = max((len(c or []) for c in rows), default=0)
        rows = [[(c or [])[r] if r < len(c or []) else None for c in rows] for r in range(height)]
    return [r or [] for r in rows]


@dataclass
class Written:
    sheet: SheetModel
    r0: int
    c0: int
    height: int
    width: int
    cells: int
    rows: set[int]
    cols: set[int]

    @property
    def range(self) -> str:
        if not self.height or not self.width:
            return a1.format_range(self.sheet.title, self.r0, self.r0 + 1, self.c0, self.c0 + 1)
        return a1.format_range(
            self.sheet.title, self.r0, self.r0 + self.height, self.c0, self.c0 + self.width
        )

    def response(self, sid: str) -> dict[str, Any]:
        out: dict[str, Any] = {"spreadsheetId": sid, "updatedRange": self.range}
        if self.cells:
            out.update(
                updatedRows=len(self.rows), updatedColumns=len(self.cols), updatedCells=self.cells
            )
        return out


def write_values(
    book: Spreadsheet, text: str, body: dict[str, Any], option: str, *, at: tuple | None = None
) -> Written:
    """Write a ValueRange into `text`, inside the grid; or append at (sheet, row, col),
    growing the grid as values.append does."""
    if at is None:
        sheet, area = _resolve(book, text)
        r0, c0 = area.r0, area.c0
    else:
        sheet, r0, c0 = at
        area = a1.Area(r0, None, c0, None)
    if body.get("range") and at is None:
        body_sheet, body_area = _resolve(book, body["range"])
        if body_sheet is not sheet or body_area != area:
            raise invalid(
                f"Requested writing within range [{text}], but tried writing within range "
                f"[{body['range']}]"
            )
    if area.r1 == area.r0 + 1 and area.c1 == area.c0 + 1:
        area = a1.Area(area.r0, None, area.c0, None)  # one cell is where writing starts
    matrix = _matrix(body, body.get("majorDimension"))
    height = len(matrix)
    width = max((len(r) for r in matrix), default=0)
    if area.r1 is not None and r0 + height > area.r1:
        raise invalid(
            f"Requested writing within range [{text}], but tried writing to row [{area.r1 + 1}]"
        )
    if area.c1 is not None and c0 + width > area.c1:
        raise invalid(
            f"Requested writing within range [{text}], but tried writing to column "
            f"[{a1.column_letters(area.c1)}]"
        )
    if at is None and (r0 + height > sheet.row_count or c0 + width > sheet.column_count):
        raise _plain_exceeds(sheet, r0, r0 + max(height, 1), c0, c0 + max(width, 1))
    _grow_to(book, sheet, r0 + height, c0 + width)
    done = Written(sheet, r0, c0, height, width, 0, set(), set())
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            parsed = vals.input_value(value, option, f"values[{i}][{j}]")
            if parsed is None:
                continue
            new_value, number_format = parsed
            r, c = r0 + i, c0 + j
            sheet.put(r, c, vals.store(sheet.get(r, c), new_value, number_format) or None)
            done.cells += 1
            done.rows.add(r)
            done.cols.add(c)
    return done


def _updated_data(written: Written, query: dict[str, list[str]]) -> dict[str, Any]:
    option, date_time = _options(query, "response")
    option = one(query, "responseValueRenderOption", "FORMATTED_VALUE") or "FORMATTED_VALUE"
    date_time = one(query, "responseDateTimeRenderOption", "SERIAL_NUMBER") or "SERIAL_NUMBER"
    sheet = written.sheet
    r1, c1 = written.r0 + max(written.height, 1), written.c0 + max(written.width, 1)
    out: dict[str, Any] = {"range": written.range, "majorDimension": "ROWS"}
    matrix = vals.read_matrix(sheet, written.r0, r1, written.c0, c1, option, date_time)
    if matrix:
        out["values"] = matrix
    return out


@endpoint("spreadsheets.values.update")
def values_update(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    sid = call.params["spreadsheetId"]
    book = fake.open(sid, call.identity, write=True)
    option = _input_option(one(call.query, "valueInputOption"))
    work = book.clone()
    written = write_values(work, call.params["range"], call.body or {}, option)
    fake.commit(work)
    answer = written.response(sid)
    if truthy(call.query, "includeValuesInResponse"):
        answer["updatedData"] = _updated_data(written, call.query)
    return 200, answer


@endpoint("spreadsheets.values.batchUpdate")
def values_batch_update(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    sid = call.params["spreadsheetId"]
    book = fake.open(sid, call.identity, write=True)
    body = call.body or {}
    option = _input_option(body.get("valueInputOption"))
    work = book.clone()
    done = [
        write_values(work, d.get("range") or "", d, option) for d in body.get("data") or [] if d
    ]
    fake.commit(work)
    answer: dict[str, Any] = {"spreadsheetId": sid}
    if done:
        answer.update(
            totalUpdatedRows=len({(w.sheet.sheet_id, r) for w in done for r in w.rows}),
            totalUpdatedColumns=len({(w.sheet.sheet_id, c) for w in done for c in w.cols}),
            totalUpdatedCells=sum(w.cells for w in done),
            totalUpdatedSheets=len({w.sheet.sheet_id for w in done if w.cells}),
        )
        responses = []
        query = {
            "responseValueRenderOption": [
                body.get("responseValueRenderOption") or "FORMATTED_VALUE"
            ],
            "responseDateTimeRenderOption": [
                body.get("responseDateTimeRenderOption") or "SERIAL_NUMBER"
            ],
        }
        for w in done:
            item = w.response(sid)
            if body.get("includeValuesInResponse"):
                item["updatedData"] = _updated_data(w, query)
            responses.append(item)
        answer["responses"] = responses
    return 200, answer


def _table(
    sheet: SheetModel, r0: int, r1: int, c0: int, c1: int
) -> tuple[int, int, int, int] | None:
    """The 'table' values.append finds: the first run of non-empty rows in the range."""
    filled = sorted(
        r
        for r, found in sheet.cells.items()
        if r0 <= r < r1
        and any(
            c0 <= c < c1 and vals.render(cell, "FORMULA", "SERIAL_NUMBER") not in (None, "")
            for c, cell in found.items()
        )
    )
    if not filled:
        return None
    first = last = filled[0]
    for r in filled[1:]:
        if r != last + 1:
            break
        last = r
    cols = [
        c
        for r in range(first, last + 1)
        for c, cell in sheet.cells.get(r, {}).items()
        if c0 <= c < c1 and vals.render(cell, "FORMULA", "SERIAL_NUMBER") not in (None, "")
    ]
    return first, last + 1, min(cols), max(cols) + 1


@endpoint("spreadsheets.values.append")
def values_append(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    sid = call.params["spreadsheetId"]
    book = fake.open(sid, call.identity, write=True)
    option = _input_option(one(call.query, "valueInputOption"))
    work = book.clone()
    text = call.params["range"]
    sheet, area = _resolve(work, text)
    r0, r1, c0, c1 = ranges.clip(sheet, area)
    table = _table(sheet, r0, r1, c0, c1)
    answer: dict[str, Any] = {"spreadsheetId": sid}
    if table is None:
        row, col = area.r0, area.c0
    else:
        answer["tableRange"] = a1.format_range(sheet.title, *table)
        row, col = table[1], table[2]
    body = dict(call.body or {})
    body.pop("range", None)
    height = len(_matrix(body, body.get("majorDimension")))
    if one(call.query, "insertDataOption") == "INSERT_ROWS" and height:
        batch.shift(sheet, True, row, height)
        _grow_to(work, sheet, sheet.row_count + height, sheet.column_count)
    written = write_values(work, text, body, option, at=(sheet, row, col))
    fake.commit(work)
    updates = written.response(sid)
    if truthy(call.query, "includeValuesInResponse"):
        updates["updatedData"] = _updated_data(written, call.query)
    answer["updates"] = updates
    return 200, answer


def _clear(book: Spreadsheet, text: str) -> str:
    sheet, area = _inside(book, text)
    r0, r1, c0, c1 = ranges.clip(sheet, area)
    for r in [r for r in sheet.cells if r0 <= r < r1]:
        for c in [c for c in sheet.cells[r] if c0 <= c < c1]:
            sheet.put(r, c, vals.store(sheet.get(r, c), None, None) or None)
    return ranges.describe(sheet, area)


@endpoint("spreadsheets.values.clear")
def values_clear(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    sid = call.params["spreadsheetId"]
    work = fake.open(sid, call.identity, write=True).clone()
    cleared = _clear(work, call.params["range"])
    fake.commit(work)
    return 200, {"spreadsheetId": sid, "clearedRange": cleared}


@endpoint("spreadsheets.values.batchClear")
def values_batch_clear(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    sid = call.params["spreadsheetId"]
    work = fake.open(sid, call.identity, write=True).clone()
    cleared = [_clear(work, t) for t in (call.body or {}).get("ranges") or []]
    fake.commit(work)
    answer: dict[str, Any] = {"spreadsheetId": sid}
    if cleared:
        answer["clearedRanges"] = cleared
    return 200, answer
