"""Social cards (1200x630 PNG, drawn with Pillow), shields-style SVG badges, and share links."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cache
from html import escape
from importlib.resources import files as package_files
from pathlib import Path
from urllib.parse import quote, urlencode

from PIL import Image, ImageDraw, ImageFont

CARD_SIZE = (1200, 630)
CARD_VERSION = "4"
BAR_HEIGHT = 62
LINE_HEIGHT = 42  # part of every cache key: bump when the drawing changes
PRIMARY = "NotoSans[wght].ttf"
FALLBACKS = (
    "NotoSansSymbols[wght].ttf",
    "NotoSansArabic[wght].ttf",
    "NotoSansHebrew[wght].ttf",
    "NotoSansDevanagari[wght].ttf",
    "NotoSansBengali[wght].ttf",
    "NotoSansThai[wght].ttf",
    "NotoSansTamil[wght].ttf",
    "NotoSansTelugu[wght].ttf",
    "NotoSansGeorgian[wght].ttf",
    "NotoSansArmenian[wght].ttf",
    "NotoSansEthiopic[wght].ttf",
    "NotoSansKhmer[wght].ttf",
    "NotoSansLao[wght].ttf",
    "NotoSansMyanmar[wght].ttf",
    "NotoSansSinhala[wght].ttf",
    "NotoSansGujarati[wght].ttf",
    "NotoSansGurmukhi[wght].ttf",
    "NotoSansKannada[wght].ttf",
    "NotoSansMalayalam[wght].ttf",
    "NotoSansOriya[wght].ttf",
    "NotoEmoji[wght].ttf",
)
INVISIBLE = {0x200D, 0xFE0E, 0xFE0F}  # joiners and variation selectors: drawn as nothing


@dataclass(frozen=True)
class Colors:
    """Card colours."""

    background: str = "#00564d"
    text: str = "#ffffff"
    accent: str = "#ffb74d"


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
    colors: Colors = field(default_factory=Colors)

    def key(self) -> str:
        """A stable hash of what the card shows and how it is drawn."""
        data = json.dumps([CARD_VERSION, asdict(self)], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:24]


def font_folder() -> Path:
    """Where the bundled Noto fonts are (from the manimgx-fonts package)."""
    return Path(str(package_files("manimgx_fonts")))


@cache
def _coverage(name: str) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(font_folder() / name, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def _font(name: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    """A font file at a size, in its bold or regular instance."""
    font = ImageFont.truetype(str(font_folder() / name), size)
    with contextlib.suppress(OSError, ValueError):  # a font without that instance keeps its default
        font.set_variation_by_name("Bold" if bold else "Regular")
    return font


def runs(text: str) -> list[tuple[str, str]]:
    """Split text into (font file, piece) runs, each piece drawn by the first font that has its glyphs."""
    pieces: list[tuple[str, str]] = []
    for char in text:
        point = ord(char)
        if point in INVISIBLE:
            continue
        name = next((n for n in (PRIMARY, *FALLBACKS) if point in _coverage(n)), PRIMARY)
        if pieces and (pieces[-1][0] == name or char == " "):
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + char)
        else:
            pieces.append((name, char))
    return pieces


def text_width(text: str, size: int, bold: bool = False) -> float:
    """How wide text is drawn at a size."""
    return sum(_font(name, size, bold).getlength(piece) for name, piece in runs(text))


def draw_text(
    draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill: str, bold: bool = False
) -> float:
    """Draw text from a left baseline point with font fallback; return the width drawn."""
    x, y = xy
    for name, piece in runs(text):
        font = _font(name, size, bold)
        draw.text((x, y), piece, font=font, fill=fill, anchor="ls")
        x += font.getlength(piece)
    return x - xy[0]


def wrap(text: str, size: int, width: float, most: int, bold: bool = False) -> list[str]:
    """Break text into at most `most` lines that fit `width`, ending with … when cut."""
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if text_width(candidate, size, bold) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        while last and text_width(last + "…", size, bold) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return [_fit(line, size, width, bold) for line in lines]


def _fit(line: str, size: int, width: float, bold: bool) -> str:
    """Shorten a single line (e.g. one very long word) to fit."""
    if text_width(line, size, bold) <= width:
        return line
    while line and text_width(line + "…", size, bold) > width:
        line = line[:-1]
    return line + "…"


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
        text_lines = [*text_lines[: room - 1], _fit(text_lines[room - 1] + "…", 34, width, False)]
    y += 10
    for line in text_lines:
        draw_text(draw, (left, y), line, 34, card.colors.text)
        y += LINE_HEIGHT
    for bar in bars:
        y += 12
        draw_text(draw, (left, y), _fit(bar.label, 30, width * 0.62, False), 30, card.colors.text)
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


def cached_card(card: Card, cache_dir: Path) -> tuple[Path, bool]:
    """The PNG of a card from the cache, drawn first if it is not there; True when it was drawn."""
    path = cache_dir / f"{card.key()}.png"
    if path.is_file():
        return path, False
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    # A card has few colours: a 128-colour palette keeps it sharp at about 35% of the size.
    draw_card(card).quantize(128, method=Image.Quantize.FASTOCTREE).save(partial, format="PNG")
    partial.replace(path)
    return path, True


def cached_cards(cards: dict[str, Card], cache_dir: Path) -> tuple[dict[str, Path], int]:
    """PNGs of many cards (uri -> path), drawing the missing ones on every core; and how many were drawn."""
    missing = {card.key(): card for card in cards.values() if not (cache_dir / f"{card.key()}.png").is_file()}
    todo = list(missing.values())
    if len(todo) > 8 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            list(pool.map(cached_card, todo, [cache_dir] * len(todo), chunksize=8))
    else:
        for card in todo:
            cached_card(card, cache_dir)
    return {uri: cache_dir / f"{card.key()}.png" for uri, card in cards.items()}, len(todo)


BADGE_COLORS = {
    "on-track": "#2e7d32",
    "behind": "#c62828",
    "achieved": "#1565c0",
    "paused": "#8d6e00",
    "dropped": "#616161",
    "active": "#00796b",
    "upcoming": "#616161",
}


def badge(label: str, message: str, state: str) -> str:
    """A shields-style SVG badge: a grey label and a message coloured by the goal's state."""
    label_width, message_width = round(text_width(label, 11) * 1.1), round(text_width(message, 11) * 1.1)
    left, right = label_width + 12, message_width + 12
    total = left + right
    color = BADGE_COLORS.get(state, "#00796b")
    title = escape(f"{label}: {message}")
    ident = "b" + hashlib.sha256(f"{label}|{message}".encode()).hexdigest()[:8]  # unique ids if inlined
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{title}">'
        f"<title>{title}</title>"
        f'<linearGradient id="{ident}s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        f'<stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="{ident}r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#{ident}r)"><rect width="{left}" height="20" fill="#555"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{color}"/>'
        f'<rect width="{total}" height="20" fill="url(#{ident}s)"/></g>'
        f'<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="{left / 2:.1f}" y="14" textLength="{label_width}" lengthAdjust="spacingAndGlyphs">{escape(label)}</text>'
        f'<text x="{left + right / 2:.1f}" y="14" textLength="{message_width}" lengthAdjust="spacingAndGlyphs">'
        f"{escape(message)}</text></g></svg>"
    )


def share_links(url: str, text: str, mastodon_page: str) -> list[tuple[str, str]]:
    """(network, address) pairs that share `url` with `text` prefilled: plain links, no scripts."""
    both = f"{text} {url}"
    return [
        ("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": both})),
        ("Mastodon", mastodon_page + "?" + urlencode({"text": both})),
        ("E-mail", f"mailto:?subject={quote(text)}&body={quote(both)}"),
    ]
