"""The bundled Noto fonts, with a fallback font for each script, to measure and draw any text."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files as package_files
from pathlib import Path

from PIL import ImageDraw, ImageFont

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


@dataclass(frozen=True)
class Fitted:
    """Text broken into lines at a size that fits."""

    size: int
    lines: tuple[str, ...]
    cut: bool = False  # the text did not fit: it ends with "…" (the last resort)

    @property
    def line_height(self) -> int:
        """The distance between two baselines."""
        return round(self.size * 1.2)

    @property
    def height(self) -> int:
        """From the top of the first line to below the last."""
        return self.line_height * len(self.lines)


def wrap(text: str, size: int, width: float, bold: bool = False) -> list[str]:
    """Break text into lines that fit `width`, only between words (a word wider than `width` keeps a line)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size, bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def fit_text(text: str, width: float, sizes: tuple[int, ...], most: int, bold: bool = False) -> Fitted:
    """Text at the largest of `sizes` at which it fits `width` in `most` lines, broken between words.

    When it fits at none, the last resort: the smallest size, cut after a whole word with "…"."""
    for size in sizes:
        lines = wrap(text, size, width, bold)
        if len(lines) <= most and all(text_width(line, size, bold) <= width for line in lines):
            return Fitted(size, tuple(lines))
    size = sizes[-1]
    lines = wrap(text, size, width, bold)
    kept = [_shorten(line, size, width, bold) for line in lines[: most - 1]]
    rest = " ".join(lines[most - 1 :]).split()
    dropped = False
    while len(rest) > 1 and text_width(" ".join(rest) + "…", size, bold) > width:
        rest.pop()
        dropped = True
    last = " ".join(rest)
    last = last + "…" if dropped else _shorten(last, size, width, bold)
    return Fitted(size, (*kept, last), True)


def fit_lines(text: str, width: float, sizes: tuple[tuple[int, ...], ...], bold: bool = False) -> Fitted:
    """Text in one line at one of `sizes[0]`, else in two at one of `sizes[1]`, and so on."""
    for lines, choice in enumerate(sizes[:-1], start=1):
        fitted = fit_text(text, width, choice, lines, bold)
        if not fitted.cut:
            return fitted
    return fit_text(text, width, sizes[-1], len(sizes), bold)


def _shorten(line: str, size: int, width: float, bold: bool) -> str:
    """A line that is one word wider than `width`, cut to fit with "…" (the only cut inside a word)."""
    if text_width(line, size, bold) <= width:
        return line
    while line and text_width(line + "…", size, bold) > width:
        line = line[:-1]
    return line + "…"
