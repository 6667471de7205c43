"""Where the Amazon credentials live: fupan's config folder (0600), or environment variables.

`fupan amazon login` writes amazon.json beside the Google login, through the same private
writer (created 0600, atomic). For CI and scheduled pulls, environment variables override the
file, group by group:

    FUPAN_SP_CLIENT_ID, FUPAN_SP_CLIENT_SECRET, FUPAN_SP_REFRESH_TOKEN
    FUPAN_ADS_CLIENT_ID, FUPAN_ADS_CLIENT_SECRET, FUPAN_ADS_REFRESH_TOKEN
    FUPAN_ADS_PROFILES="US=1234567890,UK=2345678901"

Nothing here puts a secret into a message or repr: ids are masked, secrets never shown.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import marketplaces
from ..errors import Msg, msg
from ..i18n import t
from ..userconfig import config_dir_default, write_private
from .errors import AmazonAuthError
from .lwa import LwaApp, mask

FILE = "amazon.json"
SP_ENV = ("FUPAN_SP_CLIENT_ID", "FUPAN_SP_CLIENT_SECRET", "FUPAN_SP_REFRESH_TOKEN")
ADS_ENV = ("FUPAN_ADS_CLIENT_ID", "FUPAN_ADS_CLIENT_SECRET", "FUPAN_ADS_REFRESH_TOKEN")
PROFILES_ENV = "FUPAN_ADS_PROFILES"
README = msg("err:a_readme", section="Amazon pulls")


@dataclass(frozen=True)
class AmazonCredentials:
    sp: LwaApp | None = None
    ads: LwaApp | None = None
    profiles: Mapping[str, str] = field(default_factory=dict)  # marketplace code -> profile id
    origin: Msg | None = None  # where they came from, for `fupan amazon status`

    def __repr__(self) -> str:
        profiles = {code: mask(pid) for code, pid in self.profiles.items()}
        return f"AmazonCredentials(sp={self.sp!r}, ads={self.ads!r}, profiles={profiles})"

    @property
    def configured(self) -> bool:
        return self.sp is not None or self.ads is not None

    def profile(self, marketplace: str) -> str | None:
        return self.profiles.get(marketplaces.get(marketplace).code)


def path(config_dir: Path | None = None) -> Path:
    return (config_dir or config_dir_default()) / FILE


def load(
    *, env: Mapping[str, str] = os.environ, config_dir: Path | None = None
) -> AmazonCredentials:
    """The credentials a pull would use; empty when none are set up."""
    saved = _read(path(config_dir))
    sp = _app_from_env(env, SP_ENV) or _app(saved.get("sp"))
    ads = _app_from_env(env, ADS_ENV) or _app(saved.get("ads"))
    profiles = (
        parse_profiles(env[PROFILES_ENV]) if env.get(PROFILES_ENV) else saved.get("profiles", {})
    )
    from_env = any(env.get(n) for n in (*SP_ENV, *ADS_ENV, PROFILES_ENV))
    file = path(config_dir)
    origin = msg("say:amazon_from_env") if from_env else msg("say:amazon_from_file", file=file)
    if from_env and saved:
        origin = msg("say:amazon_from_both", file=file)
    return AmazonCredentials(sp, ads, dict(profiles), origin)


def require_sp(creds: AmazonCredentials) -> LwaApp:
    if creds.sp is None:
        raise AmazonAuthError(msg("err:a_no_sp", names=", ".join(SP_ENV), readme=README))
    return creds.sp


def save(creds: AmazonCredentials, config_dir: Path | None = None) -> Path:
    """Write the credentials readable by their owner only; returns the file."""
    data: dict[str, object] = {"profiles": dict(creds.profiles)}
    for name, app in (("sp", creds.sp), ("ads", creds.ads)):
        if app is not None:
            data[name] = {
                "client_id": app.client_id,
                "client_secret": app.client_secret,
                "refresh_token": app.refresh_token,
            }
    target = path(config_dir)
    write_private(target, json.dumps(data, indent=2))
    return target


def logout(config_dir: Path | None = None) -> bool:
    """Forget the saved credentials; False when there were none."""
    try:
        path(config_dir).unlink()
    except FileNotFoundError:
        return False
    return True


def describe(creds: AmazonCredentials, lang: str = "en") -> list[str]:
    """Lines for `fupan amazon status`, ids masked, secrets never shown."""
    origin = creds.origin.text(lang) if creds.origin else ""
    lines = [t("say:amazon_from", lang, origin=origin)]
    for key, app in (("say:amazon_sp", creds.sp), ("say:amazon_ads", creds.ads)):
        name = t(key, lang)
        lines.append(
            t("say:amazon_app", lang, name=name, app=mask(app.client_id))
            if app
            else t("say:amazon_app_none", lang, name=name)
        )
    if creds.profiles:
        for code, pid in sorted(creds.profiles.items()):
            lines.append(t("say:amazon_profile", lang, code=code, profile=mask(pid)))
    elif creds.ads:
        lines.append(t("say:amazon_no_profiles", lang))
    return lines


def parse_profiles(text: str) -> dict[str, str]:
    """`US=123,UK=456` as {"US": "123", "UK": "456"}."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        code, sep, pid = part.partition("=")
        if not sep or not pid.strip().isdigit():
            raise AmazonAuthError(msg("err:a_bad_profiles", part=part, env=PROFILES_ENV))
        out[marketplaces.get(code).code] = pid.strip()
    return out


def _app_from_env(env: Mapping[str, str], names: tuple[str, str, str]) -> LwaApp | None:
    values = [env.get(n, "").strip() for n in names]
    if not any(values):
        return None
    missing = [n for n, v in zip(names, values, strict=True) if not v]
    if missing:
        said = msg("err:a_env_partial", missing=", ".join(missing), names=", ".join(names))
        raise AmazonAuthError(said)
    return LwaApp(*values)


def _app(data: object) -> LwaApp | None:
    if not isinstance(data, dict):
        return None
    values = [str(data.get(k, "")) for k in ("client_id", "client_secret", "refresh_token")]
    return LwaApp(*values) if all(values) else None


def _read(file: Path) -> dict[str, Any]:  # the JSON object as saved
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise AmazonAuthError(msg("err:a_saved_unreadable", file=file)) from None
    return data if isinstance(data, dict) else {}
