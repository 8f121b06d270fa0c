"""The words of the pictures: titles and descriptions that screen readers read, labels drawn on them."""

from __future__ import annotations

import datetime as dt

from ...core.progress import MetricProgress
from . import (
    ENTRIES,
    PERIOD_WORDS,
    STATE_WORDS,
    day_text,
    how_many,
    month_abbreviation,
    month_name,
    month_year,
    number,
    period_text,
)


def chart_point(day: dt.date, amount: float, running: float) -> str:
    """Tue 3 Nov 2026: +2, 14 in all."""
    return f"{day_text(day)}: +{number(amount)}, {number(running)} in all"


def cumulative_title(label: str) -> str:
    """Answers: running total."""
    return f"{label}: running total"


def cumulative_description(progress: MetricProgress) -> str:
    """One sentence that says what the running-total chart shows."""
    text = f"{number(progress.value)} so far"
    if progress.target is not None:
        text += f" of a target of {number(progress.target)}"
    if progress.pace is not None:
        text += f"; the pace line is at {number(round(progress.pace.expected, 1))} as of {day_text(progress.as_of)}"
    return text + "."


def target_label(target: float) -> str:
    """target 150."""
    return f"target {number(target)}"


def now_label(still_running: bool) -> str:
    """Where the as-of line of a chart is: today, or the end of a finished goal."""
    return "today" if still_running else "end"


def axis_month(day: dt.date) -> str:
    """Oct, or Jan 2027 at the start of a year."""
    return month_abbreviation(day) if day.month != 1 else f"{month_abbreviation(day)} {day.year}"


def heat_day(day: dt.date, entries: int, helped: int, rest: bool, future: bool = False) -> str:
    """Tue 3 Nov 2026: 1 entry, 2 helped (a day of the activity calendar)."""
    if future:
        return f"{day_text(day)}: still to come"
    level = entries + helped
    words = (
        "rest day"
        if rest and not level
        else f"{how_many(entries, *ENTRIES)}, {helped} helped"
        if level
        else "nothing"
    )
    return f"{day_text(day)}: {words}"


def heatmap_title(goal_title: str) -> str:
    """Help others: activity by day."""
    return f"{goal_title}: activity by day"


def heatmap_description(first: dt.date, end: dt.date, active_days: int, rest_days: int) -> str:
    """What the activity calendar shows."""
    return (
        f"Activity from {day_text(first)} to {day_text(end)}: {how_many(active_days, 'day', 'days')} with "
        f"entries, {how_many(rest_days, 'rest day', 'rest days')}."
    )


def strip_cell(start: dt.date, per: str, value: float, target: float, state: str) -> str:
    """Week of 5 Oct 2026: 2 of 3, met."""
    return f"{period_text(start, per)}: {number(value)} of {number(target)}, {STATE_WORDS[state]}"


def strip_title(label: str, per: str) -> str:
    """Check-ins: each week."""
    return f"{label}: each {per}"


def strip_description(progress: MetricProgress) -> str:
    """What a strip of periods shows."""
    per = PERIOD_WORDS[progress.metric.per or "day"]
    return (
        f"{progress.met} of {how_many(progress.elapsed, *per)} met; current streak {progress.current_streak}, "
        f"longest {progress.longest_streak}."
    )


def spark_titles(progress: MetricProgress) -> tuple[str, str]:
    """The title and description of a goal card's small picture."""
    if progress.metric.shape == "total":
        return f"{progress.metric.label} over time", f"{number(progress.value)} so far."
    return f"{progress.metric.label}: latest periods", f"{progress.met} of {progress.elapsed} met."


def month_bar(month: dt.date, total: int) -> str:
    """October 2026: 12."""
    return f"{month_year(month)}: {total}"


def bars_title(year: int) -> str:
    """Help given per month in 2026."""
    return f"Help given per month in {year}"


def bars_description(year: int, total: int, busiest: dt.date, most: int) -> str:
    """What the bars of a year's help show."""
    return f"{how_many(total, 'act', 'acts')} of help in {year}; the most in {month_name(busiest)} ({most})."
