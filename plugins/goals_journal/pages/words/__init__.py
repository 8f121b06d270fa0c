"""Every word the site puts before a reader: numbers, dates, states, kinds and the sentences around them.

The words are English messages looked up in the current language's catalog (language.py: `_`,
`n_` for counts, `p_` where one English word needs two translations); dates and numbers are
written in its conventions (formats.py). The catalogs are in locales/."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from ...core.model import Entry
from ...core.progress import GoalProgress
from ...core.roundups import Act, Roundup, YearReview, by_kind
from .formats import (
    date_range,
    day_abbreviation,
    day_month,
    day_name,
    day_text,
    list_text,
    long_date,
    month_abbreviation,
    month_name,
    month_year,
    number,
    percent_text,
    short_date,
    short_month_year,
)
from .language import _, n_, p_

__all__ = [
    "date_range",
    "day_abbreviation",
    "day_month",
    "day_name",
    "day_text",
    "list_text",
    "long_date",
    "month_abbreviation",
    "month_name",
    "month_year",
    "number",
    "percent_text",
    "short_date",
    "short_month_year",
]

Words = Callable[[], str]
Counted = Callable[[int], str]

# Each vocabulary of the contract (core.vocabulary), word by word: looked up when it is shown.
PERIOD_WORDS: dict[str, Words] = {  # a column of periods: Day, Week, Month
    "day": lambda: p_("column", "Day"),
    "week": lambda: p_("column", "Week"),
    "month": lambda: p_("column", "Month"),
}
STATE_WORDS: dict[str, Words] = {  # a period of a rate
    "met": lambda: p_("period state", "met"),
    "missed": lambda: p_("period state", "missed"),
    "rest": lambda: p_("period state", "rest"),
    "running": lambda: p_("period state", "in progress"),
}
METRIC_STATE_WORDS: dict[str, Words] = {  # one metric against its yardstick
    "on-track": lambda: p_("metric state", "on track"),
    "behind": lambda: p_("metric state", "behind"),
    "met": lambda: p_("metric state", "met"),
    "resting": lambda: p_("metric state", "resting"),
}
GOAL_STATE_WORDS: dict[str, Words] = {  # a goal's status line ("achieved on …", "starts …" have dates)
    "on-track": lambda: p_("goal status", "on track"),
    "behind": lambda: p_("goal status", "behind"),
    "active": lambda: p_("goal status", "active"),
    "upcoming": lambda: p_("goal status", "upcoming"),
    "achieved": lambda: p_("goal status", "achieved"),
    "paused": lambda: p_("goal status", "paused"),
    "dropped": lambda: p_("goal status", "dropped"),
}
STATUS_WORDS: dict[str, Words] = {  # the goal index's groups
    "active": lambda: p_("group of goals", "Active"),
    "paused": lambda: p_("group of goals", "Paused"),
    "achieved": lambda: p_("group of goals", "Achieved"),
    "dropped": lambda: p_("group of goals", "Dropped"),
}
KIND_WORDS: dict[str, Counted] = {  # a count of acts of help of a kind
    "answer": lambda n: n_("%(count)s answer", "%(count)s answers", n),
    "resource": lambda n: n_("%(count)s resource", "%(count)s resources", n),
    "compliment": lambda n: n_("%(count)s compliment", "%(count)s compliments", n),
    "intro": lambda n: n_("%(count)s introduction", "%(count)s introductions", n),
    "feedback": lambda n: n_("%(count)s piece of feedback", "%(count)s pieces of feedback", n),
    "other": lambda n: n_("%(count)s other", "%(count)s other", n),
}
KIND_TITLES: dict[str, Words] = {  # a heading or a label of a kind of help
    "answer": lambda: _("Answers"),
    "resource": lambda: _("Resources"),
    "compliment": lambda: _("Compliments"),
    "intro": lambda: _("Introductions"),
    "feedback": lambda: _("Pieces of feedback"),
    "other": lambda: p_("kind of help", "Other"),
}
KIND_NAMES: dict[str, Words] = {  # the kind of one act, on its chip
    "answer": lambda: p_("kind of help", "answer"),
    "resource": lambda: p_("kind of help", "resource"),
    "compliment": lambda: p_("kind of help", "compliment"),
    "intro": lambda: p_("kind of help", "intro"),
    "feedback": lambda: p_("kind of help", "feedback"),
    "other": lambda: p_("kind of help", "other"),
}


def helped_title() -> str:
    """How I helped: the help pages' name."""
    return _("How I helped")


def also_posted_on() -> str:
    """The words before an entry's syndication links."""
    return _("Also posted on")


def someone() -> str:
    """Who was helped, or who responded, when no name is given."""
    return _("Someone")


def entry_count(count: int) -> str:
    """3 entries."""
    return n_("%(count)s entry", "%(count)s entries", count)


def percent(fraction: float | None, clamp: bool = True) -> int:
    """A fraction as a whole percent (for bars clamped to 0..100)."""
    if fraction is None:
        return 0
    whole = math.floor(fraction * 100 + 0.5)
    return max(0, min(100, whole)) if clamp else whole


def share(fraction: float | None) -> str:
    """A fraction written as a whole percent, unclamped: 73%; 73 %."""
    return percent_text(percent(fraction, clamp=False))


def entry_title(entry: Entry) -> str:
    """The entry's title, or its day for an untitled entry."""
    return entry.title or long_date(entry.day)


def status_text(progress: GoalProgress) -> str:
    """ "on track", "behind", "achieved on 2 Oct 2027", "starts 1 Jan 2028", "paused", "dropped" or "active"."""
    goal = progress.goal
    if goal.status == "achieved" and goal.achieved:
        return _("achieved on %(date)s", date=short_date(goal.achieved))
    if progress.state == "upcoming":
        return _("starts %(date)s", date=short_date(goal.started))
    return GOAL_STATE_WORDS[progress.state]()


def kind_words(kind: str, count: int) -> str:
    """4 answers, 1 piece of feedback."""
    return KIND_WORDS[kind](count)


def kind_title(kind: str) -> str:
    """Answers, Pieces of feedback."""
    return KIND_TITLES[kind]()


def kinds_text(acts: Sequence[Act]) -> str:
    """4 answers, 2 resources, 1 compliment."""
    return p_("list separator", ", ").join(kind_words(k, n) for k, n in by_kind(acts))


def roundup_label(roundup: Roundup) -> str:
    """16–22 Nov 2026 or November 2026: a roundup is named by its dates."""
    return roundup_span(roundup) if roundup.per == "week" else month_year(roundup.start)


def roundup_title(roundup: Roundup) -> str:
    """The page and feed title, dates first: 16–22 Nov 2026 · How I helped."""
    return _("%(period)s · How I helped", period=roundup_label(roundup))


def week_name(roundup: Roundup) -> str:
    """Week 47 of 2026 (the quiet second name of a weekly roundup; "" for a month)."""
    if roundup.per != "week":
        return ""
    return _("Week %(number)s of %(year)s", number=roundup.number, year=roundup.year)


def roundup_span(roundup: Roundup) -> str:
    """16–22 Nov 2026."""
    return date_range(roundup.start, roundup.end)


def roundup_summary(roundup: Roundup) -> str:
    """This week I helped 7 people: 4 answers, 2 resources, 1 compliment."""
    total, kinds = len(roundup.acts), kinds_text(roundup.acts)
    if roundup.per == "week":
        if not total:
            return _("This week I did not record any help.")
        return n_(
            "This week I helped %(count)s person: %(kinds)s.",
            "This week I helped %(count)s people: %(kinds)s.",
            total,
            kinds=kinds,
        )
    if not total:
        return _("This month I did not record any help.")
    return n_(
        "This month I helped %(count)s person: %(kinds)s.",
        "This month I helped %(count)s people: %(kinds)s.",
        total,
        kinds=kinds,
    )


def review_title(review: YearReview) -> str:
    """2026 in review."""
    return _("%(year)s in review", year=review.year)


def review_summary(review: YearReview) -> str:
    """In 2026 I helped 54 people: ..."""
    total, year = len(review.acts), review.year
    if not total:
        return _("In %(year)s I did not record any help.", year=year)
    return n_(
        "In %(year)s I helped %(count)s person: %(kinds)s.",
        "In %(year)s I helped %(count)s people: %(kinds)s.",
        total,
        year=year,
        kinds=kinds_text(review.acts),
    )


def helped_description(acts: Sequence[Act]) -> str:
    """The sentence that sums up all the help in the journal."""
    if not acts:
        return _("Since the journal began, I did not record any help.")
    return n_(
        "Since the journal began, I helped %(count)s person: %(kinds)s.",
        "Since the journal began, I helped %(count)s people: %(kinds)s.",
        len(acts),
        kinds=kinds_text(acts),
    )


def home_description(active: int) -> str:
    """A one-line description of the whole journal."""
    return n_(
        "A public journal of %(count)s active goal and the work towards them.",
        "A public journal of %(count)s active goals and the work towards them.",
        active,
    )


def period_text(start: dt.date, per: str) -> str:
    """Week of 5 Oct 2026, Sat 3 Oct 2026 or October 2026."""
    if per == "month":
        return month_year(start)
    if per == "week":
        return _("Week of %(date)s", date=short_date(start))
    return day_text(start)


def now_title() -> str:
    """The now page's name."""
    return _("Now")


def now_description(active: int) -> str:
    """The now page's description."""
    return n_(
        "What I am working on now: %(count)s active goal, and the latest entry.",
        "What I am working on now: %(count)s active goals, and the latest entry.",
        active,
    )


def now_as_of(day: dt.date) -> str:
    """The line that dates the now page: the day of the build."""
    return _("As of %(date)s.", date=long_date(day))


def goals_description() -> str:
    """The goal index's description."""
    return _("Every goal with its progress.")


def journal_description() -> str:
    """The journal archive's description."""
    return _("All journal entries.")


# Previewing with Zensical (goals serve --engine zensical): the mark MkDocs' serve puts on drafts ----------

DRAFT_MARK = "DRAFT"
DRAFT_MARK_TITLE = "This page will not be included into the built site."
