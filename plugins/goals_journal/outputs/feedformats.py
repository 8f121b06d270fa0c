"""The three feed formats written out: RSS 2.0 and Atom 1.0 (feedgen, then finished with lxml), JSON Feed 1.1.

feedgen writes the common parts; what it cannot write, or writes wrongly, is done on its output tree:
the stylesheet for browsers, the WebSub hub in RSS, Atom's related links (feedgen 1.0 drops the rel
of entry links) and titles with hexadecimal character references."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from lxml import etree

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TITLES = ("title", f"{{{ATOM}}}title")


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
    logo: str = ""  # absolute URL of a wide picture (the site's card), or ""
    favicon: str = ""  # absolute URL of a small square picture, or ""
    hub: str = ""  # a WebSub hub, or ""
    stylesheet: str = ""  # the XSL that shows the RSS and Atom files in a browser, relative to them


@dataclass(frozen=True)
class FeedItem:
    """One published entry as feeds show it."""

    url: str  # absolute permalink, also the id
    title: str
    published: dt.datetime  # timezone-aware
    content_html: str  # links already absolute
    summary: str  # plain text
    tags: tuple[str, ...] = ()
    syndication: tuple[str, ...] = ()  # where the entry was also posted: absolute http(s) URLs
    language: str = ""  # the entry's own language (its lang:), when it is not the feed's


def _generator(
    info: FeedInfo, items: list[FeedItem], self_link: tuple[str, str], content: str
) -> FeedGenerator:
    """A feedgen feed with the items appended in order (feedgen prepends unless told otherwise)."""
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(info.home_url)
    feed.title(info.title)
    feed.subtitle(info.description or info.title)
    feed.link(
        href=self_link[0], rel="self", type=self_link[1]
    )  # the self link first: feedgen's RSS <link> is the last one
    if info.hub:
        feed.link(href=info.hub, rel="hub")  # Atom; RSS gets its own in _finish
    feed.link(href=info.home_url, rel="alternate")
    if info.logo:  # RSS <image> (its title and link: the channel's) and Atom <logo>
        feed.image(url=info.logo, title=info.title, link=info.home_url)
    if info.favicon:
        feed.icon(info.favicon)  # RFC 4287 4.2.5: an icon is square; the card is twice as wide
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
            entry.content(item.content_html, type=content)
        for tag in item.tags:
            entry.category(term=tag)
        if info.author:  # RSS readers get dc:creator (RSS <author> needs an e-mail), Atom an <author>
            entry.dc.dc_creator(info.author)
            entry.author({"name": info.author})
    return feed


def rss(info: FeedInfo, items: list[FeedItem]) -> bytes:
    """RSS 2.0 (content:encoded as CDATA: the HTML stays readable in the file)."""
    return _finish(
        bytes(_generator(info, items, (info.rss_url, "application/rss+xml"), "CDATA").rss_str()), info, items
    )


def atom(info: FeedInfo, items: list[FeedItem]) -> bytes:
    """Atom 1.0 (content type="html", one of the three RFC 4287 allows for text)."""
    return _finish(
        bytes(_generator(info, items, (info.atom_url, "application/atom+xml"), "html").atom_str()),
        info,
        items,
    )


def _finish(document: bytes, info: FeedInfo, items: list[FeedItem]) -> bytes:
    """Add to feedgen's output what it does not write, and write titles with hex character references."""
    root = etree.fromstring(document, etree.XMLParser(strip_cdata=False, remove_blank_text=True))
    if root.tag == "rss":
        channel = root.find("channel")
        if info.hub and channel is not None:
            self_link = channel.find(f"{{{ATOM}}}link")
            hub = etree.Element(f"{{{ATOM}}}link", href=info.hub, rel="hub")
            if self_link is not None:
                self_link.addnext(hub)
            else:
                channel.append(hub)
    else:
        for entry, item in zip(root.iterfind(f"{{{ATOM}}}entry"), items, strict=True):
            if item.language:  # RSS has only the channel's <language>; Atom says it per entry
                entry.set(XML_LANG, item.language)
            alternate = entry.find(f"{{{ATOM}}}link")
            if alternate is not None:
                alternate.set("rel", "alternate")  # the default, written out
                alternate.set("type", "text/html")
                # rel="related" (RFC 4287 4.2.7.2): a second alternate of the same type is not
                # allowed, and a copy posted elsewhere is a related page, not the entry itself
                for url in reversed(item.syndication):
                    alternate.addnext(etree.Element(f"{{{ATOM}}}link", href=url, rel="related"))
    if info.stylesheet:  # browsers show the feed through it; feed readers ignore processing instructions
        root.addprevious(
            etree.ProcessingInstruction("xml-stylesheet", f'type="text/xsl" href="{info.stylesheet}"')
        )
    return _hex_titles(root)


def _hex_titles(root: etree._Element) -> bytes:
    """The document with `&` and `<` in title elements as &#x26; and &#x3C;, as the W3C feed validator
    advises (a reader cannot mistake them for HTML markup), and everything else as lxml writes it.

    Each title's text is replaced by a token first, so only real title elements change (never a
    <title> inside an entry's HTML, which is text here)."""
    token = "gj-title-" + hashlib.sha256(etree.tostring(root)).hexdigest()[:20] + "-"
    texts = {}
    for number, element in enumerate(root.iter(*_TITLES)):
        if element.text and ("&" in element.text or "<" in element.text) and len(element) == 0:
            texts[f"{token}{number}."] = element.text
            element.text = f"{token}{number}."
    data = etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    for placeholder, text in texts.items():
        escaped = text.replace("&", "&#x26;").replace("<", "&#x3C;").replace(">", "&gt;")
        data = data.replace(placeholder.encode("ascii"), escaped.encode("utf-8"), 1)
    return bytes(data)


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
    if info.logo:
        document["icon"] = info.logo
    if info.favicon:
        document["favicon"] = info.favicon
    if info.language:
        document["language"] = info.language
    if info.author:
        document["authors"] = [{"name": info.author}]
    if info.hub:
        document["hubs"] = [{"type": "WebSub", "url": info.hub}]
    # An entry's syndication links are in its content_html, never in external_url: JSON Feed 1.1 means
    # that for "the thing you're talking about" (a linkblog's link), and readers link the title to it.
    document["items"] = [
        {
            "id": item.url,
            "url": item.url,
            "title": item.title,
            "content_html": item.content_html or html.escape(item.summary),
            "summary": item.summary,
            "date_published": item.published.isoformat(),
            **({"tags": list(item.tags)} if item.tags else {}),
            **({"language": item.language} if item.language else {}),
        }
        for item in items
    ]
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
