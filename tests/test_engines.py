"""`goals build --engine mkdocs|properdocs|zensical`: the example journal built by all three is the same site
(pages, numbers, feeds, open data, badges, head tags, menu, search), and private material reaches none."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import feedparser
import pytest
from conftest import ENGINES, ROOT, engine_build
from goals_journal.core.reader import read_journal
from goals_journal.core.settings import Folders
from lxml import etree
from lxml import html as lxml_html
from test_example import copy_example
from test_privacy import every_byte

BASE = "https://example.github.io/clay-and-kindness/"
ENGINE_FILES = {  # what only one engine writes: its search index, a gzipped sitemap, Zensical's inventory
    "mkdocs": {"search/search_index.json", "sitemap.xml.gz"},
    "properdocs": {"search/search_index.json", "sitemap.xml.gz"},
    "zensical": {"search.json", "objects.inv"},
}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example journal, pinned to the day after its last entry."""
    return copy_example(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="module")
def sites(example: Path) -> dict[str, Path]:
    """The example built strictly by each engine, each into its own folder."""
    built = {}
    for engine in ENGINES:
        result = engine_build(example, engine, "-d", f"site-{engine}", strict=True)
        assert result.messages == []
        built[engine] = example / f"site-{engine}"
    return built


def files_of(site: Path) -> set[str]:
    """Every file of a site but the theme's own assets."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file()
        and not p.relative_to(site).as_posix().startswith(("assets/javascripts/", "assets/stylesheets/"))
        and "assets/images/favicon" not in p.as_posix()
    }


def test_every_engine_publishes_the_same_files(sites: dict[str, Path]) -> None:
    shared = {engine: files_of(site) - ENGINE_FILES[engine] for engine, site in sites.items()}
    assert shared["properdocs"] == shared["mkdocs"]
    assert shared["zensical"] == shared["mkdocs"]
    pages = {name for name in shared["mkdocs"] if name.endswith(".html")}
    entries = [name for name in pages if name.startswith("journal/2026/") and name.count("/") == 5]
    assert (
        len(pages) == 56 and len(entries) == 34 - 2
    )  # every page, at the same address: 34 entries, a draft and a private one left out


def test_open_data_cards_and_badges_are_identical(sites: dict[str, Path]) -> None:
    mkdocs = sites["mkdocs"]
    names = [
        name
        for name in files_of(mkdocs)
        if name.endswith((".json", ".csv", ".svg", ".png", ".xsl")) and name not in ENGINE_FILES["mkdocs"]
    ]
    assert (
        "goals.json" in names
        and "goals/help-others/data.csv" in names
        and "goals/help-others/badge.svg" in names
    )
    assert len([n for n in names if n.endswith("card.png")]) == 16
    for engine in ("properdocs", "zensical"):
        assert [n for n in names if (sites[engine] / n).read_bytes() != (mkdocs / n).read_bytes()] == []
    help_others = next(
        g for g in json.loads((mkdocs / "goals.json").read_text())["goals"] if g["id"] == "help-others"
    )
    assert help_others["metrics"][0]["value"] == 54  # as the example's own test works it out


def feed_items(path: Path) -> list[tuple[str, str, str, str]]:
    """A feed's items: id, title, published time and content."""
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, path
    return [
        (e.id, e.title, e.published, e.content[0].value if "content" in e else e.summary)
        for e in feed.entries
    ]


def test_feeds_carry_the_same_items_in_every_format(sites: dict[str, Path]) -> None:
    mkdocs = sites["mkdocs"]
    feeds = sorted(n for n in files_of(mkdocs) if n.endswith(("feed.xml", "atom.xml")))
    assert len(feeds) == 12  # the journal's, the help's and four goals', in RSS and Atom
    for name in feeds:
        items = feed_items(mkdocs / name)
        assert items, name
        for engine in ("properdocs", "zensical"):
            assert feed_items(sites[engine] / name) == items, (engine, name)
    for name in sorted(n for n in files_of(mkdocs) if n.endswith("feed.json")):
        items = json.loads((mkdocs / name).read_text())["items"]
        assert json.loads((sites["zensical"] / name).read_text())["items"] == items
    newest = feed_items(mkdocs / "feed.xml")[0]
    assert newest[0] == BASE + "journal/2026/11/21/eight-weeks-in/" and newest[1] == "Eight weeks in"
    assert "the wedging table" in newest[3] and "headerlink" not in newest[3]


def page_parts(site: Path, name: str) -> dict[str, Any]:
    """What a page shows and says about itself, every link made absolute: its content, menu, footer,
    title and the plugin's head tags."""
    tree = lxml_html.fromstring((site / name).read_bytes())
    base = BASE + name.removesuffix("index.html")
    for element in tree.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is not None and not value.startswith("#"):
                element.set(attribute, urljoin(base, value))
    article = tree.xpath("//article")[0]
    for theirs in article.xpath(".//a[@id='__skip']|.//*[contains(@class,'md-content__button')]"):
        theirs.getparent().remove(theirs)  # the themes' own skip target and buttons
    text = lxml_html.tostring(article, encoding="unicode")
    head = (
        "//head/meta[@property or starts-with(@name,'twitter:')]|//head/link[@rel='alternate' or @rel='me']"
    )
    return {
        "content": [line.strip() for line in text.splitlines() if line.strip()],
        "menu": [
            (" ".join(a.text_content().split()), a.get("href"))
            for a in tree.xpath("//nav[contains(@class,'md-nav--primary')]//a")
        ],
        "footer": [a.get("href") for a in tree.xpath("//footer//nav//a")],
        "title": tree.xpath("string(//title)"),
        "head": sorted(
            (e.get("property") or e.get("name") or e.get("rel"), e.get("content") or e.get("href"))
            for e in tree.xpath(head)
        ),
    }


def test_every_page_shows_the_same_content_menu_and_head_tags(sites: dict[str, Path]) -> None:
    mkdocs = sites["mkdocs"]
    pages = sorted(n for n in files_of(mkdocs) if n.endswith(".html"))
    for name in pages:
        expected = page_parts(mkdocs, name)
        for engine in ("properdocs", "zensical"):
            got = page_parts(sites[engine], name)
            assert [key for key in expected if got[key] != expected[key]] == [], (engine, name)
    home = page_parts(sites["zensical"], "index.html")
    assert ("og:title", "Clay & Kindness") in home["head"] and ("og:url", BASE) in home["head"]
    about = page_parts(
        sites["zensical"], "about/index.html"
    )  # a hand-written page: its own title and address
    assert ("og:title", "About this journal") in about["head"] and ("og:url", BASE + "about/") in about[
        "head"
    ]


def test_the_menu_is_the_one_mkdocs_makes(sites: dict[str, Path]) -> None:
    for engine, site in sites.items():
        menu = page_parts(site, "index.html")["menu"]
        titles = [title for title, _ in menu if title and title != "Clay & Kindness"]
        assert titles == [
            "Home",
            "About this journal",
            "Goals",
            "Grow an active following with small daily actions",
            "Help others on social media",
            "Find strategic partners",
            "Build stronger connections with friends and past clients",
            "Now",
            "How I helped",
            "Journal",
        ], engine
        assert not [href for _, href in menu if "/journal/2026/" in href]  # entries stay out of it


def search_sections(site: Path) -> dict[str, list[str]]:
    """Each indexed section's address and words, from MkDocs' or Zensical's search index."""
    path = site / "search/search_index.json"
    items = (
        json.loads(path.read_text())["docs"]
        if path.exists()
        else json.loads((site / "search.json").read_text())["items"]
    )
    return {item["location"]: re.sub(r"<[^>]+>", " ", item["text"]).split() for item in items}


def test_search_indexes_the_same_sections_and_words(sites: dict[str, Path]) -> None:
    mkdocs = search_sections(sites["mkdocs"])
    assert search_sections(sites["zensical"]) == mkdocs
    assert "journal/2026/11/21/eight-weeks-in/#stronger-connections" in mkdocs
    words = " ".join(mkdocs["goals/help-others/"])
    assert "Data behind this picture" not in words  # pictures' tables are held back, with either engine
    assert not [
        location for location in mkdocs if location.startswith("journal/2026/") and location.count("/") == 1
    ]


def sitemap(site: Path) -> dict[str, str]:
    """Each address of the sitemap and its lastmod."""
    tree = etree.fromstring((site / "sitemap.xml").read_bytes())
    space = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {
        url.findtext("s:loc", namespaces=space): url.findtext("s:lastmod", namespaces=space)
        for url in tree.findall("s:url", space)
    }


def test_sitemaps_date_the_same_pages(sites: dict[str, Path]) -> None:
    expected = sitemap(sites["mkdocs"])
    assert expected[BASE + "goals/help-others/"] == "2026-11-21" and BASE + "share/mastodon/" not in expected
    for engine in ("properdocs", "zensical"):
        assert sitemap(sites[engine]) == expected


def test_private_and_draft_entries_reach_no_output_of_any_engine(sites: dict[str, Path]) -> None:
    journal = read_journal(Folders(ROOT, ROOT / "goals", ROOT / "journal", ZoneInfo("Europe/London")))
    hidden = [e for e in journal.entries if e.private or e.draft]
    secrets = [e.title for e in hidden if e.title] + [e.body.strip().split("\n")[0][:60] for e in hidden]
    secrets += [h.how for e in journal.entries for h in e.helped if h.private or e.private or e.draft]
    assert len(hidden) == 2 and len(secrets) >= 6
    for engine, site in sites.items():
        files = every_byte(site)
        assert [(name, s) for name, data in files.items() for s in secrets if s.encode() in data] == [], (
            engine
        )


def test_the_zensical_working_folder_is_apart_from_docs(example: Path, sites: dict[str, Path]) -> None:
    work = example / ".cache/goals-journal/zensical/build"
    assert sorted(p.name for p in (example / "docs").iterdir()) == [
        "about.md",
        "assets",
    ]  # nothing added to it
    assert (work / "docs/goals/help-others.md").is_file() and (work / "docs/about.md").is_file()
    assert not (work / "site").exists()  # moved into the site folder
    config = (work / "mkdocs.yml").read_text("utf-8")
    assert "custom_dir: overrides" in config and "goals_journal.hosts.zensical.fragments" in config
