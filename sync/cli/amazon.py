"""`fupan pull` and `fupan amazon login|status|logout`: a thin shell over pull.py, login.py
and credentials.py (each command's work is one tested Python function)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import click

from ..clock import command_day
from ..errors import FupanError
from ..workspace import Workspace

T = TypeVar("T")


class _Failed(click.ClickException):
    def __init__(self, error: FupanError) -> None:
        super().__init__(str(error))
        # click declares exit_code on the class; it reads the instance's, this error's own.
        self.exit_code = error.exit_code  # type: ignore[misc]


def _run(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    try:
        return fn(*args, **kwargs)
    except FupanError as exc:
        raise _Failed(exc) from None


def _workspace(path: Path | None) -> Workspace:
    return _run(Workspace.load, path) if path else _run(Workspace.find)


@click.command(name="pull")
@click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace folder (default: the one containing the current folder).",
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Pull (again) from this day; default: what is missing, and the days Amazon "
    "may still restate.",
)
@click.option(
    "--marketplace",
    "markets",
    multiple=True,
    metavar="CODE",
    help="Marketplace(s) to pull (default: the workspace's).",
)
@click.option(
    "--wait",
    type=click.FloatRange(0),
    default=60.0,
    show_default=True,
    help="Seconds to wait for reports requested now; the rest is collected next time.",
)
def pull_command(
    workspace: Path | None, since: datetime | None, markets: tuple[str, ...], wait: float
) -> None:
    """Request the reports fupan reads from Amazon and download the finished ones into the
    workspace's reports/ inbox. Run `fupan sync` (or `fupan sync --pull`) to import them."""
    from ..amazon.pull import pull

    ws = _workspace(workspace)
    result = _run(
        pull,
        ws,
        today=command_day(),
        since=since.date() if since else None,
        marketplaces=markets,
        wait=wait,
    )
    click.echo(result.describe())


@click.group()
def amazon() -> None:
    """Amazon credentials: Selling Partner API and Amazon Ads API."""


@amazon.command()
@click.option("--sp-client-id", help="LWA client id of your private SP-API app.")
@click.option("--sp-refresh-token", help="Refresh token from 'Authorize app' in Seller Central.")
@click.option("--ads-client-id", help="LWA client id of your Ads API app.")
@click.option("--ads-refresh-token", help="Ads API refresh token (authorisation-code grant).")
@click.option(
    "--ads-profile",
    "ads_profiles",
    multiple=True,
    metavar="CODE=PROFILE_ID",
    help="Ads profile per marketplace, e.g. US=1234567890 (default: asked when there are several).",
)
@click.option("--skip-sp", is_flag=True, help="Set up the Ads API only.")
@click.option("--skip-ads", is_flag=True, help="Set up the SP-API only.")
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
    from ..amazon.ads_api import Profile
    from ..amazon.credentials import parse_profiles
    from ..amazon.login import login as do_login
    from ..amazon.lwa import LwaApp

    def app(name: str, client_id: str | None, token: str | None) -> LwaApp:
        cid = client_id or click.prompt(f"{name} LWA client id")
        secret = click.prompt(f"{name} LWA client secret", hide_input=True)
        refresh = token or click.prompt(f"{name} refresh token", hide_input=True)
        return LwaApp(cid.strip(), secret.strip(), refresh.strip())

    sp = None if skip_sp else app("SP-API", sp_client_id, sp_refresh_token)
    ads = None if skip_ads else app("Ads API", ads_client_id, ads_refresh_token)
    given = _run(parse_profiles, ",".join(ads_profiles)) if ads_profiles else None

    def choose(code: str, options: list[Profile]) -> Profile:
        for i, p in enumerate(options, 1):
            click.echo(f"  {i}. {p.profile_id} {p.account_name} ({p.account_type})")
        n = click.prompt(f"Ads profile for {code}", type=click.IntRange(1, len(options)))
        return options[n - 1]

    path, creds = _run(do_login, sp=sp, ads=ads, profiles=given, choose=choose)
    click.echo(f'Saved in "{path}", readable by you only.')
    from ..amazon.credentials import describe

    for line in describe(creds)[1:]:
        click.echo(line)


@amazon.command()
def status() -> None:
    """Which Amazon apps and Ads profiles fupan would use (ids masked). Does not call Amazon."""
    from ..amazon.credentials import describe, load

    creds = _run(load)
    for line in describe(creds):
        click.echo(line)


@amazon.command()
def logout() -> None:
    """Forget the saved Amazon credentials on this computer."""
    from ..amazon.credentials import logout as forget
    from ..amazon.credentials import path

    if forget():
        click.echo(
            f'Removed "{path()}". Revoke the apps in Seller Central and the Ads console '
            "if you no longer use them."
        )
    else:
        click.echo(f'No saved Amazon credentials ("{path()}").')
