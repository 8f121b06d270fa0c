"""The bundled Noto fonts, with a fallback font for each script, to measure and draw any text."""

from __future__ import annotations

import contextlib
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
    return [fit(line, size, width, bold) for line in lines]


def fit(line: str, size: int, width: float, bold: bool) -> str:
    """Shorten a single line (e.g. one very long word) to fit."""
    if text_width(line, size, bold) <= width:
        return line
    while line and text_width(line + "…", size, bold) > width:
        line = line[:-1]
    return line + "…"
