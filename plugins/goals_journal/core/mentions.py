"""Webmentions of an entry as data, read from the JF2 JSON of a webmention.io-compatible API.

What others wrote is read defensively: an item that is not what JF2 says (no http(s) address, not
an object, marked private) is left out, never a traceback. Texts are plain text, cut to a length."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

MENTION_KINDS = ("reply", "like", "repost", "mention")
PROPERTY_KINDS = {  # JF2 `wm-property` -> kind
    "in-reply-to": "reply",
    "like-of": "like",
    "repost-of": "repost",
    "mention-of": "mention",
    "bookmark-of": "mention",
}
NAME_LENGTH, TEXT_LENGTH = 80, 600  # longer names and reply texts are cut, with "…"


@dataclass(frozen=True)
class Mention:
    """One response to an entry from elsewhere on the web."""

    kind: str  # one of MENTION_KINDS
    url: str  # where the response is (http or https)
    author_name: str = ""
    author_url: str = ""  # http(s) or ""
    author_photo: str = ""  # kept, never shown: a page makes no request to another site
    content: str = ""  # plain text, for replies and mentions
    published: dt.date | None = None


def web_address(value: Any) -> str:
    """`value` when it is an absolute http(s) URL without spaces, else ""."""
    if not isinstance(value, str) or any(ch.isspace() or ord(ch) < 32 for ch in value.strip()):
        return ""
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    return value if parts.scheme in ("http", "https") and parts.hostname else ""


def _text(value: Any, length: int) -> str:
    """`value` as one line of plain text of at most `length` characters."""
    if isinstance(value, dict):
        value = value.get("text") or value.get("value") or ""
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _day(value: Any) -> dt.date | None:
    """The day of an ISO 8601 date or date-time, or None."""
    try:
        return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def read_item(item: Any) -> Mention | None:
    """One JF2 child as a Mention, or None when it is malformed, private or of no known kind."""
    if not isinstance(item, dict) or item.get("wm-private") is True:
        return None
    prop, author = item.get("wm-property"), item.get("author")
    kind = PROPERTY_KINDS.get(prop) if isinstance(prop, str) else None
    url = web_address(item.get("url")) or web_address(item.get("wm-source"))
    if kind is None or not url:
        return None
    if not isinstance(author, dict):
        author = {}
    return Mention(
        kind=kind,
        url=url,
        author_name=_text(author.get("name"), NAME_LENGTH),
        author_url=web_address(author.get("url")),
        author_photo=web_address(author.get("photo")),
        content=_text(item.get("content"), TEXT_LENGTH) if kind in ("reply", "mention") else "",
        published=_day(item.get("published")) or _day(item.get("wm-received")),
    )


def read_feed(data: bytes | str) -> tuple[Mention, ...] | None:
    """The mentions of a JF2 feed (oldest first, each once); None when `data` is not a JF2 feed at all."""
    try:
        feed = json.loads(data)
    except (ValueError, RecursionError):
        return None
    children = feed.get("children") if isinstance(feed, dict) else None
    if not isinstance(children, list):
        return None
    mentions, seen = [], set()
    for item in children:
        mention = read_item(item)
        if mention is not None and (mention.kind, mention.url) not in seen:
            seen.add((mention.kind, mention.url))
            mentions.append(mention)
    mentions.sort(key=lambda m: (m.published is None, m.published or dt.date.min))
    return tuple(mentions)
