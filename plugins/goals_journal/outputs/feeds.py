"""RSS 2.0 and Atom (with feedgen) and JSON Feed 1.1 of journal entries, for the site and per goal."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from ..core.model import Entry
from ..core.plaintext import html_text
from ..core.roundups import Roundup
from ..core.settings import FeedSettings
from ..pages import words
from ..pages.render import environment
from ..pages.site import Site
from ..pages.urls import page_url, relative_url
from ..pages.words.sharing import goal_feed_title, helped_feed_title

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src|poster)=)(["'])(.*?)\2""", re.I | re.S)
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.S | re.I)
_PAGER = re.compile(r'<nav class="gj-pager".*?</nav>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
MORE = "<!-- more -->"
LARGEST_FEED_ITEM = 100_000  # bytes of HTML: a longer entry's item carries its summary and a link


@dataclass(frozen=True)
class FeedInfo:
    """What a feed says about itself."""

    title: str
    description: str
    home_url: str  # absolute URL of the page the feed belongs to
    rss_url: str  # absolute URLs of the feed files
    json_url: str
    atom_url: str = ""
    author: str = ""
    language: str = ""


@dataclass(frozen=True)
class FeedItem:
    """One published entry as feeds show it."""

    url: str  # absolute permalink, also the id
    title: str
    published: dt.datetime  # timezone-aware
    content_html: str  # links already absolute
    summary: str  # plain text
    tags: tuple[str, ...] = ()


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


def _generator(info: FeedInfo, items: list[FeedItem], self_url: str) -> FeedGenerator:
    """A feedgen feed with the items appended in order (feedgen prepends unless told otherwise)."""
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(info.home_url)
    feed.title(info.title)
    feed.subtitle(info.description or info.title)
    feed.link(href=self_url, rel="self")  # the self link first: feedgen's RSS <link> is the last one
    feed.link(href=info.home_url, rel="alternate")
    if info.author:
        feed.author({"name": info.author})
    if info.language:
        feed.language(info.language)
    feed.generator("mkdocs-goals-journal")
    newest = items[0].published if items else dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    feed.updated(newest)  # lastBuildDate too: the newest item, never "now", so builds repeat exactly
    for item in items:
        entry = feed.add_entry(order="append")
        entry.id(item.url)
        entry.guid(item.url, permalink=True)
        entry.title(item.title)
        entry.link(href=item.url)
        entry.published(item.published)
        entry.updated(item.published)
        entry.description(item.summary or item.title)
        if item.content_html:
            entry.content(item.content_html, type="CDATA")
        for tag in item.tags:
            entry.category(term=tag)
        if info.author:  # RSS readers get dc:creator (RSS <author> needs an e-mail), Atom an <author>
            entry.dc.dc_creator(info.author)
            entry.author({"name": info.author})
    return feed


def rss(info: FeedInfo, items: list[FeedItem]) -> bytes:
    """RSS 2.0."""
    return bytes(_generator(info, items, info.rss_url).rss_str(pretty=True))


def atom(info: FeedInfo, items: list[FeedItem]) -> bytes:
    """Atom 1.0."""
    return bytes(_generator(info, items, info.atom_url).atom_str(pretty=True))


def json_feed(info: FeedInfo, items: list[FeedItem]) -> bytes:
    """JSON Feed 1.1."""
    document: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "home_page_url": info.home_url,
        "feed_url": info.json_url,
    }
    if info.description:
        document["description"] = info.description
    if info.language:
        document["language"] = info.language
    if info.author:
        document["authors"] = [{"name": info.author}]
    document["items"] = [
        {
            "id": item.url,
            "url": item.url,
            "title": item.title,
            "content_html": item.content_html or html.escape(item.summary),
            "summary": item.summary,
            "date_published": item.published.isoformat(),
            **({"tags": list(item.tags)} if item.tags else {}),
        }
        for item in items
    ]
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass(frozen=True)
class FeedPlan:
    """Which pages each feed carries (feed path -> page URIs), and the feed links of every page's <head>."""

    feeds: dict[str, list[str]]
    carried: frozenset[str]  # every page some feed carries
    discovery: str


def plan_feeds(site: Site, options: FeedSettings | None) -> FeedPlan:
    """The feed plan of a build (empty without feeds)."""
    if options is None:
        return FeedPlan({}, frozenset(), "")
    plan = feed_plan(site, options)
    return FeedPlan(plan, frozenset(uri for uris in plan.values() for uri in uris), discovery_links(options))


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
    """Every feed file of the site (path -> bytes) from its `feed_plan`: the journal, the help, each goal."""
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
    base = options.site_url
    info = FeedInfo(
        options.title,
        options.description,
        base,
        urljoin(base, "feed.xml"),
        urljoin(base, "feed.json"),
        urljoin(base, "atom.xml"),
        options.author,
        options.language,
    )
    everything = [items[uri] for uri in plan["feed.xml"]]
    files = {
        "feed.xml": rss(info, everything),
        "atom.xml": atom(info, everything),
        "feed.json": json_feed(info, everything),
    }
    if "helped/feed.xml" in plan:
        helped_info = FeedInfo(
            helped_feed_title(options.title),
            words.HELPED_FEED_DESCRIPTION,
            urljoin(base, page_url("helped/index.md", site.settings.directory_urls)),
            urljoin(base, "helped/feed.xml"),
            urljoin(base, "helped/feed.json"),
            author=options.author,
            language=options.language,
        )
        files["helped/feed.xml"] = rss(helped_info, [items[uri] for uri in plan["helped/feed.xml"]])
    for goal in site.goals.values():
        chosen_items = [items[uri] for uri in plan[f"goals/{goal.id}/feed.xml"]]
        goal_info = FeedInfo(
            goal_feed_title(goal.title, options.title),
            goal.why or options.description,
            urljoin(base, page_url(goal.uri, site.settings.directory_urls)),
            urljoin(base, f"goals/{goal.id}/feed.xml"),
            urljoin(base, f"goals/{goal.id}/feed.json"),
            author=options.author,
            language=options.language,
        )
        files[f"goals/{goal.id}/feed.xml"] = rss(goal_info, chosen_items)
        files[f"goals/{goal.id}/feed.json"] = json_feed(goal_info, chosen_items)
    return files


def _item(entry: Entry, content: str, options: FeedSettings, directory_urls: bool) -> FeedItem:
    """The feed item of an entry, from the HTML its page was built with (shortened when it is huge)."""
    short = summary_html(content)
    url = urljoin(options.site_url, page_url(entry.uri, directory_urls))
    full = content
    if len(content.encode("utf-8")) > LARGEST_FEED_ITEM:
        full = f'{short}\n<p><a href="{html.escape(url)}">{html.escape(words.READ_ON_THE_SITE)}</a></p>'
    return FeedItem(
        url=url,
        title=words.entry_title(entry),
        published=entry.moment,
        content_html=full if options.full else short,
        summary=html_text(short or content),
        tags=entry.tags,
    )


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
    """<link rel="alternate"> elements for a page's <head>: the site's feeds.

    Goal feeds are linked from their pages' subscribe links only: Material looks for a sitemap next
    to every alternate link, which a goal feed's folder does not have."""
    base = options.site_url
    links = [
        ("application/rss+xml", urljoin(base, "feed.xml")),
        ("application/atom+xml", urljoin(base, "atom.xml")),
        ("application/feed+json", urljoin(base, "feed.json")),
    ]
    title = html.escape(options.title)
    return "".join(
        f'<link rel="alternate" type="{kind}" title="{title}" href="{html.escape(href)}">'
        for kind, href in links
    )


def feed_extra(entry: Entry, site: Site) -> str:
    """What a feed item adds after the entry's text: its goals and the public help given."""
    base = page_url(entry.uri, site.settings.directory_urls)

    def url(uri: str) -> str:
        return relative_url(base, page_url(uri, site.settings.directory_urls))

    goals = [site.goals[g] for g in entry.goals if g in site.goals]
    help_given = [h for h in entry.helped if not h.private]
    return environment().get_template("feed_item.html").render(goals=goals, helped=help_given, url=url)
