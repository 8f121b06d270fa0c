"""Plain text from Markdown and from HTML, shortened the same way, for descriptions and feed summaries."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_TAG = re.compile(r"<[^>]+>")


def shorten(text: str, limit: int) -> str:
    """Text cut at a word to at most `limit` characters, ending with … when cut."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def markdown_summary(body: str, limit: int = 200) -> str:
    """The first paragraph of a Markdown body as plain text, shortened to `limit` characters."""
    paragraph: list[str] = []
    for line in body.split("\n"):
        text = line.strip()
        if not text:
            if paragraph:
                break
            continue
        if text.startswith(("#", "<", "!", "|", "```", "---")):
            if paragraph:
                break
            continue
        paragraph.append(text.lstrip(">*- ").strip())
    plain = _LINK.sub(r"\1", " ".join(paragraph))
    return shorten(_EMPHASIS.sub("", plain), limit)


def html_text(fragment: str, limit: int = 300) -> str:
    """Text without markup, whitespace folded, shortened to `limit` characters."""
    return shorten(" ".join(html.unescape(_TAG.sub(" ", fragment)).split()), limit)
