"""The estimated long-term storage fee of the planning report (read, summed, shown in the
currency, counted in the aged-stock stakes) and the IPI the team types in Settings (its
bands, the Inventory header, the Dashboard and rule R12); a blank IPI is unknown."""

from __future__ import annotations

import csv
from datetime import date

import pandas as pd
import pytest
from fupan.addin.registry import Scope
from fupan.addin.thresholds import Bands
from fupan.sync.api import import_into_workspace, init_workspace
from fupan.sync.engine.build import build_review
from fupan.sync.engine.rules import RULES, evaluate
from fupan.sync.engine.stakes import AGED_RISK_PER_WEEK, MONEY, WEEKS_PER_MONTH
from fupan.sync.flows.minutes import write_minutes
from fupan.sync.flows.sync import sync_workbook
from fupan.sync.ingest.registry import read_report
from fupan.sync.periods import Period
from fupan.sync.samples import writers
from fupan.sync.settings import Settings, read_back
from fupan.sync.store.history import Store
from fupan.sync.store.importer import import_reports
from libreoffice import recalc
from openpyxl import load_workbook
from settings_keys import key_of

SPECS = {r.id: r for r in RULES}
WEEK = Period.parse("2026-11-16..2026-11-22")
TODAY = date(2026, 11, 23)
FEES = {"LV-0006": "172.50", "LV-0003": "0.00"}  # typed into the planning file by hand


def planning(folder, seller):
    """The sample planning report (Amazon's 63-column TSV) with hand-typed fees; LV-0009's
    left blank, as Amazon leaves a column it does not compute."""
    path = writers.write_planning(folder / "plan.txt", seller)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    col = rows[0].index("estimated-ltsf-next-charge")
    for row in rows[1:]:
        row[col] = FEES.get(row[1], "" if row[1] == "LV-0009" else "0.00")
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def store_of(tmp_path, seller) -> Store:
    store = Store.memory()
    biz = writers.write_business_asin(tmp_path / "br.csv", seller, WEEK)
    import_reports([biz], store=store, period=WEEK, marketplace="US", today=TODAY)
    import_reports([planning(tmp_path, seller)], store=store, marketplace="US", today=TODAY)
    return store


def test_the_fee_is_read_as_amazon_gives_it_and_blank_stays_blank(tmp_path, seller):
    frame = read_report(planning(tmp_path, seller)).frame.set_index("sku")
    assert frame.loc["LV-0006", "ltsf_next_charge"] == 172.5
    assert frame.loc["LV-0003", "ltsf_next_charge"] == 0
    assert pd.isna(frame.loc["LV-0009", "ltsf_next_charge"])


def test_the_sample_planning_report_charges_the_aged_units(tmp_path, seller):
    frame = read_report(writers.write_planning(tmp_path / "p.txt", seller)).frame.set_index("sku")
    aged = seller.stock.set_index("sku")
    charged = aged[["age_181_270", "age_271_365", "age_365_plus"]].sum(axis=1) > 0
    assert (frame.ltsf_next_charge[charged] > 0).all() and charged.any()
    assert (frame.ltsf_next_charge[~charged] == 0).all()


def test_the_account_fee_is_the_sum_and_prices_aged_stock(tmp_path, seller):
    store = store_of(tmp_path, seller)
    review = build_review(store, WEEK, marketplace="US")
    assert review.value("ltsf") == pytest.approx(172.5)
    asin = seller.stock.set_index("sku").loc["LV-0006", "asin"]
    assert review.value("ltsf", Scope.ASIN, asin) == pytest.approx(172.5)
    # The slow mover's aged stock: a tenth of its value a week, plus a week of the fee.
    fired = [
        s
        for s in evaluate(review, Settings.defaults(), store.table("inventory"))
        if s.rule == "R11" and s.key == asin
    ]
    assert fired
    row = review.measures[Scope.ASIN].loc[asin]
    value = row.aged_90_units * row.sales / row.units * AGED_RISK_PER_WEEK
    assert fired[0].stake.money == pytest.approx(value + 172.5 / WEEKS_PER_MONTH)
    assert fired[0].stake.tier == MONEY


def test_ipi_is_judged_by_its_bands_and_fires_r12_below_400(tmp_path, seller):
    store = store_of(tmp_path, seller)
    inventory = store.table("inventory")
    settings = Settings.defaults()
    review = build_review(store, WEEK, marketplace="US", settings=settings)
    assert review.value("ipi") is None  # blank: unknown, no colour, no rule
    assert not [s for s in evaluate(review, settings, inventory) if s.rule == "R12"]
    for typed, status in ((620.0, "green"), (450.0, "yellow"), (399.0, "red")):
        settings.ipi = typed
        review = build_review(store, WEEK, marketplace="US", settings=settings)
        assert review.value("ipi") == typed
        assert review.kpis.set_index(["scope", "kpi"]).status[("account", "ipi")] == status
        fired = [s for s in evaluate(review, settings, inventory) if s.rule == "R12"]
        assert bool(fired) == (typed < 400)
    (r12,) = fired
    assert r12.text_en.startswith("Reduce excess stock before storage limits")
    assert r12.text_zh == "在仓储限制前削减冗余库存（IPI 低于 400）"
    assert SPECS["R12"].trigger_text("zh") == "IPI 低于 400"
    # Priced by the account's aged stock and storage fee, so it ranks among the money.
    row = review.measures[Scope.ACCOUNT].loc[""]
    value = row.aged_90_units * row.sales / row.units * AGED_RISK_PER_WEEK
    assert r12.stake.money == pytest.approx(value + 172.5 / WEEKS_PER_MONTH)


def test_a_team_edited_ipi_band_moves_the_rule(tmp_path, seller):
    store = store_of(tmp_path, seller)
    settings = Settings.defaults()
    settings.ipi = 450.0
    settings.bands[("ipi", "")] = Bands(green_min=550, yellow_min=500)
    review = build_review(store, WEEK, marketplace="US", settings=settings)
    assert [s.rule for s in evaluate(review, settings, store.table("inventory"))].count("R12") == 1


# The workbook ------------------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path, seller):
    ws = init_workspace(tmp_path / "shop")
    biz = writers.write_business_asin(ws.reports / "br.csv", seller, WEEK)
    import_into_workspace(ws, [biz], period=WEEK)
    import_into_workspace(ws, [planning(ws.reports, seller)])
    sync_workbook(ws, period=WEEK, today=TODAY)
    return ws


def typed_ipi(settings):
    """The IPI cell of Settings' targets (the thresholds hold the IPI's bands by the same id)."""
    rows = [r for r in settings.iter_rows() if key_of(r) in ("#targets", "ipi")]
    section = [key_of(r) for r in rows].index("#targets")
    return rows[section + 1][2]


def test_inventory_shows_the_fee_per_sku_and_the_account_sum(workspace):
    wb = load_workbook(workspace.workbook)
    inv = wb["Inventory"]
    header = [c.value for c in inv[4]]
    col = header.index("Est. long-term storage fee") + 1
    cells = {inv.cell(r, 1).value: inv.cell(r, col) for r in range(5, inv.max_row + 1)}
    assert cells["LV-0006"].value == 172.5 and "$" in cells["LV-0006"].number_format
    assert cells["LV-0003"].value == 0
    assert cells["LV-0009"].value is None  # unknown, not 0
    letter = cells["LV-0006"].column_letter
    assert inv["A3"].value == "Est. long-term storage fee, account"
    assert inv["D3"].value.startswith(f"=IF(COUNT({letter}5:{letter}")
    assert "$" in inv["D3"].number_format
    dashboard = [c.value for row in wb["Dashboard"].iter_rows() for c in row]
    assert "Est. long-term storage fee" in dashboard


def test_ipi_typed_in_settings_shows_on_inventory_and_the_dashboard(workspace):
    wb = load_workbook(workspace.workbook)
    settings = wb["Settings"]
    cell = typed_ipi(settings)
    assert cell.value is None  # blank until the team types it
    inv = wb["Inventory"]
    assert inv["F3"].value == "IPI"
    assert inv["I3"].value == f"=IF('Settings'!$C${cell.row}=\"\",\"\",'Settings'!$C${cell.row})"
    assert inv["J3"].value.startswith('=IF(I3="","",')
    assert {"I3:J3"} <= {str(cf.sqref) for cf in inv.conditional_formatting}
    assert "IPI" not in [c.value for row in wb["Dashboard"].iter_rows() for c in row]
    cell.value = 380
    wb.save(workspace.workbook)
    sync_workbook(workspace, period=WEEK, today=TODAY)
    wb = load_workbook(workspace.workbook)
    assert typed_ipi(wb["Settings"]).value == 380
    assert "IPI" in [c.value for row in wb["Dashboard"].iter_rows() for c in row]
    texts = [str(c.value) for row in wb["Suggestions"].iter_rows() for c in row]
    assert any("Reduce excess stock before storage limits" in x for x in texts)
    notes = [c.comment.text for row in wb["Suggestions"].iter_rows() for c in row if c.comment]
    assert any("Trigger: IPI < 400" in n for n in notes)
    # The minutes carry it too, in English and in Chinese.
    for lang, words in (("en", SPECS["R12"].action_en), ("zh", SPECS["R12"].action_zh)):
        out = workspace.root / f"minutes-{lang}.md"
        path, _ = write_minutes(workspace, lang=lang, today=TODAY, out=out)
        assert words in path.read_text(encoding="utf-8")


@pytest.mark.libreoffice
def test_libreoffice_colours_the_ipi_fee_rating_and_policies_as_the_engine(
    workspace, seller, tmp_path
):
    """Recalculated by a real spreadsheet engine: the IPI the team typed is red below 400
    (its band in Settings), the account's fee is the column's sum, the rating is green and
    the open policy item red, as the engine judges them."""
    performance = writers.write_performance(workspace.reports / "p.json", seller, complete=True)
    import_into_workspace(workspace, [performance])
    wb = load_workbook(workspace.workbook)
    typed_ipi(wb["Settings"]).value = 380
    wb.save(workspace.workbook)
    sync_workbook(workspace, period=WEEK, today=TODAY)
    calc = load_workbook(recalc(workspace.workbook, tmp_path / "lo", today=TODAY), data_only=True)
    inv = calc["Inventory"]
    assert (inv["I3"].value, inv["J3"].value) == (380, "red")
    assert inv["D3"].value == pytest.approx(172.5)
    health = {r[0].value: r for r in calc["Account health"].iter_rows() if r[0].value}
    assert health["Account Health Rating"][3].value == "green"
    assert health["Listing policy violations"][3].value == "red"
    assert health["Received intellectual property complaints"][3].value == "green"
    assert (health["Open policy items"][1].value, health["Open policy items"][3].value) == (
        1,
        "red",
    )
    cards = {r[0].value: r for r in calc["Dashboard"].iter_rows(max_col=5) if r[0].value}
    assert (cards["IPI"][1].value, cards["IPI"][4].value) == (380, "red")
    assert cards["Est. long-term storage fee"][1].value == pytest.approx(172.5)
    assert (cards["Open policy items"][1].value, cards["Open policy items"][4].value) == (
        1,
        "red",
    )


def test_settings_read_the_typed_ipi_blank_as_unknown_and_text_as_typed():
    def typed(value):
        return read_back([["#targets"], ["ipi", "IPI", value]], Settings.defaults())

    assert typed(420).ipi == 420
    assert typed(None).ipi is None
    wrong = typed("about four hundred")
    assert wrong.ipi is None  # not a guess: unknown, and listed in Issues as typed
    assert wrong.typed("targets", ("ipi", ""), "value") == "about four hundred"
