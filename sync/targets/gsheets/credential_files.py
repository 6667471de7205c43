"""Google credentials files: what a service-account key or an OAuth login file must hold,
reading and checking one (no network), and what to tell the user when it is wrong.

Nothing here ever puts a private key, token or client secret into a message, repr or log:
messages name files, fields and e-mail addresses only.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.auth.credentials import Credentials
from google.oauth2 import service_account
from google.oauth2.credentials import Credentials as UserCredentials

from ...errors import AuthError, Msg, msg
from .sheets_api import DRIVE_FILE_SCOPE, SHEETS_SCOPE

# "drive.file" (for the meeting snapshot's copy) reaches just the files fupan created or
# opened, unlike gspread's default full-Drive scope.
SCOPES = (SHEETS_SCOPE, DRIVE_FILE_SCOPE)
ENV_VAR = "FUPAN_GOOGLE_CREDENTIALS"
README_SECTION = msg("err:g_readme", section="Google Sheets set-up")
LOGIN_COMMAND = "fupan auth login --client-secrets FILE"

_SA_FIELDS = ("client_email", "private_key", "token_uri")
_USER_FIELDS = ("refresh_token", "client_id", "client_secret")


@dataclass(frozen=True)
class CredentialSource:
    """A credentials file and how the user pointed fupan at it."""

    path: Path
    origin: Msg  # how the user pointed at it, for messages
    cached: bool = False  # fupan's own login cache: fupan may rewrite or remove it


# Where each loaded credential came from, so a later refresh failure can name the file.
SOURCES: weakref.WeakKeyDictionary[Credentials, CredentialSource] = weakref.WeakKeyDictionary()


def read_credentials(source: CredentialSource, *, token_uri: str | None = None) -> Credentials:
    """Parse and check one credentials file; no network."""
    info = read_json(source.path, source.origin)
    if "installed" in info or "web" in info:
        raise file_error(
            source, msg("err:g_is_client_secrets"), msg("err:g_login_once", path=source.path)
        )
    # creds.to_json() (and so gspread's own login cache) writes no "type"; a refresh token
    # says what the file is.
    kind = info.get("type") or ("authorized_user" if "refresh_token" in info else None)
    if kind == "service_account":
        creds: Credentials = _service_account(info, source)
    elif kind == "authorized_user":
        creds = _authorized_user(info, source, token_uri)
    elif kind is None:
        raise file_error(source, msg("err:g_no_field", field="type"), WHICH_FILES)
    else:
        raise file_error(source, msg("err:g_kind", kind=kind), WHICH_FILES)
    SOURCES[creds] = source
    return creds


def _service_account(info: dict[str, Any], source: CredentialSource) -> Credentials:
    require_fields(info, _SA_FIELDS, source, msg("err:g_new_key"))
    try:
        creds: service_account.Credentials = service_account.Credentials.from_service_account_info(
            info, scopes=SCOPES
        )
    except (ValueError, TypeError, IndexError):
        # The parser's own message may quote the key; say only which part is wrong.
        raise file_error(
            source, msg("err:g_bad_pem", field="private_key"), msg("err:g_new_key")
        ) from None
    return creds


def _authorized_user(
    info: dict[str, Any], source: CredentialSource, token_uri: str | None
) -> UserCredentials:
    require_fields(info, _USER_FIELDS, source, LOGIN_AGAIN)
    try:
        creds: UserCredentials = UserCredentials.from_authorized_user_info(info)
    except (ValueError, TypeError):
        raise file_error(source, msg("err:g_malformed"), LOGIN_AGAIN) from None
    scopes = set(creds.scopes or ())
    if scopes and SCOPES[0] not in scopes:
        raise file_error(source, msg("err:g_no_sheets_scope"), LOGIN_AGAIN)
    if not token_uri:
        return creds
    moved: UserCredentials = creds.with_token_uri(token_uri)
    # with_token_uri() drops the expiry: the copy would look valid with a stale token.
    moved.expiry = creds.expiry
    return moved


def read_json(path: Path, origin: Msg) -> dict[str, Any]:
    where = msg("err:g_file", path=path, origin=origin)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuthError(msg("err:g_file_missing", where=where, readme=README_SECTION)) from None
    except IsADirectoryError:
        raise AuthError(msg("err:g_file_folder", where=where)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else None
        said = reason or msg("err:g_unreadable")
        raise AuthError(msg("err:g_file_unreadable", where=where, reason=said)) from None
    try:
        info = json.loads(text)
    except json.JSONDecodeError:
        raise AuthError(msg("err:g_file_not_json", where=where, login=LOGIN_COMMAND)) from None
    if not isinstance(info, dict):
        raise AuthError(msg("err:g_file_not_object", where=where, which=WHICH_FILES))
    return info


def require_fields(
    info: dict[str, Any], fields: Sequence[str], source: CredentialSource, fix: Msg
) -> None:
    missing = [f for f in fields if not isinstance(info.get(f), str) or not info[f]]
    if missing:
        lacks = msg("err:g_lacks", fields=", ".join(repr(f) for f in missing))
        raise file_error(source, lacks, fix)


def file_error(source: CredentialSource, problem: Msg, fix: Msg) -> AuthError:
    where = msg("err:g_file", path=source.path, origin=source.origin)
    return AuthError(msg("err:g_file_problem", where=where, problem=problem, fix=fix))


WHICH_FILES = msg("err:g_which_files", readme=README_SECTION)
LOGIN_AGAIN = msg("err:g_login_again", login=LOGIN_COMMAND)
NO_CREDENTIALS = msg(
    "err:g_no_credentials", env=ENV_VAR, login=LOGIN_COMMAND, readme=README_SECTION
)
