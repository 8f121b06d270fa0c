"""A metric's progress in words: value, target, a detail line for cards and a longer line for goal pages."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ...core.progress import GoalProgress, MetricProgress
from . import METRIC_STATE_WORDS, day_text, month_year, number, share, short_date
from .language import _, n_, p_

SEPARATOR = " · "  # between the parts of a detail line: "36% of 150 · 19 ahead of pace"


@dataclass(frozen=True)
class MetricWords:
    """A metric in words: its value, its target, a one-line detail (cards) and a longer line (goal pages)."""

    value: str
    target: str
    parts: tuple[str, ...]  # the detail line's parts: the headline first
    more: str

    @property
    def detail(self) -> str:
        """The parts in one line."""
        return SEPARATOR.join(self.parts)


def metric_text(progress: MetricProgress) -> MetricWords:
    """The words of one metric's progress."""
    shape = progress.metric.shape
    return {"ratio": _ratio_text, "rate": _rate_text, "total": _total_text}[shape](progress)


def metric_words(progress: MetricProgress) -> str:
    """A metric in one phrase of the site's words: People helped 55 of 150, 19 ahead of pace."""
    text = metric_text(progress)
    label, shape, comma = progress.metric.label, progress.metric.shape, p_("list separator", ", ")
    if shape == "total":
        head = (
            _("%(label)s %(value)s of %(target)s", label=label, value=text.value, target=text.target)
            if text.target
            else _("%(label)s %(value)s so far", label=label, value=text.value)
        )
        return comma.join([head, *text.parts[1:]])
    if shape == "rate":
        return _("%(label)s: %(detail)s", label=label, detail=comma.join(text.parts))
    said = _("%(label)s %(value)s (%(detail)s)", label=label, value=text.value, detail=comma.join(text.parts))
    return said + (_(", target %(target)s", target=text.target) if text.target else "")


def _ratio_text(progress: MetricProgress) -> MetricWords:
    """Ratio: overall, last four weeks, target."""
    metric = progress.metric
    value = share(progress.value) if progress.whole else "–"
    target = share(metric.target) if metric.target is not None else ""
    parts = [_("%(part)s of %(whole)s", part=number(progress.part), whole=number(progress.whole))]
    if progress.recent is not None:
        parts.append(_("last 4 weeks %(share)s", share=share(progress.recent)))
    more = ""
    if progress.on_track is not None:
        more = _("At or above the target.") if progress.on_track else _("Below the target.")
    return MetricWords(value, target, tuple(parts), more)


def per_period(target: str, per: str) -> str:
    """3 per week."""
    if per == "day":
        return _("%(target)s per day", target=target)
    if per == "week":
        return _("%(target)s per week", target=target)
    return _("%(target)s per month", target=target)


def periods_met(met: int, elapsed: int, per: str) -> str:
    """5 of 8 weeks met."""
    done = number(met)
    if per == "day":
        return n_("%(met)s of %(count)s day met", "%(met)s of %(count)s days met", elapsed, met=done)
    if per == "week":
        return n_("%(met)s of %(count)s week met", "%(met)s of %(count)s weeks met", elapsed, met=done)
    return n_("%(met)s of %(count)s month met", "%(met)s of %(count)s months met", elapsed, met=done)


def running_period(value: str, target: str, per: str) -> str:
    """today 2 of 3, this week 2 of 3, this month 2 of 3."""
    if per == "day":
        return _("today %(value)s of %(target)s", value=value, target=target)
    if per == "week":
        return _("this week %(value)s of %(target)s", value=value, target=target)
    return _("this month %(value)s of %(target)s", value=value, target=target)


def streaks(current: int, longest: int, per: str) -> str:
    """Current streak 3 weeks, longest 5."""
    best = number(longest)
    if per == "day":
        return n_(
            "Current streak %(count)s day, longest %(longest)s.",
            "Current streak %(count)s days, longest %(longest)s.",
            current,
            longest=best,
        )
    if per == "week":
        return n_(
            "Current streak %(count)s week, longest %(longest)s.",
            "Current streak %(count)s weeks, longest %(longest)s.",
            current,
            longest=best,
        )
    return n_(
        "Current streak %(count)s month, longest %(longest)s.",
        "Current streak %(count)s months, longest %(longest)s.",
        current,
        longest=best,
    )


def _rate_text(progress: MetricProgress) -> MetricWords:
    """Rate: periods met, streaks, the running period."""
    metric = progress.metric
    per, target = metric.per or "day", number(metric.target or 0)
    parts = [periods_met(progress.met, progress.elapsed, per)]
    if progress.current_streak:
        parts.append(
            _(
                "streak %(current)s (best %(longest)s)",
                current=number(progress.current_streak),
                longest=number(progress.longest_streak),
            )
        )
    elif progress.longest_streak:
        parts.append(_("best streak %(longest)s", longest=number(progress.longest_streak)))
    if progress.current is not None:
        parts.append(running_period(number(progress.current.value), target, per))
    more = streaks(progress.current_streak, progress.longest_streak, per)
    value = f"{number(progress.met)}/{number(progress.elapsed)}"
    return MetricWords(value, per_period(target, per), tuple(parts), more)


def _total_text(progress: MetricProgress) -> MetricWords:
    """Total: percent, pace, safe days, needed rate, projection."""
    metric, pace = progress.metric, progress.pace
    target = number(metric.target) if metric.target is not None else ""
    parts = [
        _("%(share)s of %(target)s", share=share(progress.fraction), target=target)
        if target
        else _("%(value)s so far", value=number(progress.value))
    ]
    if progress.reached_on is not None:
        reached = short_date(progress.reached_on)
        parts.append(
            _("reached %(date)s, after the due date", date=reached)
            if progress.late
            else _("reached %(date)s", date=reached)
        )
    elif pace is not None:
        parts.append(pace_words(progress))
    else:
        parts.append(rate_words(progress.per_day))
    return MetricWords(number(progress.value), target, tuple(parts), " ".join(_total_more(progress)))


def _total_more(progress: MetricProgress) -> list[str]:
    """The goal page's longer words of a total: safe days, the rate needed, the projection."""
    metric, pace, more = progress.metric, progress.pace, []
    if pace is not None and progress.reached_on is None:
        days = abs(pace.days)
        if pace.days >= 0:
            more.append(
                n_(
                    "Safe for %(count)s day: the pace line passes %(value)s after that.",
                    "Safe for %(count)s days: the pace line passes %(value)s after that.",
                    days,
                    value=number(progress.value),
                )
            )
        else:
            more.append(n_("%(count)s day of pace behind.", "%(count)s days of pace behind.", days))
        if pace.needed_per_day is not None:
            more.append(_("Needs %(rate)s from now on.", rate=rate_words(pace.needed_per_day)))
    if progress.reached_on is None and metric.target is not None:
        if progress.projected is not None:
            more.append(
                _(
                    "At the rate so far (%(rate)s): %(date)s.",
                    rate=rate_words(progress.per_day),
                    date=short_date(progress.projected),
                )
            )
        else:
            more.append(_("No projection yet: nothing counted so far."))
    return more


def approx(value: float) -> str:
    """A rate rounded for reading: two significant digits below 10, whole numbers above."""
    if value >= 10:
        return number(round(value))
    if value <= 0:
        return number(0)
    digits = max(0, 1 - math.floor(math.log10(value)))
    return number(round(value, digits), digits)


def rate_words(per_day: float) -> str:
    """2.5 a day, 1.4 a week, or one every 12 days."""
    if per_day >= 1:
        return _("%(amount)s a day", amount=approx(per_day))
    if per_day * 7 >= 1:
        return _("%(amount)s a week", amount=approx(per_day * 7))
    if per_day <= 0:
        return _("nothing yet")
    every = round(1 / per_day)
    return n_("one every %(count)s day", "one every %(count)s days", every)


def whole(progress: MetricProgress) -> bool:
    """Whether a metric counts in whole numbers (people, days): then its numbers are shown whole."""
    amounts = [*progress.daily.values(), progress.target or 0.0]
    return all(float(amount).is_integer() for amount in amounts)


def rounded(progress: MetricProgress, value: float) -> float:
    """A value rounded as the metric counts: whole for counts, one decimal where the metric has them."""
    return round(value) if whole(progress) else round(value, 1)


def amount(progress: MetricProgress, value: float) -> str:
    """A number of the metric's own kind, written: 24 people, 12.5 hours."""
    return number(rounded(progress, value))


def pace_words(progress: MetricProgress) -> str:
    """19 ahead of pace, 3 behind pace, on pace (less than one either way)."""
    difference = progress.pace.difference if progress.pace else 0.0
    if rounded(progress, abs(difference)) == 0:
        return _("on pace")
    gap = amount(progress, abs(difference))
    return _("%(gap)s ahead of pace", gap=gap) if difference >= 0 else _("%(gap)s behind pace", gap=gap)


def pace_mark(progress: MetricProgress) -> str:
    """The words of a bar's pace tick: where the pace line is today."""
    expected = progress.pace.expected if progress.pace else 0.0
    return _("pace today: %(value)s", value=amount(progress, expected))


def state_word(progress: MetricProgress) -> str:
    """on track, behind, met or resting: one metric against its yardstick ("" without one)."""
    return METRIC_STATE_WORDS[progress.state]() if progress.state else ""


def status_reason(goal: GoalProgress) -> str:
    """Why a goal is behind, in words: "Behind on Check-ins: 2 of 5 last week." ("" otherwise)."""
    behind = [m for m in goal.metrics if m.state == "behind"]
    if goal.state != "behind" or not behind:
        return ""
    facts = p_("between the behind metrics", "; ").join(
        _("%(label)s: %(fact)s", label=m.metric.label, fact=behind_fact(m)) for m in behind
    )
    return _("Behind on %(metrics)s.", metrics=facts)


def behind_fact(progress: MetricProgress) -> str:
    """What makes one metric behind: 12 behind pace; 2 of 5 last week; 70%, target 75%."""
    if progress.metric.shape == "ratio":
        return _("%(share)s, target %(target)s", share=share(progress.value), target=share(progress.target))
    if progress.metric.shape == "total":
        return pace_words(progress)
    per = progress.metric.per or "day"
    judged = [i for i, p in enumerate(progress.periods) if p.state in ("met", "missed")]
    index = judged[-1]
    period = progress.periods[index]
    latest = index == len(progress.periods) - 2 and progress.periods[-1].state in ("running", "rest")
    when = _last_period(per) if latest else _in_period(period.start, per)
    return _(
        "%(value)s of %(target)s %(when)s",
        value=number(period.value),
        target=number(progress.metric.target or 0),
        when=when,
    )


def _last_period(per: str) -> str:
    """yesterday, last week, last month."""
    if per == "day":
        return _("yesterday")
    return _("last week") if per == "week" else _("last month")


def _in_period(start: dt.date, per: str) -> str:
    """on Tue 3 Nov 2026, in the week of 2 Nov 2026, in October 2026."""
    if per == "day":
        return _("on %(day)s", day=day_text(start))
    if per == "week":
        return _("in the week of %(date)s", date=short_date(start))
    return _("in %(month)s", month=month_year(start))
