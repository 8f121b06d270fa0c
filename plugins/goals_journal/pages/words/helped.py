"""The words of the help pages: roundups, How I helped and the year in review, and where help was given."""

from __future__ import annotations

import datetime as dt

from ...core.roundups import Roundup
from . import PEOPLE, how_many, kind_title, kind_words, plural, roundup_label, short_date

# A helped item's `where:` as people write platform names; a value not listed here is capitalised
# ("forum" -> "Forum"), and one the author wrote with any capital letter is kept as written.
PLATFORM_NAMES = {
    "mastodon": "Mastodon",
    "x": "X",
    "twitter": "Twitter",
    "linkedin": "LinkedIn",
    "bluesky": "Bluesky",
    "github": "GitHub",
    "gitlab": "GitLab",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "threads": "Threads",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "reddit": "Reddit",
    "discord": "Discord",
    "slack": "Slack",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "signal": "Signal",
    "pixelfed": "Pixelfed",
    "email": "Email",
    "e-mail": "Email",
    "irl": "In person",
}
NOT_GIVEN = "Not given"  # a helped item without `where:`
KEPT_PRIVATE = "Kept private"  # where a private act was given is not shown either
ON = "on"  # where an act of help was given: on Mastodon
FROM = "from"  # an act of help and the entry it is recorded in
WEEK_BY_WEEK = "Week by week"
MONTH_BY_MONTH = "Month by month"
ALL_TOGETHER = "All together"
BY_KIND = "What kind of help"
BY_PLACE = "Where"
QUIET = "quiet"  # a week or month without any help, listed with 0
ALL_PRIVATE = "all kept private"  # a period whose help is all private: listed, without a page
AGAIN = "Helped more than once"
EVERY_PERIOD = "Every week and month"
BUSIEST = "The busiest week was"
BREAKDOWN = "By kind"  # the accessible name of the list under the big number


def platform_name(where: str) -> str:
    """Mastodon, LinkedIn, Forum: a platform as readers know it; the author's own capitals are kept."""
    if where != where.lower():
        return where
    return PLATFORM_NAMES.get(where, where[:1].upper() + where[1:])


def big_number_words(count: int, when: str) -> str:
    """people helped this week (the words after the big number)."""
    return f"{plural(count, *PEOPLE)} helped {when}".rstrip()


def roundup_when(roundup: Roundup) -> str:
    """this week, this month."""
    return f"this {roundup.per}"


def since_words(first: dt.date | None) -> str:
    """since 28 Sep 2026 (the day of the journal's first entry)."""
    return f"since {short_date(first)}" if first else ""


def review_when(year: int) -> str:
    """in 2026."""
    return f"in {year}"


def times(count: int) -> str:
    """@jane, 3 times."""
    return how_many(count, "time", "times")


def period_tooltip(roundup: Roundup) -> str:
    """16–22 Nov 2026: 2 answers, 1 resource (a row of the week-by-week list)."""
    kinds = ", ".join(kind_words(kind, count) for kind, count in roundup.counts())
    return f"{roundup_label(roundup)}: {kinds or 'no help recorded'}"


def segment_title(kind: str, count: int) -> str:
    """Answers: 4 (a part of a breakdown bar)."""
    return f"{kind_title(kind)}: {count}"


def review_lead(entries: int) -> str:
    """I wrote 33 journal entries."""
    return f"I wrote {how_many(entries, 'journal entry', 'journal entries')}."


def busiest_week_end(acts: int) -> str:
    """, with 4 acts of help. (after "The busiest week was" and the week's dates)"""
    return f", with {how_many(acts, 'act', 'acts')} of help."


def more_kept_private(count: int) -> str:
    """1 more was kept private."""
    return f"{count} more {plural(count, 'was', 'were')} kept private."
