"""The words of the help pages: roundups, How I helped and the year in review, and where help was given."""

from __future__ import annotations

import datetime as dt

from ...core.roundups import Roundup
from . import kind_title, kinds_text, number, roundup_label, short_date
from .language import _, n_

# A helped item's `where:` as people write platform names; a value not listed here is capitalised
# ("forum" -> "Forum"), and one the author wrote with any capital letter is kept as written.
# Names are not translated; "irl" and "email" are words, so they are (see platform_name).
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
}


def platform_name(where: str) -> str:
    """Mastodon, LinkedIn, Forum: a platform as readers know it; the author's own capitals are kept."""
    if where != where.lower():
        return where
    if where in ("email", "e-mail"):
        return _("Email")
    if where == "irl":
        return _("In person")
    return PLATFORM_NAMES.get(where, where[:1].upper() + where[1:])


def not_given() -> str:
    """Where an act of help was given, when its `where:` is missing."""
    return _("Not given")


def kept_private() -> str:
    """Where a private act was given: not shown either."""
    return _("Kept private")


def on_platform(where: str) -> str:
    """on Mastodon: where an act of help was given."""
    return _("on %(platform)s", platform=platform_name(where))


def from_entry() -> str:
    """from: the words between an act of help and the entry it is recorded in."""
    return _("from")


def big_number_words(count: int, when: str) -> str:
    """people helped this week (the words after the big number: `when` is this week, in 2026 …)."""
    if not when:
        return n_("person helped", "people helped", count)
    return n_("person helped %(when)s", "people helped %(when)s", count, when=when)


def roundup_when(roundup: Roundup) -> str:
    """this week, this month."""
    return _("this week") if roundup.per == "week" else _("this month")


def since_words(first: dt.date | None) -> str:
    """since 28 Sep 2026 (the day of the journal's first entry)."""
    return _("since %(date)s", date=short_date(first)) if first else ""


def review_when(year: int) -> str:
    """in 2026."""
    return _("in %(year)s", year=year)


def times(count: int) -> str:
    """@jane, 3 times."""
    return n_("%(count)s time", "%(count)s times", count)


def period_tooltip(roundup: Roundup) -> str:
    """16–22 Nov 2026: 2 answers, 1 resource (a row of the week-by-week list)."""
    kinds = kinds_text(roundup.acts) or _("no help recorded")
    return _("%(period)s: %(kinds)s", period=roundup_label(roundup), kinds=kinds)


def segment_title(kind: str, count: int) -> str:
    """Answers: 4 (a part of a breakdown bar)."""
    return _("%(kind)s: %(count)s", kind=kind_title(kind), count=number(count))


def review_lead(entries: int) -> str:
    """I wrote 33 journal entries."""
    return n_("I wrote %(count)s journal entry.", "I wrote %(count)s journal entries.", entries)


def more_kept_private(count: int) -> str:
    """1 more was kept private."""
    return n_("%(count)s more was kept private.", "%(count)s more were kept private.", count)
