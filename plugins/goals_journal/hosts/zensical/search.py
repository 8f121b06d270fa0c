"""What Zensical's search leaves out: the parts of a page the templates mark as not indexed (pictures, data
tables, lists of entries, pagers) get `data-search-exclude`, the attribute Zensical's index skips."""

from __future__ import annotations

import re

from ...pages.render import UNINDEXED, Fragments

EXCLUDE = " data-search-exclude"
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)  # elements without an end tag
# The templates' own HTML: comments, and tags whose attribute values are escaped (no '>' in them).
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w:.-]*)[^>]*?(/?)>", re.S)


def excluded(part: str) -> str:
    """An HTML fragment of the templates with `data-search-exclude` on each of its top-level elements."""
    pieces, last, depth = [], 0, 0
    for tag in _TAG.finditer(part):
        closing, name, self_closing = tag.group(1), tag.group(2), tag.group(3)
        if name is None:  # a comment
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        if depth == 0:
            cut = tag.start() + 1 + len(name)
            pieces += [part[last:cut], EXCLUDE]
            last = cut
        if not self_closing and name.lower() not in _VOID:
            depth += 1
    return "".join([*pieces, part[last:]])


def unsearched(html: str) -> str:
    """HTML with every not-indexed part marked for Zensical's search (and the marks taken out)."""
    return UNINDEXED.sub(lambda match: excluded(match.group(1)), html)


def for_zensical(fragments: Fragments) -> Fragments:
    """A page's HTML as Zensical's search should see it."""
    return Fragments(unsearched(fragments.before), unsearched(fragments.after))
