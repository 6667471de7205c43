"""A recording stand-in for the part of xlwings' object model the Excel target uses.

It behaves like Excel where the target relies on it: a value starting with "=" becomes a
formula, a leading apostrophe makes text, `used_range` spans the written cells, and every
call is recorded so tests can count range writes.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
    range_boundaries,
)


class Calls(list):
    def count(self, name: str) -> int:
        return sum(1 for c in self if c[0] == name)


class FakeRange:
    def __init__(self, sheet: FakeSheet, row: int, col: int, ref: str = "") -> None:
        self.sheet, self.row, self.col, self.ref = sheet, row, col, ref
        self.api = FakeRangeApi(sheet, ref)

    @property
    def column_width(self) -> float | None:
        return self.sheet.widths.get(self.ref.split(":")[0])

    @column_width.setter
    def column_width(self, width: float) -> None:
        self.sheet.book.calls.append(("range.column_width", self.sheet.name, self.ref))
        for col in columns_of(self.ref):
            self.sheet.widths[col] = width

    @property
    def number_format(self) -> str | None:
        return self.sheet.formats.get((self.row, self.col))

    @number_format.setter
    def number_format(self, fmt: str) -> None:
        self.sheet.book.calls.append(("range.number_format", self.sheet.name, self.ref))
        min_col, min_row, max_col, max_row = bounds(self.ref)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                self.sheet.formats[(r, c)] = fmt

    def add_note(self, text: str) -> None:
        """As xlwings: one cell, non-empty text, and no note there yet."""
        if not isinstance(text, str) or not text:
            raise ValueError("a note needs text")
        if (self.row, self.col) in self.sheet.notes:
            raise ValueError("the cell already has a note")
        self.sheet.book.calls.append(("range.add_note", self.sheet.name, self.row, self.col))
        self.sheet.notes[(self.row, self.col)] = text

    @property
    def value(self) -> Any:
        return self.sheet.grid(values=True)

    @value.setter
    def value(self, rows: list[list[Any]]) -> None:
        self.sheet.book.calls.append(("range.value", self.sheet.name, self.row, self.col))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                self.sheet.cells[(self.row + r, self.col + c)] = v

    @property
    def formula(self) -> Any:
        return tuple(
            tuple("" if v is None else str(v) for v in row) for row in self.sheet.grid(values=False)
        )

    def options(self, **_: Any) -> FakeRange:
        return self


def columns_of(ref: str) -> list[str]:
    """The column letters a range spans ("C:E", "C5:E9" or "A:XFD")."""
    first, _, last = ref.partition(":")
    first = coordinate_from_string(first + "1" if first.isalpha() else first)[0]
    last = coordinate_from_string((last or first) + "1" if (last or first).isalpha() else last)[0]
    return [
        get_column_letter(i)
        for i in range(column_index_from_string(first), column_index_from_string(last) + 1)
    ]


class FakeRangeApi:
    def __init__(self, sheet: FakeSheet, ref: str) -> None:
        self.FormatConditions = FakeConditions(sheet, ref)
        self.EntireColumn = FakeColumns(sheet, ref)
        self.EntireRow = FakeRows(sheet, ref)
        self.Validation = FakeValidation(sheet, ref)


class FakeColumns:
    """Range.EntireColumn: hidden, grouped into an outline, the outline cleared."""

    def __init__(self, sheet: FakeSheet, ref: str) -> None:
        self.sheet, self.ref = sheet, ref

    @property
    def Hidden(self) -> bool:
        return all(c in self.sheet.hidden for c in columns_of(self.ref))

    @Hidden.setter
    def Hidden(self, hidden: bool) -> None:
        self.sheet.book.calls.append(("columns.hidden", self.sheet.name, self.ref, hidden))
        if self.ref == "A:XFD" and not hidden:
            self.sheet.hidden.clear()
            return
        for c in columns_of(self.ref):
            (self.sheet.hidden.add if hidden else self.sheet.hidden.discard)(c)

    def Group(self) -> None:
        self.sheet.book.calls.append(("columns.group", self.sheet.name, self.ref))
        self.sheet.groups.append(self.ref)

    def ClearOutline(self) -> None:
        self.sheet.book.calls.append(("columns.clear_outline", self.sheet.name, self.ref))
        self.sheet.groups.clear()


class FakeRows:
    """Range.EntireRow: hidden or shown ("3:3"; every row for the whole sheet)."""

    def __init__(self, sheet: FakeSheet, ref: str) -> None:
        self.sheet, self.ref = sheet, ref

    @property
    def Hidden(self) -> bool:
        return int(self.ref.split(":")[0]) in self.sheet.hidden_rows

    @Hidden.setter
    def Hidden(self, hidden: bool) -> None:
        self.sheet.book.calls.append(("rows.hidden", self.sheet.name, self.ref, hidden))
        if self.ref == "A:XFD":
            if not hidden:
                self.sheet.hidden_rows.clear()
            return
        first, _, last = self.ref.partition(":")
        for r in range(int(first), int(last or first) + 1):
            (self.sheet.hidden_rows.add if hidden else self.sheet.hidden_rows.discard)(r)


class FakeValidation:
    """Range.Validation: Excel refuses a second Add on cells that already have a rule."""

    def __init__(self, sheet: FakeSheet, ref: str) -> None:
        self.sheet, self.ref = sheet, ref

    def Delete(self) -> None:
        self.sheet.validations.pop(self.ref, None)

    def Add(self, Type: int, AlertStyle: int, Operator: int, Formula1: str) -> None:
        if self.ref in self.sheet.validations:
            raise RuntimeError("Validation.Add on cells that have a rule (call Delete first)")
        self.sheet.book.calls.append(("validation.add", self.sheet.name, self.ref))
        self.sheet.validations[self.ref] = (Type, AlertStyle, Formula1)


class FakeSheetApi:
    def __init__(self, sheet: FakeSheet) -> None:
        self.Cells = FakeRangeApi(sheet, "A:XFD")


class FakeConditions:
    def __init__(self, sheet: FakeSheet, ref: str) -> None:
        self.sheet, self.ref = sheet, ref

    def Add(self, Type: int, Formula1: str) -> Any:
        cond = type("Cond", (), {"Interior": type("Interior", (), {"Color": None})()})()
        self.sheet.conditions.append((self.ref, Type, Formula1, cond))
        return cond


class FakeSheet:
    def __init__(self, book: FakeBook, name: str) -> None:
        self.book, self.name = book, name
        self.cells: dict[tuple[int, int], Any] = {}
        self.conditions: list[tuple] = []
        self.visible = True
        self.widths: dict[str, float] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.notes: dict[tuple[int, int], str] = {}
        self.hidden: set[str] = set()  # column letters
        self.hidden_rows: set[int] = set()
        self.groups: list[str] = []
        self.validations: dict[str, tuple[int, int, str]] = {}  # ref -> (type, alert, list)
        self.api = FakeSheetApi(self)

    def range(self, where: Any, to: Any = None) -> FakeRange:
        if isinstance(where, tuple) and to is not None:
            ref = f"{get_column_letter(where[1])}{where[0]}:{get_column_letter(to[1])}{to[0]}"
            return FakeRange(self, where[0], where[1], ref)
        if isinstance(where, tuple):
            return FakeRange(self, where[0], where[1], f"{get_column_letter(where[1])}{where[0]}")
        first = where.split(":")[0]
        if first.isdigit():  # whole rows, "3:3"
            return FakeRange(self, int(first), 1, where)
        col, row = coordinate_from_string(first + "1" if first.isalpha() else first)
        return FakeRange(self, row, column_index_from_string(col), where)

    @property
    def used_range(self) -> FakeRange:
        return FakeRange(self, 1, 1)

    def grid(self, *, values: bool) -> list[list[Any]]:
        if not self.cells:
            return [[None]]
        h = max(r for r, _ in self.cells)
        w = max(c for _, c in self.cells)
        out = []
        for r in range(1, h + 1):
            row = []
            for c in range(1, w + 1):
                v = self.cells.get((r, c))
                if values and isinstance(v, str) and v.startswith("'"):
                    v = v[1:]  # Excel shows the text without its prefix
                elif values and isinstance(v, str) and v.startswith("="):
                    v = None  # a formula's value needs a calculation engine
                row.append(v)
            out.append(row)
        return out

    def clear(self) -> None:
        """Cells.Clear: contents, formats, notes and rules; column widths and folds stay."""
        self.cells.clear()
        self.conditions.clear()
        self.formats.clear()
        self.notes.clear()
        self.validations.clear()

    def delete(self) -> None:
        self.book._sheets.remove(self)


class FakeSheets:
    def __init__(self, book: FakeBook) -> None:
        self.book = book

    def __iter__(self):
        return iter(list(self.book._sheets))

    def add(self, name: str, after: Any = None) -> FakeSheet:
        sheet = FakeSheet(self.book, name)
        self.book._sheets.append(sheet)
        self.book.calls.append(("sheets.add", name))
        return sheet


class FakeApp:
    def __init__(self, book: FakeBook) -> None:
        self.book = book
        self.screen_updating = True

    def calculate(self) -> None:
        self.book.calls.append(("calculate",))

    def alert(self, prompt: str, title: str = "") -> None:
        self.book.alerts.append(prompt)


class FakeBook:
    def __init__(self, fullname: str = "review.xlsx") -> None:
        self.fullname = fullname
        self._sheets: list[FakeSheet] = []
        self.calls = Calls()
        self.alerts: list[str] = []
        self.sheets = FakeSheets(self)
        self.app = FakeApp(self)


def bounds(ref: str) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of a range of cells, 1-based."""
    found = range_boundaries(ref)
    assert None not in found, ref
    return found  # type: ignore[return-value]
