"""`fupan sync --gsheet`, `fupan demo --gsheet`, `fupan minutes --gsheet` through the real CLI.

Credentials come from a real service-account key file; the HTTP goes to the stand-in.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from fupan.sync.cli.app import cli
from google_standin import BOT
from google_token_server import GoogleTokenServer

pytestmark = pytest.mark.slow  # the demo into a Google Sheet, through the CLI


@pytest.fixture
def wired(fake_google, monkeypatch, tmp_path):
    """A real service-account key for BOT (signed JWTs, exchanged at a loopback token
    endpoint), and every gspread client fupan opens mounted on the stand-in."""
    from fupan.sync.targets.gsheets import auth

    with GoogleTokenServer() as google:
        info, _ = google.service_account_key(BOT)
        key = tmp_path / "bot.json"
        key.write_text(json.dumps(info), encoding="utf-8")
        real = auth.open_client

        def on_standin(creds, **kw):
            client = real(creds, **kw)
            fake_google.mount(client.http_client.session)
            return client

        monkeypatch.setattr(auth, "open_client", on_standin)
        yield key
        # Every Google request carried a token the token endpoint issued to BOT.
        assert set(google.issued.values()) == {BOT}


def fupan(key, *args: str):
    """Run the CLI with the service-account key; it must succeed."""
    run = CliRunner().invoke(cli, [*args, "--credentials", str(key)])
    assert run.exit_code == 0, run.output
    return run


def test_demo_then_sync_then_minutes_on_a_google_sheet(fake_google, wired, tmp_path):
    sid = fake_google.create_spreadsheet("Weekly review")
    url = f"https://docs.google.com/spreadsheets/d/{sid}/edit#gid=0"
    folder = str(tmp_path / "demo")
    run = fupan(wired, "demo", "--dir", folder, "--gsheet", url)
    assert f"Google Sheet: https://docs.google.com/spreadsheets/d/{sid}" in run.output
    assert "Dashboard" in [s.title for s in fake_google.book(sid).sheets]

    fake_google.log.clear()
    run = fupan(wired, "sync", "--workspace", folder, "--gsheet", sid, "--dry-run")
    assert "Dry run: nothing was written." in run.output
    assert fake_google.count("write") == 0

    fake_google.log.clear()
    copy = tmp_path / "copy.xlsx"
    fupan(wired, "sync", "--workspace", folder, "--gsheet", sid, "--workbook", str(copy))
    assert copy.exists()  # both targets in one run
    assert len(fake_google.log) <= 5

    tracker = fake_google.create_spreadsheet("Team tracker")
    shared = f"https://docs.google.com/spreadsheets/d/{tracker}/edit"
    fupan(wired, "actions", "sync", "--workspace", folder, "--shared", shared)
    assert "Actions" in [s.title for s in fake_google.book(tracker).sheets]

    fake_google.shared_drive_folder("0AFolder", {BOT})
    run = fupan(
        wired, "minutes", "--workspace", folder, "--gsheet", url, "--snapshot-folder", "0AFolder"
    )
    assert (
        "Snapshot of the reviewed workbook: https://docs.google.com/spreadsheets/d/" in run.output
    )


def test_a_sheet_not_shared_with_the_service_account_names_it(fake_google, wired, tmp_path):
    sid = fake_google.create_spreadsheet("Private", editors={"owner@example.com"})
    run = CliRunner().invoke(
        cli, ["demo", "--dir", str(tmp_path / "d"), "--gsheet", sid, "--credentials", str(wired)]
    )
    assert run.exit_code != 0
    assert f"add {BOT} as Editor" in run.output
    assert "PRIVATE KEY" not in run.output


def test_moving_to_a_new_google_sheet_keeps_the_teams_edits_from_the_xlsx(
    fake_google, wired, tmp_path
):
    from fupan.sync.flows.demo import run_demo
    from fupan.sync.i18n import t

    demo = run_demo(
        tmp_path / "shop", today=date(2026, 11, 25)
    )  # its review.xlsx holds three actions typed by the team
    sid = fake_google.create_spreadsheet("Weekly review")
    fupan(wired, "sync", "--workspace", str(demo.workspace.root), "--gsheet", sid)
    actions = fake_google.book(sid).sheet(t("actions", "en")).values()
    owners = {"Li Wei", "Zhang Min", "Chen Jing"}
    assert owners <= {v for row in actions for v in row}
