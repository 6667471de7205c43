"""`fupan auth`: sign in to Google with your own account, see which identity fupan uses, sign out.

A thin shell over fupan.sync.google.auth; its AuthErrors become click errors (one line, non-zero
exit). A service account needs none of this: point fupan at its key and share the sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from ..errors import AuthError, FupanError

T = TypeVar("T")


class _Failed(click.ClickException):
    """A FupanError as click shows it: `Error: <message>` and the error's exit code."""

    def __init__(self, error: FupanError) -> None:
        super().__init__(str(error))
        # click declares exit_code on the class; it reads the instance's, this error's own.
        self.exit_code = error.exit_code  # type: ignore[misc]


def _run(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    try:
        return fn(*args, **kwargs)
    except FupanError as exc:
        raise _Failed(exc) from None


@click.group()
def auth() -> None:
    """Google credentials for the Google Sheets target."""


@auth.command()
@click.option(
    "--client-secrets",
    required=True,
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="The JSON of an OAuth client of type Desktop app, from the Google Cloud console.",
)
@click.option(
    "--no-browser",
    is_flag=True,
    help="Print the sign-in address instead of opening a browser (for a computer without one).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="Local port that receives Google's answer; 0 picks a free one. Fix it to forward "
    "it with ssh -L from another computer.",
)
def login(client_secrets: Path, no_browser: bool, port: int) -> None:
    """Sign in with your Google account and save the login for later runs."""
    from ..targets.gsheets import auth as google_auth

    path = _run(google_auth.login, client_secrets, open_browser=not no_browser, port=port)
    click.echo(f'Signed in. The login is saved in "{path}", readable by you only.')
    click.echo("Share each sheet fupan should edit with that Google account, as Editor.")


@auth.command()
@click.option(
    "--credentials",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Check this key or login file instead of the one fupan would find.",
)
def status(credentials: Path | None) -> None:
    """Which Google identity fupan would use, and the saved login. Does not contact Google."""
    from ..targets.gsheets import auth as google_auth

    source = google_auth.locate(credentials)
    if source is None:
        click.echo(google_auth.token_status())
        raise _Failed(AuthError(google_auth.NO_CREDENTIALS))
    creds = _run(google_auth.read_credentials, source)
    click.echo(google_auth.describe(creds))
    click.echo(f"Sheets must be shared (as Editor) with: {google_auth.identity(creds)}")
    if source.cached or google_auth.token_path().exists():
        click.echo(google_auth.token_status())


@auth.command()
def logout() -> None:
    """Forget the saved login on this computer."""
    from ..targets.gsheets import auth as google_auth

    if google_auth.logout():
        click.echo(f'Removed the saved Google login "{google_auth.token_path()}".')
        click.echo(
            "Google still lists fupan under your account's third-party access until you remove "
            "it at https://myaccount.google.com/permissions."
        )
    else:
        click.echo(f'No saved Google login to remove ("{google_auth.token_path()}").')
