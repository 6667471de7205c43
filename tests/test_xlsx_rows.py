"""The .xlsx writer's own row XML (sync/targets/xlsx_rows.py) against openpyxl's: the same file.

Each plan is written twice, once as shipped and once with every row handed to openpyxl's
write-only `append` (what the writer did before it wrote rows itself); every part of the two
files but the timestamps must be the same bytes.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from fupan.sync.flows.demo import run_demo
from fupan.sync.targets import xlsx_sheets
from fupan.sync.targets.xlsx import XlsxTarget
from fupan.sync.workbook.cells import frame_values, plain
from fupan.sync.workbook.plan import Block, Cell, FrameBlock, Sheet, Style, WorkbookPlan
from hypothesis import given, settings
from hypothesis import strategies as st

TODAY = date(2026, 11, 30)
STATE = {"period": "2026-11-16..2026-11-22", "language": "en"}


def _openpyxl_rows(ws, rows, style_id, openpyxl_cell):
    """The writer before xlsx_rows: openpyxl makes and writes every cell."""
    for row in rows:
        ws.append([openpyxl_cell(v) for v in row])


def _parts(plan: WorkbookPlan, path: Path) -> dict[str, bytes]:
    XlsxTarget(path).apply(plan, keep=[], state=STATE)
    with zipfile.ZipFile(path) as z:
        # docProps/core.xml holds the time of writing
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _same_file(plan: WorkbookPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = _parts(plan, tmp_path / "ours.xlsx")
    with monkeypatch.context() as m:
        m.setattr(xlsx_sheets, "stream_rows", _openpyxl_rows)
        theirs = _parts(plan, tmp_path / "openpyxl.xlsx")
    assert sorted(ours) == sorted(theirs)
    differ = [n for n in ours if ours[n] != theirs[n]]
    assert not differ, f"parts written differently: {differ}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_demo_review_is_written_as_openpyxl_writes_it(lang, tmp_path, monkeypatch):
    plan = run_demo(tmp_path / "ws", lang=lang, today=TODAY).sync.plan
    _same_file(plan, tmp_path, monkeypatch)


def test_every_kind_of_value_is_written_as_openpyxl_writes_it(tmp_path, monkeypatch):
    texts = ["plain", " padded ", "   ", "", "=SUM(A1:A2)", "=", "+1", "-x", "@me", "#N/A"]
    texts += ["a & b < c > d", "tab\there", "x" * 40000, "中文 文本"]
    numbers = [0, -3, 10**17 + 1, 0.1, 1 / 3, -2.5e-12, float("nan"), float("inf"), True]
    others = [date(2026, 11, 30), datetime(2026, 11, 30, 8, 15), None]
    values = texts + numbers + others
    cells = [
        Cell(v, style=s, number_format=f, provisional=p, text=t)
        for v in values
        for s, f, p, t in [
            (None, None, False, False),
            (Style.MONEY, None, True, False),
            (Style.RATIO, "0.0%", False, False),
            (None, None, False, True),
        ]
        if not (t and not isinstance(v, str))
    ]
    formulas = [Cell(formula="=A1*2", style=Style.MONEY), Cell(formula='=IF(A1>0,"a&b","")')]
    noted = [Cell(1.5, style=Style.COUNT, note="where it comes from"), Cell(None, Style.HEADER)]
    report = [cells[i : i + 7] for i in range(0, len(cells), 7)] + [formulas, noted, [None, None]]
    frame = pd.DataFrame(
        {
            "text": texts[:10] + [None] * 4,
            "number": [1, 2.5, None, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
            "day": pd.to_datetime(["2026-11-30"] * 13 + [None]),
        }
    )
    plan = WorkbookPlan(
        [
            Sheet("report", "Report", [Block(1, 1, report)], heights={2: 30}, hidden_rows=(4,)),
            Sheet("data", "data_x", [FrameBlock(frame)]),
        ],
        "en",
    )
    _same_file(plan, tmp_path, monkeypatch)


@settings(deadline=None)  # pandas under a loaded machine: no time limit
@given(
    st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=20),
    st.lists(st.integers(-(2**62), 2**62), min_size=1, max_size=20),
    st.lists(st.booleans(), min_size=1, max_size=20),
)
def test_frame_values_are_plain_values(floats, ints, flags):
    """Number columns are read whole, as plain() reads each value."""
    for column in (floats, ints, flags):
        frame = pd.DataFrame({"x": column})
        expected = [plain(v) for v in frame["x"].to_numpy()]
        got = [row[0] for row in frame_values(frame)[1:]]
        assert got == expected
        assert [type(v) for v in got] == [type(v) for v in expected]


@pytest.mark.parametrize("dtype", [object, "string", "str"])
def test_a_missing_text_is_blank_not_nan(dtype):
    """pandas keeps a missing text as NaN/NA: it goes out blank, never as the word "nan"."""
    frame = pd.DataFrame({"title": pd.Series(["Mug", None, float("nan")], dtype=dtype)})
    assert [row[0] for row in frame_values(frame)[1:]] == ["Mug", None, None]
