"""`fupan auth`: sign in to Google with your own account, see which identity fupan uses, sign out.

A thin shell over fupan.sync.targets.gsheets.auth. A service account needs none of this:
point fupan at its key and share the sheet.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import AuthError
from ..i18n import t
from .group import FupanGroup
from .lang import cli_lang


@click.group(cls=FupanGroup)
def auth() -> None:
    """Google credentials for the Google Sheets target."""


@auth.command()
@click.option(
    "--client-secrets",
    required=True,
    metavar="FILE",
    type=click.Path(path_type=Path),
)
@click.option(
    "--no-browser",
    is_flag=True,
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
)
def login(client_secrets: Path, no_browser: bool, port: int) -> None:
    """Sign in with your Google account and save the login for later runs."""
    # google-auth and its OAuth flow load only for these commands: `fupan --help` stays fast
    from ..targets.gsheets import auth as google_auth

    path = google_auth.login(client_secrets, open_browser=not no_browser, port=port)
    lang = cli_lang()
    click.echo(t("say:google_signed_in", lang, path=path))
    click.echo(t("say:google_share", lang))


@auth.command()
@click.option(
    "--credentials",
    metavar="FILE",
    type=click.Path(path_type=Path),
)
def status(credentials: Path | None) -> None:
    """Which Google identity fupan would use, and the saved login. Does not contact Google."""
    # google-auth and its OAuth flow load only for these commands: `fupan --help` stays fast
    from ..targets.gsheets import auth as google_auth

    lang = cli_lang()
    source = google_auth.locate(credentials)
    if source is None:
        click.echo(google_auth.token_status(lang=lang))
        raise AuthError(google_auth.NO_CREDENTIALS)
    creds = google_auth.read_credentials(source)
    click.echo(google_auth.describe(creds, lang))
    click.echo(t("say:google_share_with", lang, who=google_auth.identity_text(creds, lang)))
    if source.cached or google_auth.token_path().exists():
        click.echo(google_auth.token_status(lang=lang))


@auth.command()
def logout() -> None:
    """Forget the saved login on this computer."""
    # google-auth and its OAuth flow load only for these commands: `fupan --help` stays fast
    from ..targets.gsheets import auth as google_auth

    lang = cli_lang()
    if google_auth.logout():
        click.echo(t("say:google_removed", lang, path=google_auth.token_path()))
        click.echo(t("say:google_revoke", lang))
    else:
        click.echo(t("say:google_none_to_remove", lang, path=google_auth.token_path()))
