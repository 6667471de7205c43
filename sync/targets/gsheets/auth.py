"""Google credentials for the Sheets target: a service-account key, or a user's OAuth login.

Where credentials come from, first match wins: `--credentials FILE`, `$FUPAN_GOOGLE_CREDENTIALS`,
`$GOOGLE_APPLICATION_CREDENTIALS`, then the login cached by `fupan auth login` in fupan's
config folder. A file is a service-account JSON key or an OAuth "authorized user" file, told
apart by its "type" field.

Nothing here ever puts a private key, token or client secret into a message, repr or log:
messages name files, fields and e-mail addresses only.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import webbrowser
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import google.auth.exceptions
import gspread
import requests
from google.auth.credentials import Credentials
from google.auth.transport import Request as TransportRequest
from google.auth.transport.requests import Request
from google.oauth2 import service_account
from google.oauth2.credentials import Credentials as UserCredentials
from google_auth_oauthlib.flow import InstalledAppFlow, WSGITimeoutError
from gspread.http_client import HTTPClient
from oauthlib.oauth2.rfc6749.errors import OAuth2Error

from ...errors import AuthError, Msg, msg
from ...i18n import t
from ...userconfig import config_dir_default, write_private
from .credential_files import (
    ENV_VAR,
    LOGIN_COMMAND,
    SOURCES,
    CredentialSource,
    read_json,
)

# Used here, and read as auth.X by the CLI (`fupan auth status`) and the tests.
from .credential_files import NO_CREDENTIALS as NO_CREDENTIALS
from .credential_files import SCOPES as SCOPES
from .credential_files import read_credentials as read_credentials
from .http import BoundedRetryClient
from .sheets_api import TOKEN_URI

ADC_ENV_VAR = "GOOGLE_APPLICATION_CREDENTIALS"
TOKEN_FILE = "google-token.json"
LOGIN_TIMEOUT_SECONDS = 300
OAUTH_USER = "your Google account"

_CLIENT_FIELDS = ("client_id", "client_secret", "auth_uri", "token_uri")

FlowFactory = Callable[[str, Sequence[str]], InstalledAppFlow]


def token_path(config_dir: Path | None = None) -> Path:
    """The file `fupan auth login` writes."""
    return (config_dir or config_dir_default()) / TOKEN_FILE


# ---------------------------------------------------------------------------------------------
# Loading


def load_credentials(
    credentials: str | Path | None = None,
    *,
    env: Mapping[str, str] = os.environ,
    config_dir: Path | None = None,
    token_uri: str | None = None,
    request: TransportRequest | None = None,
) -> Credentials:
    """The credentials fupan should use, refreshed if they are a login that has gone stale.

    `token_uri` replaces Google's token endpoint for OAuth user files (google-auth always
    resets it to Google's when reading them); tests point it at a loopback stand-in.
    Service-account keys keep the `token_uri` in the key file and are not contacted here.
    """
    source = locate(credentials, env=env, config_dir=config_dir)
    if source is None:
        raise AuthError(NO_CREDENTIALS)
    creds = read_credentials(source, token_uri=token_uri)
    if isinstance(creds, UserCredentials) and not creds.valid:
        refresh(creds, request=request)
    return creds


def locate(
    credentials: str | Path | None = None,
    *,
    env: Mapping[str, str] = os.environ,
    config_dir: Path | None = None,
) -> CredentialSource | None:
    """Which file would be used, without reading it; None when nothing is set up."""
    if credentials:
        return CredentialSource(_expand(credentials), msg("say:google_origin_option"))
    for name in (ENV_VAR, ADC_ENV_VAR):
        if env.get(name):
            return CredentialSource(
                _expand(env[name]), msg("say:google_origin_env", name=f"${name}")
            )
    cached = token_path(config_dir)
    if cached.exists():
        return CredentialSource(cached, msg("say:google_origin_login"), cached=True)
    return None


# ---------------------------------------------------------------------------------------------
# Refreshing


def refresh(creds: Credentials, *, request: TransportRequest | None = None) -> None:
    """Get a new access token now, turning Google's refusal into an AuthError that says why.

    A refreshed login from fupan's own cache is written back (0600), so the next run within
    the hour needs no token request.
    """
    source = SOURCES.get(creds)
    try:
        if request is not None:
            creds.refresh(request)
        else:
            with requests.Session() as session:
                creds.refresh(Request(session))
    except google.auth.exceptions.RefreshError as exc:
        raise refresh_failed(creds, exc) from None
    except google.auth.exceptions.TransportError:
        raise AuthError(_unreachable(getattr(creds, "token_uri", None))) from None
    if source is not None and source.cached and isinstance(creds, UserCredentials):
        write_private(source.path, _token_json(creds))


def refresh_failed(creds: Credentials, exc: google.auth.exceptions.RefreshError) -> AuthError:
    """The AuthError for a refused token request (also for the Sheets target to raise when
    gspread's session hits RefreshError mid-run). A refused cached login is deleted."""
    source = SOURCES.get(creds)
    error, said = _google_error(exc)
    if isinstance(creds, service_account.Credentials):
        email = creds.service_account_email
        where = msg("err:g_in_file", path=source.path) if source else ""
        return AuthError(msg("err:g_sa_refused", email=email, where=where, said=said))
    if source is not None and source.cached and error == "invalid_grant":
        with contextlib.suppress(FileNotFoundError):
            source.path.unlink()
        return AuthError(
            msg("err:g_saved_login_refused", said=said, path=source.path, login=LOGIN_COMMAND)
        )
    where = msg("err:g_login_in", path=source.path) if source else msg("err:g_the_login")
    return AuthError(msg("err:g_login_refused", where=where, said=said, login=LOGIN_COMMAND))


def _google_error(exc: google.auth.exceptions.RefreshError) -> tuple[str, str]:
    """Google's error code and text, and nothing else of the reply."""
    body = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], dict) else {}
    error = str(body.get("error", "")) or "refused"
    description = str(body.get("error_description", ""))
    return error, f"{error}: {description}" if description else error


def _unreachable(token_uri: str | None) -> Msg:
    return msg("err:g_unreachable", host=urlsplit(token_uri or TOKEN_URI).netloc)


# ---------------------------------------------------------------------------------------------
# Identity and messages


def identity(creds: Credentials) -> str:
    """The e-mail address a sheet must be shared with, as far as fupan can know it."""
    if isinstance(creds, service_account.Credentials):
        email: str = creds.service_account_email
        return email
    return getattr(creds, "account", "") or OAUTH_USER


def permission_message(creds: Credentials, sheet: str) -> str:
    """What to do about a 403 on `sheet`."""
    who = identity(creds)
    if who == OAUTH_USER:
        return (
            f"fupan is logged in with a Google account it cannot name, and that account "
            f"cannot edit {sheet}: share the sheet as Editor with the Google account you "
            f"signed in with at `fupan auth login`, or run `{LOGIN_COMMAND}` again with an "
            "account that can edit it."
        )
    return (
        f"fupan's Google identity {who} cannot edit {sheet}: open the sheet, Share, "
        f"add {who} as Editor (untick Notify), then run again."
    )


def describe(creds: Credentials, lang: str = "en") -> str:
    """One line for `fupan auth status`: what kind of identity, and from where."""
    source = SOURCES.get(creds)
    where = ""
    if source is not None:
        where = t("say:google_from", lang, path=source.path, origin=source.origin.text(lang))
    if isinstance(creds, service_account.Credentials):
        who = creds.service_account_email
        return t("say:google_service_account", lang, who=who, where=where)
    return t("say:google_oauth", lang, who=identity_text(creds, lang), where=where)


def identity_text(creds: Credentials, lang: str) -> str:
    """identity(), with "your Google account" in `lang` when the login cannot name itself."""
    who = identity(creds)
    return t("say:google_your_account", lang) if who == OAUTH_USER else who


# ---------------------------------------------------------------------------------------------
# gspread


def open_client(
    creds: Credentials, *, session: requests.Session | None = None, **retry_kwargs: Any
) -> gspread.Client:
    """A gspread client whose every request has timeouts and bounded retries.

    gspread builds its HTTP client as `http_client(auth, session)`, so the retry settings
    travel in a partial. A `session` replaces gspread's AuthorizedSession (then the caller
    authorises requests itself).
    """
    factory = partial(BoundedRetryClient, **retry_kwargs) if retry_kwargs else BoundedRetryClient
    # gspread only calls http_client(auth, session): a partial of the class does as well.
    return gspread.Client(auth=creds, session=session, http_client=cast(type[HTTPClient], factory))


# ---------------------------------------------------------------------------------------------
# Logging in and out


def login(
    client_secrets: Path,
    *,
    config_dir: Path | None = None,
    open_browser: bool = True,
    port: int = 0,
    flow_factory: FlowFactory = InstalledAppFlow.from_client_secrets_file,
) -> Path:
    """Sign in through the browser (OAuth loopback flow) and save the login; returns its file."""
    client_secrets = _expand(client_secrets)
    client = _check_client_secrets(client_secrets)
    flow = flow_factory(str(client_secrets), list(SCOPES))
    prompt = (
        "Open this address in a browser and sign in to Google:\n{url}"
        if not open_browser
        else "Sign in to Google in the browser window that opened. If none did, open:\n{url}"
    )
    try:
        creds = flow.run_local_server(
            port=port,
            open_browser=open_browser,
            timeout_seconds=LOGIN_TIMEOUT_SECONDS,
            authorization_prompt_message=prompt,
            success_message="fupan is signed in to Google. You can close this window.",
        )
    except WSGITimeoutError:
        raise AuthError(msg("err:g_login_timeout", minutes=LOGIN_TIMEOUT_SECONDS // 60)) from None
    except webbrowser.Error:
        raise AuthError(msg("err:g_no_browser", ssh="ssh -L")) from None
    except OAuth2Error as exc:
        said = f"{exc.error}: {exc.description}" if exc.description else exc.error
        raise AuthError(msg("err:g_signin_failed", said=said)) from None
    except requests.RequestException:
        raise AuthError(_unreachable(client["token_uri"])) from None
    except OSError as exc:
        raise AuthError(msg("err:g_port", port=port, reason=exc.strerror)) from None
    path = token_path(config_dir)
    write_private(path, _token_json(creds))
    return path


def _check_client_secrets(path: Path) -> dict[str, Any]:
    """The "installed" client of a Desktop-app client secrets file, or an AuthError."""
    info = read_json(path, msg("err:g_origin_secrets"))
    where = msg("err:g_secrets_file", path=path)
    download = msg("err:g_download_desktop")
    if info.get("type") == "service_account":
        raise AuthError(msg("err:g_secrets_is_sa", where=where, env=ENV_VAR))
    if "web" in info:
        raise AuthError(msg("err:g_secrets_web", where=where, download=download))
    config = info.get("installed")
    if not isinstance(config, dict):
        raise AuthError(
            msg("err:g_secrets_no_client", where=where, field="installed", download=download)
        )
    missing = [f for f in _CLIENT_FIELDS if not isinstance(config.get(f), str) or not config[f]]
    if missing:
        fields = ", ".join(repr(f) for f in missing)
        raise AuthError(msg("err:g_secrets_lacks", where=where, fields=fields, download=download))
    return config


def logout(config_dir: Path | None = None) -> bool:
    """Forget the saved login; False when there was none."""
    try:
        token_path(config_dir).unlink()
    except FileNotFoundError:
        return False
    return True


def token_status(config_dir: Path | None = None, lang: str = "en") -> str:
    """The saved login, described without its secrets."""
    path = token_path(config_dir)
    if not path.exists():
        return t("say:google_no_login", lang, path=path)
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        info = None
    if not isinstance(info, dict):
        return t("say:google_unreadable", lang, path=path)
    scopes = ", ".join(info.get("scopes") or []) or t("say:google_unknown", lang)
    refresh = "say:google_refresh_ok" if info.get("refresh_token") else "say:google_refresh_missing"
    lines = [
        t("say:google_saved", lang, path=path),
        t("say:google_scopes", lang, scopes=scopes),
        t(refresh, lang),
        t("say:google_access", lang, state=_expiry_text(info.get("expiry"), lang)),
    ]
    mode = stat.S_IMODE(path.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        lines.append(t("say:google_permissions", lang, mode=f"{mode:04o}", path=path))
    return "\n".join(lines)


def _expiry_text(expiry: object, lang: str) -> str:
    if not isinstance(expiry, str):
        return t("say:google_token_none", lang)
    try:
        when = datetime.fromisoformat(expiry.rstrip("Z")).replace(tzinfo=UTC)
    except ValueError:
        return t("say:google_token_unknown", lang)
    stamp = when.strftime("%Y-%m-%d %H:%M UTC")
    # A token's life is real time (Google's clock), not the review's day: the wall clock.
    valid = when > datetime.now(UTC)
    return t("say:google_token_valid" if valid else "say:google_token_expired", lang, stamp=stamp)


def _token_json(creds: UserCredentials) -> str:
    """The login as a standard "authorized user" file (to_json() leaves out the type)."""
    return json.dumps({"type": "authorized_user", **json.loads(creds.to_json())}, indent=2)


def _expand(path: str | Path) -> Path:
    return Path(path).expanduser()
