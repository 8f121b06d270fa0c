"""Shields-style SVG badges of a goal's progress, for profiles and READMEs, in the site's colours.

A goal that is on track, achieved or simply active wears the site's primary colour; one that is
behind wears the colour-blind safe partner of it (pages.palette.behind_color); paused, dropped and
upcoming goals are grey. Every colour is deepened until its text has at least 4.5:1 contrast."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape

from ..core.progress import GoalProgress
from ..core.settings import CardColors
from ..pages import palette
from ..pages.words.sharing import badge_message
from .fonts import text_width

LABEL_FILL, LABEL_TEXT = "#555555", "#ffffff"  # the grey label half, as shields draws it (7.5:1)
PRIMARY_STATES = ("on-track", "achieved", "active")
NEUTRAL_STATES = ("paused", "dropped", "upcoming")


@dataclass(frozen=True)
class BadgeColor:
    """The fill of a badge's message half and the colour of its text."""

    fill: str
    text: str


def state_colors(colors: CardColors) -> dict[str, BadgeColor]:
    """Each goal state's badge colours, from the site's primary colour."""
    text = colors.on_primary
    good = BadgeColor(palette.readable(colors.primary, text), text)
    behind = palette.readable(palette.behind_color(good.fill), palette.LIGHT_TEXT)
    grey = BadgeColor(palette.readable(palette.NEUTRAL, palette.LIGHT_TEXT), palette.LIGHT_TEXT)
    return {
        **dict.fromkeys(PRIMARY_STATES, good),
        "behind": BadgeColor(behind, palette.LIGHT_TEXT),
        **dict.fromkeys(NEUTRAL_STATES, grey),
    }


def badge(label: str, message: str, color: BadgeColor) -> str:
    """A shields-style SVG badge: a grey label and a coloured message."""
    label_width, message_width = round(text_width(label, 11) * 1.1), round(text_width(message, 11) * 1.1)
    left, right = label_width + 12, message_width + 12
    total = left + right
    title = escape(f"{label}: {message}")
    ident = "b" + hashlib.sha256(f"{label}|{message}".encode()).hexdigest()[:8]  # unique ids if inlined
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{title}">'
        f"<title>{title}</title>"
        f'<clipPath id="{ident}r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#{ident}r)"><rect width="{left}" height="20" fill="{LABEL_FILL}"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{color.fill}"/></g>'
        f'<g text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="{left / 2:.1f}" y="14" fill="{LABEL_TEXT}" textLength="{label_width}" '
        f'lengthAdjust="spacingAndGlyphs">{escape(label)}</text>'
        f'<text x="{left + right / 2:.1f}" y="14" fill="{color.text}" textLength="{message_width}" '
        f'lengthAdjust="spacingAndGlyphs">{escape(message)}</text></g></svg>'
    )


def goal_badge(progress: GoalProgress, colors: CardColors) -> str:
    """help others | 62% · on track, coloured by the goal's state."""
    color = state_colors(colors)[progress.state]
    return badge(progress.goal.id.replace("-", " ").replace("_", " "), badge_message(progress), color)
