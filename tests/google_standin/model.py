"""The state of spreadsheets: what Google stores, inspectable by tests.

Cell dicts are treated as immutable values (every write stores a new dict), so a batch can
work on a cheap structural copy and be committed or dropped as a whole.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

DEFAULT_ROW_PIXELS = 21
DEFAULT_COLUMN_PIXELS = 100

Cell = dict[str, Any]


@dataclass
class SheetModel:
    """One tab."""

    properties: dict[str, Any]
    cells: dict[int, dict[int, Cell]] = field(default_factory=dict)  # row -> col -> CellData
    conditional_formats: list[dict[str, Any]] = field(default_factory=list)
    charts: list[dict[str, Any]] = field(default_factory=list)
    protected_ranges: list[dict[str, Any]] = field(default_factory=list)
    basic_filter: dict[str, Any] | None = None
    developer_metadata: list[dict[str, Any]] = field(default_factory=list)
    merges: list[dict[str, Any]] = field(default_factory=list)
    row_props: dict[int, dict[str, Any]] = field(default_factory=dict)
    column_props: dict[int, dict[str, Any]] = field(default_factory=dict)

    # identity and size ---------------------------------------------------------------------

    @property
    def sheet_id(self) -> int:
        return int(self.properties["sheetId"])

    @property
    def title(self) -> str:
        return str(self.properties["title"])

    @property
    def row_count(self) -> int:
        return int(self.properties["gridProperties"]["rowCount"])

    @property
    def column_count(self) -> int:
        return int(self.properties["gridProperties"]["columnCount"])

    # cells ---------------------------------------------------------------------------------

    def get(self, row: int, col: int) -> Cell | None:
        """0-based."""
        found = self.cells.get(row)
        return found.get(col) if found else None

    def put(self, row: int, col: int, cell: Cell | None) -> None:
        """0-based; an empty or None cell is removed."""
        if cell:
            self.cells.setdefault(row, {})[col] = cell
        else:
            found = self.cells.get(row)
            if found is not None:
                found.pop(col, None)
                if not found:
                    del self.cells[row]

    def cell(self, row: int, col: int) -> Cell | None:
        """1-based, for assertions: the CellData dict as stored, or None."""
        return self.get(row - 1, col - 1)

    def values(self, render: str = "FORMULA", date_time: str = "SERIAL_NUMBER") -> list[list]:
        """The whole tab as values.get would answer it (trailing empties trimmed)."""
        from .values import read_matrix

        return read_matrix(self, 0, self.row_count, 0, self.column_count, render, date_time)

    @property
    def column_metadata(self) -> list[dict[str, Any]]:
        """DimensionProperties of every column (`pixelSize` defaults to 100)."""
        return [
            {"pixelSize": DEFAULT_COLUMN_PIXELS, **self.column_props.get(c, {})}
            for c in range(self.column_count)
        ]

    @property
    def row_metadata(self) -> list[dict[str, Any]]:
        return [
            {"pixelSize": DEFAULT_ROW_PIXELS, **self.row_props.get(r, {})}
            for r in range(self.row_count)
        ]

    def resize(self, rows: int, cols: int) -> None:
        """Set the grid size; cells outside it are gone."""
        grid = self.properties["gridProperties"]
        grid["rowCount"], grid["columnCount"] = rows, cols
        for r in [r for r in self.cells if r >= rows]:
            del self.cells[r]
        for r, found in list(self.cells.items()):
            for c in [c for c in found if c >= cols]:
                del found[c]
            if not found:
                del self.cells[r]
        self.row_props = {r: p for r, p in self.row_props.items() if r < rows}
        self.column_props = {c: p for c, p in self.column_props.items() if c < cols}

    def clone(self) -> SheetModel:
        return SheetModel(
            copy.deepcopy(self.properties),
            {r: dict(found) for r, found in self.cells.items()},
            copy.deepcopy(self.conditional_formats),
            copy.deepcopy(self.charts),
            copy.deepcopy(self.protected_ranges),
            copy.deepcopy(self.basic_filter),
            copy.deepcopy(self.developer_metadata),
            copy.deepcopy(self.merges),
            copy.deepcopy(self.row_props),
            copy.deepcopy(self.column_props),
        )


def new_sheet(
    sheet_id: int, title: str, index: int, rows: int = 1000, cols: int = 26
) -> SheetModel:
    return SheetModel(
        {
            "sheetId": sheet_id,
            "title": title,
            "index": index,
            "sheetType": "GRID",
            "gridProperties": {"rowCount": rows, "columnCount": cols},
        }
    )


@dataclass
class Spreadsheet:
    """One spreadsheet (a Drive file of mimeType google-apps.spreadsheet)."""

    spreadsheet_id: str
    properties: dict[str, Any]
    sheets: list[SheetModel] = field(default_factory=list)
    named_ranges: list[dict[str, Any]] = field(default_factory=list)
    developer_metadata: list[dict[str, Any]] = field(default_factory=list)  # spreadsheet-level

    @property
    def title(self) -> str:
        return str(self.properties["title"])

    def sheet(self, title: str) -> SheetModel:
        for s in self.sheets:
            if s.title == title:
                return s
        raise KeyError(title)

    def find(self, title: str) -> SheetModel | None:
        for s in self.sheets:
            if s.title == title:
                return s
        return None

    def by_id(self, sheet_id: int) -> SheetModel | None:
        for s in self.sheets:
            if s.sheet_id == sheet_id:
                return s
        return None

    def cell_total(self) -> int:
        """What Google's 10,000,000-cell limit counts: the grid sizes of all tabs."""
        return sum(s.row_count * s.column_count for s in self.sheets)

    def reindex(self) -> None:
        for i, s in enumerate(self.sheets):
            s.properties["index"] = i

    def all_metadata(self) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """Every developer metadata entry with the list that holds it."""
        found = [(m, self.developer_metadata) for m in self.developer_metadata]
        for s in self.sheets:
            found.extend((m, s.developer_metadata) for m in s.developer_metadata)
        return found

    def clone(self) -> Spreadsheet:
        return Spreadsheet(
            self.spreadsheet_id,
            copy.deepcopy(self.properties),
            [s.clone() for s in self.sheets],
            copy.deepcopy(self.named_ranges),
            copy.deepcopy(self.developer_metadata),
        )
