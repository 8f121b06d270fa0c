"""How numbers, dates and metric progress are put into words, the same on every page and card."""

from __future__ import annotations

import datetime as dt
import math

from .progress import MetricProgress

PERIOD_WORDS = {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months")}


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


def long_date(day: dt.date) -> str:
    """Saturday 3 October 2026."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """3 Oct 2026."""
    return f"{day.day} {day:%b %Y}"


def metric_text(progress: MetricProgress) -> dict[str, str]:
    """The value, target, a one-line detail (cards) and a longer line (goal pages) for a metric."""
    shape = progress.metric.shape
    return {"ratio": _ratio_text, "rate": _rate_text, "total": _total_text}[shape](progress)


def _ratio_text(progress: MetricProgress) -> dict[str, str]:
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
    return {"value": value, "target": target, "detail": detail, "more": more}


def _rate_text(progress: MetricProgress) -> dict[str, str]:
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
    more = f"Current streak {progress.current_streak} {_plural(progress.current_streak, one, many)}, "
    more += f"longest {progress.longest_streak}."
    return {"value": f"{progress.met}/{progress.elapsed}", "target": target, "detail": detail, "more": more}


def _total_text(progress: MetricProgress) -> dict[str, str]:
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
        gap = number(round(abs(pace.difference), 1))
        detail += f" · {gap} {'ahead of' if pace.difference >= 0 else 'behind'} pace"
    else:
        detail += f" · {rate_words(progress.per_day)}"
    more = []
    if pace is not None and progress.reached_on is None:
        days = abs(pace.days)
        if pace.days >= 0:
            more.append(
                f"Safe for {days} {_plural(days, 'day', 'days')}: the pace line passes {number(progress.value)} after that."
            )
        else:
            more.append(f"{days} {_plural(days, 'day', 'days')} of pace behind.")
        if pace.needed_per_day is not None:
            more.append(f"Needs {rate_words(pace.needed_per_day)} from now on.")
    if progress.reached_on is None and metric.target is not None:
        if progress.projected is not None:
            more.append(
                f"At the rate so far ({rate_words(progress.per_day)}): {short_date(progress.projected)}."
            )
        else:
            more.append("No projection yet: nothing counted so far.")
    return {"value": number(progress.value), "target": target, "detail": detail, "more": " ".join(more)}


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


def _plural(count: int, one: str, many: str) -> str:
    """The word for `count` things."""
    return one if count == 1 else many
