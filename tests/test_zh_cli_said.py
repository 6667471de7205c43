"""A Chinese workspace hears every command's report in Chinese (issue 14, item 5): `kpis`,
`import`, `sync --dry-run`, `costs import`, `actions sync`, the Amazon pull's summary and the
Excel button; no reader code (`ads_search_term`) or English status word reaches the team."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fupan.sync.actions.merge import ActionSyncResult, MergeResult
from fupan.sync.amazon.ledger import Entry
from fupan.sync.amazon.pull import PullResult
from fupan.sync.cli.app import cli
from fupan.sync.flows.demo import run_demo
from fupan.sync.i18n import t
from fupan.sync.ingest.registry import READERS
from latin import CJK, data_values, english_in

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """The demo in Chinese, and the team's own names in its store (ASINs, titles ...)."""
    demo = run_demo(tmp_path_factory.mktemp("zh-cli") / "shop", lang="zh", today=TODAY)
    return demo, data_values(demo.workspace.store_path)


def said(*args: object) -> list[str]:
    out = CliRunner().invoke(cli, ["--today", str(TODAY), *map(str, args)])
    assert out.exit_code == 0, out.output
    return [line for line in out.output.splitlines() if line.strip()]


def english(lines: list[str], values: set[str]) -> list[tuple[str, list[str]]]:
    """Each line with stray English in it, and the words."""
    return [(line, w) for line in lines if (w := english_in(line, values))]


def test_kpis_speak_the_workspaces_language(shop):
    demo, values = shop
    lines = said("kpis", "--workspace", demo.workspace.root)
    assert english(lines[1:], values) == []  # the first line: marketplace and period
    assert any(t("red", "zh") in line for line in lines)
    assert not any(line.rstrip().endswith(("red", "green", "yellow")) for line in lines)
    # --lang still chooses, whatever the workspace says.
    assert any(
        line.rstrip().endswith("red")
        for line in said("kpis", "--lang", "en", "--workspace", demo.workspace.root)
    )


def test_an_import_names_each_report_by_its_title(shop):
    demo, values = shop
    lines = said("import", "--workspace", demo.workspace.root)  # the inbox: all imported
    assert lines[0] == "正在读取报表"  # the progress bar's label
    assert lines[1:] and all("此前已导入" in line for line in lines[1:]), lines
    assert english(lines, values | {p.name for p in demo.workspace.reports.rglob("*")}) == []
    assert not any(r.kind in line for r in READERS for line in lines)


def test_a_dry_run_says_what_it_would_import_and_write(shop, tmp_path):
    demo, values = shop
    fresh = tmp_path / "fresh"
    said("init", fresh, "--lang", "zh")
    for f in demo.workspace.reports.iterdir():
        if f.is_file() and not f.name.startswith("BusinessReport"):  # those need a --period
            shutil.copy(f, fresh / "reports" / f.name)
    lines = said("sync", "--workspace", fresh, "--dry-run", "--period", "2026-11-23..2026-11-29")
    files = {f.name for f in (fresh / "reports").iterdir()}
    would = [line for line in lines if line.startswith("将导入")]
    assert lines[0] == "正在导入报表"  # the progress bar's label
    assert len(would) == len(files), lines
    assert not any(r.kind in line for r in READERS for line in lines)
    assert any("个单元格" in line for line in lines)
    assert english(lines, values | files) == []


def test_costs_and_the_action_tracker_report_in_chinese(shop, tmp_path):
    demo, values = shop
    ws = demo.workspace
    costs = ws.root / "product-costs.xlsx"
    lines = said("costs", "import", costs, "--workspace", ws.root, "--dry-run")
    assert lines and "将写入" in lines[-1], lines
    assert english(lines, values) == []
    shared = tmp_path / "shared.xlsx"
    lines = said("actions", "sync", "--shared", shared, "--workspace", ws.root)
    assert lines and CJK.search(lines[-1]) and english(lines, values) == [], lines


def test_the_summaries_a_team_reads_elsewhere_are_chinese():
    merged = MergeResult({}, {}, [], added=["A-0001"], updated=[], archived=[])
    for text in (
        merged.describe("zh"),
        ActionSyncResult(merged, [], dry_run=True).describe("zh"),
    ):
        assert CJK.search(text) and english_in(text, set()) == [], text
    pulled = PullResult(
        finished_badly=[
            Entry(
                "k",
                "sp",
                "GET_SALES_AND_TRAFFIC_REPORT",
                "US",
                "2026-11-23",
                "2026-11-29",
                [],
                "r1",
                str(TODAY),
                state="failed",
                message="FATAL",
            )
        ],
        deferred=2,
        settlements=[Path("a.txt")],
    )
    text = pulled.describe("zh")
    assert "失败" in text and "频率限制" in text and "结算报告" in text, text
    assert english_in(text, set()) == [], text
    assert "rate limit" in pulled.describe()  # English where the team speaks it
