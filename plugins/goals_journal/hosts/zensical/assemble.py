"""The journal written into its working folder for Zensical: read and checked exactly as the plugin does
(every problem at once, nothing written on an error), then the generated pages as Markdown, every static
output, the author's docs/, the template overrides and the config."""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ...config import options
from ...core.files import display_path
from ...core.frontmatter import FrontMatterError, decode
from ...outputs import feeds, social
from ...pages.plan import INTRO_KINDS, PageSpec
from ...pages.recipe import stop_message, waiting_entries
from ...pages.render import Fragments, render_not_found
from ...pages.site import Site
from ...pages.urls import page_url
from ...speed.memory import BuildMemory
from ...speed.prerender import PageJob, Prerender
from .. import heads, recipe
from .. import outputs as site_outputs
from . import configfile, nav, overrides
from .feedtext import FeedText
from .limits import limitations
from .pages import OwnText, own_text, page_markdown
from .sources import Sources
from .workspace import Workspace, put, sync, unchanged

LOGGER = "goals_journal.zensical"  # what this host says; `goals build` prints it as MkDocs' messages
log = logging.getLogger(LOGGER)
_LEVELS = {"error": logging.ERROR, "warning": logging.WARNING}


class JournalError(Exception):
    """The journal has problems that stop the build; they have been logged, as MkDocs logs them."""

    def __init__(self) -> None:
        super().__init__("Aborted: the journal has problems")


def stop(message: str) -> JournalError:
    """Log why the build stops (as MkDocs logs a plugin's error), and the error that stops it."""
    log.error(message)
    return JournalError()


@dataclass(frozen=True)
class Built:
    """What a site made of the journal needs besides its pages' text."""

    site: Site
    resolved: options.Resolved
    plan: feeds.FeedPlan
    alts: dict[str, str]  # what each card shows, in words
    me: str  # the rel=me links of every page


def say(level: int, message: str) -> None:
    """Log a message as the plugin says it under MkDocs."""
    log.log(level, f"goals-journal: {message}")


def read_journal(sources: Sources, serving: bool, strict: bool, memory: BuildMemory) -> Built:
    """Read, check and plan the journal; log every problem; JournalError when they stop the build."""
    try:
        resolved = options.resolve(sources.plugin_options, sources.site, serving=serving)
    except options.OptionError as error:
        raise stop(f"goals-journal: {error}") from None
    settings = resolved.settings
    problems = (*resolved.problems, *limitations(sources))
    prepared = recipe.prepare_remembered(settings, memory, not serving, problems)
    for problem in prepared.problems:
        say(_LEVELS.get(problem.severity, logging.INFO), str(problem))
    stopping = stop_message(prepared, strict)
    if stopping is not None or prepared.site is None:
        raise stop(stopping or "goals-journal: the journal could not be read")
    site = recipe.with_mentions(prepared.site, not serving, lambda text: say(logging.INFO, text))
    if not serving and (waiting := waiting_entries(prepared, settings)):
        say(logging.INFO, f"{waiting} entries dated after {settings.today} are not published yet")
    plan = feeds.plan_feeds(site, resolved.feeds)
    memory.keep_feed_contents(plan.carried)
    profiles = sorted(sources.profiles - set(settings.rel_me))
    return Built(site, resolved, plan, social.card_alts(site), heads.me_links([*settings.rel_me, *profiles]))


def write_journal(
    sources: Sources, workspace: Workspace, serving: bool, strict: bool, memory: BuildMemory
) -> None:
    """Write the working folder of the journal (only what changed); JournalError when it has problems."""
    built = read_journal(sources, serving, strict, memory)
    author, root = configfile.read_config(sources.config_file), sources.config_file.parent
    docs, intros = author_docs(built.site, sources, serving)
    docs.update(pages_and_feeds(built, intros, sources, serving, memory))
    docs.update(site_outputs.data_files(built.site))
    drawn = site_outputs.cards_and_badges(built.site, built.resolved.colors)
    docs.update(drawn.files)
    if drawn.drawn:
        say(logging.INFO, drawn.drawn)
    docs[site_outputs.CSS_URI] = site_outputs.stylesheet()
    sync(workspace.docs, docs, workspace.scratch)
    sync(workspace.overrides, template_overrides(configfile.custom_dir(author, root)), workspace.scratch)
    menu = None if author.get("nav") is not None else nav.menu(*menu_pages(built.site, sources))
    extra = overrides.site_extra(built.site, built.alts, site_head(built), built.me, build_day())
    extra["not_found"] = str(not_found_content(built.site, author))
    added = configfile.ZensicalSettings(menu, sources.edit_uri, extra)
    text = configfile.config_text(configfile.zensical_config(author, root, added)).encode("utf-8")
    if not unchanged(workspace.config_file, text):
        put(workspace.config_file, text, workspace.scratch)


def author_docs(
    site: Site, sources: Sources, serving: bool
) -> tuple[dict[str, site_outputs.SiteFile], dict[str, str]]:
    """The author's docs/ files to copy, and the hand-written intros of generated pages (docs/index.md).

    A file at the address of a generated page is left out (the recipe warned about it) unless it is
    that page's intro; drafts (`draft_docs`) only while previewing."""
    files: dict[str, site_outputs.SiteFile] = {}
    intros = {}
    for doc in sources.docs:
        if doc.draft and not serving:
            continue
        spec = site.pages.get(doc.uri)
        if spec is None:
            files[doc.uri] = doc.path
        elif spec.kind in INTRO_KINDS:
            intros[doc.uri] = intro_text(doc.path, site.settings.root)
    return files, intros


def intro_text(path: Path, root: Path) -> str:
    """A hand-written intro's text (UTF-8, with or without BOM); JournalError naming it when it is not."""
    try:
        return decode(path.read_bytes())
    except FrontMatterError as error:
        raise stop(f"goals-journal: {display_path(path, root)}:{error.line}: {error.message}") from None


def pages_and_feeds(
    built: Built, intros: dict[str, str], sources: Sources, serving: bool, memory: BuildMemory
) -> dict[str, site_outputs.SiteFile]:
    """Every generated page as Markdown, and the feeds (which carry the pages' HTML)."""
    site, feed = built.site, built.resolved.feeds
    own = {uri: own_text(spec, intros.get(uri)) for uri, spec in site.pages.items()}
    jobs = [PageJob(uri, site_outputs.opens_with_heading(text.markdown)) for uri, text in own.items()]
    prerender = Prerender()
    if serving:  # remembered between writes; unchanged pages render from memory
        prerender.in_advance(site, {uri: text.markdown for uri, text in own.items()}, jobs, memory)
    else:
        prerender.in_background(site, jobs)
    files: dict[str, site_outputs.SiteFile] = {}
    text_of = FeedText(sources.markdown)
    try:
        for job in jobs:
            spec, made = site.pages[job.uri], prerender.take(site, job)
            description = str(own[job.uri].meta.get("description") or "")
            files[job.uri] = page_markdown(
                spec, site, own[job.uri], made, page_head(built, job.uri, description)
            )
            if feed is not None and job.uri in built.plan.carried:
                memory.feed_contents[job.uri] = feed_text(built, spec, own[job.uri], made, text_of)
    finally:
        prerender.close()
    if feed is not None:
        files.update(feeds.feed_files(site, built.plan.feeds, memory.feed_contents, feed))
    return files


def feed_text(built: Built, spec: PageSpec, own: OwnText, made: Fragments, text_of: FeedText) -> str:
    """What the feeds carry of a page: its Markdown converted as MkDocs converts it, and the plugin's HTML."""
    site, feed = built.site, built.resolved.feeds
    assert feed is not None
    html = text_of.html(own.markdown)
    url = page_url(spec.uri, site.settings.directory_urls)
    return site_outputs.feed_content(site, spec, html, html.lstrip().startswith("<h1"), made, feed, url)


def page_head(built: Built, uri: str, description: str) -> str:
    """What a generated page adds to its <head>: rel=me, its feeds, the webmention endpoint, Open Graph."""
    site = built.site
    address = urljoin(site.settings.site_url, page_url(uri, site.settings.directory_urls))
    tags = heads.page_tags(site, site.pages[uri], "", description, address, built.alts)
    return built.me + feeds.head_links(built.plan, uri) + tags


def site_head(built: Built) -> str:
    """What the author's own pages add to their <head> before their Open Graph tags."""
    return built.me + built.plan.discovery + heads.webmention_link(built.site.settings.webmention_endpoint)


def menu_pages(site: Site, sources: Sources) -> tuple[list[str], frozenset[str]]:
    """The pages of the menu MkDocs would make (the author's and the generated), and the generated ones."""
    generated = frozenset(uri for uri, spec in site.pages.items() if spec.in_nav and not spec.draft)
    own = [
        doc.uri
        for doc in sources.docs
        if doc.uri.endswith(".md") and doc.in_nav and not doc.draft and doc.uri not in site.pages
    ]
    return [*own, *generated], generated


def template_overrides(author_dir: Path | None) -> dict[str, site_outputs.SiteFile]:
    """Our main.html and sitemap.xml over the author's own overrides (their main.html renamed: ours extends it)."""
    files: dict[str, site_outputs.SiteFile] = {}
    if author_dir is not None and author_dir.is_dir():
        for place, _, names in os.walk(author_dir):
            for name in names:
                path = Path(place) / name
                files[path.relative_to(author_dir).as_posix()] = path
    author_main = files.pop("main.html", None)
    if author_main is not None:
        files[overrides.AUTHOR_MAIN] = author_main
    files["main.html"] = overrides.main_template(author_main is not None)
    files["sitemap.xml"] = overrides.SITEMAP
    files.setdefault("404.html", overrides.NOT_FOUND)  # an author's own 404.html stays first
    return files


def not_found_content(site: Site, author: dict[str, Any]) -> str:
    """The 404 page's content, as the MkDocs host makes it: links from the site's root path."""
    root = urlsplit(site.settings.site_url or "/").path or "/"
    plugins = author.get("plugins") or []
    names = [next(iter(p)) if isinstance(p, dict) else str(p) for p in plugins]
    return render_not_found(site, root, any(name.endswith("search") for name in names))


def build_day() -> str:
    """The day of the build as MkDocs dates pages it knows no other date of: SOURCE_DATE_EPOCH, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return dt.datetime.now(dt.timezone.utc).date().isoformat()
