"""What a person did online, read from a platform's archive: the input of `goals import`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

PLATFORMS = ("mastodon", "bluesky", "x", "linkedin")
# post: an own post (its links decide shared_own / shared_others); reply: a reply to someone else;
# boost: a repost of someone else's post; quote: an own post quoting someone else's.
ACTIVITY_KINDS = ("post", "reply", "boost", "quote")


@dataclass(frozen=True)
class Activity:
    """One thing the author did on a platform that the import may count."""

    platform: str  # one of PLATFORMS
    id: str  # stable within the platform: recorded in the entry, so a re-import skips it
    when: dt.datetime  # timezone-aware
    kind: str  # one of ACTIVITY_KINDS
    url: str = ""  # the activity's own address, when the archive gives one
    links: tuple[str, ...] = ()  # addresses in the author's own text (not in what was boosted)
    text: str = ""  # the author's own words, as plain text (never the words of a boosted post)
    replied_to: str = ""  # for replies: who was answered (@name, or a profile address)
    private: bool = False  # followers-only: counted, and its helped item is private


@dataclass(frozen=True)
class Archive:
    """An archive read: whose it is, what it holds, and what was left out and why."""

    platform: str
    path: str  # as the author gave it, for messages
    author: str = ""  # the account, e.g. @me@example.social
    activities: tuple[Activity, ...] = ()
    left_out: Counter[str] = field(default_factory=Counter)  # reason -> how many ("direct messages")


class ArchiveError(Exception):
    """The file is not an archive of the platform, or it is damaged: the message says what was expected."""
