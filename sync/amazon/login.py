"""`fupan amazon login`: check the given credentials against Amazon, choose Ads profiles, save.

Checking first means a mistyped secret fails now, with a clear message, not at 3 a.m. in a
scheduled pull.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

import requests

from ..errors import Msg, msg
from .ads_api import Profile, list_profiles
from .credentials import AmazonCredentials, load, save
from .errors import AmazonApiError, AmazonAuthError
from .http import Clock, HttpClient, RetryPolicy
from .lwa import LwaApp, LwaToken, mask
from .regions import REGIONS, SP_TOKEN_URL

Chooser = Callable[[str, list[Profile]], Profile]


def login(
    *,
    sp: LwaApp | None = None,
    ads: LwaApp | None = None,
    profiles: Mapping[str, str] | None = None,
    choose: Chooser | None = None,
    session: requests.Session | None = None,
    clock: Clock | None = None,
    policy: RetryPolicy | None = None,
    config_dir: Path | None = None,
) -> tuple[Path, AmazonCredentials]:
    """Verify and save; what is not given is kept from the saved credentials."""
    session = session or requests.Session()
    clock = clock or Clock()
    policy = policy or RetryPolicy()
    saved = load(env={}, config_dir=config_dir)
    creds = replace(saved, sp=sp or saved.sp, ads=ads or saved.ads)
    if creds.sp is None and creds.ads is None:
        raise AmazonAuthError(msg("err:a_give_an_app"))

    def client(api: str, token: LwaToken | None = None) -> HttpClient:
        return HttpClient(session, api=api, token=token, policy=policy, clock=clock)

    if sp is not None:
        LwaToken(
            client("Login with Amazon"), sp, url=SP_TOKEN_URL, style="sp", clock=clock
        ).access_token()
    chosen = dict(saved.profiles)
    if ads is not None or profiles:
        if creds.ads is None:
            raise AmazonAuthError(msg("err:a_profiles_need_ads"))
        found = _all_profiles(creds.ads, client, clock)
        chosen = _choose(found, profiles or {}, choose)
    creds = replace(creds, profiles=chosen)
    return save(creds, config_dir), creds


def _all_profiles(app: LwaApp, client: Callable[..., HttpClient], clock: Clock) -> list[Profile]:
    found: list[Profile] = []
    for region in REGIONS.values():
        token = LwaToken(
            client("Login with Amazon"), app, url=region.ads_token, style="ads", clock=clock
        )
        try:
            found += list_profiles(client("Amazon Ads API", token), region.ads_api)
        except AmazonAuthError:
            continue  # the account has nothing in this region
        except AmazonApiError as exc:
            if exc.status in (400, 403, 404):
                continue
            raise
    return found


def _choose(
    found: list[Profile], given: Mapping[str, str], choose: Chooser | None
) -> dict[str, str]:
    chosen: dict[str, str] = {}
    by_id = {p.profile_id: p for p in found}
    for code, pid in given.items():
        p = by_id.get(pid)
        if p is None or p.marketplace != code:
            listing = _listing(found)
            said = msg("err:a_no_such_profile", profile=mask(pid), code=code, listing=listing)
            raise AmazonAuthError(said)
        chosen[code] = pid
    for code in sorted({p.marketplace for p in found} - set(chosen)):
        options = [p for p in found if p.marketplace == code]
        sellers = [p for p in options if p.account_type == "seller"] or options
        if len(sellers) == 1:
            chosen[code] = sellers[0].profile_id
        elif choose is not None:
            chosen[code] = choose(code, sellers).profile_id
        else:
            listing = _listing(sellers)
            said = msg("err:a_choose_profile", n=len(sellers), code=code, listing=listing)
            raise AmazonAuthError(said)
    return chosen


def _listing(profiles: list[Profile]) -> str | Msg:
    listed = ", ".join(f"{p.marketplace} {p.profile_id} ({p.account_name})" for p in profiles)
    return listed or msg("err:a_profiles_none")
