"""Glue to mkdocs-static-i18n: a site built in several languages, each with the journal's pages,
feeds, cards and badges in its own folder (the default language at the root, the others in de/ …),
and the language-neutral files (open data, the files beside entries, the stylesheet) once, at the root.

How static-i18n (1.3) builds: its on_config (priority -100) sets the build's language in the config
(theme.language, the language's site_name and other overrides, the language switcher); its on_files
(-100) makes a new file for each file of docs_dir, placed for the language, and drops every other
page with a warning ("Unhandled file case": why Material's blog plugin breaks under it); and its
on_post_build (-100) in the default language's build runs MkDocs' whole build again for each other
language, with the same config and plugins (every event fires again but on_startup, on_serve and
on_shutdown), into the same site folder, which it does not clean. So this plugin reads the config
after static-i18n's on_config, adds its own pages after static-i18n's on_files (they are backed
by goals/ and journal/, or by nothing), places them in the language's folder itself, and names
each page's version in every language, as static-i18n's language switcher and sitemap read them.
The journal is read once for all languages and each problem reported once (Runs). Without
static-i18n, every event runs as it always did.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from ...config import options
from ...config.languages import LanguageBuild as LanguageBuild  # the plugin names it here
from ...config.options import SiteConfig
from ...core.model import Problem
from ...speed.memory import BuildMemory

I18N_PACKAGE = "mkdocs_static_i18n"  # the plugin's module, whatever name mkdocs.yml gives it
AFTER_I18N = -110  # the priority of events that must see what static-i18n did (it runs at -100)
HOME_PAGE = "index.md"  # the journal's home page
Item = TypeVar("Item")  # what an event hands on: the files, the nav


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """The mkdocs-static-i18n plugin of the site, or None."""
    return next(
        (p for p in config.plugins.values() if type(p).__module__.split(".")[0] == I18N_PACKAGE), None
    )


def language_build(config: MkDocsConfig) -> LanguageBuild | None:
    """The language this build is in when static-i18n builds the site in several (else None)."""
    plugin = i18n_plugin(config)
    if plugin is None or not plugin.default_language:
        return None
    default = str(plugin.default_language)
    built = tuple(str(code) for code in plugin.build_languages) or (default,)
    return LanguageBuild(str(plugin.current_language or default), default, built)


def around_i18n(
    method: Callable[..., Item], before: Callable[[Item], None] | None = None
) -> CombinedEvent[..., Item]:
    """An event method that runs at the usual priority, or, in a site that static-i18n builds, after
    static-i18n's own method for the event (which would otherwise undo what it did), with `before`
    run on the item before static-i18n's."""

    @event_priority(0)
    def alone(plugin: Any, item: Item, *, config: MkDocsConfig, **others: Any) -> Item:
        if i18n_plugin(config) is None:
            return method(plugin, item, config=config, **others)
        if before is not None:
            before(item)
        return item

    @event_priority(AFTER_I18N)
    def after_i18n(plugin: Any, item: Item, *, config: MkDocsConfig, **others: Any) -> Item:
        return method(plugin, item, config=config, **others) if i18n_plugin(config) is not None else item

    return CombinedEvent(alone, after_i18n)


def name_home(nav: Navigation) -> None:
    """The journal's home page as the menu's home before static-i18n looks for it: in another
    language's build MkDocs names none (it is at de/), and static-i18n looks only among the pages of
    its folder layout's language folders (it warns when it finds none, and Material's logo links
    the menu's home)."""
    if nav.homepage is None:
        nav.homepage = next((page for page in nav.pages if page.file.src_uri == HOME_PAGE), None)


@dataclass
class Runs:
    """What the builds of one run (one per language, or just one) share: what was read and
    counted, and the problems already reported (each is reported once, by the first build)."""

    memories: dict[str, BuildMemory] = field(default_factory=dict)  # language -> its builds' memory
    reported: set[str] = field(default_factory=set)

    def memory(self, language: str) -> BuildMemory:
        """The memory of a language's builds: the files read and goals counted are every language's,
        the rendered pages and feed contents its own."""
        if language not in self.memories:
            first = next(iter(self.memories.values()), None)
            self.memories[language] = BuildMemory() if first is None else first.for_another_language()
        return self.memories[language]

    def report(
        self, problems: tuple[Problem, ...], first_build: bool, log: logging.LoggerAdapter[Any]
    ) -> None:
        """Log the problems not reported yet in this run (a run starts with its first build), each at
        its level (notes as information)."""
        if first_build:
            self.reported.clear()
        for problem in problems:
            if str(problem) not in self.reported:
                self.reported.add(str(problem))
                {"error": log.error, "warning": log.warning}.get(problem.severity, log.info)(str(problem))


def site_config(config: MkDocsConfig, build: LanguageBuild | None) -> SiteConfig:
    """The site settings the plugin reads, with the language of this build of several."""
    return replace(options.site_config(config), languages=build)


def place(file: File, build: LanguageBuild | None, config: MkDocsConfig) -> File:
    """A file of this build in its language's folder; a page also names its version in each language
    (static-i18n's language switcher and its sitemap's alternates read them)."""
    if build is None:
        return file
    dest = file.dest_uri
    file.dest_uri = build.folder + dest
    if file.is_documentation_page():
        versions = {code: _version(file, dest, code, build, config) for code in build.languages}
        vars(file).update(locale=build.language, locale_alternate_of=build.language, alternates=versions)
    return file


def _version(file: File, dest: str, code: str, build: LanguageBuild, config: MkDocsConfig) -> File:
    """The same page in the language `code` (the file itself in its own)."""
    if code == build.language:
        return file
    folder = "" if code == build.default else f"{code}/"
    return File(file.src_uri, None, config.site_dir, config.use_directory_urls, dest_uri=folder + dest)


def announce_pages(files: Files, build: LanguageBuild | None, config: MkDocsConfig) -> None:
    """Give static-i18n's sitemap this language's pages with the journal's (it lists those it saw)."""
    plugin = i18n_plugin(config)
    per_language = getattr(plugin, "i18n_files_per_language", None)
    if build is not None and isinstance(per_language, dict):
        per_language[build.language] = files.documentation_pages()


def restore_generated(nav: Navigation, generated: Collection[str], config: MkDocsConfig) -> None:
    """Put the journal's pages back in a menu made from folders that static-i18n's folder layout
    reduced to the language folders' pages (docs/en/, docs/de/): the journal's are in no such folder.

    They keep their places: the language folders' pages (as static-i18n sorted them) stand where the
    first language folder stood."""
    plugin = i18n_plugin(config)
    if plugin is None or plugin.config.docs_structure != "folder" or config.nav is not None:
        return
    kept, items = list(nav.items), []
    for top in _unique(_top(page) for page in nav.pages):
        if any(top is item for item in kept) or any(p.file.src_uri in generated for p in _pages(top)):
            items.append(top)
        elif isinstance(top, Section) and any(any(c is item for item in kept) for c in top.children):
            items += kept  # a language folder: its pages, once
    nav.items = _unique([*items, *kept])


def _unique(items: Iterable[Any]) -> list[Any]:
    """Items in order, each once (pages compare by title and file, so by identity here)."""
    seen: dict[int, Any] = {}
    for item in items:
        seen.setdefault(id(item), item)
    return list(seen.values())


def _top(page: Page) -> Page | Section:
    """The item of the menu's top level that holds a page."""
    item: Page | Section = page
    while item.parent is not None:
        item = item.parent
    return item


def _pages(item: Any) -> Iterator[Page]:
    """The pages in a menu item."""
    if isinstance(item, Page):
        yield item
    elif isinstance(item, Section):
        for child in item.children:
            yield from _pages(child)


def not_found_page(output: str, build: LanguageBuild | None, config: MkDocsConfig) -> str:
    """Another language's page for a missing address, written in its folder (de/404.html); "" then,
    so that MkDocs leaves the default language's at the root alone."""
    if build is None or not build.folder:
        return output
    write_file(output.encode("utf-8"), os.path.join(config.site_dir, build.folder, "404.html"))
    return ""
