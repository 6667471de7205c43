"""The stand-in's spreadsheets: sheets with typed cells, rules, charts, protections, metadata."""

from __future__ import annotations

import copy
import random
import string
from dataclasses import dataclass, field
from typing import Any

from . import fields as masks
from .a1 import bounds, split
from .errors import invalid

Cell = dict[str, Any]  # CellData as Google stores it


@dataclass
class SheetModel:
    properties: dict[str, Any]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # zero-based
    conditional_formats: list[dict[str, Any]] = field(default_factory=list)
    charts: list[dict[str, Any]] = field(default_factory=list)
    protected_ranges: list[dict[str, Any]] = field(default_factory=list)
    basic_filter: dict[str, Any] | None = None
    developer_metadata: list[dict[str, Any]] = field(default_factory=list)
    merges: list[dict[str, Any]] = field(default_factory=list)
    column_metadata: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return self.properties["sheetId"]

    @property
    def title(self) -> str:
        return self.properties["title"]

    @property
    def rows(self) -> int:
        return self.properties["gridProperties"]["rowCount"]

    @property
    def cols(self) -> int:
        return self.properties["gridProperties"]["columnCount"]

    def cell(self, row: int, col: int) -> Cell | None:
        """The CellData at 1-based (row, col), or None."""
        return self.cells.get((row - 1, col - 1))

    def values(self, render: str = "FORMULA") -> list[list[Any]]:
        from .values import read_rows

        return read_rows(self, (0, 0, self.rows, self.cols), render, "SERIAL_NUMBER")

    def drop_outside(self) -> None:
        self.cells = {k: v for k, v in self.cells.items() if k[0] < self.rows and k[1] < self.cols}

    def to_json(self, grid: tuple[int, int, int, int] | None) -> dict[str, Any]:
        out: dict[str, Any] = {"properties": copy.deepcopy(self.properties)}
        for key, value in (
            ("conditionalFormats", self.conditional_formats),
            ("charts", self.charts),
            ("protectedRanges", self.protected_ranges),
            ("developerMetadata", self.developer_metadata),
            ("merges", self.merges),
        ):
            if value:
                out[key] = copy.deepcopy(value)
        if self.basic_filter:
            out["basicFilter"] = copy.deepcopy(self.basic_filter)
        if grid is not None:
            out["data"] = [self.grid_data(grid)]
        return out

    def grid_data(self, box: tuple[int, int, int, int]) -> dict[str, Any]:
        r0, c0, r1, c1 = box
        rows: list[dict[str, Any]] = []
        last_row = max((r for r, c in self.cells if r0 <= r < r1 and c0 <= c < c1), default=-1)
        for r in range(r0, last_row + 1):
            cols = [c for (rr, c) in self.cells if rr == r and c0 <= c < c1]
            if not cols:
                rows.append({})
                continue
            values = [copy.deepcopy(self.cells.get((r, c), {})) for c in range(c0, max(cols) + 1)]
            rows.append({"values": values})
        out: dict[str, Any] = {}
        if r0:
            out["startRow"] = r0
        if c0:
            out["startColumn"] = c0
        if rows:
            out["rowData"] = rows
        out["rowMetadata"] = [{"pixelSize": 21} for _ in range(r0, min(r1, self.rows))]
        out["columnMetadata"] = [
            {"pixelSize": 100, **self.column_metadata.get(c, {})}
            for c in range(c0, min(c1, self.cols))
        ]
        return out


def new_id(length: int = 44) -> str:
    alphabet = string.ascii_letters + string.digits + "-_"
    return "1" + "".join(random.choice(alphabet) for _ in range(length - 1))


def default_sheet(sheet_id: int = 0, title: str = "Sheet1", index: int = 0) -> SheetModel:
    return SheetModel(
        {
            "sheetId": sheet_id,
            "title": title,
            "index": index,
            "sheetType": "GRID",
            "gridProperties": {"rowCount": 1000, "columnCount": 26},
        }
    )


@dataclass
class Book:
    id: str
    title: str
    sheets: list[SheetModel] = field(default_factory=lambda: [default_sheet()])
    named_ranges: list[dict[str, Any]] = field(default_factory=list)
    developer_metadata: list[dict[str, Any]] = field(default_factory=list)
    editors: set[str] = field(default_factory=set)
    locale: str = "en_US"
    time_zone: str = "Etc/GMT"

    def sheet(self, title: str) -> SheetModel:
        for s in self.sheets:
            if s.title == title:
                return s
        raise KeyError(title)

    def by_id(self, sheet_id: int, where: str = "") -> SheetModel:
        for s in self.sheets:
            if s.id == sheet_id:
                return s
        raise invalid(f"{where}No grid with id: {sheet_id}")

    def find(self, text: str) -> tuple[SheetModel, tuple[int, int, int, int]]:
        """An A1 range in this book: its sheet and zero-based box."""
        title, cells = split(text)
        for s in self.sheets:
            if s.title == title:
                return s, bounds(cells, s.rows, s.cols)
        if cells is None:
            # A bare "A1:B2" means the first sheet.
            first = self.sheets[0]
            try:
                return first, bounds(title, first.rows, first.cols)
            except Exception:
                pass
        raise invalid(f"Unable to parse range: {text}")

    def cell_total(self) -> int:
        return sum(s.rows * s.cols for s in self.sheets)

    def reindex(self) -> None:
        for n, s in enumerate(self.sheets):
            s.properties["index"] = n

    def all_metadata(self) -> list[dict[str, Any]]:
        out = list(self.developer_metadata)
        for s in self.sheets:
            out += s.developer_metadata
        return out

    def to_json(self, *, grid: bool = False, ranges: list[str] | None = None) -> dict[str, Any]:
        boxes: dict[int, tuple[int, int, int, int]] = {}
        chosen = self.sheets
        if ranges:
            picked = [self.find(r) for r in ranges]
            chosen = [s for s in self.sheets if any(p[0] is s for p in picked)]
            boxes = {p[0].id: p[1] for p in picked}
        out: dict[str, Any] = {
            "spreadsheetId": self.id,
            "properties": {
                "title": self.title,
                "locale": self.locale,
                "autoRecalc": "ON_CHANGE",
                "timeZone": self.time_zone,
                "defaultFormat": {
                    "backgroundColor": {"red": 1, "green": 1, "blue": 1},
                    "verticalAlignment": "BOTTOM",
                    "wrapStrategy": "OVERFLOW_CELL",
                    "textFormat": {"fontFamily": "arial,sans,sans-serif", "fontSize": 10},
                },
            },
            "sheets": [
                s.to_json(
                    (boxes.get(s.id) or (0, 0, s.rows, s.cols)) if grid else None,
                )
                for s in chosen
            ],
            "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{self.id}/edit",
        }
        if self.named_ranges:
            out["namedRanges"] = copy.deepcopy(self.named_ranges)
        if self.developer_metadata:
            out["developerMetadata"] = copy.deepcopy(self.developer_metadata)
        return out


def apply_mask(target: Cell, source: Cell, mask: str) -> None:
    """Set the masked fields of `target` from `source`, clearing those `source` lacks."""
    if mask.strip() == "*":
        target.clear()
        target.update(copy.deepcopy(source))
        return
    for path in masks.paths(mask):
        src: Any = source
        for part in path:
            src = src.get(part) if isinstance(src, dict) else None
        node = target
        for part in path[:-1]:
            node = node.setdefault(part, {})
        if src is None:
            node.pop(path[-1], None)
        else:
            node[path[-1]] = copy.deepcopy(src)
        _prune(target, path[:-1])


def _prune(cell: Cell, path: list[str]) -> None:
    """Drop emptied parents (Google never returns an empty userEnteredFormat)."""
    for depth in range(len(path), 0, -1):
        node: Any = cell
        for part in path[: depth - 1]:
            node = node.get(part, {})
        key = path[depth - 1]
        if isinstance(node, dict) and node.get(key) == {}:
            del node[key]
