"""Which marketplace a report belongs to: from the currency and country it shows, or as
given (--marketplace), and the date order and decimal style that follow."""

from __future__ import annotations

import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ... import marketplaces
from ...errors import Msg, ReportError, msg
from ..headers import CURRENCY_TAG
from ..parsing import currencies_in
from ..raw import RawReport
from .base import Field, ReadContext

DOLLAR_CURRENCIES = frozenset({"USD", "CAD", "AUD", "MXN", "SGD"})
MONTH_FIRST = frozenset({"US", "CA", "JP", "CN"})  # JP writes 2026/07/03: year first
_COUNTRY_NAMES = {
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "canada": "CA",
    "mexico": "MX",
    "méxico": "MX",
    "brazil": "BR",
    "brasil": "BR",
    "united kingdom": "UK",
    "great britain": "UK",
    "germany": "DE",
    "deutschland": "DE",
    "france": "FR",
    "italy": "IT",
    "italia": "IT",
    "spain": "ES",
    "españa": "ES",
    "netherlands": "NL",
    "sweden": "SE",
    "poland": "PL",
    "belgium": "BE",
    "turkey": "TR",
    "türkiye": "TR",
    "united arab emirates": "AE",
    "saudi arabia": "SA",
    "india": "IN",
    "japan": "JP",
    "australia": "AU",
    "singapore": "SG",
}


@dataclass(frozen=True)
class Market:
    """The marketplace a file is read for, and how its numbers and dates are written."""

    code: str
    known: bool  # given (workspace, --marketplace) or shown by the file; else a default
    decimal_comma: bool
    day_first: bool | None  # None: not known, a date order the file cannot settle is refused


def marketplace_of(text: str) -> str | None:
    """`United States`, `US`, `GB`, `amazon.de`, `Amazon.co.uk` to a marketplace code."""
    t = text.strip().lower().removeprefix("www.")
    if t in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[t]
    for m in marketplaces.MARKETPLACES.values():
        if t == m.domain:
            return m.code
    code = {"gb": "UK"}.get(t, t.upper())
    return code if code in marketplaces.MARKETPLACES else None


def settle_marketplace(
    raw: RawReport,
    ctx: ReadContext,
    *,
    currencies: AbstractSet[str] = frozenset(),
    countries: AbstractSet[str] = frozenset(),
) -> Market:
    """The marketplace of a file: the one given, checked against what the file shows.

    A file whose money (or country) belongs to another marketplace than the one given is
    refused, naming both: fupan never adds euros to dollars. With none given, the file's
    own currency or country decides; failing both, US number style, with a date order the
    file cannot settle refused rather than guessed.
    """
    isos = sorted(c for c in currencies if c != "$")
    if len(isos) > 1 or (isos and "$" in currencies and isos[0] not in DOLLAR_CURRENCIES):
        shown = ", ".join(sorted({*isos, *(["$"] if "$" in currencies else [])}))
        raise ReportError(
            raw.path,
            msg("err:several_currencies", shown=shown),
            fix=msg("err:fix_one_marketplace"),
        )
    if len(countries) > 1:
        raise ReportError(
            raw.path,
            msg("err:several_marketplaces", shown=", ".join(sorted(countries))),
            fix=msg("err:fix_one_marketplace"),
        )
    currency = isos[0] if isos else ("$" if "$" in currencies else "")
    country = next(iter(countries), "")
    if ctx.marketplace:
        m = marketplaces.get(ctx.marketplace)
        said_as = _shown(currency, country)
        clash = (
            (currency == "$" and m.currency not in DOLLAR_CURRENCIES)
            or (currency not in ("", "$") and currency != m.currency)
            or (country and country != m.code)
        )
        if clash:
            raise ReportError(
                raw.path,
                msg("err:market_clash", shown=said_as, code=m.code, currency=m.currency),
                fix=_other_home(currency, country),
            )
        return Market(m.code, True, m.decimal_comma, m.code not in MONTH_FIRST)
    code = country or ""
    if not code and currency not in ("", "$"):
        found = marketplaces.by_currency(currency)
        code = found.code if found else ""
    if country and currency not in ("", "$"):
        mine = marketplaces.get(country).currency
        if currency != mine and not (currency == "$" and mine in DOLLAR_CURRENCIES):
            raise ReportError(
                raw.path,
                msg("err:money_country_clash", currency=currency, country=country, mine=mine),
                fix=msg("err:fix_download_again"),
            )
    if not code:
        return Market(marketplaces.DEFAULT, False, False, None)
    m = marketplaces.get(code)
    return Market(m.code, True, m.decimal_comma, m.code not in MONTH_FIRST)


def _shown(currency: str, country: str) -> Msg:
    if currency == "$":
        return msg("err:shown_dollars")
    if currency:
        return msg("err:shown_currency", currency=currency)
    return msg("err:shown_country", country=country)


def _other_home(currency: str, country: str) -> Msg:
    code = country
    if not code and currency not in ("", "$"):
        found = marketplaces.by_currency(currency)
        code = found.code if found else ""
    own = f" --marketplace {code}" if code else " --marketplace CODE"
    return msg("err:fix_other_home", own=own)


def evidence(
    raw: RawReport,
    fields: tuple[Field, ...],
    cols: dict[str, int],
    *,
    currency_fields: tuple[str, ...] = (),
    country_fields: tuple[str, ...] = (),
) -> tuple[set[str], set[str]]:
    """(currencies, marketplace codes) the file shows: money signs, currency columns, header
    tags such as `(₹)`, country columns."""

    currencies: set[str] = set()
    for f in fields:
        if f.name in cols and (f.kind == "money" or f.name in currency_fields):
            currencies |= currencies_in(raw.column(cols[f.name]))
    for h in raw.header:
        text = unicodedata.normalize("NFKC", str(h)).strip()
        tag = CURRENCY_TAG.search(text.lower())
        if tag:
            currencies |= currencies_in([text[tag.start() :]])
    countries: set[str] = set()
    for name in country_fields:
        if name in cols:
            for v in raw.column(cols[name]).dropna().astype(str).unique()[:200]:
                code = marketplace_of(v)
                if code:
                    countries.add(code)
    return currencies, countries


def resolve_marketplace(ctx: ReadContext, *, currency: str = "", country: str = "") -> str:
    """The marketplace code: as given, else from the report's currency or country, else US."""
    if ctx.marketplace:
        return marketplaces.get(ctx.marketplace).code
    if currency:
        m = marketplaces.by_currency(currency)
        if m is not None:
            return m.code
    if country:
        code = marketplace_of(country)
        if code:
            return code
    return marketplaces.DEFAULT
