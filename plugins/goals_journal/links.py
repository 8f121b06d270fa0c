"""Keep relative links in goal and entry text working after their pages move to new addresses."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE = re.compile(r"(\]\()(<[^>\n]*>|[^)\s]+)")
_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]]+\]:[ \t]*)(<[^>\n]*>|\S+)")
_EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#)")


def rewrite_links(markdown: str, source: Path, page_uri: str, site_uri: Callable[[Path], str | None]) -> str:
    """Rewrite relative link targets written from `source` so they work from the page at `page_uri`."""
    if "](" not in markdown and "]:" not in markdown:
        return markdown
    base = posixpath.dirname(page_uri)

    def target(match: re.Match[str]) -> str:
        written = match.group(2)
        bare = written[1:-1] if written.startswith("<") else written
        if not bare or _EXTERNAL.match(bare):
            return match.group(0)
        path, mark, rest = _split_suffix(bare)
        uri = site_uri((source.parent / unquote(path)).resolve()) if path else None
        if uri is None:
            return match.group(0)
        new = posixpath.relpath(uri, base or ".") + mark + rest
        return match.group(1) + (f"<{new}>" if written.startswith("<") else new)

    lines, fenced = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            line = _REFERENCE.sub(target, _INLINE.sub(target, line))
        lines.append(line)
    return "\n".join(lines)


def _split_suffix(target: str) -> tuple[str, str, str]:
    """Split 'a.md#part' into ('a.md', '#', 'part'), and likewise for '?query'."""
    for mark in ("#", "?"):
        if mark in target:
            path, _, rest = target.partition(mark)
            return path, mark, rest
    return target, "", ""
