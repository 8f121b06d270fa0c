"""Feeds: RSS, Atom and JSON Feed of a small journal, checked with feedparser, jsonschema and newsboat."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import sqlite3
import subprocess
import threading
from pathlib import Path

import feedparser
import jsonschema
import pytest
from conftest import ROOT, Built, build_journal, entry, goal
from lxml import etree
from test_site import JOURNAL

SITE = "https://example.org/journal/"
NEWEST_FIRST = ["Second week", "Tuesday 5 January 2027", "Answered three questions", "Old year"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small journal of test_site, with an author and a link-rich entry."""
    files: dict[str, str | bytes] = {
        **JOURNAL,
        "journal/2027/kiln.png": b"\x89PNG",
        "journal/2027/2027-01-12-links.md": entry(
            "See [the first week](2027-01-03-first-week.md) and ![kiln](kiln.png).\n\n"
            "<!-- more -->\n\nThe rest of the story.",
            title='Links & <script>alert("x")</script>',
            goals=["connect"],
            tags=["kilns"],
        ),
    }
    options = {"feed_weekly_roundups": False, "feed_monthly_roundups": False}  # roundups: test_roundups.py
    return build_journal(
        tmp_path_factory.mktemp("feeds") / "project", files, options=options, config={"site_author": "Wren"}
    )


def parse(built: Built, path: str) -> feedparser.FeedParserDict:
    """A feed of the built site, parsed."""
    parsed = feedparser.parse((built.site / path).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def test_rss_and_atom_parse_cleanly_with_entries_newest_first(built: Built) -> None:
    for path in ("feed.xml", "atom.xml"):
        feed = parse(built, path)
        titles = [e.title for e in feed.entries]
        # 12 Jan has two date-only entries: 12:00:00 "links", 12:00:01 "second" (slug order)
        assert titles == ["Second week", 'Links & <script>alert("x")</script>', *NEWEST_FIRST[1:]]
        first = feed.entries[0]
        assert first.link == SITE + "journal/2027/01/12/second/"
        assert first.id == SITE + "journal/2027/01/12/second/"
        assert first.published_parsed[:6] == (2027, 1, 12, 12, 0, 1)
        assert feed.entries[1].published_parsed[:6] == (2027, 1, 12, 12, 0, 0)
        assert first.get("author") == "Wren"
    rss = parse(built, "feed.xml")
    assert rss.version == "rss20" and rss.feed.link == SITE
    assert parse(built, "atom.xml").version == "atom10"


def test_rss_channel_links_dates_and_guids(built: Built) -> None:
    tree = etree.fromstring((built.site / "feed.xml").read_bytes())
    channel = tree.find("channel")
    assert channel.findtext("link") == SITE
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert (self_link.get("rel"), self_link.get("href")) == ("self", SITE + "feed.xml")
    assert (
        channel.findtext("lastBuildDate") == "Tue, 12 Jan 2027 12:00:01 +0000"
    )  # the newest item, not "now"
    item = channel.find("item")
    assert [child.tag.split("}")[-1] for child in item][:5] == [
        "title",
        "link",
        "description",
        "encoded",
        "guid",
    ]
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "true" and guid.text == SITE + "journal/2027/01/12/second/"
    atom = etree.fromstring((built.site / "atom.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.xpath("a:link[@rel='self']/@href", namespaces=ns) == [SITE + "atom.xml"]
    assert atom.xpath("a:updated/text()", namespaces=ns) == ["2027-01-12T12:00:01+00:00"]


def test_item_content_has_absolute_links_and_escaped_titles(built: Built) -> None:
    feed = parse(built, "feed.xml")
    links = next(e for e in feed.entries if e.link.endswith("/links/"))
    html = links.content[0].value
    assert f'href="{SITE}journal/2027/01/03/first-week/"' in html
    assert f'src="{SITE}journal/2027/kiln.png"' in html
    assert f'href="{SITE}goals/connect/"' in html  # the goal links appended to the item
    assert links.summary == "See the first week and ."  # plain text, before <!-- more -->
    raw = (built.site / "feed.xml").read_text("utf-8")
    assert "<title>Links &#x26; &#x3C;script&gt;" in raw and "<title>Links & <script>" not in raw
    assert 'class="headerlink"' not in raw
    first_week = next(e for e in feed.entries if e.link.endswith("/first-week/"))
    assert "Answered her question about friend lists" in first_week.content[0].value
    assert [t.term for t in links.tags] == ["kilns"]


def test_json_feed_is_valid_json_feed_1_1(built: Built) -> None:
    document = json.loads((built.site / "feed.json").read_text("utf-8"))
    schema = json.loads((ROOT / "tests/data/jsonfeed-1.1.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    assert document["feed_url"] == SITE + "feed.json" and document["home_page_url"] == SITE
    assert document["authors"] == [{"name": "Wren"}]
    assert [i["title"] for i in document["items"]][2:] == NEWEST_FIRST[1:]
    assert document["items"][0]["date_published"] == "2027-01-12T12:00:01+00:00"
    with pytest.raises(jsonschema.ValidationError):  # the schema does reject a broken feed
        jsonschema.validate({"version": "1.1", "title": "x", "items": []}, schema)


def test_goal_feeds_hold_only_that_goals_entries(built: Built) -> None:
    connect = parse(built, "goals/connect/feed.xml")
    assert [e.title for e in connect.entries] == [
        'Links & <script>alert("x")</script>',
        "Tuesday 5 January 2027",
    ]
    assert connect.feed.link == SITE + "goals/connect/"
    document = json.loads((built.site / "goals/help/feed.json").read_text("utf-8"))
    assert [i["title"] for i in document["items"]] == [
        "Second week",
        "Tuesday 5 January 2027",
        "Answered three questions",
    ]


def test_drafts_and_private_entries_are_in_no_feed(built: Built) -> None:
    for path in ("feed.xml", "atom.xml", "feed.json", "goals/help/feed.xml", "goals/help/feed.json"):
        text = (built.site / path).read_text("utf-8")
        for marker in ("DRAFT-", "PRIVATE-", "SECRET-HELP-MARKER", "@secret-person"):
            assert marker not in text, (path, marker)


def test_every_page_announces_the_feeds(built: Built) -> None:
    for url in ("", "journal/", "journal/2027/01/03/first-week/"):
        head = built.page(url).xpath("//head/link[@rel='alternate']")
        assert [(link.get("type"), link.get("href")) for link in head] == [
            ("application/rss+xml", SITE + "feed.xml"),
            ("application/atom+xml", SITE + "atom.xml"),
            ("application/feed+json", SITE + "feed.json"),
        ]
    goal_head = built.page("goals/help/").xpath("//head/link[@rel='alternate']/@href")
    assert goal_head == [
        SITE + "feed.xml",
        SITE + "atom.xml",
        SITE + "feed.json",
        SITE + "goals/help/feed.xml",  # then the goal's own (tests/test_feed_specs.py: the help's)
        SITE + "goals/help/atom.xml",
        SITE + "goals/help/feed.json",
    ]
    assert built.page("").xpath("//p[@class='gj-subscribe']/a/@href") == ["feed.xml", "atom.xml", "feed.json"]
    assert built.page("goals/help/").xpath("//p[@class='gj-subscribe']/a/@href") == ["feed.xml", "feed.json"]


def test_item_limit_and_summary_option(site_root: Path) -> None:
    result = build_journal(
        site_root, JOURNAL, options={"feed_items": 2, "feed_content": "summary", "feed_title": "Mine"}
    )
    feed = parse(result, "feed.xml")
    # the week of 4-10 Jan is over by 20 Jan, so its roundup is in, dated 10 Jan 23:59:59
    assert feed.feed.title == "Mine" and [e.title for e in feed.entries] == [
        "Second week",
        "4–10 Jan 2027 · How I helped",
    ]
    assert feed.entries[0].content[0].value == "<p>Second week.</p>"  # the first paragraph only
    # 5 Jan: a public compliment and a private answer, both counted
    assert feed.entries[1].content[0].value == "<p>This week I helped 2 people: 1 answer, 1 compliment.</p>"
    document = json.loads((site_root / "site/feed.json").read_text("utf-8"))
    assert document["items"][0]["content_html"] == "<p>Second week.</p>"


def test_feeds_need_a_site_url(site_root: Path) -> None:
    result = build_journal(site_root, JOURNAL, config={"site_url": None}, expect_problems=True)
    assert result.failure
    assert "feeds need absolute URLs: set site_url in mkdocs.yml" in result.errors[-1]
    without = build_journal(site_root, JOURNAL, config={"site_url": None}, options={"feeds": False})
    assert not (without.site / "feed.xml").exists()


def test_control_characters_are_removed_with_a_warning(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        "goals/help.md": goal(),
        "journal/2027-01-03-bell.md": "---\ntitle: Ding\x07 dong\ngoals: [help]\n---\n\nA form\x0cfeed.\n",
    }
    result = build_journal(site_root, files, expect_problems=True)
    assert not result.failure
    assert result.warnings == [
        "journal/2027-01-03-bell.md:2: removed 2 invisible control characters (first: U+0007) that feeds cannot "
        "carry: re-save the file without them"
    ]
    assert parse(result, "feed.xml").entries[0].title == "Ding dong"


def test_two_builds_give_identical_feeds(site_root: Path, tmp_path: Path) -> None:
    first = build_journal(site_root, JOURNAL)
    copies = {
        p: (first.site / p).read_bytes() for p in ("feed.xml", "atom.xml", "feed.json", "goals/help/feed.xml")
    }
    again = build_journal(site_root, {})
    assert {p: (again.site / p).read_bytes() for p in copies} == copies


@pytest.mark.skipif(
    shutil.which("newsboat") is None and not os.environ.get("CI"),
    reason="newsboat is not installed (apt-get install newsboat); CI installs it and never skips this",
)
@pytest.mark.parametrize("path", ["feed.xml", "atom.xml"])
def test_newsboat_reads_the_feeds(built: Built, tmp_path: Path, path: str) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/{path}"
        (tmp_path / "urls").write_text(url + "\n")
        env = {**os.environ, "HOME": str(tmp_path)}
        cache = tmp_path / "cache.db"
        run = subprocess.run(
            ["newsboat", "-u", str(tmp_path / "urls"), "-c", str(cache), "-C", os.devnull, "-x", "reload"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
    finally:
        server.shutdown()
    with sqlite3.connect(cache) as db:
        rows = db.execute(
            "SELECT title, url, pubDate, author FROM rss_item ORDER BY pubDate DESC, title"
        ).fetchall()
        feed_title = db.execute("SELECT title FROM rss_feed").fetchone()[0]
    assert feed_title == "Test Journal"
    assert [r[0] for r in rows][-3:] == NEWEST_FIRST[1:]
    assert rows[-1][1] == SITE + "journal/2026/12/30/before/"
    noon = dt.datetime(2026, 12, 30, 12, tzinfo=dt.timezone.utc)
    assert rows[-1][2] == int(noon.timestamp())
    assert {r[3] for r in rows} == {"Wren"}
