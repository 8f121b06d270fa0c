"""The open web: microformats2 (h-entry, h-feed, h-card) read with mf2py as IndieWeb readers read
them, rel=me on every page, and the generated /now/ page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import mf2py
import pytest
from conftest import Built, build_journal, entry, goal, texts
from goals_journal.config.options import OptionError, avatar, profiles
from goals_journal.hosts.mkdocs.identity import with_me
from test_site import JOURNAL

SITE = "https://example.org/journal/"
SYNDICATION = ["https://mastodon.social/@wren/1", "https://bsky.app/profile/wren.example/post/2"]
SOCIAL = [
    {"icon": "fontawesome/brands/mastodon", "link": "https://mastodon.social/@wren"},
    {"icon": "fontawesome/brands/github", "link": "https://github.com/wren"},
]
REL_ME = ["https://bsky.app/profile/wren.example", "https://pixelfed.social/wren"]
FILES: dict[str, str | bytes] = {
    **JOURNAL,
    "journal/2027/2027-01-03-first-week.md": str(JOURNAL["journal/2027/2027-01-03-first-week.md"]).replace(
        "tags:", "syndication:\n- " + "\n- ".join(SYNDICATION) + "\ntags:", 1
    ),
    "docs/about.md": "# About\n\nA hand-written page.\n",
}
FIRST_WEEK = "journal/2027/01/03/first-week/"
# Published entries, newest first (the draft and the private entry are never listed).
NEWEST_FIRST = [
    ("Second week", "journal/2027/01/12/second/", "2027-01-12"),
    ("Tuesday 5 January 2027", "journal/2027/01/05/tuesday/", "2027-01-05"),
    ("Answered three questions", FIRST_WEEK, "2027-01-03"),
    ("Old year", "journal/2026/12/30/before/", "2026-12-30"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small journal of test_site with an author, an avatar, social links and rel_me profiles."""
    return build_journal(
        tmp_path_factory.mktemp("open-web") / "project",
        FILES,
        options={"avatar": "assets/wren.png", "rel_me": REL_ME},
        config={"site_author": "Wren", "extra": {"social": SOCIAL}},
    )


def parsed(built: Built, url: str) -> dict[str, Any]:
    """The microformats of a page, as a reader fetching it from its address finds them."""
    path = built.site / url / "index.html" if url.endswith("/") or not url else built.site / url
    return mf2py.parse(doc=path.read_text("utf-8"), url=SITE + url.removesuffix("index.html"))


def of_type(items: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The items of one type."""
    return [item for item in items if kind in item["type"]]


def test_an_entry_page_is_one_h_entry_with_its_text_author_tags_and_syndication(built: Built) -> None:
    items = parsed(built, FIRST_WEEK)["items"]
    assert [item["type"] for item in items] == [["h-entry"]]
    props = items[0]["properties"]
    assert props["name"] == ["Answered three questions"]
    assert props["published"] == ["2027-01-03"]
    assert props["url"] == [SITE + FIRST_WEEK]
    assert props["category"] == ["facebook"]
    assert props["syndication"] == SYNDICATION
    (author,) = props["author"]
    assert author["type"] == ["h-card"]
    assert author["properties"]["name"] == ["Wren"]
    assert author["properties"]["url"] == [SITE]
    assert author["properties"]["photo"] == [SITE + "assets/wren.png"]
    (content,) = props["content"]
    assert content["value"] == "Answered questions all morning."
    for plugin_part in ("gj-numbers", "gj-pager", "gj-helped", "gj-meta", "Numbers", "Previous"):
        assert plugin_part not in content["html"]


def test_the_entry_page_shows_where_it_was_also_posted_and_looks_the_same(built: Built) -> None:
    page = built.page(FIRST_WEEK)
    (also,) = page.xpath("//p[@class='gj-syndication']")
    assert " ".join(also.text_content().split()) == "Also posted on mastodon.social, bsky.app."
    assert also.xpath("./a/@href") == SYNDICATION
    assert texts(page, "//h1") == ["Answered three questions"]  # Material's title, as before
    assert texts(page, "//p[@class='gj-meta']/data[contains(@class,'gj-tag')]") == ["#facebook"]
    # What only machines read is out of the layout.
    assert page.xpath("//div[@class='h-entry']/div[@class='gj-mf' and @hidden]//data[@class='p-name']")


def test_an_entry_with_its_own_heading_keeps_the_heading_out_of_its_content(built: Built) -> None:
    (item,) = parsed(built, "journal/2026/12/30/before/")["items"]
    assert item["properties"]["name"] == ["Old year"]
    assert item["properties"]["content"][0]["value"] == "Looking back."
    assert "syndication" not in item["properties"] and "category" not in item["properties"]


@pytest.mark.parametrize(
    ("url", "name", "shown"),
    [
        ("", "Test Journal", NEWEST_FIRST),
        ("journal/", "Journal", NEWEST_FIRST),
        ("journal/2027/", "Journal 2027", NEWEST_FIRST[:3]),
        ("goals/help/", "Help others", NEWEST_FIRST[:3]),
        ("goals/connect/", "Stronger connections", NEWEST_FIRST[1:2]),
    ],
)
def test_lists_of_entries_are_one_h_feed_of_the_listed_entries_in_order(
    built: Built, url: str, name: str, shown: list[tuple[str, str, str]]
) -> None:
    (feed,) = of_type(parsed(built, url)["items"], "h-feed")
    assert feed["properties"]["name"] == [name]
    assert feed["properties"]["author"][0]["properties"]["name"] == ["Wren"]
    children = [
        (c["properties"]["name"][0], c["properties"]["url"][0], c["properties"]["published"][0])
        for c in feed["children"]
    ]
    assert children == [(title, SITE + address, day) for title, address, day in shown]
    assert all(c["type"] == ["h-entry"] for c in feed["children"])


def test_the_home_page_has_the_authors_representative_h_card(built: Built) -> None:
    (card,) = of_type(parsed(built, "")["items"], "h-card")
    assert card["properties"] == {
        "name": ["Wren"],
        "url": [SITE],
        "uid": [SITE],
        "photo": [SITE + "assets/wren.png"],
    }


def test_private_and_draft_entries_are_in_no_h_feed(built: Built) -> None:
    feeds = [
        feed
        for page in built.pages()
        for feed in of_type(parsed(built, page)["items"], "h-feed")
        if page != "404.html"
    ]
    assert len(feeds) >= 6
    listed = str(feeds)
    for marker in ("DRAFT", "PRIVATE", "2027/01/15", "2027/01/16"):
        assert marker not in listed


def test_every_page_says_rel_me_for_every_social_link_and_rel_me_address(built: Built) -> None:
    pages = built.pages()  # the 404 page too
    kinds = ("index.html", "goals/", "journal/2027/", FIRST_WEEK, "helped/", "review/", "now/", "about/")
    assert all(any(kind in page for page in pages) for kind in kinds)
    for page in pages:
        rels = parsed(built, page)["rels"]
        assert sorted(rels.get("me", [])) == sorted({s["link"] for s in SOCIAL} | set(REL_ME)), page
        tree = built.page(page.removesuffix("index.html"))
        assert tree.xpath("//head/link[@rel='me']/@href") == REL_ME, page
        for link in tree.xpath("//a[contains(@class,'md-social__link')]"):
            assert "me" in link.get("rel").split() and "noopener" in link.get("rel").split(), page


def test_rel_me_is_added_once_and_only_to_the_profiles() -> None:
    me = frozenset({"https://github.com/wren", "https://x.example/?a=1&b=2"})
    assert with_me('<a href="https://github.com/wren">', me) == '<a href="https://github.com/wren" rel="me">'
    assert with_me("<a href='https://x.example/?a=1&amp;b=2' rel='noopener'>", me) == (
        "<a href='https://x.example/?a=1&amp;b=2' rel=\"noopener me\">"
    )
    assert with_me('<a rel="me noopener" href="https://github.com/wren">', me).count("me") == 1
    assert (
        with_me('<a href="https://github.com/someone-else">', me)
        == '<a href="https://github.com/someone-else">'
    )


def test_avatar_and_rel_me_options_are_checked() -> None:
    assert avatar(None) == "" and avatar("/assets/me.jpg") == "assets/me.jpg"
    assert avatar("https://cdn.example/me.jpg") == "https://cdn.example/me.jpg"
    assert profiles(["https://a.example/@me", "https://a.example/@me", "mailto:me@example.org"]) == (
        "https://a.example/@me",
        "mailto:me@example.org",
    )
    with pytest.raises(OptionError, match="javascript:alert"):
        avatar("javascript:alert(1)")
    with pytest.raises(OptionError, match=r"rel_me: 'mastodon\.social/@me'"):
        profiles(["mastodon.social/@me"])


def test_the_now_page_lists_the_active_goals_in_words_and_the_latest_entry(built: Built) -> None:
    page = built.page("now/")
    assert texts(page, "//h1") == ["Now"]
    assert texts(page, "//p[@class='gj-asof']") == ["As of Wednesday 20 January 2027."]
    goals = page.xpath("//ul[@class='gj-now']/li")
    assert [texts(li, "./a")[0] for li in goals] == ["Help others"]  # the paused goal is not listed
    assert texts(goals[0], "./span[contains(@class,'gj-status')]") == ["behind"]
    metrics = texts(goals[0], "./ul/li")
    assert metrics[0] == "People helped 5 of 150, 3 behind pace"
    assert "New people: 1 of 3 weeks met, streak 1 (best 1), this week 0 of 5" in metrics
    assert "Stronger connections" not in page.xpath("//article")[0].text_content()  # (the menu has it)
    (latest,) = of_type(parsed(built, "now/")["items"], "h-entry")
    assert latest["properties"]["name"] == ["Second week"]


def test_the_now_page_follows_goals_in_the_menu(built: Built) -> None:
    nav = built.page("").xpath("//nav[contains(@class, 'md-nav--primary')]")[0]
    top = [" ".join(li.xpath("./a|./label")[0].text_content().split()) for li in nav.xpath("./ul/li")]
    assert top[top.index("Goals") + 1] == "Now"
    now = built.page("now/")
    assert now.xpath("//link[@rel='prev']/@href") == ["../goals/help/"]  # previous and next follow the menu


def test_without_an_author_there_is_no_h_card_and_the_now_page_says_there_is_nothing(site_root: Path) -> None:
    built = build_journal(
        site_root,
        {
            "goals/rest.md": goal("Rest", "2027-01-01", status="paused"),
            "journal/2027-01-02-quiet.md": entry(),
        },
    )
    (item,) = parsed(built, "journal/2027/01/02/quiet/")["items"]
    assert "author" not in item["properties"]
    assert not of_type(parsed(built, "")["items"], "h-card")
    assert texts(built.page("now/"), "//h2[@id='goals']/following-sibling::p[1]") == [
        "No active goals right now."
    ]
