"""Social cards kept on disk by what they show, drawn on every core when many are missing."""

from __future__ import annotations

import os
from pathlib import Path

from ..outputs.cards import Card, card_png
from .cores import every_core

PARALLEL_FROM = 9  # cards to draw: from this many, every core draws


def card_file(card: Card, cache_dir: Path) -> Path:
    """Where the PNG of a card is kept."""
    return cache_dir / f"{card.key()}.png"


def cached_card(card: Card, cache_dir: Path) -> tuple[Path, bool]:
    """The PNG of a card from the cache, drawn first if it is not there; True when it was drawn."""
    path = card_file(card, cache_dir)
    if path.is_file():
        return path, False
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(card_png(card))
    partial.replace(path)
    return path, True


def cached_cards(cards: dict[str, Card], cache_dir: Path) -> tuple[dict[str, Path], int]:
    """PNGs of many cards (uri -> path), drawing the missing ones on every core; and how many were drawn."""
    missing = {card.key(): card for card in cards.values() if not card_file(card, cache_dir).is_file()}
    todo = list(missing.values())
    pool = every_core() if len(todo) >= PARALLEL_FROM else None
    if pool is not None:
        with pool:
            list(pool.map(cached_card, todo, [cache_dir] * len(todo), chunksize=8))
    else:
        for card in todo:
            cached_card(card, cache_dir)
    return {uri: card_file(card, cache_dir) for uri, card in cards.items()}, len(todo)
