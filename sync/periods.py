"""Report periods: `START..END` on the command line, inclusive on both ends."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import UsageError, msg

_PERIOD = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$")

# The days fupan works with: Amazon reports hold no earlier day, and nothing later is needed.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UsageError(msg("err:period_backwards", start=self.start, end=self.end))
        if self.start < FIRST_DAY or self.end > LAST_DAY:
            raise UsageError(
                msg(
                    "err:period_years",
                    start=self.start,
                    end=self.end,
                    first=FIRST_DAY.year,
                    last=LAST_DAY.year,
                )
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        m = _PERIOD.match(text)
        if not m:
            raise UsageError(msg("err:period_form", text=text))
        try:
            return cls(date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2)))
        except ValueError as exc:
            raise UsageError(msg("err:period_date", text=text, exc=exc)) from None

    @classmethod
    def last_full_week(cls, today: date) -> Period:
        """The last full Monday-to-Sunday week before `today`."""
        end = today - timedelta(days=today.weekday() + 1)
        return cls(end - timedelta(days=6), end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def covered_by(self, spans: list[Period]) -> bool:
        """Whether the spans together cover every day of this period."""
        day = self.start
        for s in sorted(spans):
            if s.start > day:
                break
            day = max(day, s.end + timedelta(days=1))
            if day > self.end:
                return True
        return day > self.end

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        if self.start - FIRST_DAY < timedelta(days=self.days):
            raise _no_comparison(self, "the period of the same length before it")
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def year_over_year(self) -> Period:
        """The same calendar days one year earlier (29 Feb becomes 28 Feb)."""
        if self.start.year <= FIRST_DAY.year:
            raise _no_comparison(self, "the same days a year earlier")
        return Period(_year_back(self.start), _year_back(self.end))

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _no_comparison(period: Period, what: str) -> UsageError:
    return UsageError(msg("err:period_compare", period=period, what=what, first=FIRST_DAY))


def _year_back(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return d.replace(year=d.year - 1, day=28)
