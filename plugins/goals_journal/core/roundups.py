"""Weekly and monthly "how I helped" roundups, and the year in review (their words are in pages.words)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .days import next_period, period_start, week_number
from .model import Entry, Helped
from .vocabulary import HELP_KINDS


@dataclass(frozen=True)
class Act:
    """One act of help and the entry that records it."""

    help: Helped
    entry: Entry
    public: bool  # both the item and its entry are published


@dataclass(frozen=True)
class Roundup:
    """The help given in one week or month."""

    per: str  # week | month
    start: dt.date
    end: dt.date  # the last day
    year: int  # the week-based year for weeks
    number: int  # week number, or month number
    acts: tuple[Act, ...] = ()

    @property
    def uri(self) -> str:
        """helped/<yyyy>/W<ww>.md or helped/<yyyy>/<mm>.md."""
        return (
            f"helped/{self.year}/W{self.number:02d}.md"
            if self.per == "week"
            else f"helped/{self.year}/{self.number:02d}.md"
        )

    @property
    def public(self) -> list[Act]:
        """The acts that may be shown."""
        return [a for a in self.acts if a.public]

    @property
    def hidden(self) -> int:
        """How many acts are counted but kept private."""
        return len(self.acts) - len(self.public)

    def closed(self, today: dt.date) -> bool:
        """Whether the period is over as of `today`."""
        return self.end < today

    def counts(self) -> list[tuple[str, int]]:
        """(kind, count) of every act, most first."""
        return by_kind(self.acts)

    def groups(self) -> list[tuple[str, list[Act]]]:
        """Public acts grouped by kind, in the order of the summary."""
        public = self.public
        return [(kind, [a for a in public if a.help.kind == kind]) for kind, _ in by_kind(public)]

    def repeat_people(self) -> list[tuple[str, int]]:
        """People (public acts only) helped more than once: ("@jane", 3)."""
        return repeat_people(self.public)


def by_kind(acts: Sequence[Act]) -> list[tuple[str, int]]:
    """(kind, count), most first, then in the contract's order."""
    counts = Counter(a.help.kind for a in acts)
    return sorted(counts.items(), key=lambda kc: (-kc[1], HELP_KINDS.index(kc[0])))


def repeat_people(acts: Sequence[Act]) -> list[tuple[str, int]]:
    """People named in more than one act, most first."""
    counts = Counter(a.help.who for a in acts if a.help.who)
    return sorted(((who, n) for who, n in counts.items() if n > 1), key=lambda wn: (-wn[1], wn[0].lower()))


def collect_acts(counted: Sequence[Entry], published: set[str], count_private: bool) -> tuple[Act, ...]:
    """Every counted act of help, marked public when its item and entry are both published."""
    return tuple(
        Act(item, entry, entry.uri in published and not item.private)
        for entry in counted
        for item in entry.helped
        if count_private or not item.private
    )


def roundups(acts: Sequence[Act], per: str, week_start: int) -> tuple[Roundup, ...]:
    """Roundups of every week or month that has acts of help, oldest first."""
    periods: dict[dt.date, list[Act]] = {}
    for act in acts:
        periods.setdefault(period_start(act.entry.day, per, week_start), []).append(act)
    return tuple(_period(per, start, tuple(periods[start])) for start in sorted(periods))


def _period(per: str, start: dt.date, acts: tuple[Act, ...]) -> Roundup:
    """The roundup of the week or month starting on `start`."""
    end = next_period(start, per) - dt.timedelta(days=1)
    year, number = week_number(start) if per == "week" else (start.year, start.month)
    return Roundup(per, start, end, year, number, acts)


def every_period(
    made: Sequence[Roundup], per: str, first: dt.date, last: dt.date, week_start: int
) -> tuple[Roundup, ...]:
    """Every week or month from the one holding `first` to the one holding `last`, oldest first:
    the roundups in `made`, and an empty one for each quiet period between them."""
    by_start = {r.start: r for r in made}
    start, periods = period_start(first, per, week_start), []
    while start <= last:
        periods.append(by_start.get(start) or _period(per, start, ()))
        start = next_period(start, per)
    return tuple(periods)


@dataclass(frozen=True)
class YearReview:
    """One calendar year of the journal."""

    year: int
    entries: int
    acts: tuple[Act, ...]

    @property
    def uri(self) -> str:
        """review/<yyyy>.md."""
        return f"review/{self.year}.md"

    def by_month(self, first: int = 1, last: int = 12) -> list[tuple[dt.date, dict[str, int]]]:
        """For each month of the year from `first` to `last` (1 to 12), the acts per kind."""
        months = []
        for month in range(first, last + 1):
            counts = Counter(a.help.kind for a in self.acts if a.entry.day.month == month)
            months.append((dt.date(self.year, month, 1), dict(counts)))
        return months

    def busiest_week(self, week_start: int) -> Roundup | None:
        """The week with the most acts of help (the earliest on a tie)."""
        weeks = roundups(self.acts, "week", week_start)
        return max(weeks, key=lambda w: (len(w.acts), -w.start.toordinal()), default=None)


def year_reviews(counted: Sequence[Entry], acts: Sequence[Act], years: list[int]) -> tuple[YearReview, ...]:
    """A review for each of `years` (newest first)."""
    return tuple(
        YearReview(
            year,
            sum(1 for e in counted if e.day.year == year),
            tuple(a for a in acts if a.entry.day.year == year),
        )
        for year in years
    )
