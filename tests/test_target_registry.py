"""One factory opens every target, and a new kind of target is one module and one line.

The throw-away kind here (tabs kept on a shelf in this process, named `shelf:NAME`) is the
"one module"; the monkeypatched KINDS is the "one line"; `fupan sync` then writes into it
through the real CLI, reads its own bookkeeping back and keeps the team's tab.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from excel_standin import FakeBook
from fupan.sync.cli.app import cli
from fupan.sync.docs import targets_markdown
from fupan.sync.errors import TargetError
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.targets import registry
from fupan.sync.targets.base import STATE_SHEET, Grid, Target, state_of
from fupan.sync.targets.excel import ExcelTarget
from fupan.sync.targets.memory import MemoryTarget, grid
from fupan.sync.targets.registry import TargetKind, kind_of, local_file, open_target
from fupan.sync.targets.xlsx import XlsxTarget
from fupan.sync.workbook.plan import WorkbookPlan

WEEK = Period.parse("2026-11-16..2026-11-22")
SHEET_ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"

# The "one module": a kind of target --------------------------------------------------------

SHELF: dict[str, dict[str, Grid]] = {}


class ShelfTarget(Target):
    """Tabs kept on a shelf under the name `shelf:NAME`, for as long as the process runs."""

    def __init__(self, where: str) -> None:
        self.name = self.key = where
        self.tabs = SHELF.setdefault(where, {})

    def sheet_titles(self) -> list[str]:
        return list(self.tabs)

    def read_sheet(self, title: str) -> Grid | None:
        return self.tabs.get(title)

    def read_state(self) -> dict[str, str]:
        return state_of(self.tabs.get(STATE_SHEET))

    def changed(self) -> bool:
        return False

    def apply(self, plan: WorkbookPlan, *, keep: list[str], state: dict[str, str]) -> None:
        kept = {t: self.tabs[t] for t in keep if t in self.tabs}
        self.tabs.clear()
        self.tabs.update({s.title: grid(s) for s in plan.sheets} | kept)
        self.tabs[STATE_SHEET] = [[k, v] for k, v in sorted(state.items())]

    def reopen(self) -> ShelfTarget:
        return ShelfTarget(self.name)

    def close(self) -> None:
        pass


SHELF_KIND = TargetKind(
    "shelf",
    "`shelf:NAME`: tabs kept on a shelf while the process runs (a test's kind)",
    lambda where: isinstance(where, str) and where.startswith("shelf:"),
    lambda where, how: ShelfTarget(where),
)


@pytest.fixture
def shelf(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(registry, "KINDS", [SHELF_KIND, *registry.KINDS])  # the "one line"
    yield SHELF
    SHELF.clear()


def test_fupan_sync_writes_into_a_kind_registered_in_one_line(shelf, tmp_path, seller):
    runner = CliRunner()
    ws = tmp_path / "shop"
    assert runner.invoke(cli, ["init", str(ws)]).exit_code == 0
    writers.write_business_asin(ws / "reports" / "br.csv", seller, WEEK)
    writers.write_sp_xlsx(ws / "reports" / "ads.xlsx", seller, "advertised_product")
    template = (ws / "review.xlsx").read_bytes()

    args = ["sync", "--workspace", str(ws), "--workbook", "shelf:review"]
    run = runner.invoke(cli, [*args, "--period", str(WEEK)])
    assert run.exit_code == 0, run.output
    assert "Wrote shelf:review" in run.output
    tabs = shelf["shelf:review"]
    assert {"Dashboard", "Settings", "Actions"} <= set(tabs)
    assert state_of(tabs[STATE_SHEET])["period"] == str(WEEK)
    assert (ws / "review.xlsx").read_bytes() == template  # the .xlsx was not touched

    # The team adds a tab; the next sync takes its period from the target's own state.
    tabs["Team notes"] = [["keep me"]]
    again = runner.invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert f"Review of {WEEK}" in again.output
    assert shelf["shelf:review"]["Team notes"] == [["keep me"]]

    # The help and docs/targets.md name the new kind, from its line.
    assert "shelf:NAME" in runner.invoke(cli, ["sync", "--help"]).output
    assert "shelf:NAME" in targets_markdown()


def test_each_kind_recognises_what_names_it():
    assert kind_of("review.xlsx").name == "xlsx"
    assert kind_of(Path("shop/review.xlsx")).name == "xlsx"
    assert kind_of(f"https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit#gid=0").name == "gsheet"
    assert kind_of(SHEET_ID).name == "gsheet"
    assert kind_of(Path(SHEET_ID)).name == "xlsx"  # a Path is always a file
    assert kind_of(f"{SHEET_ID}.xlsx").name == "xlsx"
    assert kind_of(FakeBook()).name == "excel"
    assert kind_of("memory:").name == "memory"
    assert isinstance(open_target("shop/review.xlsx"), XlsxTarget)
    assert isinstance(open_target(FakeBook()), ExcelTarget)
    assert isinstance(open_target("memory:"), MemoryTarget)
    assert local_file("shop/review.xlsx") == Path("shop/review.xlsx")
    assert local_file(SHEET_ID) is None


def test_what_no_kind_opens_is_refused():
    with pytest.raises(TargetError, match='no "sheetz" target'):
        open_target("x", kind="sheetz")
    with pytest.raises(TargetError, match="cannot write the review to 42"):
        open_target(42)
