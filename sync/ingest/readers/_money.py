"""Shared bits of the money readers (Date Range report, settlement files, fee preview).

Times: Amazon writes them in many shapes (`Dec 1, 2017 12:38:23 AM PST`, `01.05.2026
10:05:35 UTC`, `2 mai 2026 03:04:42 AM`, `1 mag 2026 10.05.35 GMT`, `2026/07/03 12:34:56 JST`,
`2023-01-03 10:00:00 UTC`, `2003-10-03T16:00:00-07:00`). A time with a zone is moved to the
marketplace's own time zone (Pacific for North America, as Amazon's own Date Range window is);
a time without one is taken as local. Each line then counts on its local day.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pandas as pd

from ... import marketplaces
from ...errors import Msg, ReportError, msg
from ..headers import normalise
from ..raw import RawReport
from .base import Reader, quoted_names

# The day a marketplace's money is booked on: Amazon's Date Range window is Pacific time for
# the North American stores; elsewhere the store's own zone.
TIME_ZONES: dict[str, str] = {
    "US": "America/Los_Angeles",
    "CA": "America/Los_Angeles",
    "MX": "America/Los_Angeles",
    "BR": "America/Sao_Paulo",
    "UK": "Europe/London",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "IT": "Europe/Rome",
    "ES": "Europe/Madrid",
    "NL": "Europe/Amsterdam",
    "SE": "Europe/Stockholm",
    "PL": "Europe/Warsaw",
    "BE": "Europe/Brussels",
    "TR": "Europe/Istanbul",
    "AE": "Asia/Dubai",
    "SA": "Asia/Riyadh",
    "IN": "Asia/Kolkata",
    "JP": "Asia/Tokyo",
    "AU": "Australia/Sydney",
    "SG": "Asia/Singapore",
}

# Zone names Amazon writes after a time, as hours from UTC.
ZONES: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 1,
    "CET": 1,
    "MEZ": 1,
    "CEST": 2,
    "MESZ": 2,
    "EET": 2,
    "EEST": 3,
    "PST": -8,
    "PDT": -7,
    "MST": -7,
    "MDT": -6,
    "CST": -6,
    "CDT": -5,
    "EST": -5,
    "EDT": -4,
    "JST": 9,
    "KST": 9,
    "SGT": 8,
    "AEST": 10,
    "AEDT": 11,
    "IST": 5.5,
    "GST": 4,
}

# Month names and abbreviations (dots dropped, lower case) of the marketplaces' languages.
_MONTH_NAMES = {
    1: "jan january janv janvier januar jän jänner gen gennaio ene enero januari",
    2: "feb february fév févr février februar febbraio febrero februari",
    3: "mar march mars märz mär marzo maart",
    4: "apr april avr avril aprile abr abril",
    5: "may mai mag maggio mayo mei maj",
    6: "jun june juin juni giu giugno junio",
    7: "jul july juil juillet juli lug luglio julio",
    8: "aug august août aoû ago agosto augustus",
    9: "sep sept september septembre set settembre septiembre",
    10: "oct october octobre okt oktober ott ottobre octubre",
    11: "nov november novembre noviembre",
    12: "dec december déc décembre dez dezember dic dicembre diciembre",
}
MONTHS = {name: n for n, names in _MONTH_NAMES.items() for name in names.split()}

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")
_ZONE = re.compile(
    r"(?:(?<=\s)(?P<name>[A-Z]{1,5})(?P<off>[+-]\d{1,2}(?::?\d{2})?)?"
    r"|(?<=\d:\d\d)\s*(?P<bare>[+-]\d{2}:?\d{2}))\s*$"
)
_MERIDIEM = re.compile(
    r"(?i)(?<![^\W\d_])(?P<m>[ap])\.?\s?m\.?(?![^\W\d_])|(?P<cjk>上午|下午|午前|午後)"
)
_WORD = re.compile(r"[^\W\d_]+\.?")


def _offset(text: str) -> float:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return sign * (int(hours) + int(minutes) / 60)


def parse_time(text: str, tz: str, *, day_first: bool) -> tuple[datetime, bool] | None:
    """(local wall-clock time, whether the text had a time of day), or None if unreadable."""
    s = text.strip()
    if not s:
        return None
    local = ZoneInfo(tz)
    if _ISO.match(s):
        try:
            stamp = datetime.fromisoformat(s.replace(" ", "T", 1))
        except ValueError:
            return None
        return stamp.astimezone(local).replace(tzinfo=None), True
    offset: float | None = None
    zone = _ZONE.search(s)
    if zone is not None:
        name = zone["name"]
        if name in ("AM", "PM", "A", "P", "M"):
            zone = None  # a meridiem, read below
        elif name is not None and name not in ZONES:
            return None
        else:
            offset = ZONES.get(name or "", 0.0)
            extra = zone["off"] or zone["bare"]
            if extra:
                offset += _offset(extra)
            s = s[: zone.start()].strip()
    meridiem = ""
    found = _MERIDIEM.search(s)
    if found is not None:
        meridiem = (found["m"] or "").lower() or ("a" if found["cjk"] in ("上午", "午前") else "p")
        s = (s[: found.start()] + " " + s[found.end() :]).strip()
    s = s.replace("年", "/").replace("月", "/").replace("日", " ")
    month = None
    for word in _WORD.findall(s):
        key = word.rstrip(".").lower()
        if key in MONTHS:
            month = MONTHS[key]
            s = s.replace(word, " ", 1)
            break
    numbers = [int(n) for n in re.findall(r"\d+", s)]
    try:
        if month is not None:
            if len(numbers) < 2:
                return None
            a, b, *clock = numbers
            year, day = (a, b) if a > 31 else (b, a)
        else:
            if len(numbers) < 3:
                return None
            a, b, c, *clock = numbers
            if len(re.findall(r"\d+", s)[0]) == 4:
                year, month, day = a, b, c
            elif "." in s.split()[0] or day_first:
                day, month, year = a, b, c
            else:
                month, day, year = a, b, c
        year = year + 2000 if year < 100 else year
        hour, minute, second = ([*clock, 0, 0, 0])[:3]
        if meridiem == "p" and hour < 12:
            hour += 12
        elif meridiem == "a" and hour == 12:
            hour = 0
        stamp = datetime(year, month, day, hour, minute, second)
    except (ValueError, TypeError):
        return None
    if offset is not None:
        stamp = (
            stamp.replace(tzinfo=timezone(timedelta(hours=offset)))
            .astimezone(local)
            .replace(tzinfo=None)
        )
    return stamp, len(clock) >= 2


def parse_times(
    values: pd.Series, tz: str, *, day_first: bool
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(local day as datetime64, local time HH:MM:SS or "", mask of unreadable cells)."""
    text = values.astype("object").where(values.notna(), "").map(str).str.strip()
    cache: dict[str, tuple[datetime, bool] | None] = {
        t: parse_time(t, tz, day_first=day_first) for t in text.unique()
    }
    parsed = text.map(cache)
    bad = parsed.isna() & (text != "")
    stamps = parsed.map(lambda p: p[0] if p else None)
    day = pd.to_datetime(stamps).astype("datetime64[ns]").dt.normalize()
    clock = parsed.map(lambda p: p[0].strftime("%H:%M:%S") if p and p[1] else "")
    return day, clock.astype(object), bad


def local_iso(text: str, tz: str, *, day_first: bool) -> str:
    """A settlement's start or end time as local `YYYY-MM-DDTHH:MM:SS`, or "" if unreadable."""
    parsed = parse_time(text, tz, day_first=day_first)
    return "" if parsed is None else parsed[0].isoformat(timespec="seconds")


# Headers ----------------------------------------------------------------------------------


def key(header: object) -> str:
    """A header as the money readers compare it: normalised (case, width, dashes), then
    typographic apostrophes unified, a trailing colon (IT `Data/Ora:`) and spaces dropped."""
    s = normalise(header).replace("\u2019", "'").replace("\u2018", "'")
    return s.rstrip(":").strip().replace(" ", "")


def keys(raw: RawReport) -> list[str]:
    return [key(h) for h in raw.header]


def refuse_bad(raw: RawReport, bad: pd.Series, header: str, what: Msg) -> None:
    """Raise a ReportError naming the first unparseable cell of a column, if any."""

    err = Reader.bad_cells(raw, bad, header, what)
    if err is not None:
        raise err


def refuse_blank(raw: RawReport, blank: pd.Series, header: str) -> None:
    """Raise a ReportError naming the first empty cell of a column that needs a value."""
    if bool(blank.any()):
        first = int(blank.to_numpy().nonzero()[0][0])
        count = int(blank.sum())
        more = msg("err:cells_in_all", count=count) if count > 1 else ""
        raise ReportError(
            raw.path,
            msg("err:cell_empty", more=more),
            row=raw.file_row(first),
            column=header,
            fix=msg("err:fix_fill_cell"),
        )


def missing_column(raw: RawReport, names: list[str]) -> ReportError:
    shown = quoted_names(names)
    return ReportError(
        raw.path,
        msg("err:lacks_columns", names=shown),
        row=raw.header_row,
        column=names[0],
        fix=msg("err:fix_all_its_columns"),
    )


# Numbers ------------------------------------------------------------------------------------

_COMMA_DECIMAL = re.compile(r"^[-+(]?\d{1,3}(\.\d{3})*,\d{1,2}\)?$")
_POINT_DECIMAL = re.compile(r"^[-+(]?\d{1,3}(,\d{3})*\.\d{1,2}\)?$|^[-+(]?\d+\.\d{1,2}\)?$")


def comma_decimals(frame: pd.DataFrame) -> bool | None:
    """Whether money cells are written `1.234,56` (True), `1,234.56` (False), or no cell says."""
    cells = pd.Series(frame.to_numpy().ravel()).astype(str).str.strip()
    comma = int(cells.str.match(_COMMA_DECIMAL).sum())
    point = int(cells.str.match(_POINT_DECIMAL).sum())
    if comma == point:
        return None
    return comma > point


# Marketplace and currency --------------------------------------------------------------------

_CURRENCY_WORDS = {"euro": "EUR", "円": "JPY", "日元": "JPY", "美元": "USD", "英镑": "GBP"}


def marketplace_of_channel(values: pd.Series) -> str | None:
    """The marketplace most lines were sold on (`amazon.com`, `Amazon.de`), if any is known."""

    by_domain = {m.domain: m.code for m in marketplaces.MARKETPLACES.values()}
    names = values.astype(str).str.strip().str.lower().str.removeprefix("www.")
    codes = names.map(by_domain).dropna()
    return str(codes.mode().iloc[0]) if len(codes) else None


def currency_in(text: str) -> str | None:
    """An ISO currency code named in a sentence (`All amounts in USD, unless specified`)."""

    known = {m.currency for m in marketplaces.MARKETPLACES.values()} | {"CNY"}
    words: list[str] = re.findall(r"\b[A-Z]{3}\b", text)
    for word in words:
        if word in known:
            return word
    lower = text.lower()
    for word, code in _CURRENCY_WORDS.items():
        if word in lower:
            return code
    return None
