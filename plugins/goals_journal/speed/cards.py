"""Social cards drawn on every core when many are missing from the cache."""

from __future__ import annotations

from pathlib import Path

from ..outputs.cards import Card, cached_card, card_file, missing_cards
from .cores import every_core

PARALLEL_FROM = 9  # cards to draw: from this many, every core draws


def cached_cards(cards: dict[str, Card], cache_dir: Path) -> tuple[dict[str, Path], int]:
    """PNGs of many cards (uri -> path), drawing the missing ones on every core; and how many were drawn."""
    todo = missing_cards(cards, cache_dir)
    pool = every_core() if len(todo) >= PARALLEL_FROM else None
    if pool is not None:
        with pool:
            list(pool.map(cached_card, todo, [cache_dir] * len(todo), chunksize=8))
    else:
        for card in todo:
            cached_card(card, cache_dir)
    return {uri: card_file(card, cache_dir) for uri, card in cards.items()}, len(todo)
