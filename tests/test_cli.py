"""The CLI is a thin shell: every command has a Python twin, and both agree."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from fupan.addin.registry import KPIS
from fupan.sync import api
from fupan.sync.cli.app import cli
from fupan.sync.i18n import t
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from settings_keys import key_of

pytestmark = pytest.mark.dates  # uses the run's day: CI runs it under other dates too

WEEK = Period.parse("2026-11-16..2026-11-22")


def write_week(folder, seller):
    folder.mkdir()
    writers.write_business_asin(folder / "br.csv", seller, WEEK, layout="zh")
    writers.write_sp_xlsx(folder / "ads.xlsx", seller, "advertised_product")
    return folder


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, f"{name} has no help text"


def test_check_help_lists_the_reader_registry():
    out = CliRunner().invoke(cli, ["check", "--help"]).output
    assert "Business Report: Detail Page Sales and Traffic by Child Item" in out
    assert "All Orders" in out


def test_kpis_json_csv_and_python_twin_agree(tmp_path, seller):
    folder = write_week(tmp_path / "in", seller)
    args = ["kpis", str(folder), "--period", str(WEEK)]
    as_json = json.loads(CliRunner().invoke(cli, [*args, "--format", "json"]).stdout)
    as_csv = list(
        csv.DictReader(io.StringIO(CliRunner().invoke(cli, [*args, "--format", "csv"]).stdout))
    )
    twin = api.compute_kpis([folder], period=WEEK).kpis
    assert len(as_json) == len(as_csv) == len(twin)
    assert set(as_json[0]) == {"scope", "key", "kpi", "value", "status"}
    acos = next(r for r in as_json if r["kpi"] == "acos" and r["scope"] == "account")
    assert acos["value"] == round(
        twin[(twin.kpi == "acos") & (twin.scope == "account")].value.iloc[0], 10
    )
    nulls = [r for r in as_json if r["value"] is None]
    assert all(r["status"] == "none" for r in nulls)
    assert {r["scope"] for r in as_json} == {"account", "asin", "campaign"}


def test_kpis_table_is_readable(tmp_path, seller):
    folder = write_week(tmp_path / "in", seller)
    out = CliRunner().invoke(cli, ["kpis", str(folder), "--period", str(WEEK)]).output
    assert out.startswith(f"US {WEEK}\nAccount\n")
    assert "ACoS" in out and "%" in out
    zh = CliRunner().invoke(cli, ["kpis", str(folder), "--period", str(WEEK), "--lang", "zh"])
    assert KPIS["acos"].name_zh in zh.output and f"US {WEEK}\n店铺整体\n" in zh.output
    assert "\n广告活动 " in zh.output and "\ncampaign " not in zh.output


def test_workspace_import_then_kpis_from_the_store(tmp_path, seller):
    runner = CliRunner()
    ws = tmp_path / "shop"
    assert runner.invoke(cli, ["init", str(ws)]).exit_code == 0
    folder = write_week(ws / "reports" / "week47", seller)
    r = runner.invoke(cli, ["import", "--workspace", str(ws), "--period", str(WEEK)])
    assert r.exit_code == 0, r.output
    # Each file named with the report it is, as Seller Central titles it (not a reader code).
    br = "br.csv: Business Report: Detail Page Sales and Traffic by Child Item"
    assert f"{br}, 30 rows, 0 replaced" in r.output
    again = runner.invoke(cli, ["import", "--workspace", str(ws), "--period", str(WEEK)])
    assert f"{br}, already imported" in again.output
    from_store = runner.invoke(cli, ["kpis", "--workspace", str(ws), "--format", "json"])
    from_files = runner.invoke(
        cli, ["kpis", str(folder), "--period", str(WEEK), "--format", "json"]
    )
    assert json.loads(from_store.stdout) == json.loads(from_files.stdout)


def test_outside_a_workspace_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["kpis"])
    assert r.exit_code == 1
    assert "fupan init" in r.output


def test_bad_period_is_a_usage_error():
    r = CliRunner().invoke(cli, ["kpis", ".", "--period", "last week"])
    assert r.exit_code == 2
    assert "2026-11-16..2026-11-22" in r.output


@pytest.mark.slow  # the whole demo
def test_demo_runs_offline(tmp_path):
    r = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert r.exit_code == 0, r.output
    assert "red" in r.output and "sample reports" in r.output


def test_public_api_names_resolve():
    import fupan

    for name in fupan.__all__:
        assert getattr(fupan, name) is not None, name


def set_band(workbook, kpi, categories=("",), **bands):
    """Type new bounds for a KPI into the workbook's Settings tab, as the team would: in the
    rows of `categories` ("" = the row every category without its own follows)."""
    from fupan.sync.settings import KEY_COLUMN, row_key
    from openpyxl import load_workbook

    wb = load_workbook(workbook)
    ws = next(s for s in wb.worksheets if any(c.value == "#thresholds" for c in s[KEY_COLUMN]))
    section = ""
    for row in ws.iter_rows():
        marker = row_key([c.value for c in row], section)
        if marker.startswith("#"):
            section = marker[1:]
        elif section == "thresholds" and marker == kpi and (row[2].value or "") in categories:
            for n, name in enumerate(("green_min", "green_max", "yellow_min", "yellow_max")):
                if name in bands:
                    row[3 + n].value = bands[name]
    wb.save(workbook)


def set_acos_targets(workbook, value):
    """Type `value` into every target ACoS row of Settings (campaigns are judged by them)."""
    from openpyxl import load_workbook

    wb = load_workbook(workbook)
    ws = next(s for s in wb.worksheets if any(key_of(r) == "#acos_targets" for r in s.iter_rows()))
    section = ""
    for row in ws.iter_rows():
        marker = key_of(row, section)
        if marker.startswith("#"):
            section = marker[1:]
        elif section == "acos_targets" and marker in ("SP", "SB", "SD"):
            row[3].value = value
    wb.save(workbook)


def test_kpis_of_a_workspace_are_judged_by_its_settings(tmp_path, seller):
    runner = CliRunner()
    ws = tmp_path / "shop"
    assert runner.invoke(cli, ["init", str(ws)]).exit_code == 0
    write_week(ws / "reports" / "week47", seller)
    sync = runner.invoke(cli, ["sync", "--workspace", str(ws), "--period", str(WEEK)])
    assert sync.exit_code == 0, sync.output

    def acos_statuses():
        out = runner.invoke(cli, ["kpis", "--workspace", str(ws), "--format", "json"]).stdout
        return {r["status"] for r in json.loads(out) if r["kpi"] == "acos" and r["value"]}

    assert acos_statuses() != {"red"}
    set_band(ws / "review.xlsx", "acos", green_max=0.0, yellow_max=0.0)  # any ACoS is red
    set_acos_targets(ws / "review.xlsx", 0.0)  # campaigns: against their ad type's target
    assert acos_statuses() == {"red"}
    again = runner.invoke(cli, ["sync", "--workspace", str(ws)])
    assert again.exit_code == 0, again.output
    assert acos_statuses() == {"red"}  # the edit survived the sync, and still rules


def test_a_chinese_workspace_hears_chinese(tmp_path, seller, monkeypatch):
    """The success lines and the error mapper speak the workspace's language."""
    runner = CliRunner()
    ws = tmp_path / "shop"
    r = runner.invoke(cli, ["init", str(ws), "--lang", "zh"])
    assert r.exit_code == 0 and r.output.startswith("工作区已建好")
    monkeypatch.chdir(ws)
    bad = runner.invoke(cli, ["sync", "--period", "last week"])
    assert bad.exit_code == 2
    assert f"\n错误：{t('cli_error_UsageError', 'zh')}。" in bad.output
    assert "Importing reports" not in bad.output
    english = runner.invoke(cli, ["sync", "--period", "last week", "--lang", "en"])
    assert "\nError: " in english.output
    write_week(ws / "reports" / "week47", seller)
    done = runner.invoke(cli, ["sync", "--period", str(WEEK)])
    assert done.exit_code == 0, done.output
    assert "已写入" in done.output and f"复盘 {WEEK}" in done.output
    assert "Wrote" not in done.output and "Review of" not in done.output


def test_the_command_line_collects_cycles_rarely():
    """`fupan` sets aside what start-up made and collects after 200,000 new objects."""
    import gc

    from fupan.sync.cli.app import collect_rarely

    before = gc.get_threshold()
    try:
        collect_rarely()
        assert gc.get_threshold() == (200_000, 30, 30)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
