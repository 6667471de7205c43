"""Google credentials, end to end through real google-auth and google-auth-oauthlib.

Token requests go to a loopback stand-in for Google's OAuth endpoints (google_token_server),
which verifies service-account JWT signatures and PKCE as Google does. No test touches the
network or the user's own config folder.
"""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric import rsa
from fupan.sync.cli.auth import auth as auth_group
from fupan.sync.errors import AuthError
from fupan.sync.targets.gsheets import auth
from fupan.sync.targets.gsheets.http import BoundedRetryClient
from fupan.sync.userconfig import write_private
from google.auth.exceptions import RefreshError
from google.oauth2 import service_account
from google.oauth2.credentials import Credentials as UserCredentials
from google_auth_oauthlib.flow import InstalledAppFlow
from google_token_server import GoogleTokenServer, service_account_info
from latin import english_in
from requests.adapters import BaseAdapter

SA_EMAIL = "fupan-bot@fupan-test.iam.gserviceaccount.com"
USER = "ops@example.com"
CLIENT_SECRET = "GOCSPX-never-show-this-secret"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def google():
    with GoogleTokenServer() as server:
        yield server


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config" / "fupan"


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def sa_key(google: GoogleTokenServer, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    info, _ = google.service_account_key(SA_EMAIL)
    return write_json(tmp_path / "fupan-sa.json", info), info


def assert_no_secrets(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text
    assert "PRIVATE KEY" not in text


# -- service account ---------------------------------------------------------------------------


def test_service_account_key_gets_a_token_through_a_verified_jwt(google, sa_key, config_dir):
    path, _ = sa_key
    creds = auth.load_credentials(path, env={}, config_dir=config_dir)
    assert isinstance(creds, service_account.Credentials)
    assert google.grants == []  # loading a key does not contact Google

    auth.refresh(creds)

    [grant] = google.grants
    assert grant.ok and grant.signature_verified
    assert grant.grant_type == "urn:ietf:params:oauth:grant-type:jwt-bearer"
    assert grant.subject == SA_EMAIL
    assert grant.scope.split() == list(auth.SCOPES)
    assert google.issued[creds.token] == SA_EMAIL
    assert creds.valid
    assert auth.identity(creds) == SA_EMAIL


def test_key_google_does_not_know_is_refused_without_showing_the_key(google, tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    google.add_service_account(SA_EMAIL, other.public_key())  # e.g. the key was replaced
    info = service_account_info(SA_EMAIL, key, google.token_url)
    path = write_json(tmp_path / "old-key.json", info)
    creds = auth.load_credentials(path, env={})

    with pytest.raises(AuthError) as caught:
        auth.refresh(creds)

    message = str(caught.value)
    assert "Invalid JWT Signature." in message
    assert SA_EMAIL in message and str(path) in message
    assert "new JSON key" in message
    assert_no_secrets(message, info["private_key"], info["private_key_id"])
    [grant] = google.grants
    assert not grant.ok and not grant.signature_verified and grant.error == "invalid_grant"
    assert google.issued == {}


def test_gspread_refresh_error_is_turned_into_the_same_message(google, tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    info = service_account_info(SA_EMAIL, key, google.token_url)  # never registered
    creds = auth.load_credentials(write_json(tmp_path / "k.json", info), env={})
    client = auth.open_client(creds)
    with pytest.raises(RefreshError) as caught:
        client.open_by_key("any")
    message = str(auth.refresh_failed(creds, caught.value))
    assert SA_EMAIL in message and "account not found" in message
    assert_no_secrets(message, info["private_key"])


def test_assertion_outside_googles_time_window_is_refused(sa_key):
    path, _ = sa_key
    with GoogleTokenServer(now=lambda: time.time() + 7200) as late:
        info, _ = late.service_account_key(SA_EMAIL)
        creds = auth.load_credentials(write_json(path, info), env={})
        with pytest.raises(AuthError, match="clock"):
            auth.refresh(creds)
        [grant] = late.grants
        assert grant.signature_verified and not grant.ok  # signed right, but stale


class SheetsStandIn(BaseAdapter):
    """Just enough of Sheets: metadata of sheets shared with the token's identity, else 403."""

    def __init__(self, google: GoogleTokenServer, shared: dict[str, set[str]]) -> None:
        super().__init__()
        self.google, self.shared = google, shared
        self.seen: list[tuple[str | None, object]] = []

    def send(self, request, **kwargs):
        self.seen.append((request.url, kwargs.get("timeout")))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        who = self.google.issued.get(token)
        sheet = urlsplit(request.url).path.rsplit("/", 1)[-1]
        if who is None:
            return self._reply(request, 401, _google_error(401, "UNAUTHENTICATED"))
        if who not in self.shared.get(sheet, set()):
            return self._reply(request, 403, _google_error(403, "PERMISSION_DENIED"))
        body = {"spreadsheetId": sheet, "properties": {"title": "Review"}, "sheets": []}
        return self._reply(request, 200, body)

    @staticmethod
    def _reply(request, status, body):
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode()
        response.headers["Content-Type"] = "application/json"
        response.url, response.request = request.url, request
        return response

    def close(self):
        pass


def _google_error(code: int, status: str) -> dict[str, Any]:
    text = "The caller does not have permission" if code == 403 else "Invalid Credentials"
    return {"error": {"code": code, "message": text, "status": status}}


def test_open_client_uses_the_issued_token_and_bounded_retries(google, sa_key):
    creds = auth.load_credentials(sa_key[0], env={})
    client = auth.open_client(creds, attempts=2)
    http = client.http_client
    assert isinstance(http, BoundedRetryClient)
    assert http.attempts == 2 and http.timeout == (10.0, 120.0)
    sheets = SheetsStandIn(google, {"shared-sheet": {SA_EMAIL}})
    http.session.mount("https://sheets.googleapis.com/", sheets)

    assert client.open_by_key("shared-sheet").title == "Review"
    assert google.grants[-1].signature_verified  # gspread's session refreshed via the JWT
    assert sheets.seen[0][1] == (10.0, 120.0)

    with pytest.raises(PermissionError):
        client.open_by_key("private-sheet")
    assert http.requests_sent == 2  # a 403 is not retried
    message = auth.permission_message(creds, "private-sheet")
    assert f"{SA_EMAIL} cannot edit private-sheet" in message
    assert f"add {SA_EMAIL} as Editor (untick Notify)" in message


def test_open_client_keeps_a_given_session():
    session = requests.Session()
    client = auth.open_client(UserCredentials(token="t"), session=session)
    assert client.http_client.session is session
    assert isinstance(client.http_client, BoundedRetryClient)
    session.close()


# -- where credentials come from -------------------------------------------------------------


def _cached_login(config_dir: Path, token_uri: str = "https://oauth2.googleapis.com/token"):
    """A login as gspread would cache it: to_json() has no "type" field."""
    creds = UserCredentials(
        token="ya29.cached-access-token",
        refresh_token="1//cached-refresh-token",
        token_uri=token_uri,
        client_id="1234.apps.googleusercontent.com",
        client_secret=CLIENT_SECRET,
        scopes=list(auth.SCOPES),
        expiry=datetime.now(UTC).replace(tzinfo=None) + timedelta(minutes=30),
    )
    write_private(auth.token_path(config_dir), creds.to_json())
    return auth.token_path(config_dir)


@pytest.fixture
def three_keys(google, tmp_path):
    paths = {}
    for name in ("explicit", "fupan-env", "adc-env"):
        info, _ = google.service_account_key(f"{name}@p.iam.gserviceaccount.com")
        paths[name] = write_json(tmp_path / f"{name}.json", info)
    return paths


@pytest.mark.parametrize(
    ("explicit", "env_names", "expected"),
    [
        (True, ("FUPAN_GOOGLE_CREDENTIALS", "GOOGLE_APPLICATION_CREDENTIALS"), "explicit"),
        (False, ("FUPAN_GOOGLE_CREDENTIALS", "GOOGLE_APPLICATION_CREDENTIALS"), "fupan-env"),
        (False, ("GOOGLE_APPLICATION_CREDENTIALS",), "adc-env"),
        (False, (), "cache"),
    ],
)
def test_credentials_are_found_in_order(three_keys, config_dir, explicit, env_names, expected):
    _cached_login(config_dir)
    env = {
        name: str(three_keys["fupan-env" if name.startswith("FUPAN") else "adc-env"])
        for name in env_names
    }
    env["FUPAN_UNRELATED"] = "x"
    given = three_keys["explicit"] if explicit else None
    creds = auth.load_credentials(given, env=env, config_dir=config_dir)
    if expected == "cache":
        assert isinstance(creds, UserCredentials)
        assert auth.identity(creds) == "your Google account"
    else:
        assert auth.identity(creds) == f"{expected}@p.iam.gserviceaccount.com"


def test_empty_environment_values_count_as_unset(sa_key, config_dir):
    env = {"FUPAN_GOOGLE_CREDENTIALS": "", "GOOGLE_APPLICATION_CREDENTIALS": str(sa_key[0])}
    assert auth.identity(auth.load_credentials(env=env, config_dir=config_dir)) == SA_EMAIL


def test_no_credentials_names_both_ways_to_set_up(config_dir):
    with pytest.raises(AuthError) as caught:
        auth.load_credentials(env={}, config_dir=config_dir)
    message = str(caught.value)
    assert "service account" in message and "share the sheet" in message
    assert "--credentials FILE" in message and "$FUPAN_GOOGLE_CREDENTIALS" in message
    assert "`fupan auth login --client-secrets FILE`" in message
    assert 'README section "Google Sheets set-up"' in message


def test_cached_login_token_uri_is_googles_unless_injected(config_dir):
    # google-auth always resets token_uri when reading an authorized-user file.
    _cached_login(config_dir, token_uri="http://127.0.0.1:9/token")
    source = auth.locate(env={}, config_dir=config_dir)
    assert source is not None and source.cached
    assert auth.read_credentials(source).token_uri == "https://oauth2.googleapis.com/token"
    injected = auth.read_credentials(source, token_uri="http://127.0.0.1:9/token")
    assert injected.token_uri == "http://127.0.0.1:9/token"
    assert injected.expiry == auth.read_credentials(source).expiry  # still knows it is fresh


BAD_KEY_TEXT = "-----BEGIN PRIVATE KEY-----\nTOPSECRETKEYMATERIAL\n-----END PRIVATE KEY-----\n"


def _sa(**changes: Any) -> dict[str, Any]:
    info = {
        "type": "service_account",
        "client_email": SA_EMAIL,
        "private_key": BAD_KEY_TEXT,
        "private_key_id": "0123abcd",
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    return {k: v for k, v in {**info, **changes}.items() if v is not None}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        ("{not json", "is not JSON"),
        ('["a", "list"]', "is not a JSON object"),
        ({"client_email": SA_EMAIL, "private_key": BAD_KEY_TEXT}, 'has no "type" field'),
        ({"type": "external_account", "audience": "x"}, 'type "external_account"'),
        (_sa(private_key=None), "lacks 'private_key'. Download a new JSON key"),
        (_sa(client_email=""), "lacks 'client_email'"),
        (_sa(), '"private_key" that is not a valid PEM RSA key'),
        (
            {"type": "authorized_user", "client_id": "c", "client_secret": CLIENT_SECRET},
            "lacks 'refresh_token'. Run `fupan auth login --client-secrets FILE` again",
        ),
        (
            {"installed": {"client_id": "c", "client_secret": CLIENT_SECRET}},
            "is an OAuth client secrets file, not a key or a login. Log in with it once",
        ),
        (
            {
                "type": "authorized_user",
                "refresh_token": "1//r",
                "client_id": "c",
                "client_secret": CLIENT_SECRET,
                "scopes": ["https://www.googleapis.com/auth/drive.file"],
            },
            "without access to Google Sheets",
        ),
    ],
)
def test_bad_credentials_files_name_the_file_and_the_fix(tmp_path, content, expected):
    path = tmp_path / "creds.json"
    if content is not None:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    env = {"FUPAN_GOOGLE_CREDENTIALS": str(path)}
    with pytest.raises(AuthError) as caught:
        auth.load_credentials(env=env, config_dir=tmp_path / "cfg")
    message = str(caught.value)
    assert expected in message
    assert f'"{path}" (named by $FUPAN_GOOGLE_CREDENTIALS)' in message
    assert_no_secrets(message, "TOPSECRETKEYMATERIAL", CLIENT_SECRET, "1//r")
    assert caught.value.__cause__ is None  # no parser message, which might quote the key


def test_a_folder_is_not_a_credentials_file(tmp_path):
    with pytest.raises(AuthError, match="is a folder"):
        auth.load_credentials(tmp_path, env={})


def test_real_key_is_not_quoted_when_a_field_is_missing(google, tmp_path):
    info, _ = google.service_account_key(SA_EMAIL)
    del info["client_email"]
    with pytest.raises(AuthError) as caught:
        auth.load_credentials(write_json(tmp_path / "k.json", info), env={})
    assert_no_secrets(str(caught.value), info["private_key"])
    assert "lacks 'client_email'" in str(caught.value)


# -- OAuth login -------------------------------------------------------------------------------


class Browser:
    """Plays the user's browser: opens the consent page and follows it back to fupan."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.pages: list[str] = []
        self.errors: list[BaseException] = []
        self.threads: list[threading.Thread] = []

    def open(self, url: str) -> None:
        self.urls.append(url)
        thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
        self.threads.append(thread)
        thread.start()

    def _visit(self, url: str) -> None:
        with requests.Session() as session:
            try:
                consent = session.get(url, allow_redirects=False, timeout=10)
                back = consent.headers["Location"]
            except Exception as exc:  # let the flow finish instead of waiting 5 minutes
                self.errors.append(exc)
                back = parse_qs(urlsplit(url).query)["redirect_uri"][0] + "?error=browser"
            self.pages.append(session.get(back, timeout=10).text)

    def flow_factory(self):
        browser = self

        class BrowserFlow(InstalledAppFlow):
            def authorization_url(self, **kwargs):
                url, state = super().authorization_url(**kwargs)
                browser.open(url)
                return url, state

        return BrowserFlow.from_client_secrets_file

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=10)
        assert self.errors == []


@pytest.fixture
def client_secrets(google, tmp_path, monkeypatch) -> Path:
    # oauthlib refuses plain-http token endpoints; the stand-in is loopback http.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    document = google.add_client(client_secret=CLIENT_SECRET, user=USER)
    return write_json(tmp_path / "client_secret_desktop.json", document)


@pytest.fixture
def logged_in(google, client_secrets, config_dir, capsys) -> Path:
    browser = Browser()
    path = auth.login(
        client_secrets,
        config_dir=config_dir,
        open_browser=False,
        flow_factory=browser.flow_factory(),
    )
    browser.join()
    assert "signed in to Google" in browser.pages[0]
    prompt = capsys.readouterr().out
    assert "Open this address in a browser" in prompt and browser.urls[0] in prompt
    return path


@posix_only
def test_login_runs_the_loopback_flow_and_saves_a_private_token(google, logged_in, config_dir):
    assert logged_in == config_dir / "google-token.json"
    assert stat.S_IMODE(logged_in.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700
    assert [p.name for p in config_dir.iterdir()] == ["google-token.json"]  # no temp left

    saved = json.loads(logged_in.read_text())
    assert saved["type"] == "authorized_user"
    assert saved["refresh_token"] in google.refresh_tokens
    assert saved["client_secret"] == CLIENT_SECRET
    assert saved["scopes"] == list(auth.SCOPES)
    assert google.issued[saved["token"]] == USER

    [grant] = google.grants
    assert grant.grant_type == "authorization_code" and grant.ok and grant.pkce_verified


def test_login_asks_for_offline_access_with_pkce(google, client_secrets, config_dir, capsys):
    browser = Browser()
    auth.login(
        client_secrets,
        config_dir=config_dir,
        open_browser=False,
        flow_factory=browser.flow_factory(),
    )
    browser.join()
    query = parse_qs(urlsplit(browser.urls[0]).query)
    assert query["access_type"] == ["offline"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["scope"] == [" ".join(auth.SCOPES)]
    assert CLIENT_SECRET not in capsys.readouterr().out


@posix_only
def test_stale_cached_login_is_refreshed_and_rewritten(google, logged_in, config_dir):
    saved = json.loads(logged_in.read_text())
    saved["expiry"] = "2020-01-01T00:00:00Z"
    logged_in.write_text(json.dumps(saved))
    logged_in.chmod(0o644)

    creds = auth.load_credentials(env={}, config_dir=config_dir, token_uri=google.token_url)

    assert creds.valid and creds.token != saved["token"]
    assert google.issued[creds.token] == USER
    assert google.grants[-1].grant_type == "refresh_token"
    rewritten = json.loads(logged_in.read_text())
    assert rewritten["token"] == creds.token
    assert rewritten["refresh_token"] == saved["refresh_token"]
    assert stat.S_IMODE(logged_in.stat().st_mode) == 0o600


def test_valid_cached_login_is_used_without_a_token_request(google, logged_in, config_dir):
    creds = auth.load_credentials(env={}, config_dir=config_dir, token_uri=google.token_url)
    assert creds.valid and len(google.grants) == 1  # only the login's own exchange


def test_revoked_login_is_removed_and_the_user_told_to_log_in_again(google, logged_in, config_dir):
    saved = json.loads(logged_in.read_text())
    saved["expiry"] = "2020-01-01T00:00:00Z"
    logged_in.write_text(json.dumps(saved))
    google.revoke()

    with pytest.raises(AuthError) as caught:
        auth.load_credentials(env={}, config_dir=config_dir, token_uri=google.token_url)

    message = str(caught.value)
    assert "Token has been expired or revoked." in message
    assert "`fupan auth login --client-secrets FILE` again" in message
    assert "7 days" in message and "Testing" in message
    assert not logged_in.exists()
    assert_no_secrets(message, CLIENT_SECRET, saved["refresh_token"], saved["token"])


def test_revoked_login_given_explicitly_is_not_deleted(google, logged_in, tmp_path):
    saved = json.loads(logged_in.read_text())
    saved["expiry"] = "2020-01-01T00:00:00Z"
    copy = write_json(tmp_path / "my-login.json", saved)
    google.revoke()
    with pytest.raises(AuthError, match="fupan auth login") as caught:
        auth.load_credentials(copy, env={}, token_uri=google.token_url)
    assert str(copy) in str(caught.value) and copy.exists()


def test_oauth_user_permission_message_points_to_the_login_account(logged_in, config_dir, google):
    creds = auth.load_credentials(env={}, config_dir=config_dir, token_uri=google.token_url)
    assert auth.identity(creds) == "your Google account"
    message = auth.permission_message(creds, "Weekly review")
    assert "cannot name" in message and "cannot edit Weekly review" in message
    assert "`fupan auth login`" in message


def test_refused_consent_is_an_auth_error(google, client_secrets, config_dir, capsys):
    google.deny_consent = True
    browser = Browser()
    with pytest.raises(AuthError, match="access_denied"):
        auth.login(
            client_secrets,
            config_dir=config_dir,
            open_browser=False,
            flow_factory=browser.flow_factory(),
        )
    browser.join()
    assert not auth.token_path(config_dir).exists()


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (None, "does not exist"),
        ({"type": "service_account", "client_email": SA_EMAIL}, "needs no login"),
        ({"web": {"client_id": "c", "client_secret": CLIENT_SECRET}}, "Web application"),
        ({"installed": {"client_id": "c", "client_secret": CLIENT_SECRET}}, "lacks 'auth_uri'"),
    ],
)
def test_login_checks_the_client_secrets_file_first(tmp_path, document, expected):
    path = tmp_path / "secrets.json"
    if document is not None:
        write_json(path, document)

    def no_flow(*args):
        raise AssertionError("the flow must not start")

    with pytest.raises(AuthError) as caught:
        auth.login(path, config_dir=tmp_path / "cfg", flow_factory=no_flow)
    assert expected in str(caught.value) and str(path) in str(caught.value)
    assert_no_secrets(str(caught.value), CLIENT_SECRET)


def test_logout_and_token_status(config_dir):
    assert auth.token_status(config_dir).startswith("No saved Google login")
    _cached_login(config_dir)
    status = auth.token_status(config_dir)
    assert "refresh token: present" in status and "valid until" in status
    assert "spreadsheets" in status
    assert_no_secrets(status, CLIENT_SECRET, "1//cached-refresh-token", "ya29.cached")
    # In a Chinese team's words: only the file, the scopes' addresses and UTC stay Latin.
    chinese = auth.token_status(config_dir, lang="zh")
    assert "刷新令牌：已保存" in chinese and "有效期至" in chinese, chinese
    assert english_in(chinese.replace("UTC", ""), set()) == [], chinese
    assert auth.logout(config_dir) is True
    assert auth.logout(config_dir) is False


# -- the click commands ------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path):
    """Run `fupan auth ...` with the config folder and environment inside tmp_path."""
    home = tmp_path / "home"
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "APPDATA": str(home / "AppData"),
        "FUPAN_GOOGLE_CREDENTIALS": None,
        "GOOGLE_APPLICATION_CREDENTIALS": None,
    }

    def run(*args: str):
        return CliRunner().invoke(auth_group, list(args), env=env)

    return run


def _cli_config_dir(tmp_path: Path) -> Path:
    return tmp_path / "home" / ".config" / "fupan"


def test_cli_status_without_credentials_fails_with_the_set_up_text(cli):
    result = cli("status")
    assert result.exit_code == 1
    assert "No Google credentials are set up" in result.output
    assert "Google Sheets set-up" in result.output


def test_cli_status_names_the_service_account(cli, sa_key):
    result = cli("status", "--credentials", str(sa_key[0]))
    assert result.exit_code == 0, result.output
    assert f"Sheets must be shared (as Editor) with: {SA_EMAIL}" in result.output
    assert_no_secrets(result.output, sa_key[1]["private_key"])


@pytest.mark.skipif(os.name == "nt", reason="config folder from XDG_CONFIG_HOME / HOME")
def test_cli_status_and_logout_of_a_saved_login(cli, tmp_path):
    path = _cached_login(_cli_config_dir(tmp_path))
    status = cli("status")
    assert status.exit_code == 0, status.output
    assert "OAuth login of your Google account" in status.output
    assert "refresh token: present" in status.output
    assert_no_secrets(status.output, CLIENT_SECRET, "1//cached-refresh-token")

    out = cli("logout")
    assert out.exit_code == 0 and "Removed the saved Google login" in out.output
    assert not path.exists()
    again = cli("logout")
    assert again.exit_code == 0 and "No saved Google login" in again.output


def test_cli_status_of_a_bad_file_fails(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    result = cli("status", "--credentials", str(bad))
    assert result.exit_code == 1 and "is not JSON" in result.output


def test_cli_login_error_paths(cli, tmp_path, sa_key):
    missing = cli("login", "--client-secrets", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1 and "does not exist" in missing.output

    key = cli("login", "--client-secrets", str(sa_key[0]), "--no-browser")
    assert key.exit_code == 1 and "needs no login" in key.output
    assert_no_secrets(key.output, sa_key[1]["private_key"])

    assert cli("login").exit_code == 2  # --client-secrets is required
    assert cli("login", "--client-secrets", "x", "--port", "70000").exit_code == 2
