"""Social cards: 1200x630 PNGs drawn with Pillow, named by a hash of what they show.

Two layouts. A goal or the site: the title, a hero number with its unit in words, an encouraging
line and a small picture beside them. A roundup or a year in review: the title, the hero number,
and one row per kind of help or per goal, every one of them shown (the type shrinks to fit).
Nothing is cut in the middle of a word: text wraps, then shrinks, and only as a last resort ends
with "…" after a whole word."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass, field

from PIL import Image

from ..core.settings import CardColors
from ..pages import palette
from ..pages.words.cards import SEPARATOR
from .cardpictures import Box, Canvas, Ink, Picture, draw_picture
from .fonts import Fitted, fit_lines, fit_text, text_width

CARD_SIZE = (1200, 630)
CARD_VERSION = "5"  # part of every cache key: bump when the drawing changes
LEFT, RIGHT, FOOTER = 72, 1128, 600  # margins and the footer's baseline
BESIDE = 628  # where a picture (or a short list) beside the hero number starts
TITLE_SIZES = (60, 54, 48, 42, 36)


@dataclass(frozen=True)
class Hero:
    """A card's big number and what it counts, in words: 54 / people helped."""

    number: str
    unit: str


@dataclass(frozen=True)
class Bar:
    """One row of a card's list: a label, its number in words, and how full its bar is."""

    label: str
    value: str
    fraction: float | None


@dataclass(frozen=True)
class Card:
    """Everything a card shows; its hash names the cached PNG."""

    kicker: str  # small line at the top (the site name, or the site's description on its own card)
    title: str
    hero: Hero | None = None
    cheer: str = ""  # the encouraging line under the hero number
    picture: Picture | None = None
    rows: tuple[Bar, ...] = ()  # a list of goals or kinds of help, instead of a picture
    badge: str = ""  # a few words in a pill at the top right
    footer: str = ""  # the site's address
    picture_alt: str = ""  # what the picture shows, in words
    colors: CardColors = field(default_factory=CardColors)

    def key(self) -> str:
        """A stable hash of what the card shows and how it is drawn."""
        shown = [CARD_VERSION, type(self.picture).__name__, asdict(self)]
        data = json.dumps(shown, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


def inks(colors: CardColors) -> Ink:
    """The card's colours: its own three and the shades made of them."""
    back, text = colors.background, colors.text
    muted = next(
        (
            palette.mix(back, text, share / 20)
            for share in range(14, 21)
            if palette.contrast(palette.mix(back, text, share / 20), back) >= 4.5
        ),
        text,
    )
    return Ink(back, text, muted, palette.mix(back, text, 0.22), colors.accent)


def draw_card(card: Card) -> Image.Image:
    """The card as an image."""
    return _paint(card).image


def card_lines(card: Card) -> tuple[str, ...]:
    """Every line of text the card shows, as drawn (to check that nothing was cut)."""
    return tuple(_paint(card).said)


def _paint(card: Card) -> Canvas:
    """Draw the card: the head, then the hero number with a picture, or a list."""
    ink = inks(card.colors)
    canvas = Canvas(Image.new("RGB", CARD_SIZE, ink.background), ink)
    top = _draw_head(canvas, card)
    if card.rows and not _rows_fit_beside(card.rows):
        _draw_list(canvas, card, top)
    else:
        _draw_hero(canvas, card, top)
    canvas.text((LEFT, FOOTER), card.footer, 24, ink.muted)
    return canvas


def _rows_fit_beside(rows: tuple[Bar, ...]) -> bool:
    """Whether a list is short enough to stand beside the hero number (kinds of help, a few goals)."""
    room = RIGHT - BESIDE
    return len(rows) <= 6 and all(
        text_width(row.label, 26) + text_width(row.value, 26, True) + 24 <= room for row in rows
    )


def _draw_head(canvas: Canvas, card: Card) -> int:
    """The kicker, the pill and the title; where the rest of the card starts."""
    right, ink = RIGHT, canvas.ink
    if card.badge:
        pill = fit_text(card.badge, 420, (26, 22), 1, True)
        width = text_width(pill.lines[0], pill.size, True) + 40
        canvas.draw.rounded_rectangle((RIGHT - width, 50, RIGHT, 96), radius=23, outline=ink.text, width=3)
        canvas.fitted((RIGHT - width + 20, 82), pill, ink.text, True)
        right = round(RIGHT - width - 24)
    canvas.fitted((LEFT, 84), fit_text(card.kicker, right - LEFT, (28, 24, 20), 1), ink.muted)
    title = fit_text(card.title, RIGHT - LEFT, TITLE_SIZES, 2, True)
    if title.cut and not card.rows:  # a third line rather than "…"
        title = fit_text(card.title, RIGHT - LEFT, TITLE_SIZES[-2:], 3, True)
    return _draw_lines(canvas, title, LEFT, 122, ink.text, True)


def _draw_lines(canvas: Canvas, text: Fitted, x: float, top: float, fill: str, bold: bool = False) -> int:
    """Draw fitted lines from `top` down; return the bottom."""
    baseline = top + round(text.size * 0.96)
    for line in text.lines:
        canvas.text((x, baseline), line, text.size, fill, bold)
        baseline += text.line_height
    return round(top + text.height)


def _draw_hero(canvas: Canvas, card: Card, top: int) -> None:
    """The hero number, its unit and the encouraging line on the left; a picture or a list beside them."""
    ink, bottom = canvas.ink, FOOTER - 50
    column = BESIDE - 56 - LEFT if card.picture is not None or card.rows else RIGHT - LEFT
    unit = fit_lines(card.hero.unit if card.hero else "", column, ((36, 32, 28), (28, 24)))
    cheer = fit_lines(card.cheer, column, ((34, 30, 28), (28, 24, 22)), True)
    words = unit.height + cheer.height + (16 if card.cheer else 0)
    y = top + 28
    if card.hero is not None:
        size = max(48, min(136, round((bottom - y - words) / 1.1)))
        number = fit_text(card.hero.number, column, tuple(range(size, 39, -8)), 1, True)
        y = _draw_lines(canvas, number, LEFT, y - round(number.size * 0.08), ink.text, True) - 4
        y = _draw_lines(canvas, unit, LEFT, y, ink.text)
    if card.cheer:
        _draw_lines(canvas, cheer, LEFT, y + 16, ink.accent, True)
    if card.picture is not None:
        draw_picture(canvas, Box(BESIDE, top + 36, RIGHT, bottom), card.picture)
    elif card.rows:
        _draw_rows(canvas, card.rows, Box(BESIDE, top + 24, RIGHT, bottom + 6))


def _draw_list(canvas: Canvas, card: Card, top: int) -> None:
    """The hero number in one line, then one row per goal or kind: label, number and a bar."""
    y = top + 18
    if card.hero is not None:
        number = fit_text(card.hero.number, 360, (72, 64, 56), 1, True)
        width = text_width(number.lines[0], number.size, True)
        _draw_lines(canvas, number, LEFT, y, canvas.ink.text, True)
        said = SEPARATOR.join(part for part in (card.hero.unit, card.cheer) if part)
        words = fit_text(said, RIGHT - LEFT - width - 24, (34, 30, 26), 2)
        middle = y + (number.height - words.height) / 2 + number.size * 0.06
        _draw_lines(canvas, words, LEFT + width + 24, middle, canvas.ink.text)
        y += number.height + 18
    _draw_rows(canvas, card.rows, Box(LEFT, y, RIGHT, FOOTER - 44))


def _draw_rows(canvas: Canvas, rows: tuple[Bar, ...], box: Box) -> None:
    """Every row, each as tall as the room allows (at most 76 px): label, number, bar."""
    ink, draw = canvas.ink, canvas.draw
    height = min(76.0, box.height / len(rows))
    size = max(14, min(32, round(height * 0.47)))
    bar = max(5, round(height * 0.16))
    for index, row in enumerate(rows):
        baseline = box.top + index * height + size
        value = fit_text(row.value, box.width / 2, (size, max(12, size - 4)), 1, True)
        value_width = text_width(value.lines[0], value.size, True) if value.lines else 0
        sizes = (size, max(12, size - 2), max(12, size - 4))
        label = fit_text(row.label, box.width - value_width - 24, sizes, 1)
        canvas.fitted((box.left, baseline), label, ink.text)
        canvas.fitted((box.right - value_width, baseline), value, ink.text, True)
        track = (box.left, baseline + 8, box.right, baseline + 8 + bar)
        draw.rounded_rectangle(track, radius=bar // 2, fill=ink.faint)
        if row.fraction:
            end = box.left + box.width * max(0.0, min(1.0, row.fraction))
            filled = (box.left, track[1], max(end, box.left + bar), track[3])
            draw.rounded_rectangle(filled, radius=bar // 2, fill=ink.accent)


def card_png(card: Card) -> bytes:
    """The card as a PNG file."""
    out = io.BytesIO()
    # A card has few colours: a 128-colour palette keeps it sharp at about 35% of the size.
    image = draw_card(card).quantize(128, method=Image.Quantize.FASTOCTREE)
    _keep_exact(image, inks(card.colors))
    image.save(out, format="PNG")
    return out.getvalue()


def _keep_exact(image: Image.Image, ink: Ink) -> None:
    """Give the palette entries nearest the card's own colours exactly those colours (the quantizer
    averages them with their antialiased edges), so a card's background is the colour chosen."""
    entries = image.getpalette() or []
    colours: list[tuple[int, ...]] = [tuple(entries[i : i + 3]) for i in range(0, len(entries), 3)]
    used = sorted(index for _, index in image.getcolors(256) or [] if isinstance(index, int))
    for color in (ink.faint, ink.muted, ink.accent, ink.text, ink.background):  # the most important last
        wanted = palette.rgb(color)
        nearest = min(used, key=lambda n: sum((a - b) ** 2 for a, b in zip(colours[n], wanted, strict=True)))
        colours[nearest] = wanted
    image.putpalette([channel for entry in colours for channel in entry])
