"""Credentials: saved 0600, never shown, overridden by environment variables; login and the CLI."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime

import pytest
import requests
from amazon_standin import ADS_APP, PROFILE_US, SP_APP, FakeAmazon, ManualClock
from click.testing import CliRunner
from fupan.sync.amazon import credentials
from fupan.sync.amazon.errors import AmazonAuthError
from fupan.sync.amazon.login import login
from fupan.sync.amazon.lwa import LwaApp
from fupan.sync.cli.app import cli
from fupan.sync.samples.seller import small_seller


@pytest.fixture
def stand_in():
    clock = ManualClock(datetime(2026, 11, 17, 6, 0, tzinfo=UTC))
    fake = FakeAmazon(small_seller(date(2026, 11, 16)), clock)
    session = requests.Session()
    fake.mount(session)
    return fake, session, clock


def test_login_checks_the_apps_chooses_the_profile_and_saves_privately(tmp_path, stand_in):
    _fake, session, clock = stand_in
    path, creds = login(
        sp=LwaApp(*SP_APP), ads=LwaApp(*ADS_APP), session=session, clock=clock, config_dir=tmp_path
    )
    assert creds.profiles == {"US": PROFILE_US}
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = credentials.load(env={}, config_dir=tmp_path)
    assert loaded.sp == LwaApp(*SP_APP) and loaded.profile("US") == PROFILE_US
    text = "\n".join(credentials.describe(loaded)) + repr(loaded)
    for secret in (*SP_APP, *ADS_APP, PROFILE_US):
        assert secret not in text
    assert credentials.logout(tmp_path) and not path.exists()


def test_login_refuses_a_wrong_secret_and_saves_nothing(tmp_path, stand_in):
    _, session, clock = stand_in
    with pytest.raises(AmazonAuthError, match="fupan amazon login"):
        login(
            sp=LwaApp(SP_APP[0], "wrong", SP_APP[2]),
            session=session,
            clock=clock,
            config_dir=tmp_path,
        )
    assert not credentials.path(tmp_path).exists()


def test_login_refuses_a_profile_the_account_does_not_have(tmp_path, stand_in):
    _, session, clock = stand_in
    with pytest.raises(AmazonAuthError, match="no profile"):
        login(
            ads=LwaApp(*ADS_APP),
            profiles={"US": "999"},
            session=session,
            clock=clock,
            config_dir=tmp_path,
        )


def test_environment_variables_override_the_saved_file(tmp_path):
    env = dict(zip(credentials.SP_ENV, SP_APP, strict=True))
    env[credentials.PROFILES_ENV] = "GB=42"
    creds = credentials.load(env=env, config_dir=tmp_path)
    assert creds.sp == LwaApp(*SP_APP) and creds.profiles == {"UK": "42"}
    assert creds.origin is not None and creds.origin.text("en") == "environment variables"
    said = credentials.describe(creds, "zh")
    assert said[0] == "亚马逊凭据来自环境变量：" and "未设置" in said[2], said
    with pytest.raises(AmazonAuthError, match="FUPAN_SP_REFRESH_TOKEN"):
        credentials.load(
            env={"FUPAN_SP_CLIENT_ID": "x", "FUPAN_SP_CLIENT_SECRET": "y"}, config_dir=tmp_path
        )


def test_cli_status_and_a_pull_without_credentials(tmp_path, monkeypatch):
    monkeypatch.setattr(credentials, "config_dir_default", lambda: tmp_path / "cfg")
    for name in (*credentials.SP_ENV, *credentials.ADS_ENV, credentials.PROFILES_ENV):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()
    out = runner.invoke(cli, ["amazon", "status"])
    assert out.exit_code == 0 and "Selling Partner API: not set up" in out.output
    ws = tmp_path / "ws"
    assert runner.invoke(cli, ["init", str(ws)]).exit_code == 0
    out = runner.invoke(cli, ["pull", "--workspace", str(ws)])
    assert out.exit_code == 1 and "fupan amazon login" in out.output
