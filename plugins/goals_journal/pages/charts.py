"""Server-rendered inline SVG pictures of progress: cumulative charts, a year heatmap, period strips."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..core.days import first_of_next_month
from ..core.progress import GoalProgress, MetricProgress
from . import words
from .words import number
from .words import pictures as say

# entry_link(day) -> (href, label) of the published entry of that day, or None (no entry, or private only)
EntryLink = Callable[[dt.date], tuple[str, str] | None]

STRIP_LIMIT = 53  # periods a strip shows
SPARK_SIZE = (120, 28)  # a goal card's small picture


def _svg(
    ident: str,
    width: int,
    height: int,
    title: str,
    desc: str,
    body: list[str],
    css: str,
    stretch: bool = False,
) -> str:
    """An accessible inline SVG element."""
    aspect = ' preserveAspectRatio="none"' if stretch else ""
    role = "group" if any("<a " in part for part in body) else "img"  # links inside stay reachable
    return (
        f'<svg class="gj-chart {css}" viewBox="0 0 {width} {height}" width="{width}" height="{height}"{aspect} '
        f'role="{role}" aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="sans-serif" font-size="11">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that splits `span` into about `ticks` parts."""
    raw = max(span, 1e-9) / ticks
    power: float = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _month_ticks(first: dt.date, last: dt.date, most: int = 8) -> list[dt.date]:
    """First days of months between two days, thinned to at most `most`."""
    ticks = []
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            ticks.append(day)
        day = first_of_next_month(day)
    step = max(1, math.ceil(len(ticks) / most))
    return ticks[::step]


@dataclass(frozen=True)
class Frame:
    """The plot area of a running-total chart: from the goal's start over `span` days, 0 to `top_value`."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    started: dt.date
    span: int
    top_value: float

    def x(self, day: dt.date, end_of_day: bool = True) -> float:
        """Where a day ends (or starts) across the plot."""
        plot_w = self.width - self.left - self.right
        return self.left + plot_w * ((day - self.started).days + (1 if end_of_day else 0)) / self.span

    def y(self, value: float) -> float:
        """Where a value is up the plot."""
        plot_h = self.height - self.top - self.bottom
        return self.top + plot_h * (1 - value / self.top_value)


def cumulative_chart(ident: str, goal: GoalProgress, metric: MetricProgress, link: EntryLink) -> str:
    """Actual running total against the pace line, the target and today, one linked point per day."""
    started = goal.goal.started
    last = max(d for d in (goal.goal.due, metric.as_of, metric.reached_on, started) if d is not None)
    top_value = max(metric.target or 0.0, metric.value, 1.0) * 1.08
    step = _nice_step(top_value)
    frame = Frame(
        640, 240, 48, 16, 14, 26, started, (last - started).days + 1, math.ceil(top_value / step) * step
    )
    body = _value_grid(frame, step) + _month_axis(frame, last)
    if metric.target is not None:
        body += _target_and_pace(frame, metric.target, goal.goal.due)
    today = frame.x(metric.as_of)
    still_running = metric.as_of == goal.as_of and goal.goal.status == "active"
    body.append(
        f'<line class="gj-today" x1="{today:.1f}" x2="{today:.1f}" y1="{frame.top}" y2="{frame.height - frame.bottom}" stroke="#777"/>'
        f'<text class="gj-axis" x="{today + 3:.1f}" y="{frame.top + 9}" fill="#777">{say.now_label(still_running)}</text>'
    )
    body += _running_total(frame, metric, today, link)
    title, desc = say.cumulative_title(metric.metric.label), say.cumulative_description(metric)
    return _svg(ident, frame.width, frame.height, title, desc, body, "gj-cumulative")


def _value_grid(frame: Frame, step: float) -> list[str]:
    """Horizontal grid lines with their values."""
    body, tick = [], 0.0
    while tick <= frame.top_value + 1e-9:
        y = frame.y(tick)
        body.append(
            f'<line class="gj-grid" x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text class="gj-axis" x="{frame.left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#777">{number(tick)}</text>'
        )
        tick += step
    return body


def _month_axis(frame: Frame, last: dt.date) -> list[str]:
    """Month names along the bottom."""
    return [
        f'<text class="gj-axis" x="{frame.x(month, False):.1f}" y="{frame.height - 8}" text-anchor="middle" fill="#777">'
        f"{say.axis_month(month)}</text>"
        for month in _month_ticks(frame.started, last)
    ]


def _target_and_pace(frame: Frame, target: float, due: dt.date | None) -> list[str]:
    """The target line, and the pace line from 0 at the start to the target at the due date."""
    y = frame.y(target)
    body = [
        f'<line class="gj-target" x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" y2="{y:.1f}" '
        f'stroke="#999" stroke-dasharray="2 3"/>'
        f'<text class="gj-axis" x="{frame.width - frame.right}" y="{y - 4:.1f}" text-anchor="end" fill="#777">'
        f"{say.target_label(target)}</text>"
    ]
    if due is not None:
        body.append(
            f'<line class="gj-pace" x1="{frame.left}" y1="{frame.y(0):.1f}" x2="{frame.x(due):.1f}" y2="{y:.1f}" '
            f'stroke="#999" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
    return body


def _running_total(frame: Frame, metric: MetricProgress, today: float, link: EntryLink) -> list[str]:
    """The line of the running total up to today, with a point (linked to its entry) per day."""
    path, total = [f"M{frame.x(frame.started, False):.1f},{frame.y(0):.1f}"], 0.0
    points = []
    for day, amount in metric.daily.items():
        if amount <= 0:
            continue
        path.append(f"H{frame.x(day, False):.1f}")
        total += amount
        path.append(f"V{frame.y(total):.1f}")
        points.append((day, amount, total))
    path.append(f"H{today:.1f}")
    body = [f'<path class="gj-actual" d="{"".join(path)}" fill="none" stroke="#00897b" stroke-width="2"/>']
    for day, amount, running in points:
        target_link = link(day)
        label = say.chart_point(day, amount, running)
        circle = (
            f'<circle class="gj-point" cx="{frame.x(day, False):.1f}" cy="{frame.y(running):.1f}" r="3.5" fill="#00897b">'
            f"<title>{escape(label + (' — ' + target_link[1] if target_link else ''))}</title></circle>"
        )
        body.append(f'<a href="{escape(target_link[0])}">{circle}</a>' if target_link else circle)
    return body


def cumulative_table(metric: MetricProgress, link: EntryLink) -> list[tuple[str, str, str, str]]:
    """Rows behind the cumulative chart: day, entry, amount, running total."""
    rows, total = [], 0.0
    for day, amount in metric.daily.items():
        if amount <= 0:
            continue
        total += amount
        entry = link(day)
        rows.append((day.isoformat(), entry[1] if entry else "", number(amount), number(total)))
    return rows


def activity(goal: GoalProgress) -> dict[dt.date, tuple[int, int]]:
    """Entries and helped items per day among the goal's counted entries (rest entries excluded)."""
    days: dict[dt.date, tuple[int, int]] = {}
    for entry in goal.entries:
        if entry.rest:
            continue
        entries, helped = days.get(entry.day, (0, 0))
        days[entry.day] = (entries + 1, helped + len(entry.helped))
    return days


def heat_level(entries: int, helped: int) -> int:
    """0..4: how much happened on a day (an entry counts 1, each helped item 1 more)."""
    amount = entries + helped
    return 0 if amount == 0 else 1 if amount == 1 else 2 if amount <= 3 else 3 if amount <= 5 else 4


def calendar_window(
    started: dt.date, due: dt.date | None, end: dt.date, week_start: int
) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar: the goal's weeks from its start, at most 53 of them,
    ending with the week of `due` (or a year on), or with the week of `end` once it is later."""
    first = started - dt.timedelta(days=(started.weekday() - week_start) % 7)
    last = min(due or started + dt.timedelta(days=364), first + dt.timedelta(weeks=53, days=-1))
    if end > last:
        last = end
        first = end - dt.timedelta(days=(end.weekday() - week_start) % 7) - dt.timedelta(weeks=52)
    return first, max(last, end)


def heatmap(ident: str, goal: GoalProgress, link: EntryLink, week_start: int = 0) -> str:
    """A GitHub-style calendar of the goal's year, with rest days outlined and days to come faint."""
    cell, gap, left, top = 11, 2, 30, 16
    end = goal.as_of
    first, last = calendar_window(goal.goal.started, goal.goal.due, end, week_start)
    days = activity(goal)
    rest_days = {e.day for e in goal.entries if e.rest}
    body = [
        f'<text class="gj-axis" x="{left - 4}" y="{top + row * (cell + gap) + 9}" text-anchor="end" fill="#777">'
        f"{words.DAY_ABBREVIATIONS[(week_start + row) % 7]}</text>"
        for row in range(0, 7, 2)
    ]
    active_days = rest_count = 0
    weeks = (last - first).days // 7 + 1
    for week in range(weeks):
        monday = first + dt.timedelta(weeks=week)
        if monday.day <= 7:
            body.append(
                f'<text class="gj-axis" x="{left + week * (cell + gap)}" y="{top - 5}" fill="#777">'
                f"{words.month_abbreviation(monday)}</text>"
            )
        for row in range(7):
            day = monday + dt.timedelta(days=row)
            if day > last:
                continue
            cx, cy = left + week * (cell + gap), top + row * (cell + gap)
            if day > end:
                body.append(
                    f'<rect class="gj-future" x="{cx}" y="{cy}" width="{cell}" height="{cell}" rx="2" '
                    f'fill="none" stroke="#e0e0e0"><title>{escape(say.heat_day(day, 0, 0, False, True))}</title></rect>'
                )
                continue
            entries, helped = days.get(day, (0, 0))
            inside = goal.goal.started <= day <= end
            rest = inside and (day.weekday() in goal.goal.rest_days or day in rest_days)
            level = heat_level(entries, helped)
            active_days += bool(level)
            rest_count += bool(rest and not level)
            rect = _heat_cell(cx, cy, cell, level, inside, rest, say.heat_day(day, entries, helped, rest))
            target = link(day) if level else None
            body.append(f'<a href="{escape(target[0])}">{rect}</a>' if target else rect)
    width, height = left + weeks * (cell + gap), top + 7 * (cell + gap) + 4
    desc = say.heatmap_description(max(first, goal.goal.started), end, active_days, rest_count)
    return _svg(ident, width, height, say.heatmap_title(goal.goal.title), desc, body, "gj-heatmap")


def _heat_cell(x: int, y: int, cell: int, level: int, inside: bool, rest: bool, label: str) -> str:
    """One day of the calendar: its shade, a dashed outline on a rest day, and its words."""
    css = "gj-out" if not inside else f"gj-l{level}" + (" gj-rest" if rest and not level else "")
    return (
        f'<rect class="{css}" x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" '
        f'fill="{_HEAT_FILL[level] if inside else "#f5f5f5"}"'
        + (' stroke="#999" stroke-dasharray="2 1"' if rest and not level else "")
        + f"><title>{escape(label)}</title></rect>"
    )


_HEAT_FILL = ("#ebedf0", "#b2dfdb", "#4db6ac", "#00897b", "#00564d")


def period_strip(ident: str, metric: MetricProgress) -> str:
    """One cell per period (the latest 53): met, missed, rest or in progress."""
    periods = metric.periods[-STRIP_LIMIT:]
    cell, gap, top = 11, 2, 4
    body = []
    per = metric.metric.per or "day"
    for index, period in enumerate(periods):
        fill = {"met": "#00897b", "missed": "#e0e0e0", "rest": "none", "running": "none"}[period.state]
        extra = ' stroke="#999" stroke-dasharray="2 1"' if period.state in ("rest", "running") else ""
        label = say.strip_cell(period.start, per, period.value, metric.target or 0, period.state)
        body.append(
            f'<rect class="gj-{period.state}" x="{index * (cell + gap)}" y="{top}" width="{cell}" height="{cell}" '
            f'rx="2" fill="{fill}"{extra}><title>{escape(label)}</title></rect>'
        )
    width = max(1, len(periods)) * (cell + gap)
    desc = say.strip_description(metric)
    return _svg(
        ident, width, cell + 2 * top, say.strip_title(metric.metric.label, per), desc, body, "gj-strip"
    )


def sparkline(ident: str, goal: GoalProgress) -> str:
    """A small line of the first total metric's running total, or bars of the latest rate periods."""
    totals = [m for m in goal.metrics if m.metric.shape == "total" and m.daily]
    if totals:
        return _spark_line(ident, goal, totals[0])
    rates = [m for m in goal.metrics if m.metric.shape == "rate" and m.periods]
    return _spark_bars(ident, rates[0]) if rates else ""


def _spark_line(ident: str, goal: GoalProgress, metric: MetricProgress) -> str:
    """The running total of a metric since the goal started, to scale with the pace line."""
    width, height = SPARK_SIZE
    span = max(1, (goal.as_of - goal.goal.started).days + 1)
    top_value = max(metric.value, metric.pace.expected if metric.pace else 0, 1e-9)
    points, total = [f"0,{height - 1}"], 0.0
    for day, amount in metric.daily.items():
        total += amount
        points.append(
            f"{width * ((day - goal.goal.started).days + 1) / span:.1f},{height - 1 - (height - 2) * total / top_value:.1f}"
        )
    points.append(f"{width},{height - 1 - (height - 2) * total / top_value:.1f}")
    body = [
        f'<polyline class="gj-actual" points="{" ".join(points)}" fill="none" stroke="#00897b" stroke-width="1.5"/>'
    ]
    return _svg(ident, width, height, *say.spark_titles(metric), body, "gj-spark")


def _spark_bars(ident: str, metric: MetricProgress) -> str:
    """The latest twelve periods of a rate metric as bars, met ones in colour."""
    width, height = SPARK_SIZE
    bar = width / 12
    body = []
    for index, period in enumerate(metric.periods[-12:]):
        share = min(1.0, period.value / (metric.target or 1))
        bar_h = max(2.0, (height - 2) * share)
        body.append(
            f'<rect class="gj-{period.state}" x="{index * bar + 1:.1f}" y="{height - bar_h:.1f}" '
            f'width="{bar - 2:.1f}" height="{bar_h:.1f}" fill="{"#00897b" if period.state == "met" else "#bdbdbd"}"/>'
        )
    return _svg(ident, width, height, *say.spark_titles(metric), body, "gj-spark")


def monthly_bars(ident: str, year: int, months: list[tuple[dt.date, dict[str, int]]]) -> str:
    """Acts of help per month of a year (from the journal's first month on), as bars with their counts."""
    width, height, left, bottom, top = 520, 180, 28, 22, 14
    totals = [sum(counts.values()) for _, counts in months]
    peak = max(max(totals, default=0), 1)
    step = _nice_step(peak, 3)
    ceiling = math.ceil(peak / step) * step
    slot = (width - left) / max(len(months), 1)
    bar_w = min(slot - 8, 48.0)  # a few months' bars stay bars, not blocks
    body = []
    tick = 0.0
    while tick <= ceiling + 1e-9:
        y = top + (height - top - bottom) * (1 - tick / ceiling)
        body.append(
            f'<line class="gj-grid" x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text class="gj-axis" x="{left - 5}" y="{y + 4:.1f}" text-anchor="end" fill="#777">{number(tick)}</text>'
        )
        tick += step
    for index, ((month, _), total) in enumerate(zip(months, totals, strict=True)):
        x = left + index * slot
        bar = (height - top - bottom) * total / ceiling
        y = height - bottom - bar
        body.append(
            f'<rect class="gj-met" x="{x + (slot - bar_w) / 2:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{bar:.1f}" fill="#00897b">'
            f"<title>{say.month_bar(month, total)}</title></rect>"
            f'<text class="gj-axis" x="{x + slot / 2:.1f}" y="{height - 7}" text-anchor="middle" fill="#777">'
            f"{words.month_abbreviation(month)}</text>"
        )
        if total:
            body.append(
                f'<text class="gj-axis" x="{x + slot / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" fill="#777">{total}</text>'
            )
    busiest = max(range(len(months)), key=lambda i: (totals[i], -i))
    desc = say.bars_description(year, sum(totals), months[busiest][0], totals[busiest])
    return _svg(ident, width, height, say.bars_title(year), desc, body, "gj-bars")
