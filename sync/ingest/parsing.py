"""Numbers and dates as Amazon writes them: `$5,216.29`, `US$191.88`, `5.255,61 €`, `4.51%`.

Every parser is vectorised over a pandas Series and returns the parsed values together with
a mask of cells that held something but could not be parsed, so callers can name the row.
Cells that already hold numbers or dates (xlsx) pass through untouched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import cast

import numpy as np
import pandas as pd

# Longest first, so `US$` wins over `$` and `JP¥` over `¥`.
_CURRENCY = re.compile(
    r"US\$|CA\$|C\$|AU\$|A\$|NZ\$|MX\$|R\$|S\$|HK\$|JP¥|CN¥|RMB|"
    r"\b[A-Z]{3}\b|[A-Z]{3}(?=\d)|(?<=\d)[A-Z]{3}|"
    r"[$£€¥￥₹₩₺₨]|Rs\.?|zł|kr|Kč|Fr\.?|руб"
)
_BLANKS = frozenset({"", "-", "--", "—", "n/a", "na", "nan", "none", "null"})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_DECIMAL_COMMA_ONLY = re.compile(r"^[-+]?\d{1,3}(\.\d{3})*,\d+$|^[-+]?\d+,\d{1,2}$")
_THOUSANDS_COMMA = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")  # what _cleaned reads unchanged (no decimal comma)


# What a money cell's sign says about its currency; "$" alone could be USD, CAD, AUD, MXN or
# SGD and is reported as "$". Longest first, as above.
_SIGN_CURRENCY = {
    "US$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "MX$": "MXN",
    "R$": "BRL",
    "S$": "SGD",
    "HK$": "HKD",
    "JP¥": "JPY",
    "CN¥": "CNY",
    "RMB": "CNY",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "₨": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "¥": "JPY",
    "￥": "JPY",
    "₩": "KRW",
    "₺": "TRY",
    "zł": "PLN",
    "$": "$",
}
ISO_CURRENCIES = frozenset(
    [
        "USD",
        "CAD",
        "MXN",
        "BRL",
        "GBP",
        "EUR",
        "SEK",
        "PLN",
        "TRY",
        "AED",
        "SAR",
        "INR",
        "JPY",
        "AUD",
        "SGD",
        "CNY",
        "NZD",
        "HKD",
        "KRW",
        "EGP",
        "ZAR",
        "CHF",
        "DKK",
        "NOK",
        "CZK",
    ]
)
_SIGNS = re.compile(
    "|".join(re.escape(k) for k in sorted(_SIGN_CURRENCY, key=len, reverse=True))
    + r"|(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])"
)


def currencies_in(values: pd.Series | Sequence[object], *, sample: int = 2000) -> set[str]:
    """The currencies money text shows (`US$`, `€`, `Rs.`, `INR` ...): ISO codes, or "$".

    Native numbers (xlsx cells) show none. Only distinct values are scanned, at most
    `sample` of them.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if pd.api.types.infer_dtype(series, skipna=True) in _NUMERIC_KINDS:
        return set()  # real numbers: the currency is only in the cell format
    distinct = pd.unique(series.dropna())
    texts = [v for v in distinct[: sample * 4] if isinstance(v, str)][:sample]
    found: set[str] = set()
    for m in _SIGNS.finditer(" | ".join(texts)):
        token = m.group(0)
        code = _SIGN_CURRENCY.get(token, token)
        if code == "$" or code in ISO_CURRENCIES:
            found.add(code)
    return found


def _as_text(values: pd.Series) -> pd.Series:
    return values.astype("object").where(values.notna(), "").map(str).str.strip()


_NUMERIC_KINDS = frozenset({"floating", "integer", "mixed-integer-float", "decimal", "empty"})
_DATE_KINDS = frozenset({"datetime", "datetime64", "date"})


def _is_native_number(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.StringDtype):  # a text column (a CSV's) holds no number
        return pd.Series(False, index=values.index)
    return values.map(
        lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
    )


def parse_numbers(
    values: pd.Series, *, decimal_comma: bool = False, percent: bool = False
) -> tuple[pd.Series, pd.Series]:
    """Parse money, counts or percentages.

    `percent=True` means the column holds a rate: `4.51%` becomes 0.0451; a bare number
    from a CSV (`99`) is read as whole percent too, unless the whole column is fractions
    (`0.99`, no `%` anywhere); a native xlsx number is already a fraction.
    Returns (float64 values, mask of unparseable non-blank cells).
    """
    # Whole columns of real numbers (xlsx cells) skip the text path; infer_dtype runs in C.
    if pd.api.types.infer_dtype(values, skipna=True) in _NUMERIC_KINDS:
        out = pd.to_numeric(values, errors="coerce").astype("float64")
        return out, pd.Series(False, index=values.index)
    native = _is_native_number(values)

    text = _as_text(values)
    blank = text.str.lower().isin(_BLANKS)
    if not decimal_comma and not native.any() and (blank | text.str.fullmatch(_PLAIN)).all():
        # Plain decimals (a CSV's counts and amounts): the cleaning below leaves them as
        # they are, and it is most of reading a large report.
        parsed = pd.to_numeric(text.where(~blank, None), errors="coerce").astype("float64")
    else:
        parsed = _cleaned(text, blank, decimal_comma)
    if percent and not _fraction_column(text, parsed, blank):
        parsed = parsed / 100.0  # text rates are whole percent; native cells are replaced below
    native_values = pd.to_numeric(values.where(native, None), errors="coerce")
    parsed = parsed.where(~native, native_values.astype("float64"))
    bad = parsed.isna() & ~blank & ~native
    return parsed, bad


def _cleaned(text: pd.Series, blank: pd.Series, decimal_comma: bool) -> pd.Series:
    """Numbers written as text: signs, thousands separators, parentheses and currencies."""
    negative = text.str.startswith("(") & text.str.endswith(")")
    cleaned = text.str.replace(_CURRENCY, "", regex=True)
    cleaned = cleaned.str.replace(_SPACES, "", regex=True).str.strip("()%")
    cleaned = cleaned.str.replace("−", "-", regex=False)

    if decimal_comma:
        looks_us = cleaned.str.match(_THOUSANDS_COMMA) & cleaned.str.contains(".", regex=False)
        eu = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        us = cleaned.str.replace(",", "", regex=False)
        cleaned = us.where(looks_us, eu)
    else:
        eu_only = cleaned.str.match(_DECIMAL_COMMA_ONLY) & ~cleaned.str.match(_THOUSANDS_COMMA)
        eu = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        us = cleaned.str.replace(",", "", regex=False)
        cleaned = eu.where(eu_only, us)

    parsed = pd.to_numeric(cleaned.where(~blank, None), errors="coerce").astype("float64")
    return parsed.where(~negative, -parsed)


def _fraction_column(text: pd.Series, parsed: pd.Series, blank: pd.Series) -> bool:
    """A rate column written as fractions (`0.99`, e.g. an xlsx re-saved as CSV).

    Amazon's text reports always write `%`; a column with no `%` at all, every value within
    [-1, 1] and at least one with a fractional part can only be fractions.
    """
    filled = parsed[~blank].dropna()
    if filled.empty or bool(text.str.contains("%", regex=False).any()):
        return False
    return bool(filled.abs().le(1).all() and (filled % 1 != 0).any())


_DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%b %d, %Y",
    "%m/%d/%y",
    "%d/%m/%Y",
    "%d/%m/%y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%Y年%m月%d日",
    "%d %b %Y",
    "%B %d, %Y",
)


# Formats that read the same text with day and month swapped: which one is meant cannot be
# told from a cell like 01/02/2026, only from a cell like 13/02/2026 or from the marketplace.
_TWINS = {
    "%m/%d/%Y": "%d/%m/%Y",
    "%d/%m/%Y": "%m/%d/%Y",
    "%m/%d/%y": "%d/%m/%y",
    "%d/%m/%y": "%m/%d/%y",
}
DATE_MIN = pd.Timestamp("2000-01-01")
DATE_MAX = pd.Timestamp("2100-12-31")


class AmbiguousDateOrder(ValueError):
    """Every date of a column reads both day-first and month-first, with different days."""

    def __init__(self, position: int, value: str) -> None:
        self.position = position  # 0-based position in the column
        self.value = value
        super().__init__(value)


def parse_dates(
    values: pd.Series,
    *,
    formats: Sequence[str] = _DATE_FORMATS,
    day_first: bool | None = False,
) -> tuple[pd.Series, pd.Series]:
    """Parse a date column with the first format that reads every non-blank cell.

    ISO timestamps with an offset (`2025-06-14T08:01:55+00:00`) keep their calendar day in
    UTC, as Amazon reports them. `day_first` is the marketplace's order (True: UK, DE, ...;
    False: US, CA, JP). It only decides when the column cannot: a cell like 13/02/2026
    settles the order for the whole column. With `day_first=None` (the marketplace is not
    known) a column that reads both ways raises AmbiguousDateOrder instead of guessing.
    Returns (datetime64 values, mask of bad cells).
    """
    if len(values) and pd.api.types.infer_dtype(values, skipna=False) in _DATE_KINDS:
        return pd.to_datetime(values).astype("datetime64[ns]").dt.normalize(), pd.Series(
            False, index=values.index
        )
    is_dt = values.map(lambda v: isinstance(v, (datetime, pd.Timestamp, np.datetime64)))
    if len(values) and bool(is_dt.all()):
        return pd.to_datetime(values).astype("datetime64[ns]").dt.normalize(), pd.Series(
            False, index=values.index
        )
    text = _as_text(values.where(~is_dt, None))
    blank = text.str.lower().isin(_BLANKS) & ~is_dt
    todo = text.where(~blank & ~is_dt)
    if (
        todo.str.contains("T", regex=False).any()
        and todo.dropna().str.match(r"^\d{4}-\d{2}-\d{2}T").all()
    ):
        parsed = pd.to_datetime(todo, utc=True, errors="coerce", format="ISO8601")
        result = parsed.dt.tz_localize(None).astype("datetime64[ns]").dt.normalize()
    else:
        order = list(formats)
        if day_first:
            for fmt in [f for f in order if f.startswith("%d/%m/")]:
                twin = order.index(_TWINS[fmt])
                if order.index(fmt) > twin:
                    order.remove(fmt)
                    order.insert(twin, fmt)
        candidates = todo.dropna()
        result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
        best = None
        for fmt in order:
            attempt = pd.to_datetime(candidates, format=fmt, errors="coerce")
            if best is None or attempt.notna().sum() > best.notna().sum():
                best = attempt
            if attempt.notna().all():
                if day_first is None and fmt in _TWINS and len(candidates):
                    _refuse_ambiguous(candidates, attempt, _TWINS[fmt], values.index)
                break
        if best is not None:
            result.loc[best.index] = best.astype("datetime64[ns]")
    if bool(is_dt.any()):
        result = result.where(~is_dt, pd.to_datetime(values.where(is_dt, None)))
    result = result.astype("datetime64[ns]").dt.normalize()
    bad = result.isna() & ~blank
    return result, bad


def _refuse_ambiguous(
    candidates: pd.Series, attempt: pd.Series, twin: str, index: pd.Index
) -> None:
    other = pd.to_datetime(candidates, format=twin, errors="coerce")
    if not other.notna().all():
        return  # a cell such as 13/02/2026 settles it
    differs = other != attempt
    if bool(differs.any()):
        label = differs[differs].index[0]
        # The frames' index is unique (a RangeIndex): a label is at one position.
        raise AmbiguousDateOrder(int(cast(int, index.get_loc(label))), str(candidates[label]))


def out_of_range(dates: pd.Series) -> pd.Series:
    """Dates no Amazon report holds (before 2000 or after 2100): a damaged or mistyped cell."""
    return dates.notna() & ((dates < DATE_MIN) | (dates > DATE_MAX))
