"""Keep relative links in goal and entry text working after their pages move to new addresses."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

HIDDEN = ""  # what a resolver returns for a target that must not be linked (private or draft)

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE = re.compile(r"(!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\])\((<[^>\n]*>|[^)\s]+)([^)\n]*)\)")
_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]]+\]:[ \t]*)(<[^>\n]*>|\S+)(.*)$")
_EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#)")

# site_uri(path) -> the site URI the file at `path` is published at, HIDDEN, or None (leave the link)
Resolver = Callable[[Path], "str | None"]


@dataclass(frozen=True)
class WrittenLink:
    """A relative link in a body: its line and the file it leads to."""

    line: int
    target: Path


@dataclass(frozen=True)
class Rewritten:
    """A body with its links rewritten, the site URIs it links, the links it removed (to hidden
    pages) and the relative links that lead to no page or file of the site (left as written)."""

    markdown: str
    linked: frozenset[str] = frozenset()
    removed: tuple[WrittenLink, ...] = ()
    unresolved: tuple[WrittenLink, ...] = ()


def rewrite_links(
    markdown: str, source: Path, page_uri: str, site_uri: Resolver, first_line: int = 1
) -> Rewritten:
    """Rewrite relative links written from `source` so they work from `page_uri`; unlink hidden pages."""
    if "](" not in markdown and "]:" not in markdown:
        return Rewritten(markdown)
    base = posixpath.dirname(page_uri) or "."
    linked: set[str] = set()
    removed: list[WrittenLink] = []
    unresolved: list[WrittenLink] = []
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
                target = (source.parent / unquote(path)).resolve() if path else None
                uri = site_uri(target) if target is not None else None
                if uri == HIDDEN and target is not None:
                    removed.append(WrittenLink(line_number, target))
                elif uri is None and target is not None:
                    unresolved.append(WrittenLink(line_number, target))
                if uri is None or uri == HIDDEN:
                    return uri
                linked.add(uri)
                new = posixpath.relpath(uri, base) + mark + rest
                return f"<{new}>" if written.startswith("<") else new

            line = _INLINE.sub(lambda m: _inline(m, resolve), line)
            line = _REFERENCE.sub(lambda m: _reference(m, resolve), line)
        lines.append(line)
    return Rewritten("\n".join(lines), frozenset(linked), tuple(removed), tuple(unresolved))


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
