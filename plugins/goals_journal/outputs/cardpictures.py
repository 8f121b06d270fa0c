"""The small pictures of the social cards: a road (a running total against its pace line), a strip
of periods met, a gauge of a share, and squares of daily activity.

Lines and dots are drawn at three times the size and scaled down, so their edges are smooth.
Filled and empty squares differ in lightness and shape, never in hue alone."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from ..pages import palette
from .fonts import Fitted, draw_text, fit_text, text_width

SCALE = 3  # pictures are drawn this many times larger, then scaled down smoothly
LABEL_SIZE = 22


@dataclass(frozen=True)
class Box:
    """Where on the card a picture goes."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        """Its width in pixels."""
        return self.right - self.left

    @property
    def height(self) -> int:
        """Its height in pixels."""
        return self.bottom - self.top


@dataclass(frozen=True)
class Ink:
    """The colours a card draws with."""

    background: str
    text: str
    muted: str  # secondary text, still 4.5:1 on the background
    faint: str  # tracks and empty squares
    accent: str  # what was done: the running total, squares met, filled bars


@dataclass
class Canvas:
    """A card being drawn, its colours, and every line of text written on it (so tests can read them)."""

    image: Image.Image
    ink: Ink
    said: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        """A pen for the card."""
        self.draw = ImageDraw.Draw(self.image)

    def text(self, xy: tuple[float, float], text: str, size: int, fill: str, bold: bool = False) -> None:
        """Write a line of text from a left baseline point."""
        if text:
            draw_text(self.draw, xy, text, size, fill, bold)
            self.said.append(text)

    def fitted(self, xy: tuple[float, float], fitted: Fitted, fill: str, bold: bool = False) -> None:
        """Write the one line of fitted text (nothing when it is empty)."""
        if fitted.lines:
            self.text(xy, fitted.lines[0], fitted.size, fill, bold)


@dataclass(frozen=True)
class RoadPoint:
    """One point of a running total: how far along the road (0..1) and the total there."""

    at: float
    total: float


@dataclass(frozen=True)
class Road:
    """A total metric's running total against the straight pace line to its target."""

    points: tuple[RoadPoint, ...]
    target: float | None
    pace_end: float | None  # how far along the pace line reaches the target (its due date); None: no pace
    label: str  # the target in words, at the end of the road
    start: str  # the first day in words, under the road's start
    end: str  # the last day in words (the due date, or today), under its end


@dataclass(frozen=True)
class Strip:
    """The latest periods of a rate metric: met, missed, rest or running, a column a week for days."""

    states: tuple[str, ...]
    rows: int  # 7 for days, 1 for weeks and months
    offset: int  # empty places before the first period (days: its place in its week)
    legend: str


@dataclass(frozen=True)
class Heat:
    """How much happened on each of the latest days, 0 to 4, a column a week."""

    levels: tuple[int, ...]
    offset: int
    legend: str


@dataclass(frozen=True)
class Gauge:
    """A share (ratio metric) against its target."""

    value: float | None
    target: float | None
    label: str  # the target in words


Picture = Road | Strip | Heat | Gauge


def draw_picture(canvas: Canvas, box: Box, picture: Picture) -> None:
    """Draw a picture into its box on the card."""
    ink = canvas.ink
    if isinstance(picture, Road):
        _draw_road(canvas, box, picture)
    elif isinstance(picture, Gauge):
        _draw_gauge(canvas, box, picture)
    elif isinstance(picture, Strip):
        shades = {"met": ink.accent, "missed": ink.faint, "rest": "", "running": ""}
        _draw_cells(canvas, box, [shades[s] for s in picture.states], picture.rows, picture.offset)
        _legend(canvas, box, picture.legend)
    else:
        # shades of the text colour: an accent mixed with its complementary background turns muddy
        steps = [
            ink.faint,
            *(palette.mix(ink.background, ink.text, share) for share in (0.45, 0.65, 0.85, 1.0)),
        ]
        _draw_cells(canvas, box, [steps[level] for level in picture.levels], 7, picture.offset)
        _legend(canvas, box, picture.legend)


def _draw_road(canvas: Canvas, box: Box, road: Road) -> None:
    """The pace line (dashed), the target line, the running total and a dot where it is today."""
    ink = canvas.ink
    label = fit_text(road.label, box.width, (LABEL_SIZE, 18), 1)
    plot = Box(box.left, box.top + LABEL_SIZE + 14, box.right - 14, box.bottom - LABEL_SIZE - 22)
    highest = max([road.target or 0.0, *(p.total for p in road.points), 1.0])
    big = Image.new("RGB", (plot.width * SCALE + 60, plot.height * SCALE + 60), ink.background)
    pen = ImageDraw.Draw(big)

    def at(along: float, total: float) -> tuple[float, float]:
        """A point of the road in the enlarged picture."""
        return 30 + along * plot.width * SCALE, 30 + (1 - total / highest) * plot.height * SCALE

    pen.line([at(0, 0), at(1, 0)], fill=ink.faint, width=2 * SCALE)
    if road.target is not None:
        pen.line([at(0, road.target), at(1, road.target)], fill=ink.faint, width=2 * SCALE)
    if road.pace_end is not None and road.target is not None:
        _dashed(pen, at(0, 0), at(road.pace_end, road.target), ink.muted, 3 * SCALE)
    line = [at(p.at, p.total) for p in road.points] or [at(0, 0)]
    if len(line) > 1:
        pen.line(line, fill=ink.accent, width=6 * SCALE, joint="curve")
    x, y = line[-1]
    radius = 9 * SCALE
    pen.ellipse(
        (x - radius, y - radius, x + radius, y + radius), fill=ink.accent, outline=ink.text, width=SCALE
    )
    small = big.resize((plot.width + 20, plot.height + 20), Image.Resampling.LANCZOS)
    canvas.image.paste(small, (plot.left - 10, plot.top - 10))
    if label.lines:
        canvas.fitted(
            (box.right - text_width(label.lines[0], label.size), box.top + LABEL_SIZE), label, ink.muted
        )
    canvas.text((box.left, box.bottom), road.start, LABEL_SIZE, ink.muted)
    canvas.text((box.right - text_width(road.end, LABEL_SIZE), box.bottom), road.end, LABEL_SIZE, ink.muted)


def _dashed(
    pen: ImageDraw.ImageDraw, start: tuple[float, float], end: tuple[float, float], fill: str, width: int
) -> None:
    """A dashed straight line."""
    (x1, y1), (x2, y2) = start, end
    length = max(1.0, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
    dash = 14 * SCALE
    steps = int(length // dash)
    for step in range(0, steps, 2):
        a, b = step / steps, min(1.0, (step + 1) / steps)
        pen.line(
            [(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a), (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)],
            fill=fill,
            width=width,
        )


def _draw_gauge(canvas: Canvas, box: Box, gauge: Gauge) -> None:
    """A thick bar filled to the share, with a mark at the target and its words under it."""
    ink, draw = canvas.ink, canvas.draw
    middle = box.top + box.height // 2
    track = (box.left, middle - 22, box.right, middle + 22)
    draw.rounded_rectangle(track, radius=22, fill=ink.faint)
    if gauge.value:
        end = box.left + box.width * max(0.0, min(1.0, gauge.value))
        draw.rounded_rectangle(
            (box.left, track[1], max(end, box.left + 44), track[3]), radius=22, fill=ink.accent
        )
    if gauge.target is not None:
        x = box.left + box.width * max(0.0, min(1.0, gauge.target))
        draw.rectangle((x - 3, middle - 40, x + 3, middle + 40), fill=ink.text)
        label = fit_text(gauge.label, box.width, (LABEL_SIZE, 18), 1)
        width = text_width(label.lines[0], label.size) if label.lines else 0
        left = max(box.left, min(box.right - width, x - width / 2))
        canvas.fitted((left, middle + 40 + label.size + 10), label, ink.muted)


def _draw_cells(canvas: Canvas, box: Box, fills: list[str], rows: int, offset: int) -> None:
    """Squares, column by column from the top; an empty fill draws an outlined square (rest, running)."""
    columns = max(1, -(-(len(fills) + offset) // rows))
    room = box.height - LABEL_SIZE - 24
    cell = min(56.0, room / rows, box.width / columns)
    gap = max(3.0, cell * 0.16)
    size = cell - gap
    top = box.top + (room - rows * cell) / 2
    for index, fill in enumerate(fills, start=offset):
        x = box.left + (index // rows) * cell
        y = top + (index % rows) * cell
        shape = (x, y, x + size, y + size)
        if fill:
            canvas.draw.rounded_rectangle(shape, radius=max(2, size // 6), fill=fill)
        else:
            canvas.draw.rounded_rectangle(shape, radius=max(2, size // 6), outline=canvas.ink.muted, width=2)


def _legend(canvas: Canvas, box: Box, legend: str) -> None:
    """The line under a picture that says how to read it."""
    canvas.fitted(
        (box.left, box.bottom), fit_text(legend, box.width, (LABEL_SIZE, 18, 16), 1), canvas.ink.muted
    )
