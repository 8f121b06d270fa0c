"""Every word the site puts before a reader: numbers, dates, states, kinds and the sentences around them."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from ...core.model import Entry
from ...core.progress import GoalProgress
from ...core.roundups import Act, Roundup, YearReview, by_kind

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_ABBREVIATIONS = tuple(name[:3] for name in DAY_NAMES)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
PERIOD_WORDS = {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months")}
STATE_WORDS = {"met": "met", "missed": "missed", "rest": "rest", "running": "in progress"}
METRIC_STATE_WORDS = {"on-track": "on track", "behind": "behind", "met": "met", "resting": "resting"}
STATUS_WORDS = {"active": "Active", "paused": "Paused", "achieved": "Achieved", "dropped": "Dropped"}
PEOPLE = ("person", "people")
ENTRIES = ("entry", "entries")
KIND_WORDS = {
    "answer": ("answer", "answers"),
    "resource": ("resource", "resources"),
    "compliment": ("compliment", "compliments"),
    "intro": ("introduction", "introductions"),
    "feedback": ("piece of feedback", "pieces of feedback"),
    "other": ("other", "other"),
}
HELPED_TITLE = "How I helped"
HELPED_FEED_DESCRIPTION = "Every finished week and month of help, as a roundup."
GOALS_DESCRIPTION = "Every goal with its progress."
JOURNAL_DESCRIPTION = "All journal entries."
ALSO_POSTED_ON = "Also posted on"  # an entry's syndication: links
NOW_TITLE = "Now"
NOW_GOALS = "What I am working on"
NOW_NO_GOALS = "No active goals right now."
NOW_LATEST = "Latest entry"
READ_ON_THE_SITE = "This entry is long: read all of it on the site."
MENTIONS_TITLE = "Responses"  # an entry's webmentions
MENTION_WORDS = {
    "reply": "Answered by",
    "like": "Liked by",
    "repost": "Reposted by",
    "mention": "Mentioned by",
}
SOMEONE = "Someone"  # a response whose author has no name


def plural(count: int, one: str, many: str) -> str:
    """The word for `count` things."""
    return one if count == 1 else many


def how_many(count: int, one: str, many: str) -> str:
    """1 entry, 3 entries: a count and the word for that many things (every such phrase goes through it)."""
    return f"{number(count)} {plural(count, one, many)}"


def entry_count(count: int) -> str:
    """3 entries."""
    return how_many(count, *ENTRIES)


def number(value: float) -> str:
    """A number as people write it: 1,234 or 2.5."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent(fraction: float | None, clamp: bool = True) -> int:
    """A fraction as a whole percent (for bars clamped to 0..100)."""
    if fraction is None:
        return 0
    whole = math.floor(fraction * 100 + 0.5)
    return max(0, min(100, whole)) if clamp else whole


def month_name(day: dt.date) -> str:
    """October."""
    return MONTH_NAMES[day.month - 1]


def month_abbreviation(day: dt.date) -> str:
    """Oct."""
    return MONTH_ABBREVIATIONS[day.month - 1]


def month_year(day: dt.date) -> str:
    """October 2026."""
    return f"{month_name(day)} {day.year}"


def long_date(day: dt.date) -> str:
    """Saturday 3 October 2026."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {month_name(day)} {day.year}"


def short_date(day: dt.date) -> str:
    """3 Oct 2026."""
    return f"{day.day} {month_abbreviation(day)} {day.year}"


def day_text(day: dt.date) -> str:
    """Tue 3 Nov 2026."""
    return f"{DAY_ABBREVIATIONS[day.weekday()]} {short_date(day)}"


def entry_title(entry: Entry) -> str:
    """The entry's title, or its day for an untitled entry."""
    return entry.title or long_date(entry.day)


def status_text(progress: GoalProgress) -> str:
    """ "on track", "behind", "achieved on 2 Oct 2027", "starts 1 Jan 2028", "paused", "dropped" or "active"."""
    goal = progress.goal
    if goal.status == "achieved" and goal.achieved:
        return f"achieved on {short_date(goal.achieved)}"
    if progress.state == "upcoming":
        return f"starts {short_date(goal.started)}"
    return progress.state.replace("-", " ")


def kind_words(kind: str, count: int) -> str:
    """4 answers, 1 piece of feedback."""
    return how_many(count, *KIND_WORDS[kind])


def kind_title(kind: str) -> str:
    """Answers, Pieces of feedback."""
    return KIND_WORDS[kind][1].capitalize()


def summary_sentence(when: str, acts: Sequence[Act]) -> str:
    """<when> I helped 7 people: 4 answers, 2 resources, 1 compliment."""
    total = len(acts)
    if not total:
        return f"{when} I did not record any help."
    return (
        f"{when} I helped {how_many(total, *PEOPLE)}: "
        + ", ".join(kind_words(k, n) for k, n in by_kind(acts))
        + "."
    )


def roundup_label(roundup: Roundup) -> str:
    """16–22 Nov 2026 or November 2026: a roundup is named by its dates."""
    return roundup_span(roundup) if roundup.per == "week" else month_year(roundup.start)


def roundup_title(roundup: Roundup) -> str:
    """The page and feed title, dates first: 16–22 Nov 2026 · How I helped."""
    return f"{roundup_label(roundup)} · {HELPED_TITLE}"


def week_name(roundup: Roundup) -> str:
    """Week 47 of 2026 (the quiet second name of a weekly roundup; "" for a month)."""
    return f"Week {roundup.number} of {roundup.year}" if roundup.per == "week" else ""


def roundup_span(roundup: Roundup) -> str:
    """16–22 Nov 2026."""
    start, end = roundup.start, roundup.end
    if start.month == end.month:
        return f"{start.day}–{end.day} {month_abbreviation(end)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {month_abbreviation(start)} – {short_date(end)}"
    return f"{short_date(start)} – {short_date(end)}"


def roundup_summary(roundup: Roundup) -> str:
    """This week I helped 7 people: 4 answers, 2 resources, 1 compliment."""
    return summary_sentence(f"This {roundup.per}", roundup.acts)


def review_title(review: YearReview) -> str:
    """2026 in review."""
    return f"{review.year} in review"


def review_summary(review: YearReview) -> str:
    """In 2026 I helped 54 people: ..."""
    return summary_sentence(f"In {review.year}", review.acts)


def helped_description(acts: Sequence[Act]) -> str:
    """The sentence that sums up all the help in the journal."""
    return summary_sentence("Since the journal began,", acts)


def home_description(active: int) -> str:
    """A one-line description of the whole journal."""
    return f"A public journal of {how_many(active, 'active goal', 'active goals')} and the work towards them."


def period_text(start: dt.date, per: str) -> str:
    """Week of 5 Oct 2026, Sat 3 Oct 2026 or October 2026."""
    if per == "month":
        return month_year(start)
    if per == "week":
        return f"Week of {short_date(start)}"
    return day_text(start)


def now_description(active: int) -> str:
    """The now page's description."""
    return (
        f"What I am working on now: {how_many(active, 'active goal', 'active goals')}, and the latest entry."
    )


def now_as_of(day: dt.date) -> str:
    """The line that dates the now page: the day of the build."""
    return f"As of {long_date(day)}."


# Previewing with Zensical (goals serve --engine zensical): the mark MkDocs' serve puts on drafts ----------

DRAFT_MARK = "DRAFT"
DRAFT_MARK_TITLE = "This page will not be included into the built site."
