"""Amazon marketplaces as sellers name them, with currency and number conventions."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import UsageError, msg


@dataclass(frozen=True)
class Marketplace:
    code: str  # as sellers know it: US, UK, DE, JP ...
    amazon_id: str  # marketplaceId in SP-API payloads
    domain: str
    currency: str
    decimal_comma: bool  # "5.255,61 €" rather than "$5,255.61"


MARKETPLACES: dict[str, Marketplace] = {
    m.code: m
    for m in (
        Marketplace("US", "ATVPDKIKX0DER", "amazon.com", "USD", False),
        Marketplace("CA", "A2EUQ1WTGCTBG2", "amazon.ca", "CAD", False),
        Marketplace("MX", "A1AM78C64UM0Y8", "amazon.com.mx", "MXN", False),
        Marketplace("BR", "A2Q3Y263D00KWC", "amazon.com.br", "BRL", True),
        Marketplace("UK", "A1F83G8C2ARO7P", "amazon.co.uk", "GBP", False),
        Marketplace("DE", "A1PA6795UKMFR9", "amazon.de", "EUR", True),
        Marketplace("FR", "A13V1IB3VIYZZH", "amazon.fr", "EUR", True),
        Marketplace("IT", "APJ6JRA9NG5V4", "amazon.it", "EUR", True),
        Marketplace("ES", "A1RKKUPIHCS9HS", "amazon.es", "EUR", True),
        Marketplace("NL", "A1805IZSGTT6HS", "amazon.nl", "EUR", True),
        Marketplace("SE", "A2NODRKZP88ZB9", "amazon.se", "SEK", True),
        Marketplace("PL", "A1C3SOZRARQ6R3", "amazon.pl", "PLN", True),
        Marketplace("BE", "AMEN7PMS3EDWL", "amazon.com.be", "EUR", True),
        Marketplace("TR", "A33AVAJ2PDY3EV", "amazon.com.tr", "TRY", True),
        Marketplace("AE", "A2VIGQ35RCS4UG", "amazon.ae", "AED", False),
        Marketplace("SA", "A17E79C6D8DWNP", "amazon.sa", "SAR", False),
        Marketplace("IN", "A21TJRUUN4KGV", "amazon.in", "INR", False),
        Marketplace("JP", "A1VC38T7YXB528", "amazon.co.jp", "JPY", False),
        Marketplace("AU", "A39IBJ37TRP1C6", "amazon.com.au", "AUD", False),
        Marketplace("SG", "A19VAU5U5O7RUS", "amazon.sg", "SGD", False),
    )
}

_ALIASES = {"GB": "UK"}

DEFAULT = "US"


def get(code: str) -> Marketplace:
    """Look a marketplace up by code (case-insensitive; GB is accepted for UK)."""
    key = code.strip().upper()
    key = _ALIASES.get(key, key)
    try:
        return MARKETPLACES[key]
    except KeyError:
        known = ", ".join(MARKETPLACES)
        raise UsageError(msg("err:unknown_marketplace", code=code, known=known)) from None


def by_amazon_id(amazon_id: str) -> Marketplace | None:
    for m in MARKETPLACES.values():
        if m.amazon_id == amazon_id:
            return m
    return None


def by_currency(currency: str) -> Marketplace | None:
    """The marketplace a currency most likely means (USD is US, EUR is DE)."""
    for m in MARKETPLACES.values():
        if m.currency == currency.strip().upper():
            return m
    return None


# How each currency is written: (symbol before, symbol after, decimals). Yen and won have no
# minor unit; the euro and the other decimal-comma currencies put the symbol after.
CURRENCY_STYLE: dict[str, tuple[str, str, int]] = {
    "USD": ("$", "", 2),
    "CAD": ("CA$", "", 2),
    "MXN": ("MX$", "", 2),
    "BRL": ("R$", "", 2),
    "GBP": ("£", "", 2),
    "EUR": ("", " €", 2),
    "SEK": ("", " kr", 2),
    "PLN": ("", " zł", 2),
    "TRY": ("", " ₺", 2),
    "AED": ("AED ", "", 2),
    "SAR": ("SAR ", "", 2),
    "INR": ("₹", "", 2),
    "JPY": ("¥", "", 0),
    "AUD": ("A$", "", 2),
    "SGD": ("S$", "", 2),
}


def money_text(
    value: float, currency: str, *, decimal_comma: bool | None = None, whole: bool = False
) -> str:
    """An amount as the marketplace writes it: $1,234.56, 1.234,56 €, ¥1,235; `whole`: in
    whole units ($1,235), for an estimate."""
    before, after, decimals = CURRENCY_STYLE.get(currency, ("", f" {currency}", 2))
    decimals = 0 if whole else decimals
    if decimal_comma is None:
        market = by_currency(currency)
        decimal_comma = bool(market and market.decimal_comma)
    text = f"{abs(value):,.{decimals}f}"
    if decimal_comma:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    sign = "-" if value < 0 and round(abs(value), decimals) != 0 else ""
    return f"{sign}{before}{text}{after}"


def money_format(currency: str, suffix: str = "") -> str:
    """The spreadsheet number format of an amount in `currency` (the spreadsheet's own
    locale gives the separators: 1.234,56 € in a German Excel); `suffix` is text after the
    number (an estimate's mark)."""
    before, after, decimals = CURRENCY_STYLE.get(currency, ("", f" {currency}", 2))
    number = "#,##0" + ("." + "0" * decimals if decimals else "")

    def quoted(s: str) -> str:
        return f'"{s}"' if s else ""

    return quoted(before) + number + quoted(after + suffix)
