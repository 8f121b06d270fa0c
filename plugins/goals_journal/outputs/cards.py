"""Social cards: 1200x630 PNGs drawn with Pillow, named by a hash of what they show."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass, field

from PIL import Image, ImageDraw

from ..core.settings import CardColors
from .fonts import draw_text, fit, text_width, wrap

CARD_SIZE = (1200, 630)
CARD_VERSION = "4"  # part of every cache key: bump when the drawing changes
BAR_HEIGHT = 62
LINE_HEIGHT = 42


@dataclass(frozen=True)
class Bar:
    """One progress bar on a card."""

    label: str
    value: str
    fraction: float | None


@dataclass(frozen=True)
class Card:
    """Everything a card shows; its hash names the cached PNG."""

    kicker: str  # small line at the top (the site name)
    title: str
    lines: tuple[str, ...] = ()  # sentences under the title
    bars: tuple[Bar, ...] = ()
    badge: str = ""  # a status word in a pill
    footer: str = ""  # the site's address
    colors: CardColors = field(default_factory=CardColors)

    def key(self) -> str:
        """A stable hash of what the card shows and how it is drawn."""
        data = json.dumps([CARD_VERSION, asdict(self)], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


def draw_card(card: Card) -> Image.Image:
    """The card as an image."""
    image = Image.new("RGB", CARD_SIZE, card.colors.background)
    draw = ImageDraw.Draw(image)
    left, right = 72, CARD_SIZE[0] - 72
    width = right - left
    draw_text(draw, (left, 96), card.kicker, 30, card.colors.text)
    if card.badge:
        badge_width = text_width(card.badge, 28, True) + 44
        draw.rounded_rectangle(
            (right - badge_width, 60, right, 108), radius=24, outline=card.colors.accent, width=3
        )
        draw_text(draw, (right - badge_width + 22, 95), card.badge, 28, card.colors.accent, True)
    y = 190
    for line in wrap(card.title, 64, width, 2, True):
        draw_text(draw, (left, y), line, 64, card.colors.text, True)
        y += 78
    bottom = CARD_SIZE[1] - 70  # room for the footer
    bars = list(card.bars[:3])
    while bars and y + 10 + LINE_HEIGHT + len(bars) * BAR_HEIGHT > bottom:
        bars.pop()  # too many lines of text: fewer bars
    room = max(1, (bottom - y - 10 - len(bars) * BAR_HEIGHT) // LINE_HEIGHT)
    text_lines = [line for sentence in card.lines for line in wrap(sentence, 34, width, 3)]
    if len(text_lines) > room:
        text_lines = [*text_lines[: room - 1], fit(text_lines[room - 1] + "…", 34, width, False)]
    y += 10
    for line in text_lines:
        draw_text(draw, (left, y), line, 34, card.colors.text)
        y += LINE_HEIGHT
    for bar in bars:
        y += 12
        draw_text(draw, (left, y), fit(bar.label, 30, width * 0.62, False), 30, card.colors.text)
        value_width = text_width(bar.value, 30, True)
        draw_text(draw, (right - value_width, y), bar.value, 30, card.colors.text, True)
        draw.rounded_rectangle(
            (left, y + 12, right, y + 26), radius=7, fill=_mix(card.colors.background, card.colors.text, 0.25)
        )
        if bar.fraction is not None and bar.fraction > 0:
            filled = left + (right - left) * max(0.0, min(1.0, bar.fraction))
            draw.rounded_rectangle(
                (left, y + 12, max(filled, left + 14), y + 26), radius=7, fill=card.colors.accent
            )
        y += BAR_HEIGHT - 12
    if card.footer:
        draw_text(
            draw,
            (left, CARD_SIZE[1] - 34),
            card.footer,
            26,
            _mix(card.colors.background, card.colors.text, 0.7),
        )
    return image


def _mix(first: str, second: str, share: float) -> str:
    """A colour `share` of the way from one hex colour to another."""
    a = Image.new("RGB", (1, 1), first).getpixel((0, 0))
    b = Image.new("RGB", (1, 1), second).getpixel((0, 0))
    assert isinstance(a, tuple) and isinstance(b, tuple)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def card_png(card: Card) -> bytes:
    """The card as a PNG file."""
    out = io.BytesIO()
    # A card has few colours: a 128-colour palette keeps it sharp at about 35% of the size.
    draw_card(card).quantize(128, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
    return out.getvalue()
