"""The Markdown extension that puts the plugin's HTML around a generated page's own, as Zensical renders it.

Zensical runs no MkDocs plugins, but it converts Markdown with Python-Markdown and the extensions of its
config. A generated page's Markdown opens with an HTML comment holding the plugin's HTML for the page
(`embed`); once the rest is converted, this extension takes the comment out and puts the HTML before the
page's own (after its first heading, if any) and after it, exactly as the MkDocs host does after MkDocs
converts a page. The HTML is in the page's file, so Zensical's cache sees every change to it.

Zensical reads the links of a page's HTML as relative to the page's file, as MkDocs reads Markdown
links: on a page that is not an index page (with directory URLs), it puts `../` before each relative
`href` and `src`. The plugin's links, and those of an entry's text, are relative to the page's address,
so they are written relative to its file instead (`relative_to_file`)."""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ...pages.render import Fragments
from ..outputs import surround

NAME = "goals_journal.hosts.zensical.fragments"  # how Zensical's config names this extension
_START = "<!--goals-journal:fragments "
_EMBEDDED = re.compile(re.escape(_START) + r"(\{.*?\})-->\n*", re.S)
_LINK = re.compile(r"""(\s(?:href|src)\s*=\s*)(["'])(.*?)\2""", re.I | re.S)


def embed(fragments: Fragments, has_heading: bool, folder: str = "", mark: str = "") -> str:
    """The comment that carries a page's HTML through Python-Markdown (no '-' in it, so no '--');
    `folder` is the name of the page's own folder when it is not in its file's (x.md -> x/), `mark`
    what goes before all of the page (a draft's mark while previewing)."""
    data = {
        "before": fragments.before,
        "after": fragments.after,
        "heading": has_heading,
        "folder": folder,
        "mark": mark,
    }
    return _START + json.dumps(data).replace("-", "\\u002d") + "-->\n\n"


def relative_to_file(html: str, folder: str) -> str:
    """HTML whose relative links lead from the page's folder, rewritten to lead from its file's folder."""

    def rewrite(match: re.Match[str]) -> str:
        parts = urlsplit(match.group(3))
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return match.group(0)
        path = posixpath.normpath(posixpath.join(folder, parts.path))
        path = "./" if path == "." else path + ("/" if parts.path.endswith("/") and path != "." else "")
        return match.group(1) + match.group(2) + urlunsplit(parts._replace(path=path)) + match.group(2)

    return _LINK.sub(rewrite, html)


def placed(html: str) -> str:
    """A converted page with the HTML its comment carries put in place (unchanged without one)."""
    found = _EMBEDDED.search(html)
    if found is None:
        return html
    data = json.loads(found.group(1))
    own = html[: found.start()] + html[found.end() :]
    has_heading = bool(data["heading"]) and own.lstrip().startswith("<h1")
    page = data["mark"] + surround(own, has_heading, Fragments(data["before"], data["after"]))
    return relative_to_file(page, data["folder"]) if data["folder"] else page


class _PlaceFragments(Postprocessor):
    """Puts the plugin's HTML in place once the page's own HTML is final (after raw HTML is restored)."""

    def run(self, text: str) -> str:
        """The page with the plugin's HTML around it."""
        return placed(text)


class FragmentsExtension(Extension):
    """Registers the postprocessor that places the plugin's HTML."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Run after every other postprocessor of Python-Markdown (raw HTML is restored at 30)."""
        md.postprocessors.register(_PlaceFragments(md), "goals_journal_fragments", 1)


def makeExtension(**kwargs: Any) -> FragmentsExtension:
    """The extension, as Python-Markdown loads it by name."""
    return FragmentsExtension(**kwargs)
