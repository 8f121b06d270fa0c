"""Compute each goal's numbers as of a given day: totals, ratios and periods met."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Entry, Goal, Metric


@dataclass(frozen=True)
class Period:
    """One day, week or month of a rate metric."""

    start: dt.date
    value: float
    state: str  # met | missed | rest | running


@dataclass(frozen=True)
class MetricProgress:
    """The numbers of one metric of one goal."""

    metric: Metric
    value: float
    daily: dict[dt.date, float] = field(default_factory=dict)
    part: float = 0.0
    whole: float = 0.0
    periods: tuple[Period, ...] = ()

    @property
    def target(self) -> float | None:
        """The metric's target, if it has one."""
        return self.metric.target

    @property
    def fraction(self) -> float | None:
        """How far along: value / target for totals, the ratio itself, periods met / elapsed for rates."""
        if self.metric.shape == "rate":
            return self.met / self.elapsed if self.elapsed else None
        if self.metric.shape == "ratio":
            return self.value if self.whole else None
        if self.target is None:
            return None
        return self.value / self.target

    @property
    def met(self) -> int:
        """Periods in which the target was met."""
        return sum(1 for p in self.periods if p.state == "met")

    @property
    def elapsed(self) -> int:
        """Periods that count: finished ones that were not rest, plus a running one already met."""
        return sum(1 for p in self.periods if p.state in ("met", "missed"))

    @property
    def current(self) -> Period | None:
        """The period containing the as-of day, if the goal is still running then."""
        return self.periods[-1] if self.periods and self.periods[-1].state == "running" else None


@dataclass(frozen=True)
class GoalProgress:
    """A goal with the entries that count for it and the numbers of its metrics."""

    goal: Goal
    entries: tuple[Entry, ...]
    metrics: tuple[MetricProgress, ...]
    as_of: dt.date


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
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=1)


def entry_amount(metric: Metric, entry: Entry, count_private: bool) -> float:
    """What one entry adds to a non-ratio metric."""
    if metric.count == "entries":
        return 0.0 if entry.rest else 1.0
    if metric.count == "helped":
        return float(
            sum(
                1
                for item in entry.helped
                if (metric.kind is None or item.kind == metric.kind) and (count_private or not item.private)
            )
        )
    return entry.metrics.get(metric.id, 0.0)


def goal_progress(
    goal: Goal,
    entries: Iterable[Entry],
    as_of: dt.date,
    week_start: int = 0,
    count_private: bool = True,
) -> GoalProgress:
    """The numbers of every metric of `goal` from the entries that link it, as of a day."""
    end = min(d for d in (as_of, goal.due, _frozen_on(goal)) if d is not None)
    counted = tuple(
        e
        for e in entries
        if goal.id in e.goals and goal.started <= e.day <= end and (count_private or not e.private)
    )
    metrics = tuple(
        _metric_progress(goal, m, counted, end, as_of, week_start, count_private) for m in goal.metrics
    )
    return GoalProgress(goal, counted, metrics, as_of)


def _frozen_on(goal: Goal) -> dt.date | None:
    """The day an achieved or dropped goal stops counting."""
    return goal.achieved if goal.status == "achieved" else None


def _metric_progress(
    goal: Goal,
    metric: Metric,
    entries: tuple[Entry, ...],
    end: dt.date,
    as_of: dt.date,
    week_start: int,
    count_private: bool,
) -> MetricProgress:
    """The numbers of one metric."""
    if metric.ratio is not None:
        part = sum(e.metrics.get(i, 0.0) for e in entries for i in metric.ratio.part)
        whole = sum(e.metrics.get(i, 0.0) for e in entries for i in metric.ratio.whole)
        return MetricProgress(metric, part / whole if whole else 0.0, part=part, whole=whole)
    daily: dict[dt.date, float] = {}
    for entry in entries:
        amount = entry_amount(metric, entry, count_private)
        if metric.count == "entries" and metric.per == "day":
            amount = min(amount, 1.0)
            daily[entry.day] = max(daily.get(entry.day, 0.0), amount)
        else:
            daily[entry.day] = daily.get(entry.day, 0.0) + amount
    periods = _periods(goal, metric, entries, daily, end, as_of, week_start) if metric.per else ()
    return MetricProgress(metric, sum(daily.values()), dict(sorted(daily.items())), periods=periods)


def _periods(
    goal: Goal,
    metric: Metric,
    entries: tuple[Entry, ...],
    daily: dict[dt.date, float],
    end: dt.date,
    as_of: dt.date,
    week_start: int,
) -> tuple[Period, ...]:
    """Every period of a rate metric from the goal's start to `end`, with its state."""
    per = metric.per or "day"
    target = metric.target or 0.0
    rest_days = {e.day for e in entries if e.rest}
    totals: dict[dt.date, float] = {}
    for day, amount in daily.items():
        key = period_start(day, per, week_start)
        totals[key] = totals.get(key, 0.0) + amount
    periods = []
    start = period_start(goal.started, per, week_start)
    while start <= end:
        following = next_period(start, per)
        value = totals.get(start, 0.0)
        if value >= target:
            state = "met"
        elif per == "day" and (start.weekday() in goal.rest_days or start in rest_days):
            state = "rest"
        elif following > as_of and end == as_of:
            state = "running"
        else:
            state = "missed"
        periods.append(Period(start, value, state))
        start = following
    return tuple(periods)
