"""The words of the pictures: titles and descriptions that screen readers read, labels drawn on them."""

from __future__ import annotations

import datetime as dt

from ...core.progress import MetricProgress
from . import (
    STATE_WORDS,
    date_range,
    day_month,
    day_text,
    entry_count,
    month_abbreviation,
    month_name,
    month_year,
    number,
    period_text,
    short_date,
    short_month_year,
)
from .language import _, n_
from .metrics import periods_met


def chart_point(day: dt.date, amount: float, running: float) -> str:
    """Tue 3 Nov 2026: +2, 14 in all."""
    return _(
        "%(day)s: +%(amount)s, %(total)s in all",
        day=day_text(day),
        amount=number(amount),
        total=number(running),
    )


def cumulative_title(label: str) -> str:
    """Answers: running total."""
    return _("%(label)s: running total", label=label)


def cumulative_description(progress: MetricProgress, shown_until: dt.date | None = None) -> str:
    """What the running-total chart shows, and up to when when the due date is beyond it."""
    value = number(progress.value)
    text = (
        _("%(value)s so far of a target of %(target)s", value=value, target=number(progress.target))
        if progress.target is not None
        else _("%(value)s so far", value=value)
    )
    if progress.pace is not None:
        text += _(
            "; the pace line is at %(pace)s as of %(day)s",
            pace=number(round(progress.pace.expected, 1)),
            day=day_text(progress.as_of),
        )
    if shown_until is not None and progress.due is not None:
        text += _(
            ". The chart shows up to %(shown)s; the target is due %(due)s",
            shown=day_text(shown_until),
            due=day_text(progress.due),
        )
    return text + "."


def target_ahead(target: float, due: dt.date) -> str:
    """The target beyond the right edge of a road: 150 by 30 Jun 2027 →."""
    return _("%(target)s by %(date)s →", target=number(target), date=short_date(due))


def pace_label(expected: str) -> str:
    """pace 37: where the pace line is today."""
    return _("pace %(value)s", value=expected)


def target_label(target: float) -> str:
    """target 150."""
    return _("target %(value)s", value=number(target))


def now_label(still_running: bool) -> str:
    """Where the as-of line of a chart is: today, or the end of a finished goal."""
    return _("today") if still_running else _("end")


def axis_month(day: dt.date) -> str:
    """Oct, or Jan 2027 at the start of a year."""
    return month_abbreviation(day) if day.month != 1 else short_month_year(day)


def heat_day(day: dt.date, entries: int, helped: int, rest: bool, future: bool = False) -> str:
    """Tue 3 Nov 2026: 1 entry, 2 helped (a day of the activity calendar)."""
    when = day_text(day)
    if future:
        return _("%(day)s: still to come", day=when)
    if rest and not entries + helped:
        return _("%(day)s: rest day", day=when)
    if not entries + helped:
        return _("%(day)s: nothing", day=when)
    return _(
        "%(day)s: %(entries)s, %(helped)s helped",
        day=when,
        entries=entry_count(entries),
        helped=number(helped),
    )


def heatmap_title(goal_title: str) -> str:
    """Help others: activity by day."""
    return _("%(goal)s: activity by day", goal=goal_title)


def heatmap_description(first: dt.date, end: dt.date, active_days: int, rest_days: int) -> str:
    """What the activity calendar shows."""
    active = n_("%(count)s day with entries", "%(count)s days with entries", active_days)
    rest = n_("%(count)s rest day", "%(count)s rest days", rest_days)
    return _(
        "Activity from %(first)s to %(end)s: %(active)s, %(rest)s.",
        first=day_text(first),
        end=day_text(end),
        active=active,
        rest=rest,
    )


def strip_cell(start: dt.date, per: str, value: float, target: float, state: str) -> str:
    """Week of 5 Oct 2026: 2 of 3, met."""
    return _(
        "%(period)s: %(value)s of %(target)s, %(state)s",
        period=period_text(start, per),
        value=number(value),
        target=number(target),
        state=STATE_WORDS[state](),
    )


def strip_title(label: str, per: str) -> str:
    """Check-ins: each week."""
    if per == "day":
        return _("%(label)s: each day", label=label)
    if per == "week":
        return _("%(label)s: each week", label=label)
    return _("%(label)s: each month", label=label)


def latest_periods(drawn: int, per: str) -> str:
    """The latest 112 days (what a strip draws when there are more)."""
    if per == "day":
        return n_("The latest %(count)s day", "The latest %(count)s days", drawn)
    if per == "week":
        return n_("The latest %(count)s week", "The latest %(count)s weeks", drawn)
    return n_("The latest %(count)s month", "The latest %(count)s months", drawn)


def strip_description(progress: MetricProgress, met: int, judged: int, drawn: int | None = None) -> str:
    """What a strip of periods shows: the same count as its headline, or which latest ones it draws."""
    per = progress.metric.per or "day"
    text = _(
        "%(met)s; current streak %(current)s, longest %(longest)s.",
        met=periods_met(met, judged, per),
        current=number(progress.current_streak),
        longest=number(progress.longest_streak),
    )
    if drawn is None:
        return text
    return _("%(latest)s: %(rest)s", latest=latest_periods(drawn, per), rest=text)


def strip_end(start: dt.date, per: str) -> str:
    """The first or last period of a strip, written on it: 28 Sep, week of 16 Nov, Nov 2026."""
    if per == "month":
        return short_month_year(start)
    if per == "week":
        return _("week of %(day)s", day=day_month(start))
    return day_month(start)


def strip_caption(first: dt.date, last: dt.date, per: str, met: int, judged: int, latest: bool) -> str:
    """28 Sep – 21 Nov 2026: 7 of 50 days met (the window the strip draws, counted as its headline)."""
    span, counted = date_range(first, last), periods_met(met, judged, per)
    if not latest:
        return _("%(span)s: %(counted)s", span=span, counted=counted)
    if per == "day":
        return _("Latest days, %(span)s: %(counted)s", span=span, counted=counted)
    if per == "week":
        return _("Latest weeks, %(span)s: %(counted)s", span=span, counted=counted)
    return _("Latest months, %(span)s: %(counted)s", span=span, counted=counted)


def spark_titles(progress: MetricProgress) -> tuple[str, str]:
    """The title and description of a goal card's small road."""
    value = number(progress.value)
    if progress.pace is not None:
        text = _(
            "%(value)s so far; the pace line is at %(pace)s today.",
            value=value,
            pace=number(round(progress.pace.expected, 1)),
        )
    else:
        text = _("%(value)s so far.", value=value)
    return _("%(label)s over time", label=progress.metric.label), text


def month_bar(month: dt.date, total: int) -> str:
    """October 2026: 12."""
    return _("%(month)s: %(count)s", month=month_year(month), count=number(total))


def bars_title(year: int) -> str:
    """Help given per month in 2026."""
    return _("Help given per month in %(year)s", year=year)


def bars_description(year: int, total: int, busiest: dt.date, most: int) -> str:
    """What the bars of a year's help show."""
    return n_(
        "%(count)s act of help in %(year)s; the most in %(month)s (%(most)s).",
        "%(count)s acts of help in %(year)s; the most in %(month)s (%(most)s).",
        total,
        year=year,
        month=month_name(busiest),
        most=number(most),
    )
