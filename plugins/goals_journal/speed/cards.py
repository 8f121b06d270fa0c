"""Social cards kept on disk by what they show, drawn on every core when many are missing.

The cache is a help, never a source of truth: a cached file is used only when it is a whole PNG
of the card's size, and is drawn again otherwise. Files are written to a temporary name of their
own and then renamed, so a reader (another build, or MkDocs copying the file into the site) sees
either no file or a whole one. When the cache cannot be written (a read-only checkout, a file
where the folder should be, a full disk), the cards are kept in memory for this build instead.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..outputs.cards import CARD_SIZE, Card, card_png
from .cores import every_core

PARALLEL_FROM = 9  # cards to draw: from this many, every core draws
PNG_START = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the empty IEND chunk and its checksum: the file is whole
STALE_AFTER = 3600  # seconds: an older temporary file was left by a build that died, not one under way

Png = Path | bytes  # a card in the cache, or in memory when the cache could not keep it


@dataclass(frozen=True)
class CachedCards:
    """Every card of a build (uri -> its PNG), how many were drawn, and why the cache could not keep them."""

    pngs: dict[str, Png]
    drawn: int
    unkept: str = ""  # the first reason a drawn card could not be written to the cache, or ""


def card_file(card: Card, cache_dir: Path) -> Path:
    """Where the PNG of a card is kept."""
    return cache_dir / f"{card.key()}.png"


def is_card_png(data: bytes) -> bool:
    """Whether bytes are a whole, undamaged PNG of a card's size (checksums checked, not decoded)."""
    if not data.startswith(PNG_START) or not data.endswith(PNG_END):
        return False
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            size: tuple[int, int] = image.size
            image.verify()  # every chunk's checksum, through to IEND
    except Exception:  # Pillow reports damage as many kinds of error
        return False
    return size == CARD_SIZE


def kept_card(path: Path) -> bool:
    """Whether the cache holds a whole PNG at `path` (else the card is drawn, again if it was damaged)."""
    try:
        return path.is_file() and is_card_png(path.read_bytes())
    except OSError:  # unreadable: the same as missing
        return False


def keep(png: bytes, path: Path, scratch: Path | None = None) -> Path:
    """Write a file (a card to the cache) under its own temporary name, beside it or in `scratch` on the
    same file system, then rename it into place (OSError if not)."""
    folder = scratch or path.parent
    descriptor, partial = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(png)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return path


def draw_and_keep(card: Card, cache_dir: Path | None) -> tuple[Png, str]:
    """Draw a card and keep it in the cache, or in memory (with the reason) when the cache cannot keep it."""
    png = card_png(card)
    if cache_dir is None:
        return png, ""
    try:
        return keep(png, card_file(card, cache_dir)), ""
    except OSError as error:
        return png, _reason(error)


def cached_card(card: Card, cache_dir: Path) -> tuple[Png, bool]:
    """The PNG of a card from the cache, drawn first if it is missing or damaged; True when it was drawn."""
    path = card_file(card, cache_dir)
    if kept_card(path):
        return path, False
    return draw_and_keep(card, _writable(cache_dir)[0])[0], True


def cached_cards(cards: dict[str, Card], cache_dir: Path) -> CachedCards:
    """The PNGs of many cards (uri -> PNG), drawing the missing and damaged ones on every core."""
    keys = {uri: card.key() for uri, card in cards.items()}
    pngs: dict[str, Png] = {}
    todo: dict[str, Card] = {}
    for uri, card in cards.items():
        key = keys[uri]
        if key in pngs or key in todo:  # the same card at two addresses
            continue
        if kept_card(path := cache_dir / f"{key}.png"):
            pngs[key] = path
        else:
            todo[key] = card
    target, unkept = _writable(cache_dir) if todo else (cache_dir, "")
    if todo and target is not None:
        _remove_stale(target)
    work = list(todo.values())
    pool = every_core() if len(work) >= PARALLEL_FROM else None
    if pool is not None:
        with pool:
            drawn = list(pool.map(draw_and_keep, work, [target] * len(work), chunksize=8))
    else:
        drawn = [draw_and_keep(card, target) for card in work]
    for key, (png, reason) in zip(todo, drawn, strict=True):
        pngs[key] = png
        unkept = unkept or reason
    return CachedCards({uri: pngs[keys[uri]] for uri in cards}, len(work), unkept)


def _writable(cache_dir: Path) -> tuple[Path | None, str]:
    """The cache folder, made if needed; or None and why it cannot be made."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return None, _reason(error)
    return cache_dir, ""


def _remove_stale(cache_dir: Path) -> None:
    """Temporary files that builds killed mid-write left behind (never a build's under way)."""
    limit = time.time() - STALE_AFTER
    with suppress(OSError):  # the folder cannot be listed: harmless
        for partial in cache_dir.glob(".*.tmp"):
            with suppress(OSError):  # another build removed it first
                if partial.stat().st_mtime < limit:
                    partial.unlink()


def _reason(error: OSError) -> str:
    """An OSError in a few words: what failed and on which file."""
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}"
