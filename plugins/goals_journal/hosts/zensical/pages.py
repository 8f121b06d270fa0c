"""The generated pages as Markdown files: front matter (title, description, search, head tags, last
change), the plugin's HTML in a comment (see fragments), then the page's own Markdown."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import yaml
from markupsafe import Markup

from ...pages import words
from ...pages.plan import MASTODON_PAGE, PageSpec
from ...pages.render import Fragments
from ...pages.site import Site
from ..outputs import opens_with_heading
from .fragments import embed
from .search import for_zensical

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # C-accelerated when available
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class OwnText:
    """A page's own Markdown and metadata: the plugin's, or a hand-written intro's (docs/index.md)."""

    meta: dict[str, Any]
    markdown: str


def own_text(spec: PageSpec, intro: str | None) -> OwnText:
    """The page's own text: a hand-written intro with its front matter, or the plugin's Markdown."""
    if intro is None:
        return OwnText({}, spec.markdown)
    text = intro
    found = _FRONT.match(text)
    if found is None:
        return OwnText({}, text)
    try:  # as MkDocs reads front matter: when it is not a mapping, the whole file is the text
        meta = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        meta = None
    return OwnText(meta, text[found.end() :]) if isinstance(meta, dict) else OwnText({}, text)


def page_markdown(spec: PageSpec, site: Site, own: OwnText, fragments: Fragments, head: str) -> str:
    """A generated page's Markdown file for Zensical."""
    meta = dict(own.meta)
    meta.setdefault("title", str(Markup.escape(spec.title)))  # Material prints it as HTML
    if spec.description:
        meta.setdefault("description", str(Markup.escape(spec.description)))
    if not spec.searchable:
        meta.setdefault("search", {"exclude": True})
    changed = site.last_changed(spec)
    meta["goals_journal"] = {
        "head": head,
        "lastmod": changed.isoformat() if changed else "",
        "unlisted": spec.uri == MASTODON_PAGE,  # a utility page, not one to find
    }
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=2**20)
    heading = opens_with_heading(own.markdown)
    folder = own_folder(spec.uri, site.settings.directory_urls)
    comment = embed(for_zensical(fragments), heading, folder, draft_mark() if spec.draft else "")
    return f"---\n{front}---\n\n{comment}{own.markdown}\n"


def draft_mark() -> str:
    """The mark a draft gets while previewing, as MkDocs' serve marks drafts."""
    title = html.escape(words.DRAFT_MARK_TITLE)
    return f'<div class="mkdocs-draft-marker" title="{title}">{html.escape(words.DRAFT_MARK)}</div>'


def own_folder(uri: str, directory_urls: bool) -> str:
    """The folder a page has for itself, when its address is not its file's folder (x.md -> x/), or ""."""
    name = uri.rsplit("/", 1)[-1].removesuffix(".md")
    return name if directory_urls and name not in ("index", "README") else ""
