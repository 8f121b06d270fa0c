"""Compute each goal's numbers as of a day: totals and pace, periods and streaks, ratios, status."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from .days import next_period, period_start
from .model import Entry, Goal, Metric
from .vocabulary import RECENT_DAYS


@dataclass(frozen=True)
class Period:
    """One day, week or month of a rate metric."""

    start: dt.date
    value: float
    state: str  # one of PERIOD_STATES: met | missed | rest | running


@dataclass(frozen=True)
class Pace:
    """Where a total metric stands against the straight line from 0 on `started` to target on `due`."""

    expected: float  # where the line is at the end of the as-of day
    difference: float  # value - expected: ahead when >= 0
    days: int  # whole days of pace ahead (days that could be skipped: "safe for N days") or behind (< 0)
    needed_per_day: float | None  # to reach the target by due, counting the as-of day; None once reached


@dataclass(frozen=True)
class MetricProgress:
    """The numbers of one metric of one goal."""

    metric: Metric
    value: float
    as_of: dt.date
    elapsed_days: int = 0
    daily: dict[dt.date, float] = field(default_factory=dict)
    part: float = 0.0
    whole: float = 0.0
    recent_part: float = 0.0
    recent_whole: float = 0.0
    periods: tuple[Period, ...] = ()
    pace: Pace | None = None
    reached_on: dt.date | None = None
    projected: dt.date | None = None
    due: dt.date | None = None

    @property
    def target(self) -> float | None:
        """The metric's target, if it has one."""
        return self.metric.target

    @property
    def fraction(self) -> float | None:
        """How far along: value / target for totals, the ratio itself, periods met / counted for rates."""
        if self.metric.shape == "rate":
            return self.met / self.elapsed if self.elapsed else None
        if self.metric.shape == "ratio":
            return self.value if self.whole else None
        if self.target is None:
            return None
        return self.value / self.target

    @property
    def per_day(self) -> float:
        """The average amount per day so far (totals)."""
        return self.value / self.elapsed_days if self.elapsed_days else 0.0

    @property
    def recent(self) -> float | None:
        """A ratio over the last four weeks, or None without data."""
        return self.recent_part / self.recent_whole if self.recent_whole else None

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
        """The running period (containing the as-of day), if it is not met yet."""
        return self.periods[-1] if self.periods and self.periods[-1].state == "running" else None

    @property
    def current_streak(self) -> int:
        """Met periods in a row up to now; rest and not-yet-met running periods do not break it."""
        streak = 0
        for period in reversed(self.periods):
            if period.state == "met":
                streak += 1
            elif period.state == "missed":
                break
        return streak

    @property
    def longest_streak(self) -> int:
        """The longest run of met periods; rest periods do not break a run."""
        best = run = 0
        for period in self.periods:
            if period.state == "met":
                run += 1
                best = max(best, run)
            elif period.state == "missed":
                run = 0
        return best

    @property
    def on_track(self) -> bool | None:
        """True on or above pace, False behind; None when the metric has no yardstick."""
        if self.metric.shape == "ratio":
            return None if not self.whole or self.target is None else self.value >= self.target
        if self.metric.shape == "rate":
            judged = [p for p in self.periods if p.state in ("met", "missed")]
            return judged[-1].state == "met" if judged else None
        if self.pace is not None:
            return self.pace.difference >= 0
        return None

    @property
    def state(self) -> str | None:
        """One of METRIC_STATES, or None without a yardstick; "behind" exactly when on_track is False."""
        verdict = self.on_track
        if verdict is False:
            return "behind"
        if self.reached_on is not None or (self.periods and self.periods[-1].state == "met"):
            return "met"  # a total at its target, or a rate whose latest period is already met
        if self.periods and self.periods[-1].state == "rest":
            return "resting"
        return None if verdict is None else "on-track"

    @property
    def late(self) -> bool:
        """The target was reached, but after the goal's due date."""
        return self.reached_on is not None and self.due is not None and self.reached_on > self.due


@dataclass(frozen=True)
class GoalProgress:
    """A goal with the entries that count for it and the numbers of its metrics."""

    goal: Goal
    entries: tuple[Entry, ...]
    metrics: tuple[MetricProgress, ...]
    as_of: dt.date

    @property
    def state(self) -> str:
        """One of GOAL_STATES: on-track, behind, active, upcoming, achieved, paused, dropped."""
        if self.goal.status != "active":
            return self.goal.status
        if self.as_of < self.goal.started:
            return "upcoming"
        verdicts = [m.on_track for m in self.metrics if m.on_track is not None]
        if not verdicts:
            return "active"
        return "on-track" if all(verdicts) else "behind"


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


def frozen_on(goal: Goal, entries: Iterable[Entry]) -> dt.date | None:
    """The day an achieved goal (its achieved date) or a dropped one (its last entry) stops counting."""
    if goal.status == "achieved":
        return goal.achieved
    if goal.status == "dropped":
        return max(
            (e.day for e in entries if goal.id in e.goals and e.day >= goal.started), default=goal.started
        )
    return None


def goal_progress(
    goal: Goal,
    entries: Iterable[Entry],
    as_of: dt.date,
    week_start: int = 0,
    count_private: bool = True,
) -> GoalProgress:
    """The numbers of every metric of `goal` from the entries that link it, as of a day."""
    entries = tuple(entries)
    end = min(d for d in (as_of, frozen_on(goal, entries)) if d is not None)
    end = max(end, goal.started - dt.timedelta(days=1))
    counted = tuple(
        e
        for e in entries
        if goal.id in e.goals and goal.started <= e.day <= end and (count_private or not e.private)
    )
    metrics = tuple(_metric_progress(goal, m, counted, end, week_start, count_private) for m in goal.metrics)
    return GoalProgress(goal, counted, metrics, end)


def _metric_progress(
    goal: Goal,
    metric: Metric,
    entries: tuple[Entry, ...],
    end: dt.date,
    week_start: int,
    count_private: bool,
) -> MetricProgress:
    """The numbers of one metric."""
    elapsed_days = max(0, (end - goal.started).days + 1)
    if metric.ratio is not None:
        ratio = metric.ratio

        def sums(chosen: Iterable[Entry]) -> tuple[float, float]:
            chosen = tuple(chosen)
            part = sum(e.metrics.get(i, 0.0) for e in chosen for i in ratio.part)
            return part, sum(e.metrics.get(i, 0.0) for e in chosen for i in ratio.whole)

        part, whole = sums(entries)
        recent_part, recent_whole = sums(e for e in entries if (end - e.day).days < RECENT_DAYS)
        return MetricProgress(
            metric,
            part / whole if whole else 0.0,
            end,
            elapsed_days,
            part=part,
            whole=whole,
            recent_part=recent_part,
            recent_whole=recent_whole,
        )
    daily = _daily(metric, entries, count_private)
    value = sum(daily.values())
    if metric.per:
        periods = _periods(goal, metric, entries, daily, end, week_start)
        return MetricProgress(metric, value, end, elapsed_days, daily, periods=periods)
    reached_on = _reached_on(daily, metric.target)
    return MetricProgress(
        metric,
        value,
        end,
        elapsed_days,
        daily,
        pace=_pace(goal, metric, value, end),
        reached_on=reached_on,
        projected=reached_on or _projection(metric, value, elapsed_days, end),
        due=goal.due,
    )


def _daily(metric: Metric, entries: tuple[Entry, ...], count_private: bool) -> dict[dt.date, float]:
    """The metric's amount on each day that has entries (at most 1 a day for daily entry counts)."""
    daily: dict[dt.date, float] = {}
    for entry in entries:
        amount = entry_amount(metric, entry, count_private)
        if metric.count == "entries" and metric.per == "day":
            daily[entry.day] = max(daily.get(entry.day, 0.0), min(amount, 1.0))
        else:
            daily[entry.day] = daily.get(entry.day, 0.0) + amount
    return dict(sorted(daily.items()))


def _reached_on(daily: dict[dt.date, float], target: float | None) -> dt.date | None:
    """The first day the running total reached the target."""
    if target is None:
        return None
    total = 0.0
    for day, amount in daily.items():
        total += amount
        if total >= target - 1e-9:
            return day
    return None


def _pace(goal: Goal, metric: Metric, value: float, end: dt.date) -> Pace | None:
    """Where the metric stands against the straight line from `started` to `due` at the end of `end`."""
    if metric.target is None or goal.due is None:
        return None
    total_days = (goal.due - goal.started).days + 1
    per_day = metric.target / total_days
    elapsed = min(max((end - goal.started).days + 1, 0), total_days)
    expected = per_day * elapsed
    difference = value - expected
    if difference >= 0:
        days = math.floor(difference / per_day + 1e-9)
    else:
        days = -math.ceil(-difference / per_day - 1e-9)
    remaining_days = (goal.due - end).days + 1
    needed = None
    if value < metric.target and remaining_days > 0:
        needed = (metric.target - value) / remaining_days
    return Pace(expected, difference, days, needed)


def _projection(metric: Metric, value: float, elapsed_days: int, end: dt.date) -> dt.date | None:
    """When the target would be reached at the average rate so far."""
    if metric.target is None or value <= 0 or elapsed_days <= 0:
        return None
    rate = value / elapsed_days
    return end + dt.timedelta(days=math.ceil((metric.target - value) / rate - 1e-9))


def _periods(
    goal: Goal,
    metric: Metric,
    entries: tuple[Entry, ...],
    daily: dict[dt.date, float],
    end: dt.date,
    week_start: int,
) -> tuple[Period, ...]:
    """Every period of a rate metric from the goal's start to `end` (and `due`), with its state."""
    per = metric.per or "day"
    target = metric.target or 0.0
    last = min(end, goal.due) if goal.due else end
    still_going = goal.status in ("active", "paused") and last == end
    rest_days = {e.day for e in entries if e.rest}
    totals: dict[dt.date, float] = {}
    for day, amount in daily.items():
        key = period_start(day, per, week_start)
        totals[key] = totals.get(key, 0.0) + amount
    periods = []
    start = period_start(goal.started, per, week_start)
    while start <= last:
        following = next_period(start, per)
        value = totals.get(start, 0.0)
        if value >= target:
            state = "met"
        elif per == "day" and (start.weekday() in goal.rest_days or start in rest_days):
            state = "rest"
        elif still_going and following > end:
            state = "running"
        else:
            state = "missed"
        periods.append(Period(start, value, state))
        start = following
    return tuple(periods)
