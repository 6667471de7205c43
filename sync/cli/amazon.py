"""`fupan pull` and `fupan amazon login|status|logout`: a thin shell over pull.py, login.py
and credentials.py (each command's work is one tested Python function)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..amazon import credentials as amazon_credentials
from ..amazon.ads_api import Profile
from ..amazon.login import login as save_login
from ..amazon.lwa import LwaApp
from ..amazon.pull import pull
from .group import FupanCommand, FupanGroup
from .options import today, workspace_of, workspace_option


@click.command(name="pull", cls=FupanCommand)
@workspace_option
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
)
@click.option(
    "--marketplace",
    "markets",
    multiple=True,
    metavar="CODE",
)
@click.option(
    "--wait",
    type=click.FloatRange(0),
    default=60.0,
    show_default=True,
)
def pull_command(
    workspace: Path | None, since: datetime | None, markets: tuple[str, ...], wait: float
) -> None:
    """Request the reports fupan reads from Amazon and download the finished ones into the
    workspace's reports/ inbox. Run `fupan sync` (or `fupan sync --pull`) to import them."""
    result = pull(
        workspace_of(workspace),
        today=today(),
        since=since.date() if since else None,
        marketplaces=markets,
        wait=wait,
    )
    click.echo(result.describe())


@click.group(cls=FupanGroup)
def amazon() -> None:
    """Amazon credentials: Selling Partner API and Amazon Ads API."""


@amazon.command()
@click.option(
    "--sp-client-id",
)
@click.option(
    "--sp-refresh-token",
)
@click.option(
    "--ads-client-id",
)
@click.option(
    "--ads-refresh-token",
)
@click.option(
    "--ads-profile",
    "ads_profiles",
    multiple=True,
    metavar="CODE=PROFILE_ID",
)
@click.option(
    "--skip-sp",
    is_flag=True,
)
@click.option(
    "--skip-ads",
    is_flag=True,
)
def login(
    sp_client_id: str | None,
    sp_refresh_token: str | None,
    ads_client_id: str | None,
    ads_refresh_token: str | None,
    ads_profiles: tuple[str, ...],
    skip_sp: bool,
    skip_ads: bool,
) -> None:
    """Check and save the credentials (readable by you only). Secrets are asked for, never
    taken as options, so they stay out of the shell history."""

    def app(name: str, client_id: str | None, token: str | None) -> LwaApp:
        cid = client_id or click.prompt(f"{name} LWA client id")
        secret = click.prompt(f"{name} LWA client secret", hide_input=True)
        refresh = token or click.prompt(f"{name} refresh token", hide_input=True)
        return LwaApp(cid.strip(), secret.strip(), refresh.strip())

    sp = None if skip_sp else app("SP-API", sp_client_id, sp_refresh_token)
    ads = None if skip_ads else app("Ads API", ads_client_id, ads_refresh_token)
    given = amazon_credentials.parse_profiles(",".join(ads_profiles)) if ads_profiles else None

    def choose(code: str, options: list[Profile]) -> Profile:
        for i, p in enumerate(options, 1):
            click.echo(f"  {i}. {p.profile_id} {p.account_name} ({p.account_type})")
        n = click.prompt(f"Ads profile for {code}", type=click.IntRange(1, len(options)))
        return options[n - 1]

    path, creds = save_login(sp=sp, ads=ads, profiles=given, choose=choose)
    click.echo(f'Saved in "{path}", readable by you only.')
    for line in amazon_credentials.describe(creds)[1:]:
        click.echo(line)


@amazon.command()
def status() -> None:
    """Which Amazon apps and Ads profiles fupan would use (ids masked). Does not call Amazon."""
    creds = amazon_credentials.load()
    for line in amazon_credentials.describe(creds):
        click.echo(line)


@amazon.command()
def logout() -> None:
    """Forget the saved Amazon credentials on this computer."""
    if amazon_credentials.logout():
        click.echo(
            f'Removed "{amazon_credentials.path()}". Revoke the apps in Seller Central and the '
            "Ads console if you no longer use them."
        )
    else:
        click.echo(f'No saved Amazon credentials ("{amazon_credentials.path()}").')
