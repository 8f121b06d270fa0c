"""Glue to MkDocs' files and nav: the generated pages and files of the site, and lone pages as links."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import dirname_to_title

from ...config.languages import LanguageBuild
from ...core.settings import Settings
from ...outputs.feeds import FeedPlan
from ...pages.plan import INTRO_KINDS, MASTODON_PAGE, NOW_PAGE, PageSpec
from ...pages.site import Site
from ...speed.memory import BuildMemory
from ...speed.prerender import PageJob, Prerender
from ..outputs import opens_with_heading
from .languages import place

GOALS_PAGE = "goals/index.md"  # the now page follows it in the menu
NO_META = "---\n{}\n---\n\n"  # keeps MkDocs from reading 'Key: value' body lines as metadata


class GeneratedPage(File):
    """A page the plugin writes; `mkdocs serve --dirty` rebuilds it only when what it shows changed."""

    changed = True

    def is_modified(self) -> bool:
        """Changed since the last build of this serve session, or not written yet."""
        return self.changed or not os.path.isfile(self.abs_dest_path)


class RootCopy(File):
    """A language-neutral file that the default language's build wrote at the site's root: the
    pages of another language (in their folder) link it there, and their build leaves it alone."""

    def copy_file(self, dirty: bool = False) -> None:
        """Written already, once."""

    def is_modified(self) -> bool:
        """Never: there is nothing to write."""
        return False


@dataclass(frozen=True)
class AddedPage:
    """A generated page in MkDocs' files, what to render for it, and its Markdown."""

    file: GeneratedPage
    job: PageJob
    markdown: str


def add_pages(
    site: Site, files: Files, config: MkDocsConfig, build: LanguageBuild | None = None
) -> list[AddedPage]:
    """One generated page per planned page (in the `build`'s language folder); docs/ pages at the same
    path become intros, or are hidden (the recipe has warned about those)."""
    added = []
    # Entries first: their Markdown keeps MkDocs busy while a second core renders the heavier pages.
    for spec in sorted(site.pages.values(), key=lambda spec: spec.kind != "entry"):
        content = NO_META + spec.markdown
        existing = files.get_file_from_path(spec.uri)
        if existing is not None:
            if spec.kind in INTRO_KINDS:
                content = existing.content_string
            files.remove(existing)
        inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
        if spec.draft:
            inclusion = InclusionLevel.DRAFT
        file = GeneratedPage.generated(config, spec.uri, content=content, inclusion=inclusion)
        assert isinstance(file, GeneratedPage)
        place(file, build, config)
        heading = opens_with_heading(spec.markdown if content.startswith(NO_META) else content)
        if spec.source is not None:
            back_with_source(file, spec.source, config)
        files.append(file)
        added.append(AddedPage(file, PageJob(spec.uri, heading), content))
    return added


def back_with_source(file: GeneratedPage, source: Path, config: MkDocsConfig) -> None:
    """A goal or entry page backed by its real file, for plugins that read a page's file (git dates, feeds).

    MkDocs still renders the plugin's Markdown: `content_string` reads the content in memory first,
    and only falls back to `abs_src_path` without one. Pages are never copied (`copy_file` is for
    other files) and `GeneratedPage.is_modified` does not look at the file, so `serve --dirty` is
    unchanged. Without `generated_by`, git plugins read the file's history instead of skipping it.
    """
    file.abs_src_path = os.path.abspath(source)
    file.generated_by = None
    file.edit_uri = Path(os.path.relpath(source, config.docs_dir)).as_posix()  # "edit this page"


def add_file(
    files: Files,
    config: MkDocsConfig,
    uri: str,
    content: str | bytes | None = None,
    path: Path | None = None,
    build: LanguageBuild | None = None,
) -> None:
    """A file of the site, from text or bytes or from a file on disk (in the `build`'s language folder)."""
    if path is not None:
        file = File.generated(config, uri, abs_src_path=str(path))
    else:
        file = File.generated(config, uri, content=content or "")
    files.append(place(file, build, config))


def watch_journal(server: Any, settings: Settings) -> Any:
    """`mkdocs serve` rebuilds when anything under goals/ or journal/ changes."""
    for folder in (settings.goals_dir, settings.journal_dir):
        if folder.is_dir():
            server.watch(str(folder))
    return server


def lone_pages_as_links(nav: Navigation, site: Site) -> None:
    """A folder section holding only one generated page becomes that page; the now page follows Goals;
    folder sections take their index page's title."""
    title_folder_sections(nav.items, site)
    items = [_lone_page(item, site) for item in nav.items]
    now = next((item for item in items if isinstance(item, Page) and item.file.src_uri == NOW_PAGE), None)
    goals = [item for item in items if any(page.file.src_uri == GOALS_PAGE for page in _pages([item]))]
    if now is not None and goals:
        items.remove(now)
        items.insert(items.index(goals[0]) + 1, now)
        nav.pages = list(_pages(items))  # previous and next follow the menu
        for before, after in zip([None, *nav.pages], [*nav.pages, None], strict=True):
            if before is not None:
                before.next_page = after
            if after is not None:
                after.previous_page = before
    nav.items = items


def title_folder_sections(items: list[Any], site: Site) -> None:
    """A section MkDocs named after a folder of generated pages (goals/: "Goals") takes the title of
    the folder's index page, in the site's language ("Ziele"); a title given otherwise stays."""
    for item in items:
        if not isinstance(item, Section):
            continue
        for child in item.children:
            spec = site.pages.get(child.file.src_uri) if isinstance(child, Page) else None
            if spec is not None and spec.uri.endswith("/index.md"):
                folder = posixpath.basename(posixpath.dirname(spec.uri))
                if item.title == dirname_to_title(folder):
                    item.title = Markup.escape(spec.title)
        title_folder_sections(item.children, site)


def _pages(items: list[Any]) -> Iterator[Page]:
    """The pages of nav items, sections opened, in menu order."""
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)


def _lone_page(item: Any, site: Site) -> Any:
    """The page of a one-page section of generated pages, or the item as it is."""
    if isinstance(item, Section) and len(item.children) == 1 and isinstance(item.children[0], Page):
        page = item.children[0]
        if page.file.src_uri in site.pages:
            page.parent = item.parent
            return page
    if isinstance(item, Section):  # a folder of generated pages is named as its index page (in the language)
        index = next((p for p in item.children if isinstance(p, Page) and p.file.src_uri == GOALS_PAGE), None)
        if index is not None and GOALS_PAGE in site.pages:
            item.title = site.pages[GOALS_PAGE].title
    return item


def title_unread_pages(nav: Navigation, site: Site) -> None:
    """Pages a --dirty build skips are not read: give them their titles for the nav."""
    for page in nav.pages:
        spec = site.pages.get(page.file.src_uri)
        if spec is not None and page.markdown is None:
            page.markdown, page.meta = "", {"title": Markup.escape(spec.title)}


def render_ahead(
    site: Site, added: list[AddedPage], prerender: Prerender, memory: BuildMemory, in_feeds: frozenset[str]
) -> None:
    """Render every page now and mark the ones that changed since the last build (`serve --dirty`)."""
    markdown = {page.job.uri: page.markdown for page in added}
    changed = prerender.in_advance(site, markdown, [page.job for page in added], memory)
    for page in added:
        uri = page.job.uri
        page.file.changed = uri in changed or (uri in in_feeds and uri not in memory.feed_contents)


def set_meta(page: Page, spec: PageSpec, site: Site) -> None:
    """A generated page's title and description (escaped: Material prints them as HTML), search, and
    the day it last changed (the sitemap's lastmod)."""
    changed = site.last_changed(spec)
    if changed is not None:
        page.update_date = changed.isoformat()
    page.meta.setdefault("title", Markup.escape(spec.title))
    if spec.description:
        page.meta.setdefault("description", Markup.escape(spec.description))
    if not spec.searchable:
        page.meta.setdefault("search", {"exclude": True})


def sitemap_pages(context: Any) -> Any:
    """The sitemap's pages without the share utility page (it is no page to find); static-i18n's
    sitemap lists each language's pages (a copy of them: static-i18n keeps its own)."""
    context["pages"] = [file for file in context["pages"] if file.src_uri != MASTODON_PAGE]
    if isinstance(context.get("i18n_alternates"), dict):
        context["i18n_alternates"] = {
            code: [file for file in pages if file.src_uri != MASTODON_PAGE]
            for code, pages in context["i18n_alternates"].items()
        }
    return context


def start_rendering(
    site: Site,
    added: list[AddedPage],
    prerender: Prerender,
    memory: BuildMemory,
    plan: FeedPlan,
    serving: bool,
) -> None:
    """Render the pages now under serve (so that --dirty rebuilds only what changed), else on the second core."""
    if serving:
        render_ahead(site, added, prerender, memory, plan.carried)
    else:
        prerender.in_background(site, [page.job for page in added])
