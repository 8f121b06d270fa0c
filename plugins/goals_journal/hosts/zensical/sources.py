"""What the Zensical host builds from: mkdocs.yml as MkDocs reads it (the CLI reads it), as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...config.options import SiteConfig


@dataclass(frozen=True)
class DocsFile:
    """A file of the author's docs/ as MkDocs sees it: its path in docs/, its file, whether it is in the
    menu (not `not_in_nav`), and whether it is a draft (`draft_docs`: only previewed)."""

    uri: str
    path: Path
    in_nav: bool = True
    draft: bool = False


@dataclass(frozen=True)
class MarkdownSettings:
    """The Markdown extensions and their settings, as MkDocs gives them to Python-Markdown."""

    extensions: list[Any] = field(default_factory=list)
    configs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sources:
    """A journal to build with Zensical."""

    config_file: Path  # the author's mkdocs.yml
    plugin_options: Any  # the goals-journal options, as MkDocs read and checked them
    site: SiteConfig
    docs: tuple[DocsFile, ...]
    markdown: MarkdownSettings
    profiles: frozenset[str] = frozenset()  # the addresses of `extra.social` (rel=me)
    edit_uri: str | None = None  # where MkDocs says "edit this page" leads, below repo_url
    edit_links: bool = False  # the theme shows "edit this page" (repo_url and the edit or view feature)
    plugins: tuple[str, ...] = ()  # the plugins mkdocs.yml names
    hooks: tuple[str, ...] = ()  # the MkDocs hooks mkdocs.yml names
