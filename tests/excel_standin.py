"""A recording stand-in for the part of xlwings' object model the Excel target uses.

It behaves like Excel where the target relies on it: a value starting with "=" becomes a
formula, a leading apostrophe makes text, `used_range` spans the written cells, and every
call is recorded so tests can count range writes.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string


class Calls(list):
    def count(self, name: str) -> int:
        return sum(1 for c in self if c[0] == name)


class FakeRange:
    def __init__(self, sheet: FakeSheet, row: int, col: int, ref: str = "") -> None:
        self.sheet, self.row, self.col, self.ref = sheet, row, col, ref
        self.api = FakeRangeApi(sheet, ref)

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


class FakeRangeApi:
    def __init__(self, sheet: FakeSheet, ref: str) -> None:
        self.FormatConditions = FakeConditions(sheet, ref)


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

    def range(self, where: Any) -> FakeRange:
        if isinstance(where, tuple):
            return FakeRange(self, *where)
        first = where.split(":")[0]
        col, row = coordinate_from_string(first)
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
        self.cells.clear()
        self.conditions.clear()

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
