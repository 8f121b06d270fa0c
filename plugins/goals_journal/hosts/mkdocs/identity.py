"""The author's identity on every page (IndieWeb rel=me): the profiles of Material's `extra.social`
links marked `rel="me"`, and the `rel_me` option's addresses as `<link rel="me">` in the head."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from ..heads import me_links, social_profiles

_ANCHOR = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_REL = re.compile(r"""\srel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def mark(output: str, config: Any, rel_me: Sequence[str]) -> str:
    """A page's HTML with rel="me" on every link to a social profile, and rel=me links in its head."""
    profiles = social_profiles(config)
    if profiles:
        output = _ANCHOR.sub(lambda match: with_me(match.group(0), profiles), output)
    if rel_me:
        output = output.replace("</head>", me_links(rel_me) + "</head>", 1)
    return output


def with_me(tag: str, profiles: frozenset[str]) -> str:
    """An <a> start tag with "me" added to its rel when it links one of the profiles."""
    href = _HREF.search(tag)
    if href is None or html.unescape(_value(href)).strip() not in profiles:
        return tag
    rel = _REL.search(tag)
    if rel is None:
        end = len(tag) - (2 if tag.endswith("/>") else 1)
        return tag[:end] + ' rel="me"' + tag[end:]
    values = html.unescape(_value(rel)).split()
    if "me" in (value.lower() for value in values):
        return tag
    return tag[: rel.start()] + f' rel="{html.escape(" ".join([*values, "me"]))}"' + tag[rel.end() :]


def _value(match: re.Match[str]) -> str:
    """The value of a quoted attribute."""
    return match.group(1) if match.group(1) is not None else match.group(2)
