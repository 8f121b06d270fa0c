"""Weekly and monthly "how I helped" roundups, and the year in review."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from .model import HELP_KINDS, Entry, Helped
from .progress import next_period, period_start

KIND_WORDS = {
    "answer": ("answer", "answers"),
    "resource": ("resource", "resources"),
    "compliment": ("compliment", "compliments"),
    "intro": ("introduction", "introductions"),
    "feedback": ("piece of feedback", "pieces of feedback"),
    "other": ("other", "other"),
}


@dataclass(frozen=True)
class Act:
    """One act of help and the entry that records it."""

    help: Helped
    entry: Entry
    public: bool  # both the item and its entry are published


@dataclass
class Roundup:
    """The help given in one week or month."""

    per: str  # week | month
    start: dt.date
    end: dt.date  # the last day
    year: int  # the week-based year for weeks
    number: int  # week number, or month number
    acts: list[Act] = field(default_factory=list)

    @property
    def uri(self) -> str:
        """helped/<yyyy>/W<ww>.md or helped/<yyyy>/<mm>.md."""
        return (
            f"helped/{self.year}/W{self.number:02d}.md"
            if self.per == "week"
            else f"helped/{self.year}/{self.number:02d}.md"
        )

    @property
    def label(self) -> str:
        """Week 47, 2026 or November 2026."""
        return f"Week {self.number}, {self.year}" if self.per == "week" else f"{self.start:%B %Y}"

    @property
    def title(self) -> str:
        """The page and feed title."""
        return f"How I helped: {self.label}"

    @property
    def span(self) -> str:
        """16–22 Nov 2026."""
        if self.start.month == self.end.month:
            return f"{self.start.day}–{self.end.day} {self.end:%b %Y}"
        if self.start.year == self.end.year:
            return f"{self.start.day} {self.start:%b} – {self.end.day} {self.end:%b %Y}"
        return f"{self.start.day} {self.start:%b %Y} – {self.end.day} {self.end:%b %Y}"

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

    def summary(self) -> str:
        """This week I helped 7 people: 4 answers, 2 resources, 1 compliment."""
        return summary_sentence(f"This {self.per}", self.acts)

    def groups(self) -> list[tuple[str, list[Act]]]:
        """Public acts grouped by kind, in the order of the summary."""
        public = self.public
        return [(kind, [a for a in public if a.help.kind == kind]) for kind, _ in by_kind(public)]

    def repeat_people(self) -> list[tuple[str, int]]:
        """People (public acts only) helped more than once: ("@jane", 3)."""
        return repeat_people(self.public)


def by_kind(acts: list[Act]) -> list[tuple[str, int]]:
    """(kind, count), most first, then in the contract's order."""
    counts = Counter(a.help.kind for a in acts)
    return sorted(counts.items(), key=lambda kc: (-kc[1], HELP_KINDS.index(kc[0])))


def kind_words(kind: str, count: int) -> str:
    """4 answers, 1 piece of feedback."""
    one, many = KIND_WORDS[kind]
    return f"{count} {one if count == 1 else many}"


def summary_sentence(when: str, acts: list[Act]) -> str:
    """<when> I helped 7 people: 4 answers, 2 resources, 1 compliment."""
    total = len(acts)
    if not total:
        return f"{when} I did not record any help."
    people = "person" if total == 1 else "people"
    return f"{when} I helped {total} {people}: " + ", ".join(kind_words(k, n) for k, n in by_kind(acts)) + "."


def repeat_people(acts: list[Act]) -> list[tuple[str, int]]:
    """People named in more than one act, most first."""
    counts = Counter(a.help.who for a in acts if a.help.who)
    return sorted(((who, n) for who, n in counts.items() if n > 1), key=lambda wn: (-wn[1], wn[0].lower()))


def week_number(start: dt.date) -> tuple[int, int]:
    """(year, week) of the week starting on `start`: the year and ordinal of its fourth day.

    With weeks starting on Monday this is ISO 8601 week numbering (week 1 holds the first Thursday)."""
    fourth = start + dt.timedelta(days=3)
    return fourth.year, (fourth.timetuple().tm_yday - 1) // 7 + 1


def collect_acts(counted: list[Entry], published: set[str], count_private: bool) -> list[Act]:
    """Every counted act of help, marked public when its item and entry are both published."""
    return [
        Act(item, entry, entry.uri in published and not item.private)
        for entry in counted
        for item in entry.helped
        if count_private or not item.private
    ]


def roundups(acts: list[Act], per: str, week_start: int) -> list[Roundup]:
    """Roundups of every week or month that has acts of help, oldest first."""
    periods: dict[dt.date, Roundup] = {}
    for act in acts:
        start = period_start(act.entry.day, per, week_start)
        if start not in periods:
            end = next_period(start, per) - dt.timedelta(days=1)
            year, number = week_number(start) if per == "week" else (start.year, start.month)
            periods[start] = Roundup(per, start, end, year, number)
        periods[start].acts.append(act)
    return [periods[start] for start in sorted(periods)]


@dataclass
class YearReview:
    """One calendar year of the journal."""

    year: int
    entries: int
    acts: list[Act]

    @property
    def uri(self) -> str:
        """review/<yyyy>.md."""
        return f"review/{self.year}.md"

    @property
    def title(self) -> str:
        """2026 in review."""
        return f"{self.year} in review"

    def summary(self) -> str:
        """In 2026 I helped 54 people: ..."""
        return summary_sentence(f"In {self.year}", self.acts)

    def by_month(self) -> list[tuple[dt.date, dict[str, int]]]:
        """For each month of the year, the acts per kind."""
        months = []
        for month in range(1, 13):
            counts = Counter(a.help.kind for a in self.acts if a.entry.day.month == month)
            months.append((dt.date(self.year, month, 1), dict(counts)))
        return months

    def busiest_week(self, week_start: int) -> Roundup | None:
        """The week with the most acts of help (the earliest on a tie)."""
        weeks = roundups(self.acts, "week", week_start)
        return max(weeks, key=lambda w: (len(w.acts), -w.start.toordinal()), default=None)


def year_reviews(counted: list[Entry], acts: list[Act], years: list[int]) -> list[YearReview]:
    """A review for each of `years` (newest first)."""
    return [
        YearReview(
            year, sum(1 for e in counted if e.day.year == year), [a for a in acts if a.entry.day.year == year]
        )
        for year in years
    ]
