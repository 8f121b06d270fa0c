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
    plural,
    short_date,
)


def chart_point(day: dt.date, amount: float, running: float) -> str:
    """Tue 3 Nov 2026: +2, 14 in all."""
    return f"{day_text(day)}: +{number(amount)}, {number(running)} in all"


def cumulative_title(label: str) -> str:
    """Answers: running total."""
    return f"{label}: running total"


def cumulative_description(progress: MetricProgress, shown_until: dt.date | None = None) -> str:
    """What the running-total chart shows, and up to when when the due date is beyond it."""
    text = f"{number(progress.value)} so far"
    if progress.target is not None:
        text += f" of a target of {number(progress.target)}"
    if progress.pace is not None:
        text += f"; the pace line is at {number(round(progress.pace.expected, 1))} as of {day_text(progress.as_of)}"
    if shown_until is not None and progress.due is not None:
        text += f". The chart shows up to {day_text(shown_until)}; the target is due {day_text(progress.due)}"
    return text + "."


def target_ahead(target: float, due: dt.date) -> str:
    """The target beyond the right edge of a road: 150 by 30 Jun 2027 →."""
    return f"{number(target)} by {short_date(due)} →"


def pace_label(expected: str) -> str:
    """pace 37: where the pace line is today."""
    return f"pace {expected}"


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


def strip_description(progress: MetricProgress, met: int, judged: int, drawn: int | None = None) -> str:
    """What a strip of periods shows: the same count as its headline, or which latest ones it draws."""
    one, many = PERIOD_WORDS[progress.metric.per or "day"]
    shown = f"The latest {drawn} {many}: " if drawn is not None else ""
    return (
        f"{shown}{met} of {judged} {plural(judged, one, many)} met; current streak {progress.current_streak}, "
        f"longest {progress.longest_streak}."
    )


def strip_end(start: dt.date, per: str) -> str:
    """The first or last period of a strip, written on it: 28 Sep, Week of 16 Nov, Nov 2026."""
    if per == "month":
        return f"{month_abbreviation(start)} {start.year}"
    if per == "week":
        return f"week of {start.day} {month_abbreviation(start)}"
    return f"{start.day} {month_abbreviation(start)}"


def strip_caption(first: dt.date, last: dt.date, per: str, met: int, judged: int, latest: bool) -> str:
    """28 Sep – 21 Nov 2026: 7 of 50 days met (the window the strip draws, counted as its headline)."""
    one, many = PERIOD_WORDS[per]
    start = short_date(first) if first.year != last.year else f"{first.day} {month_abbreviation(first)}"
    span = f"{start} – {short_date(last)}" if first != last else short_date(last)
    head = f"Latest {many}, {span}" if latest else span
    return f"{head}: {met} of {judged} {plural(judged, one, many)} met"


def spark_titles(progress: MetricProgress) -> tuple[str, str]:
    """The title and description of a goal card's small road."""
    text = f"{number(progress.value)} so far"
    if progress.pace is not None:
        text += f"; the pace line is at {number(round(progress.pace.expected, 1))} today"
    return f"{progress.metric.label} over time", text + "."


def month_bar(month: dt.date, total: int) -> str:
    """October 2026: 12."""
    return f"{month_year(month)}: {total}"


def bars_title(year: int) -> str:
    """Help given per month in 2026."""
    return f"Help given per month in {year}"


def bars_description(year: int, total: int, busiest: dt.date, most: int) -> str:
    """What the bars of a year's help show."""
    return f"{how_many(total, 'act', 'acts')} of help in {year}; the most in {month_name(busiest)} ({most})."
