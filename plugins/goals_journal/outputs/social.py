"""What a shared link shows: each page's social card and its Open Graph and Twitter Card tags."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin, urlsplit

from ..core.settings import CardColors
from ..pages.plan import PageSpec
from ..pages.site import Site
from ..pages.words.cards import card_description
from .cardfaces import goal_card, review_card, roundup_card, site_card
from .cards import Card

DEFAULT_CARD = "assets/card.png"


def card_uri(spec: PageSpec) -> str:
    """Where a page's own card is published (pages without one use the site card)."""
    if spec.kind in ("goal", "roundup", "review"):
        return spec.uri.removesuffix(".md") + "/card.png"
    return DEFAULT_CARD


def shown_card(spec: PageSpec | None, site: Site) -> PageSpec | None:
    """The page whose card a page shows when shared: its own, its first public goal's (entries), or
    None for the site card."""
    if spec is None:
        return None
    if spec.kind == "entry" and spec.entry is not None:
        return next((site.pages[site.goals[g].uri] for g in spec.entry.goals if g in site.goals), None)
    return spec if spec.kind in ("goal", "roundup", "review") else None


def cards(site: Site, footer: str, colors: CardColors) -> dict[str, Card]:
    """Every card of the site: URI -> what it shows."""
    result = {DEFAULT_CARD: site_card(site, footer, colors)}
    for spec in site.pages.values():
        card = page_card(spec, site, footer, colors)
        if card is not None:
            result[card_uri(spec)] = card
    return result


def page_card(spec: PageSpec, site: Site, footer: str, colors: CardColors) -> Card | None:
    """The card of a goal, roundup or review page (None for other pages)."""
    if spec.goal is not None:
        return goal_card(site.progress[spec.goal.id], site, footer, colors)
    if spec.roundup is not None:
        return roundup_card(spec.roundup, site, footer, colors)
    if spec.review is not None:
        return review_card(spec.review, site, footer, colors)
    return None


def card_alts(site: Site) -> dict[str, str]:
    """Every card of the site in words (card URI -> text), worked out once per build."""
    return {uri: card_alt(card) for uri, card in cards(site, "", CardColors()).items()}


def meta_tags(
    spec: PageSpec | None,
    site: Site,
    site_url: str,
    url: str,
    title: str,
    description: str,
    alts: dict[str, str] | None = None,
) -> str:
    """Open Graph and Twitter Card tags for a page; every URL absolute; the card described in words."""
    article = spec is not None and spec.entry is not None
    tags = [
        ("property", "og:type", "article" if article else "website"),
        ("property", "og:site_name", site.settings.site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("name", "twitter:card", "summary_large_image" if site.settings.cards else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if site.settings.cards:  # the card files exist
        shown = shown_card(spec, site)
        uri = card_uri(shown) if shown is not None else DEFAULT_CARD
        image, alts = urljoin(site_url, uri), alts if alts is not None else card_alts(site)
        alt = alts.get(uri, "")
        tags += [
            ("property", "og:image", image),
            ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", "1200"),
            ("property", "og:image:height", "630"),
            ("property", "og:image:alt", alt),
            ("name", "twitter:image", image),
            ("name", "twitter:image:alt", alt),
        ]
    if spec is not None and spec.entry is not None:
        tags.append(("property", "article:published_time", spec.entry.moment.isoformat()))
        tags += [("property", "article:tag", tag) for tag in spec.entry.tags]
    return "".join(f'<meta {kind}="{key}" content="{escape(value)}">' for kind, key, value in tags if value)


def card_alt(card: Card) -> str:
    """What a card shows, in words, for people who cannot see it."""
    hero = f"{card.hero.number} {card.hero.unit}" if card.hero is not None else ""
    rows = [(bar.label, bar.value) for bar in card.rows]
    return card_description(card.title, card.badge, (hero, card.cheer), rows, card.picture_alt)


def footer_text(site_url: str) -> str:
    """example.github.io/clay-and-kindness: the address printed on cards."""
    parts = urlsplit(site_url)
    return (parts.netloc + parts.path).rstrip("/")
