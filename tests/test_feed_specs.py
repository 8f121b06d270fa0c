"""Every feed of a built site against what its specification requires, read by real feed readers.

RFC 4287 (Atom 1.0), the RSS 2.0 specification with the RSS Advisory Board's best-practices profile,
and JSON Feed 1.1 (its JSON schema), written out as assertions; then feedparser, the `reader`
library and newsboat read every feed. Also: the feeds each page announces, that every address the
feeds and heads name is a file of the site, the XSL stylesheet, WebSub, icons and syndication."""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import http.server
import json
import os
import re
import shutil
import sqlite3
import subprocess
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import jsonschema
import pytest
from conftest import ROOT, Built, build_journal, entry, run_build
from goals_journal.outputs.feedformats import FeedInfo, atom, rss
from lxml import etree
from test_site import JOURNAL

SITE = "https://example.org/journal/"
HUB = "https://hub.example.net/"
ATOM = "http://www.w3.org/2005/Atom"
NS = {"a": ATOM, "atom": ATOM, "content": "http://purl.org/rss/1.0/modules/content/"}
POTS = "Pots & <pans>"
COPIES = ("https://mastodon.social/@wren/111", "https://bsky.app/profile/wren.example/post/3k")
FILES: dict[str, str | bytes] = {
    **JOURNAL,
    "journal/2027/2027-01-13-pots.md": entry(
        "Threw six pots.", title=POTS, goals=["help"], metrics={"reach_out": 1}, syndication=list(COPIES)
    ),
}
OPTIONS = {"websub_hub": HUB}
CONFIG = {"site_author": "Wren"}
# RFC 822 as RSS 2.0 uses it (with a four-digit year, as the Advisory Board recommends)
RFC_822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small journal of test_site with an entry titled with & and <, posted elsewhere too."""
    return build_journal(tmp_path_factory.mktemp("specs") / "project", FILES, options=OPTIONS, config=CONFIG)


def feeds(built: Built, suffix: str) -> list[str]:
    """The site paths of every feed file ending with `suffix` (feed.xml, atom.xml, feed.json)."""
    return sorted(p.relative_to(built.site).as_posix() for p in built.site.rglob(suffix))


def xml(built: Built, path: str) -> Any:
    """A feed file parsed by lxml's strict XML parser (not well-formed: an error)."""
    return etree.fromstring((built.site / path).read_bytes())


def base(built: Built) -> str:
    """The site's address, as its root JSON Feed gives it."""
    return str(json.loads((built.site / "feed.json").read_text("utf-8"))["home_page_url"])


@pytest.fixture(scope="module", params=["small journal", "example journal"])
def journal(request: pytest.FixtureRequest, built: Built, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The feeds' rules hold for the small journal and for the example journal alike."""
    if request.param == "small journal":
        return built
    return run_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("example") / "site", strict=True)


def site_file(built: Built, url: str) -> Path:
    """The file of the built site that an absolute URL of the site names."""
    assert url.startswith(base(built)), url
    path = built.site / urlsplit(url).path.removeprefix(urlsplit(base(built)).path)
    return path / "index.html" if url.endswith("/") else path


def test_every_feed_is_in_all_three_formats_with_the_same_items(built: Built) -> None:
    folders = ["", "goals/connect/", "goals/help/", "helped/"]
    for name in ("feed.xml", "atom.xml", "feed.json"):
        assert feeds(built, name) == sorted(folder + name for folder in folders)
    for folder in folders:
        rss_items = xml(built, folder + "feed.xml").xpath("channel/item")
        in_rss = [(i.findtext("guid"), i.findtext("title")) for i in rss_items]
        in_atom = [
            (e.findtext("a:id", namespaces=NS), e.findtext("a:title", namespaces=NS))
            for e in xml(built, folder + "atom.xml").xpath("a:entry", namespaces=NS)
        ]
        document = json.loads((built.site / folder / "feed.json").read_text("utf-8"))
        assert in_rss == in_atom == [(i["id"], i["title"]) for i in document["items"]] and in_rss, folder
    helped = xml(built, "helped/feed.xml").xpath("channel/item/title/text()")
    assert helped and all(title.endswith(" · How I helped") for title in helped)


def test_atom_feeds_follow_rfc_4287(journal: Built) -> None:
    for path in feeds(journal, "atom.xml"):
        feed = xml(journal, path)
        assert feed.tag == f"{{{ATOM}}}feed", path

        def one(element: Any, name: str, path: str = path) -> str:
            found = element.findall(f"a:{name}", namespaces=NS)
            assert len(found) == 1, (path, name)  # 4.1.1: exactly one id, title, updated
            return str(found[0].text)

        one(feed, "id"), one(feed, "title")
        dt.datetime.fromisoformat(one(feed, "updated"))  # RFC 3339 date-times
        links = feed.findall("a:link", namespaces=NS)
        assert [(link.get("rel"), link.get("href")) for link in links if link.get("rel") == "self"] == [
            ("self", base(journal) + path)
        ]
        assert [link for link in links if link.get("rel") == "alternate"]
        entries = feed.findall("a:entry", namespaces=NS)
        has_author = feed.find("a:author/a:name", namespaces=NS) is not None
        assert has_author or all(e.find("a:author/a:name", namespaces=NS) is not None for e in entries)
        for item in entries:
            assert urlsplit(one(item, "id")).scheme == "https"
            one(item, "title")
            dt.datetime.fromisoformat(one(item, "updated"))
            content = item.find("a:content", namespaces=NS)
            assert content is not None and content.get("type") in ("text", "html", "xhtml"), path
            alternates = [
                (link.get("type"), link.get("hreflang"))
                for link in item.findall("a:link", namespaces=NS)
                if link.get("rel", "alternate") == "alternate"
            ]
            assert len(alternates) == 1, path  # 4.1.1: never two alternates of one type and language
        for name in ("icon", "logo"):
            assert one(feed, name).startswith(base(journal))


def test_atom_ids_stay_the_same_in_another_build(built: Built, tmp_path: Path) -> None:
    again = build_journal(tmp_path / "project", FILES, options=OPTIONS, config=CONFIG)
    for path in feeds(built, "atom.xml"):
        ids = [xml(b, path).xpath("//a:id/text()", namespaces=NS) for b in (built, again)]
        assert ids[0] == ids[1] and ids[0], path
        assert (built.site / path).read_bytes() == (again.site / path).read_bytes()


def test_rss_feeds_follow_rss_2_and_the_advisory_board_profile(journal: Built) -> None:
    for path in feeds(journal, "feed.xml"):
        root = xml(journal, path)
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for name in ("title", "link", "description"):  # the three required channel elements
            assert (channel.findtext(name) or "").strip(), (path, name)
        assert channel.xpath("atom:link[@rel='self']/@href", namespaces=NS) == [base(journal) + path]
        assert channel.xpath("atom:link[@rel='self']/@type", namespaces=NS) == ["application/rss+xml"]
        assert RFC_822.match(channel.findtext("lastBuildDate"))
        image = channel.find("image")  # the profile: an image's title and link are the channel's
        assert image.findtext("url") == base(journal) + "assets/card.png"
        assert image.findtext("title") == channel.findtext("title")
        assert image.findtext("link") == channel.findtext("link")
        for item in channel.findall("item"):
            assert item.findtext("title") or item.findtext("description")
            guid = item.find("guid")
            assert guid.get("isPermaLink") == "true"
            assert guid.text.startswith(base(journal)) and urlsplit(guid.text).scheme == "https"
            assert guid.text == item.findtext("link")
            date = item.findtext("pubDate")
            assert RFC_822.match(date), date
            assert email.utils.parsedate_to_datetime(date).tzinfo is not None


def test_json_feeds_are_valid_json_feed_1_1(journal: Built) -> None:
    schema = json.loads((ROOT / "tests/data/jsonfeed-1.1.schema.json").read_text("utf-8"))
    for path in feeds(journal, "feed.json"):
        document = json.loads((journal.site / path).read_text("utf-8"))
        jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
        assert document["version"] == "https://jsonfeed.org/version/1.1"
        assert document["feed_url"] == base(journal) + path
        assert document["icon"] == base(journal) + "assets/card.png"
        assert document["favicon"] == base(journal) + "assets/images/favicon.png"
        assert document.get("hubs", [{"type": "WebSub", "url": HUB}]) == [{"type": "WebSub", "url": HUB}]
        assert all(
            item["id"] == item["url"] and item["url"].startswith(base(journal)) for item in document["items"]
        )


def test_titles_with_ampersand_and_less_than_are_hex_references(built: Built) -> None:
    for path in feeds(built, "feed.xml") + feeds(built, "atom.xml"):
        raw = (built.site / path).read_text("utf-8")
        titles = re.findall(r"<title>(.*?)</title>", raw)
        assert not [t for t in titles if "&amp;" in t or "&lt;" in t], path
        if not path.startswith(("goals/help/", "feed", "atom")):
            continue  # the entry is in the site's feeds and its goal's
        assert "<title>Pots &#x26; &#x3C;pans&gt;</title>" in raw, path
        assert POTS in xml(built, path).xpath("//*[local-name()='title']/text()")  # well-formed, same text
        parsed = feedparser.parse(raw.encode("utf-8"))
        assert parsed.bozo == 0 and POTS in [e.title for e in parsed.entries], path


def test_feedparser_reads_every_feed(journal: Built) -> None:
    for path in feeds(journal, "feed.xml") + feeds(journal, "atom.xml"):
        parsed = feedparser.parse((journal.site / path).read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.version == ("rss20" if path.endswith("feed.xml") else "atom10")
        document = json.loads((journal.site / path.replace(path.rsplit("/", 1)[-1], "feed.json")).read_text())
        assert [(e.id, e.title) for e in parsed.entries] == [(i["id"], i["title"]) for i in document["items"]]
        assert all(e.content[0].type == "text/html" for e in parsed.entries), path
        if path.endswith("feed.xml"):
            assert parsed.feed.image.href == base(journal) + "assets/card.png"
        else:
            assert (parsed.feed.logo, parsed.feed.icon) == (
                base(journal) + "assets/card.png",
                base(journal) + "assets/images/favicon.png",
            )


def test_the_reader_library_reads_every_feed(journal: Built, tmp_path: Path) -> None:
    reader_module = pytest.importorskip("reader", reason="pip install reader (in the test extra)")
    reader = reader_module.make_reader(str(tmp_path / "reader.sqlite"), feed_root=str(journal.site))
    paths = feeds(journal, "feed.xml") + feeds(journal, "atom.xml")
    for path in paths:
        reader.add_feed(path)
    reader.update_feeds()
    for path in paths:
        assert reader.get_feed(path).last_exception is None, path
        entries = sorted(reader.get_entries(feed=path), key=lambda e: e.id)
        document = json.loads((journal.site / path.replace(path.rsplit("/", 1)[-1], "feed.json")).read_text())
        assert [(e.id, e.title) for e in entries] == sorted((i["id"], i["title"]) for i in document["items"])
        # html content, never text: Atom's type="CDATA" came out as text/plain here
        assert {c.type for e in entries for c in e.content} == {"text/html"}, path
    reader.close()


@pytest.mark.skipif(
    shutil.which("newsboat") is None and not os.environ.get("CI"),
    reason="newsboat is not installed (apt-get install newsboat); CI installs it and never skips this",
)
def test_newsboat_reads_every_feed(built: Built, tmp_path: Path) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        for number, path in enumerate(feeds(built, "feed.xml") + feeds(built, "atom.xml")):
            # one cache per feed: newsboat keeps an item once by its guid, and feeds share items
            urls, cache = tmp_path / f"urls-{number}", tmp_path / f"cache-{number}.db"
            urls.write_text(base + path + "\n")
            run = subprocess.run(
                ["newsboat", "-u", str(urls), "-c", str(cache), "-C", os.devnull, "-x", "reload"],
                env={**os.environ, "HOME": str(tmp_path)},
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert run.returncode == 0, run.stderr
            with sqlite3.connect(cache) as db:
                rows = db.execute("SELECT guid, title FROM rss_item").fetchall()
                feed_title = db.execute("SELECT title FROM rss_feed").fetchone()[0]
            root = xml(built, path)
            expected = root.xpath("//item/guid/text() | //a:entry/a:id/text()", namespaces=NS)
            assert sorted(guid for guid, _ in rows) == sorted(expected), path
            assert feed_title == root.xpath("string(channel/title | a:title)", namespaces=NS), path
            if path in ("feed.xml", "atom.xml"):
                assert POTS in [title for _, title in rows], (path, rows)
    finally:
        server.shutdown()


def alternates(built: Built, url: str) -> list[tuple[str, str, str]]:
    """The (type, title, href) of every feed link in a page's <head>."""
    return [
        (link.get("type"), link.get("title"), link.get("href"))
        for link in built.page(url).xpath("//head/link[@rel='alternate']")
    ]


def three(folder: str, title: str) -> list[tuple[str, str, str]]:
    """The three feed links of the feed in `folder`."""
    kinds = [
        ("application/rss+xml", "feed.xml"),
        ("application/atom+xml", "atom.xml"),
        ("application/feed+json", "feed.json"),
    ]
    return [(kind, title, SITE + folder + name) for kind, name in kinds]


def test_each_page_announces_the_sites_feeds_and_its_own(built: Built) -> None:
    site = three("", "Test Journal")
    assert alternates(built, "") == site
    assert alternates(built, "journal/2027/01/13/pots/") == site
    assert alternates(built, "goals/help/") == site + three("goals/help/", "Help others · Test Journal")
    helped = three("helped/", "How I helped · Test Journal")
    assert alternates(built, "helped/") == site + helped
    assert alternates(built, "helped/2027/W01/") == site + helped  # a roundup page
    assert alternates(built, "helped/2027/01/") == site + helped


def test_materials_sitemap_lookup_is_harmless_for_feed_links(built: Built) -> None:
    """Material fetches sitemap.xml beside each alternate link (for its language selector) and then
    redirects clicks on links below that address: a feed's address has no links below it."""
    bundle = next(
        (Path(__import__("material").__file__).parent / "templates/assets/javascripts").glob(
            "bundle.*.min.js"
        )
    )
    script = bundle.read_text("utf-8")
    assert 'M("link[rel=alternate]")' in script and 'new URL("sitemap.xml",e)' in script
    hrefs = {
        href
        for page in ("", "goals/help/", "helped/", "helped/2027/W01/")
        for *_, href in alternates(built, page)
    }
    links = {
        urljoin(SITE + page.relative_to(built.site).as_posix(), href)
        for page in built.site.rglob("*.html")
        for href in etree.parse(str(page), etree.HTMLParser()).xpath("//a/@href")
    }
    assert not [link for link in links for href in hrefs if link.startswith(href.rstrip("/") + "/")]


def test_every_address_in_the_feeds_and_heads_is_a_file_of_the_site(journal: Built) -> None:
    named: set[str] = set()
    for path in feeds(journal, "feed.xml") + feeds(journal, "atom.xml"):
        root = xml(journal, path)
        named.update(root.xpath("channel/link/text() | channel/image/url/text() | channel/image/link/text()"))
        named.update(root.xpath("//atom:link[@rel!='hub']/@href | //item/link/text()", namespaces=NS))
        named.update(root.xpath("a:icon/text() | a:logo/text()", namespaces=NS))
        named.difference_update(COPIES)  # the copies elsewhere
        stylesheet = root.getroottree().getroot().getprevious()
        assert stylesheet.target == "xml-stylesheet" and stylesheet.get("type") == "text/xsl"
        named.add(urljoin(base(journal) + path, stylesheet.get("href")))
    for path in feeds(journal, "feed.json"):
        document = json.loads((journal.site / path).read_text("utf-8"))
        named.update([document["home_page_url"], document["feed_url"], document["icon"], document["favicon"]])
        named.update(item["url"] for item in document["items"])
    goal_page = next(p for p in journal.pages() if p.startswith("goals/") and p != "goals/index.html")
    roundup = next(p for p in journal.pages() if p.startswith("helped/") and "/W" in p)
    for page in ("", goal_page.removesuffix("index.html"), "helped/", roundup.removesuffix("index.html")):
        named.update(href for *_, href in alternates(journal, page))
    assert base(journal) + "feed.xsl" in named and base(journal) + "assets/images/favicon.png" in named
    assert [url for url in sorted(named) if not site_file(journal, url).is_file()] == []


def test_the_stylesheet_shows_a_feed_as_a_page(built: Built) -> None:
    transform = etree.XSLT(etree.parse(str(built.site / "feed.xsl")))
    for path in ("feed.xml", "atom.xml", "goals/help/atom.xml", "helped/feed.xml"):
        document = etree.parse(str(built.site / path))
        href = document.getroot().getprevious().get("href")
        assert (built.site / path).parent.joinpath(href).resolve() == (built.site / "feed.xsl").resolve()
        page = transform(document)
        html = etree.tostring(page, method="html", encoding="unicode")
        tree = etree.fromstring(html, etree.HTMLParser())
        title = document.xpath("/rss/channel/title/text() | /a:feed/a:title/text()", namespaces=NS)[0]
        assert tree.findtext(".//h1") == title and tree.findtext(".//title") == title
        assert "subscribe" in "".join(tree.itertext()).lower()
        assert tree.xpath("//code/text()") == [SITE + path]  # the address to copy
        items = tree.xpath("//main//li/a")
        assert len(items) == len(document.xpath("//item | //a:entry", namespaces=NS)) > 0
        assert all(a.get("href").startswith(SITE) for a in items)
        if path in ("feed.xml", "atom.xml"):
            assert POTS in [a.text for a in items]
            assert "Pots &amp; &lt;pans&gt;" in html  # escaped by XSLT, not by hand


def test_the_websub_hub_is_in_every_format(built: Built) -> None:
    assert xml(built, "feed.xml").xpath("channel/atom:link[@rel='hub']/@href", namespaces=NS) == [HUB]
    assert xml(built, "goals/help/atom.xml").xpath("a:link[@rel='hub']/@href", namespaces=NS) == [HUB]
    assert json.loads((built.site / "helped/feed.json").read_text())["hubs"] == [
        {"type": "WebSub", "url": HUB}
    ]
    info = FeedInfo("T", "D", SITE, SITE + "feed.xml", SITE + "feed.json", SITE + "atom.xml")
    assert b'rel="hub"' not in rss(info, []) and b'rel="hub"' not in atom(info, [])  # none unless set


def test_a_websub_hub_must_be_an_http_address(site_root: Path) -> None:
    result = build_journal(
        site_root, JOURNAL, options={"websub_hub": "hub.example.net"}, expect_problems=True
    )
    assert result.failure
    assert result.errors == [
        "websub_hub 'hub.example.net' must be an absolute http(s) address such as https://pubsubhubbub.appspot.com/"
    ]


def test_syndication_addresses_are_related_links_and_end_the_content(built: Built) -> None:
    atom_entry = xml(built, "atom.xml").xpath("a:entry[a:title='Pots & <pans>']", namespaces=NS)[0]
    assert atom_entry.xpath("a:link[@rel='related']/@href", namespaces=NS) == list(COPIES)
    content = xml(built, "feed.xml").xpath(
        "channel/item[title='Pots & <pans>']/content:encoded/text()", namespaces=NS
    )[0]
    paragraph = etree.fromstring(content.strip().rsplit("\n", 1)[-1], etree.HTMLParser())
    assert paragraph.xpath("//p/text()")[0].startswith("Also posted on")
    assert paragraph.xpath("//a/@href") == list(COPIES)
    assert paragraph.xpath("//a/text()") == ["mastodon.social", "bsky.app"]
    item = next(i for i in json.loads((built.site / "feed.json").read_text())["items"] if i["title"] == POTS)
    assert "external_url" not in item and all(copy in item["content_html"] for copy in COPIES)


def test_without_cards_the_feeds_have_only_the_favicon(site_root: Path) -> None:
    files = {**JOURNAL, "docs/images/me.png": b"\x89PNG"}
    theme = {"name": "material", "favicon": "images/me.png"}
    result = build_journal(site_root, files, options={"cards": False}, config={"theme": theme})
    document = json.loads((result.site / "feed.json").read_text())
    assert "icon" not in document and document["favicon"] == SITE + "images/me.png"
    assert xml(result, "feed.xml").find("channel/image") is None
    assert xml(result, "atom.xml").xpath("a:icon/text()", namespaces=NS) == [SITE + "images/me.png"]
    assert not xml(result, "atom.xml").xpath("a:logo", namespaces=NS)
