"""Calendar arithmetic: periods, week numbers and the months after a day."""

from __future__ import annotations

import datetime as dt


def first_of_next_month(day: dt.date) -> dt.date:
    """The first day of the month after the one holding `day`."""
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_start(day: dt.date, per: str, week_start: int) -> dt.date:
    """The first day of the day/week/month that contains `day`."""
    if per == "week":
        return day - dt.timedelta(days=(day.weekday() - week_start) % 7)
    if per == "month":
        return day.replace(day=1)
    return day


def next_period(start: dt.date, per: str) -> dt.date:
    """The first day of the period after the one starting at `start`."""
    if per == "week":
        return start + dt.timedelta(days=7)
    if per == "month":
        return first_of_next_month(start)
    return start + dt.timedelta(days=1)


def week_number(start: dt.date) -> tuple[int, int]:
    """(year, week) of the week starting on `start`: the year and ordinal of its fourth day.

    With weeks starting on Monday this is ISO 8601 week numbering (week 1 holds the first Thursday)."""
    fourth = start + dt.timedelta(days=3)
    return fourth.year, (fourth.timetuple().tm_yday - 1) // 7 + 1


def a_year_on(day: dt.date) -> dt.date:
    """The day before the same date next year: a year-long goal's due date."""
    try:
        return day.replace(year=day.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return dt.date(day.year + 1, 2, 28)
