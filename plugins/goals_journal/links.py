"""Keep relative links in goal and entry text working after their pages move to new addresses."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

HIDDEN = ""  # what a resolver returns for a target that must not be linked (private or draft)

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE = re.compile(r"(!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\])\((<[^>\n]*>|[^)\s]+)([^)\n]*)\)")
_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]]+\]:[ \t]*)(<[^>\n]*>|\S+)(.*)$")
_EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#)")

# site_uri(path, line) -> the site URI the file at `path` is published at, HIDDEN, or None (leave it)
Resolver = Callable[[Path, int], "str | None"]


def rewrite_links(markdown: str, source: Path, page_uri: str, site_uri: Resolver, first_line: int = 1) -> str:
    """Rewrite relative links written from `source` so they work from `page_uri`; unlink hidden pages."""
    if "](" not in markdown and "]:" not in markdown:
        return markdown
    base = posixpath.dirname(page_uri) or "."
    lines, fenced = [], False
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:

            def resolve(written: str, line_number: int = number) -> str | None:
                """The new target for a written one, HIDDEN, or None to keep it."""
                bare = written[1:-1] if written.startswith("<") else written
                if not bare or _EXTERNAL.match(bare):
                    return None
                path, mark, rest = _split_suffix(bare)
                uri = site_uri((source.parent / unquote(path)).resolve(), line_number) if path else None
                if uri is None or uri == HIDDEN:
                    return uri
                new = posixpath.relpath(uri, base) + mark + rest
                return f"<{new}>" if written.startswith("<") else new

            line = _INLINE.sub(lambda m: _inline(m, resolve), line)
            line = _REFERENCE.sub(lambda m: _reference(m, resolve), line)
        lines.append(line)
    return "\n".join(lines)


def _inline(match: re.Match[str], resolve: Callable[[str], str | None]) -> str:
    """[text](target): rewritten, left alone, or reduced to its text (images to nothing) when hidden."""
    label, written, rest = match.groups()
    new = resolve(written)
    if new is None:
        return match.group(0)
    if new == HIDDEN:
        return "" if label.startswith("!") else label[1:-1]
    return f"{label}({new}{rest})"


def _reference(match: re.Match[str], resolve: Callable[[str], str | None]) -> str:
    """[id]: target, rewritten, left alone, or dropped when hidden."""
    label, written, rest = match.groups()
    new = resolve(written)
    if new is None:
        return match.group(0)
    return "" if new == HIDDEN else f"{label}{new}{rest}"


def _split_suffix(target: str) -> tuple[str, str, str]:
    """Split 'a.md#part' into ('a.md', '#', 'part'), and likewise for '?query'."""
    for mark in ("#", "?"):
        if mark in target:
            path, _, rest = target.partition(mark)
            return path, mark, rest
    return target, "", ""
