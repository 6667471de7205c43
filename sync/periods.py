"""Report periods: `START..END` on the command line, inclusive on both ends."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import UsageError

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
            raise UsageError(
                f"Period {self.start}..{self.end} ends before it starts; "
                f"give START..END with START on or before END."
            )
        if self.start < FIRST_DAY or self.end > LAST_DAY:
            raise UsageError(
                f"Period {self.start}..{self.end} reaches outside the years "
                f"{FIRST_DAY.year}-{LAST_DAY.year} fupan works with; give the days your reports "
                f"cover, e.g. 2026-11-16..2026-11-22."
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        m = _PERIOD.match(text)
        if not m:
            raise UsageError(
                f'Period "{text}" is not START..END; write it like 2026-11-16..2026-11-22.'
            )
        try:
            return cls(date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2)))
        except ValueError as exc:
            raise UsageError(f'Period "{text}" has an impossible date ({exc}).') from None

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
    return UsageError(
        f"Period {period} cannot be compared with {what}: that would start before "
        f"{FIRST_DAY}. Choose a later period, or leave the comparison out."
    )


def _year_back(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return d.replace(year=d.year - 1, day=28)
