"""A metric's progress in words: value, target, a detail line for cards and a longer line for goal pages."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ...core.progress import GoalProgress, MetricProgress
from . import METRIC_STATE_WORDS, PERIOD_WORDS, number, percent, period_text, plural, short_date


@dataclass(frozen=True)
class MetricWords:
    """A metric in words: its value, its target, a one-line detail (cards) and a longer line (goal pages)."""

    value: str
    target: str
    detail: str
    more: str


def metric_text(progress: MetricProgress) -> MetricWords:
    """The words of one metric's progress."""
    shape = progress.metric.shape
    return {"ratio": _ratio_text, "rate": _rate_text, "total": _total_text}[shape](progress)


def metric_words(progress: MetricProgress) -> str:
    """A metric in one phrase of the site's words: People helped 55 of 150, 19 ahead of pace."""
    text = metric_text(progress)
    label = progress.metric.label
    shape = progress.metric.shape
    if shape == "total":
        rest = text.detail.split(" · ")[1:]
        head = f"{text.value} of {text.target}" if text.target else f"{text.value} so far"
        return ", ".join([f"{label} {head}", *rest])
    if shape == "rate":
        return f"{label}: {text.detail.replace(' · ', ', ')}"
    target = f", target {text.target}" if text.target else ""
    return f"{label} {text.value} ({text.detail.replace(' · ', ', ')}){target}"


def _ratio_text(progress: MetricProgress) -> MetricWords:
    """Ratio: overall, last four weeks, target."""
    metric = progress.metric
    value = f"{percent(progress.value, clamp=False)}%" if progress.whole else "–"
    target = f"{percent(metric.target, clamp=False)}%" if metric.target is not None else ""
    detail = f"{number(progress.part)} of {number(progress.whole)}"
    if progress.recent is not None:
        detail += f" · last 4 weeks {percent(progress.recent, clamp=False)}%"
    more = ""
    if progress.on_track is not None:
        more = "At or above the target." if progress.on_track else "Below the target."
    return MetricWords(value, target, detail, more)


def _rate_text(progress: MetricProgress) -> MetricWords:
    """Rate: periods met, streaks, the running period."""
    metric = progress.metric
    one, many = PERIOD_WORDS[metric.per or "day"]
    target = f"{number(metric.target or 0)} per {one}"
    detail = f"{progress.met} of {progress.elapsed} {one if progress.elapsed == 1 else many} met"
    if progress.current_streak:
        detail += f" · streak {progress.current_streak} (best {progress.longest_streak})"
    elif progress.longest_streak:
        detail += f" · best streak {progress.longest_streak}"
    if progress.current is not None:
        now = "today" if one == "day" else f"this {one}"
        detail += f" · {now} {number(progress.current.value)} of {number(metric.target or 0)}"
    more = f"Current streak {progress.current_streak} {plural(progress.current_streak, one, many)}, "
    more += f"longest {progress.longest_streak}."
    return MetricWords(f"{progress.met}/{progress.elapsed}", target, detail, more)


def _total_text(progress: MetricProgress) -> MetricWords:
    """Total: percent, pace, safe days, needed rate, projection."""
    metric, pace = progress.metric, progress.pace
    target = number(metric.target) if metric.target is not None else ""
    detail = (
        f"{percent(progress.fraction, clamp=False)}% of {target}"
        if target
        else f"{number(progress.value)} so far"
    )
    if progress.reached_on is not None:
        detail += f" · reached {short_date(progress.reached_on)}" + (
            ", after the due date" if progress.late else ""
        )
    elif pace is not None:
        detail += f" · {pace_words(progress)}"
    else:
        detail += f" · {rate_words(progress.per_day)}"
    more = []
    if pace is not None and progress.reached_on is None:
        days = abs(pace.days)
        if pace.days >= 0:
            more.append(
                f"Safe for {days} {plural(days, 'day', 'days')}: the pace line passes {number(progress.value)} after that."
            )
        else:
            more.append(f"{days} {plural(days, 'day', 'days')} of pace behind.")
        if pace.needed_per_day is not None:
            more.append(f"Needs {rate_words(pace.needed_per_day)} from now on.")
    if progress.reached_on is None and metric.target is not None:
        if progress.projected is not None:
            more.append(
                f"At the rate so far ({rate_words(progress.per_day)}): {short_date(progress.projected)}."
            )
        else:
            more.append("No projection yet: nothing counted so far.")
    return MetricWords(number(progress.value), target, detail, " ".join(more))


def approx(value: float) -> str:
    """A rate rounded for reading: two significant digits below 10, whole numbers above."""
    if value >= 10:
        return number(round(value))
    if value <= 0:
        return "0"
    digits = max(0, 1 - math.floor(math.log10(value)))
    return f"{round(value, digits):g}"


def rate_words(per_day: float) -> str:
    """2.5 a day, 1.4 a week, or one every 12 days."""
    if per_day >= 1:
        return f"{approx(per_day)} a day"
    if per_day * 7 >= 1:
        return f"{approx(per_day * 7)} a week"
    if per_day <= 0:
        return "nothing yet"
    return f"one every {round(1 / per_day)} days"


def whole(progress: MetricProgress) -> bool:
    """Whether a metric counts in whole numbers (people, days): then its numbers are shown whole."""
    amounts = [*progress.daily.values(), progress.target or 0.0]
    return all(float(amount).is_integer() for amount in amounts)


def amount(progress: MetricProgress, value: float) -> str:
    """A number of the metric's own kind: whole for counts, one decimal where the metric has them."""
    return number(round(value)) if whole(progress) else number(round(value, 1))


def pace_words(progress: MetricProgress) -> str:
    """19 ahead of pace, 3 behind pace, on pace (less than one either way)."""
    difference = progress.pace.difference if progress.pace else 0.0
    gap = amount(progress, abs(difference))
    if gap == "0":
        return "on pace"
    return f"{gap} {'ahead of' if difference >= 0 else 'behind'} pace"


def pace_mark(progress: MetricProgress) -> str:
    """The words of a bar's pace tick: where the pace line is today."""
    expected = progress.pace.expected if progress.pace else 0.0
    return f"pace today: {amount(progress, expected)}"


def state_word(progress: MetricProgress) -> str:
    """on track, behind, met or resting: one metric against its yardstick ("" without one)."""
    return METRIC_STATE_WORDS[progress.state] if progress.state else ""


def status_reason(goal: GoalProgress) -> str:
    """Why a goal is behind, in words: "Behind on Check-ins: 2 of 5 last week." ("" otherwise)."""
    behind = [m for m in goal.metrics if m.state == "behind"]
    if goal.state != "behind" or not behind:
        return ""
    return "Behind on " + "; ".join(f"{m.metric.label}: {behind_fact(m)}" for m in behind) + "."


def behind_fact(progress: MetricProgress) -> str:
    """What makes one metric behind: 12 behind pace; 2 of 5 last week; 70%, target 75%."""
    if progress.metric.shape == "ratio":
        return f"{percent(progress.value, clamp=False)}%, target {percent(progress.target, clamp=False)}%"
    if progress.metric.shape == "total":
        return pace_words(progress)
    one = PERIOD_WORDS[progress.metric.per or "day"][0]
    judged = [i for i, p in enumerate(progress.periods) if p.state in ("met", "missed")]
    index = judged[-1]
    period = progress.periods[index]
    latest = index == len(progress.periods) - 2 and progress.periods[-1].state in ("running", "rest")
    when = ("yesterday" if one == "day" else f"last {one}") if latest else _in_period(period.start, one)
    return f"{number(period.value)} of {number(progress.metric.target or 0)} {when}"


def _in_period(start: dt.date, per: str) -> str:
    """on Tue 3 Nov 2026, in the week of 2 Nov 2026, in October 2026."""
    text = period_text(start, per)
    return (
        f"on {text}"
        if per == "day"
        else f"in the {text[0].lower()}{text[1:]}"
        if per == "week"
        else f"in {text}"
    )
