"""`goals remind`: what is at risk as of today, from the same numbers as the site.

Three risks, for the active public goals (private goals are never listed: the list is made to be
posted, e.g. in a GitHub issue):

- streak: a daily metric whose current streak breaks unless today's target is met today;
- period: a day, week or month whose target is not met yet and that ends within `remind_safe_days`
  days (a day always does: it ends today);
- pace: a total with a due date, not reached yet, that is safe for `remind_safe_days` days of pace
  or fewer (or already behind)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..core.days import next_period
from ..core.model import Goal
from ..core.progress import GoalProgress, MetricProgress
from ..pages.recipe import prepare
from ..pages.words import day_text, long_date, number
from .errors import CommandError
from .project import load_project

RISKS = ("streak", "period", "pace")  # the `risk` of an item, soonest first among items of a day
DEFAULT_SAFE_DAYS = 2  # the plugin option remind_safe_days
_NOW = {"day": "today", "week": "this week", "month": "this month"}
# `goals remind` speaks English, as the command's other messages do (goals status follows the journal)
_PERIODS = {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months")}


def plural(count: int, one: str, many: str) -> str:
    """The English word for `count` things."""
    return one if count == 1 else many


@dataclass(frozen=True)
class Risk:
    """One thing at risk: a metric of a goal, what is needed and the day it breaks."""

    goal: Goal
    position: int  # the metric's place in the goal
    metric: str
    label: str
    risk: str  # one of RISKS
    per: str | None
    value: float  # so far in the running period (streak, period) or in total (pace)
    target: float
    needed: float  # what to log to take it off the list
    breaks_on: dt.date  # the last day to log it: it breaks at the end of this day (pace: or already did)
    days_left: int  # days from today to breaks_on: 0 is today, below 0 already behind
    streak: int | None  # the current streak that breaks with it (rates)
    safe_days: int | None  # the site's "safe for N days" (pace)
    text: str  # the item in the site's words

    def document(self) -> dict[str, Any]:
        """The item as `goals remind --json` prints it."""
        return {
            "goal": self.goal.id,
            "goal_title": self.goal.title,
            "metric": self.metric,
            "label": self.label,
            "risk": self.risk,
            "per": self.per,
            "value": _round(self.value),
            "target": _round(self.target),
            "needed": _round(self.needed),
            "breaks_on": self.breaks_on.isoformat(),
            "days_left": self.days_left,
            "streak": self.streak,
            "safe_days": self.safe_days,
            "text": self.text,
        }


def run_remind(args: argparse.Namespace) -> int:
    """Print what is at risk (or the --json list); exit 0 either way, it is a report."""
    project = load_project(args.config)
    settings = project.settings()
    if args.today is not None:
        settings = replace(settings, today=args.today)
    safe_days = getattr(project.plugin_options, "remind_safe_days", DEFAULT_SAFE_DAYS)
    if isinstance(safe_days, bool) or not isinstance(safe_days, int) or safe_days < 0:
        raise CommandError(
            f"{project.file}: remind_safe_days must be a whole number 0 or more, not {safe_days!r}"
        )
    prepared = prepare(settings)
    if prepared.site is None:
        errors = len(prepared.errors)
        raise CommandError(
            f"{errors} error{'s' if errors != 1 else ''} in the journal, so nothing can be counted: "
            "run 'goals check' to see them"
        )
    found = at_risk(prepared.site.progress.values(), settings.today, safe_days)
    if args.json:
        print(json.dumps([item.document() for item in found], indent=2, ensure_ascii=False))
        return 0
    name, when = project.config.site_name, long_date(settings.today)
    if not found:
        print(f"{name}: nothing at risk as of {when}")
        return 0
    print(f"{name}: {len(found)} at risk as of {when}")
    for item in found:
        print(f"  {item.text}")
    return 0


def at_risk(goals: Iterable[GoalProgress], today: dt.date, safe_days: int) -> list[Risk]:
    """Every risk of the active goals as of `today`, the soonest first."""
    found: list[Risk] = []
    for progress in goals:
        goal = progress.goal
        if goal.status != "active" or today < goal.started:
            continue
        for position, metric in enumerate(progress.metrics):
            shape = metric.metric.shape
            risk = (
                _rate_risk(goal, position, metric, today, safe_days)
                if shape == "rate"
                else _pace_risk(goal, position, metric, today, safe_days)
                if shape == "total"
                else None
            )
            if risk is not None:
                found.append(risk)
    return sorted(found, key=lambda r: (r.breaks_on, RISKS.index(r.risk), r.goal.id, r.position))


def _rate_risk(
    goal: Goal, position: int, progress: MetricProgress, today: dt.date, safe_days: int
) -> Risk | None:
    """A running day, week or month that is not met yet and ends soon."""
    current, metric = progress.current, progress.metric
    if current is None or metric.per is None:
        return None
    last = next_period(current.start, metric.per) - dt.timedelta(days=1)
    if goal.due is not None:
        last = min(last, goal.due)
    days_left = (last - today).days
    if days_left > safe_days:
        return None
    target = metric.target or 0.0
    needed = target - current.value
    streak = progress.current_streak
    risk = "streak" if metric.per == "day" and streak else "period"
    one, many = _PERIODS[metric.per]
    text = (
        f"{goal.title}: {metric.label}: {_NOW[metric.per]} {number(current.value)} of {number(target)}; "
        f"log {number(needed)} more {'today' if days_left == 0 else f'by {day_text(last)}'}"
    )
    if streak:
        text += f" or the streak of {streak} {plural(streak, one, many)} breaks"
    return Risk(
        goal, position, metric.id, metric.label, risk, metric.per, current.value, target, needed,
        last, days_left, streak, None, text,
    )  # fmt: skip


def _pace_risk(
    goal: Goal, position: int, progress: MetricProgress, today: dt.date, safe_days: int
) -> Risk | None:
    """A total that falls behind its pace line within `safe_days` days, or already has."""
    metric, pace, due = progress.metric, progress.pace, goal.due
    if pace is None or metric.target is None or due is None or progress.reached_on is not None or today > due:
        return None
    if pace.days > safe_days:
        return None
    total_days = (due - goal.started).days + 1
    per_day = metric.target / total_days
    elapsed = min(max((today - goal.started).days + 1, 0), total_days)
    line = min(metric.target, per_day * (elapsed + safe_days + 1))  # the pace line safe_days + 1 days on
    needed = float(max(1, math.ceil(line - progress.value - 1e-9)))
    breaks_on = today + dt.timedelta(days=pace.days + 1)
    gap = number(round(abs(pace.difference), 1))
    where = f"{number(progress.value)} of {number(metric.target)}, {gap} "
    where += "ahead of pace" if pace.difference >= 0 else "behind pace"
    days = abs(pace.days)
    if pace.days >= 0:
        safety = f"safe for {days} {plural(days, 'day', 'days')}, behind pace from {day_text(breaks_on)}"
    else:
        safety = f"{days} {plural(days, 'day', 'days')} of pace behind"
    reach = line >= metric.target - 1e-9
    ahead = safe_days + 1
    aim = "to reach the target" if reach else f"to be safe for {ahead} {plural(ahead, 'day', 'days')}"
    text = f"{goal.title}: {metric.label}: {where}; {safety}; log {number(needed)} more {aim}"
    return Risk(
        goal, position, metric.id, metric.label, "pace", None, progress.value, metric.target, needed,
        breaks_on, pace.days + 1, None, pace.days, text,
    )  # fmt: skip


def _round(value: float) -> float | int:
    """A number for JSON: whole numbers without a fraction, others to 4 decimals (as the open data)."""
    return int(value) if float(value).is_integer() else round(value, 4)
