"""Shields-style SVG badges of a goal's progress, for profiles and READMEs."""

from __future__ import annotations

import hashlib
from html import escape

from ..core.progress import GoalProgress
from ..pages.words.sharing import badge_message
from .fonts import text_width

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


def goal_badge(progress: GoalProgress) -> str:
    """help others | 62% · on track."""
    return badge(
        progress.goal.id.replace("-", " ").replace("_", " "), badge_message(progress), progress.state
    )
