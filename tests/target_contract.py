"""The contract every Target keeps (xlsx, memory; Google Sheets and live Excel when built).

Use `contract_tests(factory)` from a test module: `factory(tmp_path)` returns a new, empty
target and a function that reopens the same spreadsheet (for targets that persist).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from fupan.sync.workbook.plan import Block, Cell, FrameBlock, Sheet, Style, Table, WorkbookPlan


def small_plan(value: float = 1.0) -> WorkbookPlan:
    frame = pd.DataFrame(
        {
            "term": ["mat", '=HYPERLINK("x")', "+cmd"],
            "clicks": [3.0, 1.0, 2.0],
            "day": pd.to_datetime(["2026-11-16", "2026-11-17", "2026-11-18"]),
        }
    )
    return WorkbookPlan(
        [
            Sheet(
                "dashboard",
                "Dashboard",
                [
                    Block(
                        1,
                        1,
                        [
                            [Cell("Review", style=Style.TITLE)],
                            [Cell(value, style=Style.COUNT), Cell(formula="=A2*2")],
                            [Cell(date(2026, 11, 23), style=Style.DATE)],
                        ],
                    ),
                ],
            ),
            Sheet(
                "data",
                "data",
                [FrameBlock(frame)],
                tables=[Table("data", "A1:C4", ("term", "clicks", "day"))],
            ),
        ],
        "en",
    )


def run_contract(make, reopen, blank: tuple[str, ...] = ()) -> None:
    """Apply, read back, keep a foreign tab, re-apply: the behaviour every target shares.

    `blank` names the tabs a new spreadsheet starts with (Google's "Sheet1").
    """
    target = make()
    assert target.sheet_titles() == list(blank)
    assert target.read_sheet("Dashboard") is None
    target.apply(small_plan(), keep=[], state={"k": "v"})
    target.close()

    target = reopen()
    assert target.sheet_titles()[:2] == ["Dashboard", "data"]
    grid = target.read_sheet("Dashboard")
    assert grid[0][0] == "Review" and grid[1][0] == 1 and grid[1][1] == "=A2*2"
    data = target.read_sheet("data")
    assert data[0] == ["term", "clicks", "day"]
    assert [r[0] for r in data[1:]] == ["mat", '=HYPERLINK("x")', "+cmd"]
    assert target.read_state() == {"k": "v"}

    # A tab that is not in the plan survives when kept, and only then.
    target.apply(small_plan(2.0), keep=[], state={"k": "w"})
    assert target.read_sheet("Dashboard")[1][0] == 2
    assert target.read_state() == {"k": "w"}
    target.close()
