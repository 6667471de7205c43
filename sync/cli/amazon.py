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
from ..i18n import t
from .group import FupanCommand, FupanGroup
from .lang import cli_lang
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
    click.echo(result.describe(cli_lang()))


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
        lang = cli_lang()
        cid = client_id or click.prompt(t("say:amazon_ask_id", lang, name=name))
        secret = click.prompt(t("say:amazon_ask_secret", lang, name=name), hide_input=True)
        refresh = token or click.prompt(t("say:amazon_ask_token", lang, name=name), hide_input=True)
        return LwaApp(cid.strip(), secret.strip(), refresh.strip())

    lang = cli_lang()
    sp = None if skip_sp else app(t("say:amazon_sp", lang), sp_client_id, sp_refresh_token)
    ads = None if skip_ads else app(t("say:amazon_ads", lang), ads_client_id, ads_refresh_token)
    given = amazon_credentials.parse_profiles(",".join(ads_profiles)) if ads_profiles else None

    def choose(code: str, options: list[Profile]) -> Profile:
        for i, p in enumerate(options, 1):
            click.echo(f"  {i}. {p.profile_id} {p.account_name} ({p.account_type})")
        ask = t("say:amazon_ask_profile", lang, code=code)
        n = click.prompt(ask, type=click.IntRange(1, len(options)))
        return options[n - 1]

    path, creds = save_login(sp=sp, ads=ads, profiles=given, choose=choose)
    click.echo(t("say:amazon_saved", lang, path=path))
    for line in amazon_credentials.describe(creds, lang)[1:]:
        click.echo(line)


@amazon.command()
def status() -> None:
    """Which Amazon apps and Ads profiles fupan would use (ids masked). Does not call Amazon."""
    creds = amazon_credentials.load()
    for line in amazon_credentials.describe(creds, cli_lang()):
        click.echo(line)


@amazon.command()
def logout() -> None:
    """Forget the saved Amazon credentials on this computer."""
    lang, where = cli_lang(), amazon_credentials.path()
    if amazon_credentials.logout():
        click.echo(t("say:amazon_removed", lang, path=where))
    else:
        click.echo(t("say:amazon_none", lang, path=where))
