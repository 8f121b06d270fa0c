"""Glue to MkDocs' theme: the plugin's stylesheet, its page for a missing address, and the context of
the templates MkDocs renders on its own (the sitemap and that page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from ...config.languages import LanguageBuild
from ...pages.render import render_not_found
from ...pages.site import Site
from ..outputs import CSS_URI
from . import identity, languages, search
from .files import sitemap_pages

TEMPLATES = Path(__file__).resolve().parent / "theme"  # 404.html: the theme's page with our content


def add_theme_parts(config: MkDocsConfig) -> None:
    """The stylesheet, and the plugin's 404.html ahead of the theme's (a custom_dir's stays first)."""
    if CSS_URI not in config.extra_css:
        config.extra_css.append(CSS_URI)
    dirs = config.theme.dirs
    if str(TEMPLATES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))


def template_context(context: Any, template_name: str, site: Site, config: MkDocsConfig) -> Any:
    """The sitemap without the share page; the 404 page's content, linked from the site's root path
    (and the build's language folder)."""
    if template_name == "sitemap.xml":
        return sitemap_pages(context)
    if template_name == "404.html":
        root = (urlsplit(config.site_url or "/").path or "/") + site.settings.language_dir
        context["gj_not_found"] = render_not_found(site, root, has_search(config))
    return context


def has_search(config: MkDocsConfig) -> bool:
    """Whether the pages have Material's search box (the 404 page's search button opens it)."""
    return config.theme.name == "material" and any(name.endswith("search") for name in config.plugins)


def finished(
    output: str,
    template_name: str,
    config: MkDocsConfig,
    rel_me: tuple[str, ...],
    build: LanguageBuild | None,
) -> str:
    """A template MkDocs rendered, finished: the 404 page marked as every page is (rel=me links, a name
    for Material's search dialog), and another language's written in its folder (see languages)."""
    if template_name != "404.html":
        return output
    return languages.not_found_page(
        identity.mark(search.name_search_dialog(output), config, rel_me), build, config
    )
