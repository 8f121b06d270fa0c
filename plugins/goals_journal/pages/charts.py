"""Server-rendered inline SVG pictures of progress: a goal's road (running total against the pace
line), a goal card's small road, and a year's monthly bars. Days and periods are in calendars.py."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from html import escape

from ..core.days import first_of_next_month
from ..core.progress import GoalProgress, MetricProgress
from . import words
from .words import number
from .words import pictures as say
from .words.metrics import amount

# entry_link(day) -> (href, label) of the published entry of that day, or None (no entry, or private only)
EntryLink = Callable[[dt.date], tuple[str, str] | None]

ROAD_SIZE = (480, 250)  # a goal page's running-total chart: at 390 px its 14-unit text is 10 px
SPARK_SIZE = (300, 64)  # a goal card's small road
MONTH_TICKS = 4  # month names along a road, at most: four fit a phone


def svg(
    ident: str,
    width: int,
    height: int,
    title: str,
    desc: str,
    body: list[str],
    css: str,
    stretch: bool = False,
    font: int = 11,
) -> str:
    """An accessible inline SVG element."""
    aspect = ' preserveAspectRatio="none"' if stretch else ""
    role = "group" if any("<a " in part for part in body) else "img"  # links inside stay reachable
    return (
        f'<svg class="gj-chart {css}" viewBox="0 0 {width} {height}" width="{width}" height="{height}"{aspect} '
        f'role="{role}" aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="sans-serif" font-size="{font}">'
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
    """The plot area of a road: from the goal's start over `span` days, 0 to `top_value`."""

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


@dataclass(frozen=True)
class Road:
    """What a running-total chart shows: up to `last`, values up to `top_value`, the pace as a line."""

    started: dt.date
    last: dt.date
    due: dt.date | None
    target: float | None
    top_value: float

    @property
    def shows_due(self) -> bool:
        """Whether the due date (and so the end of the pace line) is on the chart."""
        return self.due is not None and self.due <= self.last

    def pace_at(self, day: dt.date) -> float:
        """Where the pace line is at the end of a day: 0 at the start, the target at the end of `due`."""
        if self.due is None or self.target is None:
            return 0.0
        total = (self.due - self.started).days + 1
        return self.target * min(max((day - self.started).days + 1, 0), total) / total


def road(goal: GoalProgress, metric: MetricProgress) -> Road:
    """The window of a road: while a goal runs, its past and a stretch of future as long as half of
    it (three weeks at least); the due date too when it is close. The values go to the data, the pace
    at the window's end, and the target when it is on the chart: not beyond."""
    started, due, end = goal.goal.started, goal.goal.due, metric.as_of
    past = (end - started).days + 1
    last = end + dt.timedelta(days=max(past // 2, 21) if goal.goal.status == "active" else 0)
    if due is None:
        last = end + dt.timedelta(days=max(past // 8, 3))
    elif due <= last + dt.timedelta(days=past // 4):
        last = max(due, end)
    window = Road(started, last, due, metric.target, 1.0)
    shown_target = metric.target if metric.target is not None and (window.shows_due or due is None) else 0
    return replace(window, top_value=max(metric.value, window.pace_at(last), shown_target or 0.0, 1.0))


def cumulative_chart(ident: str, goal: GoalProgress, metric: MetricProgress, link: EntryLink) -> str:
    """Actual running total against the pace line and the target, today's value and the pace labelled,
    one linked point per day."""
    window = road(goal, metric)
    step = _nice_step(window.top_value)
    width, height = ROAD_SIZE
    frame = Frame(
        width,
        height,
        40,
        14,
        24,
        24,
        window.started,
        (window.last - window.started).days + 1,
        window.top_value,
    )
    today = frame.x(metric.as_of)
    body = [
        f'<rect class="gj-ahead" x="{today:.1f}" y="{frame.top}" width="{width - frame.right - today:.1f}" '
        f'height="{height - frame.top - frame.bottom}" fill="#f4f4f4"/>'
    ]
    body += _value_grid(frame, step) + _month_axis(frame, window.last)
    if metric.target is not None:
        body += _target_and_pace(frame, window, metric)
    still_running = goal.goal.status == "active"
    room = width - frame.right - today > 60  # space for labels right of the today line
    body.append(
        f'<line class="gj-today" x1="{today:.1f}" x2="{today:.1f}" y1="{frame.top}" y2="{height - frame.bottom}" stroke="#666"/>'
        f'<text class="gj-axis" x="{today + (4 if room else -4):.1f}" y="{height - frame.bottom - 5}" '
        f'text-anchor="{"start" if room else "end"}" fill="#666">{say.now_label(still_running)}</text>'
    )
    body += _running_total(frame, metric, today, link)
    body += _today_labels(frame, metric, today, room, _crowded(frame, window, metric, today))
    desc = say.cumulative_description(metric, window.last if not window.shows_due else None)
    title = say.cumulative_title(metric.metric.label)
    return svg(ident, width, height, title, desc, body, "gj-cumulative", font=14)


def _value_grid(frame: Frame, step: float) -> list[str]:
    """Horizontal grid lines with their values, up to the top of the data."""
    body, tick = [], 0.0
    while tick <= frame.top_value + 1e-9:
        y = frame.y(tick)
        body.append(
            f'<line class="gj-grid" x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text class="gj-axis" x="{frame.left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#666">{number(tick)}</text>'
        )
        tick += step
    return body


def _month_axis(frame: Frame, last: dt.date) -> list[str]:
    """Month names along the bottom, at most MONTH_TICKS."""
    return [
        f'<text class="gj-axis" x="{frame.x(month, False):.1f}" y="{frame.height - 7}" text-anchor="middle" fill="#666">'
        f"{say.axis_month(month)}</text>"
        for month in _month_ticks(frame.started + dt.timedelta(days=1), last, MONTH_TICKS)
    ]


def _target_and_pace(frame: Frame, window: Road, metric: MetricProgress) -> list[str]:
    """The target line (when it is on the chart), and the pace line up to the window's end."""
    target = metric.target or 0.0
    body = []
    if window.shows_due or window.due is None:
        y = frame.y(target)
        body.append(
            f'<line class="gj-target" x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#888" stroke-dasharray="2 3"/>'
            f'<text class="gj-axis" x="{frame.width - frame.right}" y="{y - 5:.1f}" text-anchor="end" fill="#666">'
            f"{say.target_label(target)}</text>"
        )
    if window.due is None:
        return body
    corner = min(window.due, window.last)
    points = [
        (frame.x(window.started, False), frame.y(0)),
        (frame.x(corner), frame.y(window.pace_at(corner))),
    ]
    if window.last > corner:
        points.append((frame.x(window.last), frame.y(target)))
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    body.append(
        f'<polyline class="gj-pace" points="{line}" fill="none" stroke="#888" stroke-width="1.5" stroke-dasharray="6 4"/>'
    )
    if not window.shows_due:
        body.append(
            f'<text class="gj-axis" x="{frame.width - frame.right}" y="{frame.top - 8}" text-anchor="end" fill="#666">'
            f"{escape(say.target_ahead(target, window.due))}</text>"
        )
    return body


def _running_total(frame: Frame, metric: MetricProgress, today: float, link: EntryLink) -> list[str]:
    """The line of the running total up to today, with a point (linked to its entry) per day."""
    path, total = [f"M{frame.x(frame.started, False):.1f},{frame.y(0):.1f}"], 0.0
    points = []
    for day, added in metric.daily.items():
        if added <= 0:
            continue
        path.append(f"H{frame.x(day, False):.1f}")
        total += added
        path.append(f"V{frame.y(total):.1f}")
        points.append((day, added, total))
    path.append(f"H{today:.1f}")
    body = [f'<path class="gj-actual" d="{"".join(path)}" fill="none" stroke="#3f6fb5" stroke-width="2.5"/>']
    for day, added, running in points:
        target_link = link(day)
        label = say.chart_point(day, added, running)
        circle = (
            f'<circle class="gj-point" cx="{frame.x(day, False):.1f}" cy="{frame.y(running):.1f}" r="3.5" fill="#3f6fb5">'
            f"<title>{escape(label + (' — ' + target_link[1] if target_link else ''))}</title></circle>"
        )
        body.append(f'<a href="{escape(target_link[0])}">{circle}</a>' if target_link else circle)
    return body


def _crowded(frame: Frame, window: Road, metric: MetricProgress, today: float) -> bool:
    """Whether the target written at the top right ("150 by 30 Jun 2027 →") reaches back over today,
    where today's total is written near the top (longer in some languages than in others)."""
    if metric.target is None or window.due is None or window.shows_due:
        return False
    wide = len(say.target_ahead(metric.target, window.due)) * 14 * 0.5  # about half an em a character
    return frame.width - frame.right - wide < today - 4 and frame.y(metric.value) - 7 < frame.top + 14


def _today_labels(frame: Frame, metric: MetricProgress, today: float, room: bool, crowded: bool) -> list[str]:
    """Today's total written at the end of its line (left of today; under it when the target's words at
    the top would cross it), and where the pace line is today (right of it, in the future's band, or
    under the line when the chart ends today)."""
    value_y = frame.y(metric.value) + 18 if crowded else frame.y(metric.value) - 7
    body = []
    if metric.pace is not None and metric.reached_on is None:
        pace_y = frame.y(metric.pace.expected)
        x, y, anchor = (today + 6, pace_y + 4, "start") if room else (today - 6, pace_y + 16, "end")
        body.append(
            f'<circle class="gj-pace-now" cx="{today:.1f}" cy="{pace_y:.1f}" r="3" fill="#888"/>'
            f'<text class="gj-axis" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="#666">'
            f"{escape(say.pace_label(amount(metric, metric.pace.expected)))}</text>"
        )
    body.append(
        f'<text class="gj-value" x="{today - 6:.1f}" y="{max(value_y, 13):.1f}" text-anchor="end" '
        f'font-weight="700" fill="#333">{number(metric.value)}</text>'
    )
    return body


def cumulative_table(metric: MetricProgress, link: EntryLink) -> list[tuple[str, str, str, str]]:
    """Rows behind the cumulative chart: day, entry, amount, running total."""
    rows, total = [], 0.0
    for day, added in metric.daily.items():
        if added <= 0:
            continue
        total += added
        entry = link(day)
        rows.append((day.isoformat(), entry[1] if entry else "", number(added), number(total)))
    return rows


def sparkline(ident: str, goal: GoalProgress) -> str:
    """A goal card's small road: its first total's running total against the pace line, both values
    written at the right; nothing for a goal without totals (its rate bars say enough)."""
    totals = [m for m in goal.metrics if m.metric.shape == "total" and m.daily]
    if not totals:
        return ""
    metric = totals[0]
    width, height = SPARK_SIZE
    plot_w, top, bottom = width - 78, 8, 8
    span = max(1, (metric.as_of - goal.goal.started).days + 1)
    expected = metric.pace.expected if metric.pace is not None else None
    top_value = max(metric.value, expected or 0.0, 1e-9)

    def y(value: float) -> float:
        return top + (height - top - bottom) * (1 - value / top_value)

    points, total = [f"0,{y(0):.1f}"], 0.0
    for day, added in metric.daily.items():
        x = plot_w * (day - goal.goal.started).days / span
        points.append(f"{x:.1f},{y(total):.1f} {x:.1f},{y(total + added):.1f}")
        total += added
    points.append(f"{plot_w},{y(total):.1f}")
    body = [
        f'<polyline class="gj-actual" points="{" ".join(points)}" fill="none" stroke="#3f6fb5" stroke-width="2"/>'
    ]
    value_y = y(metric.value) + 5
    if expected is not None:
        pace_y = y(expected) + 5
        if abs(value_y - pace_y) < 14:
            value_y, pace_y = (pace_y - 14, pace_y) if metric.value >= expected else (value_y, value_y - 14)
            value_y, pace_y = max(value_y, 12), max(pace_y, 12)
        body.append(
            f'<line class="gj-pace" x1="0" y1="{y(0):.1f}" x2="{plot_w}" y2="{y(expected):.1f}" stroke="#888" '
            f'stroke-width="1.5" stroke-dasharray="5 3"/>'
            f'<text class="gj-axis" x="{plot_w + 6}" y="{min(pace_y, height - 1):.1f}" fill="#666">'
            f"{escape(say.pace_label(amount(metric, expected)))}</text>"
        )
    body.append(
        f'<text class="gj-value" x="{plot_w + 6}" y="{min(value_y, height - 1):.1f}" font-weight="700" fill="#333">'
        f"{number(metric.value)}</text>"
    )
    return svg(ident, width, height, *say.spark_titles(metric), body, "gj-spark", font=12)


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
    return svg(ident, width, height, say.bars_title(year), desc, body, "gj-bars")
