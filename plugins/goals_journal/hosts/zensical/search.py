"""What Zensical's search leaves out: the parts of a page the templates mark as not indexed (pictures, data
tables, lists of entries, pagers) get `data-search-exclude`, the attribute Zensical's index skips."""

from __future__ import annotations

from html.parser import HTMLParser

from ...pages.render import UNINDEXED, Fragments

EXCLUDE = " data-search-exclude"
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)  # elements without an end tag


class _TopLevel(HTMLParser):
    """Finds where each top-level element of an HTML fragment starts (after its tag name)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.ends_of_names: list[tuple[int, int]] = []  # (line, column) just after each tag name

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An element opens: remember it when it is at the top."""
        if self.depth == 0:
            self._remember(tag)
        if tag not in _VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing element (SVG's, mostly)."""
        if self.depth == 0:
            self._remember(tag)

    def handle_endtag(self, tag: str) -> None:
        """An element closes."""
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)

    def _remember(self, tag: str) -> None:
        """The position just after the tag name of the start tag being read."""
        line, column = self.getpos()
        self.ends_of_names.append((line, column + 1 + len(tag)))


def excluded(part: str) -> str:
    """An HTML fragment with `data-search-exclude` on each of its top-level elements."""
    finder = _TopLevel()
    finder.feed(part)
    finder.close()
    line_starts = [0]
    for line in part.split("\n")[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    cuts = sorted(line_starts[line - 1] + column for line, column in finder.ends_of_names)
    pieces, last = [], 0
    for cut in cuts:
        pieces += [part[last:cut], EXCLUDE]
        last = cut
    return "".join([*pieces, part[last:]])


def unsearched(html: str) -> str:
    """HTML with every not-indexed part marked for Zensical's search (and the marks taken out)."""
    return UNINDEXED.sub(lambda match: excluded(match.group(1)), html)


def for_zensical(fragments: Fragments) -> Fragments:
    """A page's HTML as Zensical's search should see it."""
    return Fragments(unsearched(fragments.before), unsearched(fragments.after))
