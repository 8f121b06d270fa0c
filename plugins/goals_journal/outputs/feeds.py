"""The feeds of a journal, for the site, the help given and each goal, each in RSS 2.0, Atom and JSON Feed
1.1: which pages they carry, their items, their files (written in feedformats) and their <head> links."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import escape as xml_escape

from ..core.model import Entry
from ..core.plaintext import html_text
from ..core.roundups import Roundup
from ..core.settings import FeedSettings
from ..pages import words
from ..pages.render import environment
from ..pages.site import Site
from ..pages.urls import page_url, relative_url
from ..pages.words.language import current
from ..pages.words.sharing import (
    feed_page_words,
    goal_feed_title,
    helped_feed_description,
    helped_feed_title,
    read_on_the_site,
)
from .feedformats import JSON_FEED_VERSION, FeedInfo, FeedItem, atom, json_feed, rss
from .social import DEFAULT_CARD

__all__ = ["JSON_FEED_VERSION", "FeedInfo", "FeedItem", "atom", "json_feed", "rss"]
_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src|poster)=)(["'])(.*?)\2""", re.I | re.S)
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.S | re.I)
_PAGER = re.compile(r'<nav class="gj-pager".*?</nav>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
MORE = "<!-- more -->"
LARGEST_FEED_ITEM = 100_000  # bytes of HTML: a longer entry's item carries its summary and a link
FORMATS = (  # every feed is in all three, side by side in its folder
    ("feed.xml", "application/rss+xml"),
    ("atom.xml", "application/atom+xml"),
    ("feed.json", "application/feed+json"),
)
STYLESHEET = "feed.xsl"  # at the site's root; the RSS and Atom files name it relative to themselves
HELPED_PAGE = "helped/index.md"


def absolute_links(fragment: str, base_url: str) -> str:
    """Make every relative href/src/poster of an HTML fragment absolute; drop heading permalinks."""

    def absolute(match: re.Match[str]) -> str:
        value = html.unescape(match.group(3))
        return f"{match.group(1)}{match.group(2)}{html.escape(urljoin(base_url, value))}{match.group(2)}"

    return _URL_ATTRIBUTE.sub(absolute, _HEADERLINK.sub("", fragment))


def summary_html(fragment: str) -> str:
    """The part of an entry before <!-- more -->, else its first paragraph."""
    if MORE in fragment:
        return fragment.split(MORE, 1)[0].strip()
    first = _PARAGRAPH.search(fragment)
    return first.group(0) if first else ""


@dataclass(frozen=True)
class FeedPlan:
    """Which pages each feed carries (RSS path -> page URIs), and the feed links of the pages' <head>."""

    feeds: dict[str, list[str]]
    carried: frozenset[str]  # every page some feed carries
    discovery: str  # the site's feeds, announced by every page
    own: dict[str, str] = field(default_factory=dict)  # page URI -> its own feeds, announced after


def plan_feeds(site: Site, options: FeedSettings | None) -> FeedPlan:
    """The feed plan of a build (empty without feeds)."""
    if options is None:
        return FeedPlan({}, frozenset(), "")
    plan = feed_plan(site, options)
    carried = frozenset(uri for uris in plan.values() for uri in uris)
    return FeedPlan(plan, carried, discovery_links(options), _own_feed_links(site, plan, options))


def head_links(plan: FeedPlan, uri: str) -> str:
    """The feed links of the <head> of the page built from `uri`: the site's feeds, then its own (a goal
    page: the goal's; How I helped and each roundup: the help's)."""
    return plan.discovery + plan.own.get(uri, "")


def feed_plan(site: Site, options: FeedSettings) -> dict[str, list[str]]:
    """Which pages each feed carries, newest first: feed path -> page URIs (the same for RSS, Atom, JSON)."""
    today = site.settings.today
    entries = [e for e in site.published if not site.is_draft(e)]
    closed = [r for r in site.roundups if r.closed(today)]
    wanted = [
        r
        for r in closed
        if (r.per == "week" and options.weekly_roundups) or (r.per == "month" and options.monthly_roundups)
    ]

    pages: list[Entry | Roundup] = [*entries, *closed]
    keys = {
        page.uri: (
            _published(page, site),
            urljoin(options.site_url, page_url(page.uri, site.settings.directory_urls)),
        )
        for page in pages
    }

    def newest(pages: list[Entry | Roundup]) -> list[str]:
        return sorted((p.uri for p in pages), key=keys.__getitem__, reverse=True)[: options.limit]

    plan = {"feed.xml": newest([*entries, *wanted])}
    if site.acts:
        plan["helped/feed.xml"] = newest(list(closed))
    for goal in site.goals.values():
        plan[f"goals/{goal.id}/feed.xml"] = newest([e for e in entries if goal.id in e.goals])
    return plan


def _published(page: Entry | Roundup, site: Site) -> dt.datetime:
    """When a feed says an item was published: an entry's moment, the last second of a roundup's period."""
    if isinstance(page, Entry):
        return page.moment
    return dt.datetime.combine(page.end, dt.time(23, 59, 59), tzinfo=site.settings.tz)


def feed_files(
    site: Site, plan: dict[str, list[str]], contents: dict[str, str], options: FeedSettings
) -> dict[str, bytes]:
    """Every feed file of the site (path -> bytes) from its `feed_plan`, and the stylesheet of the RSS
    and Atom ones: the journal, the help and each goal, each as feed.xml, atom.xml and feed.json."""
    chosen = {uri for uris in plan.values() for uri in uris}
    items = {
        e.uri: _item(e, contents.get(e.uri, ""), options, site.settings.directory_urls)
        for e in site.published
        if e.uri in chosen
    }
    items.update(
        {
            r.uri: _roundup_item(r, contents.get(r.uri, ""), options, site)
            for r in site.roundups
            if r.uri in chosen
        }
    )
    files = {STYLESHEET: stylesheet()}
    for path, info in _feed_infos(site, plan, options).items():
        carried = [items[uri] for uri in plan[path]]
        rss_path, atom_path, json_path = _twins(path)
        files[rss_path] = rss(info, carried)
        files[atom_path] = atom(info, carried)
        files[json_path] = json_feed(info, carried)
        if "/" in path:
            files[path.removesuffix("feed.xml") + "sitemap.xml"] = feed_folder_sitemap(info.home_url)
    return files


def stylesheet() -> bytes:
    """feed.xsl, its sentences in the site's language (and right to left where its script is)."""
    text = resources.files(__package__).joinpath(STYLESHEET).read_text("utf-8")
    for english, said in feed_page_words().items():
        text = text.replace(english, xml_escape(said))
    direction = '<xsl:attribute name="dir">rtl</xsl:attribute>' if current().rtl else ""
    return text.replace("<!--gj:direction-->", direction).encode("utf-8")


def feed_folder_sitemap(address: str) -> bytes:
    """A sitemap of the one page a goal's or the help's feeds belong to, in the feeds' folder.

    Material's language selector fetches sitemap.xml beside every <link rel="alternate"> of a page
    (for a feed: in the feed's folder); without one, every view of a goal or help page would make a
    failed request. It lists that page only, so nothing else changes."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"  <url><loc>{html.escape(address)}</loc></url>\n</urlset>\n"
    ).encode()


def _twins(path: str) -> tuple[str, str, str]:
    """The RSS, Atom and JSON Feed paths of the feed whose RSS file is `path`."""
    folder = path.removesuffix("feed.xml")
    rss_path, atom_path, json_path = (folder + name for name, _ in FORMATS)
    return rss_path, atom_path, json_path


def _feed_infos(site: Site, plan: dict[str, list[str]], options: FeedSettings) -> dict[str, FeedInfo]:
    """What each feed of the plan says about itself, by its RSS path."""
    about = {"feed.xml": (options.title, options.description, "")}  # title, description, home page
    if "helped/feed.xml" in plan:
        about["helped/feed.xml"] = (
            helped_feed_title(options.title),
            helped_feed_description(),
            HELPED_PAGE,
        )
    for goal in site.goals.values():
        title = goal_feed_title(goal.title, options.title)
        about[f"goals/{goal.id}/feed.xml"] = (title, goal.why or options.description, goal.uri)
    base, directory_urls = options.site_url, site.settings.directory_urls
    infos = {}
    for path, (title, description, home) in about.items():
        rss_path, atom_path, json_path = _twins(path)
        infos[path] = FeedInfo(
            title,
            description,
            urljoin(base, page_url(home, directory_urls)),
            urljoin(base, rss_path),
            urljoin(base, json_path),
            urljoin(base, atom_path),
            author=options.author,
            language=options.language,
            logo=urljoin(base, DEFAULT_CARD) if options.card else "",
            favicon=urljoin(base, options.favicon) if options.favicon else "",
            hub=options.hub,
            stylesheet="../" * path.count("/") + STYLESHEET,
        )
    return infos


def _item(entry: Entry, content: str, options: FeedSettings, directory_urls: bool) -> FeedItem:
    """The feed item of an entry, from the HTML its page was built with (shortened when it is huge)."""
    short = summary_html(content)
    url = urljoin(options.site_url, page_url(entry.uri, directory_urls))
    full = content
    if len(content.encode("utf-8")) > LARGEST_FEED_ITEM:
        full = f'{short}\n<p><a href="{html.escape(url)}">{html.escape(read_on_the_site())}</a></p>'
    return FeedItem(
        url=url,
        title=words.entry_title(entry),
        published=entry.moment,
        content_html=(full if options.full else short) + syndication_html(entry.syndication),
        summary=html_text(short or content),
        tags=entry.tags,
        syndication=entry.syndication,
        language=entry.lang,
    )


def syndication_html(urls: tuple[str, ...]) -> str:
    """The paragraph that ends an item posted elsewhere too: a link to each copy, named by its site.

    It is in every format's content, so RSS and JSON Feed readers show it; Atom also has the links as
    rel="related" (see feedformats)."""
    if not urls:
        return ""
    links = ", ".join(
        f'<a href="{html.escape(u)}">{html.escape(urlsplit(u).hostname or u)}</a>' for u in urls
    )
    return f"\n<p>{html.escape(words.also_posted_on())} {links}.</p>"  # as the entry page says it


def _roundup_item(roundup: Roundup, content: str, options: FeedSettings, site: Site) -> FeedItem:
    """The feed item of a finished roundup, dated at the last second of its period."""
    return FeedItem(
        url=urljoin(options.site_url, page_url(roundup.uri, site.settings.directory_urls)),
        title=words.roundup_title(roundup),
        published=_published(roundup, site),
        content_html=_PAGER.sub("", content)
        if options.full
        else f"<p>{html.escape(words.roundup_summary(roundup))}</p>",
        summary=words.roundup_summary(roundup),
    )


def discovery_links(options: FeedSettings) -> str:
    """<link rel="alternate"> elements for every page's <head>: the site's feeds.

    Material for MkDocs (its language selector) fetches "sitemap.xml" next to every alternate link
    of a page, to keep readers on the same page when they switch language. For a feed in a folder
    without one (a goal's, the help's) that request fails, which Material catches: it then remembers
    the feed's own address, and only links below it (none: a feed is a file) would be redirected. So
    the links are harmless; tests/test_feed_specs.py checks this against Material's script."""
    return _feed_links(options, "feed.xml", options.title)


def _feed_links(options: FeedSettings, path: str, title: str) -> str:
    """The three alternate links of the feed whose RSS file is `path`, all with the feed's title."""
    return "".join(
        f'<link rel="alternate" type="{kind}" title="{html.escape(title)}" '
        f'href="{html.escape(urljoin(options.site_url, name))}">'
        for name, (_, kind) in zip(_twins(path), FORMATS, strict=True)
    )


def _own_feed_links(site: Site, plan: dict[str, list[str]], options: FeedSettings) -> dict[str, str]:
    """Page URI -> the links of its own feeds: each goal page its goal's, the help pages the help's."""
    own = {
        goal.uri: _feed_links(
            options, f"goals/{goal.id}/feed.xml", goal_feed_title(goal.title, options.title)
        )
        for goal in site.goals.values()
    }
    if "helped/feed.xml" in plan:
        helped = _feed_links(options, "helped/feed.xml", helped_feed_title(options.title))
        own.update({uri: helped for uri in [HELPED_PAGE, *(r.uri for r in site.roundups)]})
    return own


def feed_extra(entry: Entry, site: Site) -> str:
    """What a feed item adds after the entry's text: its goals and the public help given."""
    base = page_url(entry.uri, site.settings.directory_urls)

    def url(uri: str) -> str:
        return relative_url(base, page_url(uri, site.settings.directory_urls))

    goals = [site.goals[g] for g in entry.goals if g in site.goals]
    help_given = [h for h in entry.helped if not h.private]
    return environment().get_template("feed_item.html").render(goals=goals, helped=help_given, url=url)
