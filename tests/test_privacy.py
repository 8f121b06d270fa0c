"""Privacy and hostile input: no private byte in any output file, markup always shown as text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import feedparser
import pytest
from conftest import build_journal, entry, goal
from lxml import etree

PUBLIC_GOAL = goal(
    "Help others", "2027-01-01", due="2027-12-31", metrics={"n": {"label": "Things", "target": 10}}
)
SECRET_GOAL = goal(
    "GOAL-TITLE-CANARY",
    "2027-01-01",
    why="GOAL-WHY-CANARY",
    tags=["goal-tag-canary"],
    private=True,
    metrics={"goalmetriccanary": {"label": "GOAL-LABEL-CANARY", "target": 5}},
    body="GOAL-BODY-CANARY plan.",
)
CANARIES = {
    "goals/help.md": PUBLIC_GOAL,
    "goals/secret.md": SECRET_GOAL,
    "journal/2027/2027-01-03-public.md": entry(
        "A public entry. [Secret plan](../../goals/secret.md) is not linked.",
        title="Public entry",
        goals=["help", "secret"],
        metrics={"n": 2, "goalmetriccanary": 3},
        helped=[
            {"who": "@friend", "how": "Public help", "kind": "answer"},
            {
                "who": "@item-who-canary",
                "how": "ITEM-HOW-CANARY",
                "where": "item-where-canary",
                "link": "https://example.org/item-link-canary",
                "private": True,
            },
        ],
    ),
    "journal/2027/2027-01-04-only-secret.md": entry(
        "Linked to the private goal only.", title="Quiet work", goals=["secret"]
    ),
    "journal/2027/2027-01-05-private.md": entry(
        "PRIVATE-BODY-CANARY ![x](private-image-canary.png)",
        title="PRIVATE-TITLE-CANARY",
        private=True,
        goals=["help"],
        metrics={"n": 4},
        tags=["private-tag-canary"],
        helped=[{"who": "@private-entry-who-canary", "how": "PRIVATE-ENTRY-HOW-CANARY"}],
    ),
    "journal/2027/private-image-canary.png": b"\x89PNG private",
    "journal/2027/2027-01-06-draft.md": entry(
        "DRAFT-BODY-CANARY",
        title="DRAFT-TITLE-CANARY",
        draft=True,
        goals=["help"],
        tags=["draft-tag-canary"],
        helped=[
            {
                "who": "@draft-who-canary",
                "how": "DRAFT-HOW-CANARY",
                "link": "https://example.org/draft-link-canary",
            }
        ],
    ),
}
MARKERS = [
    "GOAL-TITLE-CANARY",
    "GOAL-WHY-CANARY",
    "goal-tag-canary",
    "GOAL-LABEL-CANARY",
    "goalmetriccanary",
    "GOAL-BODY-CANARY",
    "item-who-canary",
    "ITEM-HOW-CANARY",
    "item-where-canary",
    "item-link-canary",
    "PRIVATE-BODY-CANARY",
    "private-image-canary",
    "PRIVATE-TITLE-CANARY",
    "private-tag-canary",
    "private-entry-who-canary",
    "PRIVATE-ENTRY-HOW-CANARY",
    "DRAFT-BODY-CANARY",
    "DRAFT-TITLE-CANARY",
    "draft-tag-canary",
    "draft-who-canary",
    "DRAFT-HOW-CANARY",
    "draft-link-canary",
    "goals/secret",
]


def every_byte(site: Path) -> dict[str, bytes]:
    """Every output file's content, gzip files decompressed."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        out[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return out


def leaks(site: Path) -> list[tuple[str, str]]:
    """Every (file, canary) of a site where a canary of the private or draft material shows."""
    files = every_byte(site)
    return [(name, marker) for name, data in files.items() for marker in MARKERS if marker.encode() in data]


def raw_markup(site: Path) -> list[tuple[str, str]]:
    """Every (file, markup) of a site's HTML, XML and SVG where front-matter markup shows unescaped."""
    return [
        (name, raw)
        for name, data in every_byte(site).items()
        if name.endswith((".html", ".xml", ".svg"))
        for raw in RAW
        if raw in data.decode("utf-8")
    ]


def test_canaries_reach_no_output_file(site_root: Path) -> None:
    result = build_journal(site_root, CANARIES, expect_problems=True)
    assert not result.failure
    assert result.warnings == [  # the public entry's link to the private goal is taken out, and said so
        "journal/2027/2027-01-03-public.md:20: the link to goals/secret.md was removed: that page is private, "
        "a draft or not due yet"
    ]
    files = every_byte(result.site)
    assert "sitemap.xml.gz" in files and "search/search_index.json" in files and "feed.xml" in files
    assert leaks(result.site) == []
    # what stays public: both public entries (one linked only to the private goal), without that goal
    quiet = result.page("journal/2027/01/04/only-secret/")
    assert quiet.xpath("//h1")[0].text_content() == "Quiet work" and not quiet.xpath("//a[@class='gj-chip']")
    public = result.page("journal/2027/01/03/public/")
    numbers = [r.xpath("string(td[1])") for r in public.xpath("//div[@class='gj-numbers']//tbody/tr")]
    assert numbers == ["Things"]  # the private goal's metric is not shown
    # counts include private items: 2 (3 Jan) + 4 (private entry) = 6 things
    assert "6 / 10" in " ".join(result.page("goals/help/").text_content().split())


HOSTILE_TITLE = '<script>alert("goal")</script> & Co'
HOSTILE = {
    "goals/evil.md": goal(
        HOSTILE_TITLE,
        "2027-01-01",
        why='<img src=x onerror=alert("why")>',
        tags=["<i>tag</i>"],
        metrics={"n": {"label": "<svg onload=alert(1)>", "target": 5}},
    ),
    "journal/2027-01-03-evil.md": entry(
        "Body.",
        title='<b>bold</b> "quoted" & <script>alert("entry")</script>',
        goals=["evil"],
        metrics={"n": 2},
        tags=["<u>x</u>"],
        helped=[
            {
                "who": "<img src=x onerror=alert(2)>",
                "how": "</ul><script>alert(3)</script>",
                "where": "<b>w</b>",
            }
        ],
    ),
}
RAW = [
    '<script>alert("goal")',
    "<img src=x onerror",
    "<svg onload",
    '<script>alert("entry")',
    "<script>alert(3)",
    "<b>w</b>",
]


def test_markup_in_front_matter_is_text_everywhere(site_root: Path) -> None:
    result = build_journal(site_root, HOSTILE)
    assert raw_markup(result.site) == []
    goal_page = result.page("goals/evil/")
    assert goal_page.xpath("//h1")[0].text_content() == HOSTILE_TITLE
    assert goal_page.xpath("//title")[0].text_content().startswith(HOSTILE_TITLE)
    assert HOSTILE_TITLE in [a.text_content().strip() for a in goal_page.xpath("//nav//a")]
    assert goal_page.xpath("//meta[@name='description']/@content") == ['<img src=x onerror=alert("why")>']
    entry_page = result.page("journal/2027/01/03/evil/")
    assert (
        entry_page.xpath("//h1")[0].text_content() == '<b>bold</b> "quoted" & <script>alert("entry")</script>'
    )
    assert not [s for s in entry_page.xpath("//script") if "alert" in (s.text or "")]
    label = goal_page.xpath("//svg[contains(@class,'gj-cumulative')]/*[local-name()='title']")[0].text
    assert label == "<svg onload=alert(1)>: running total"
    data = json.loads((result.site / "goals.json").read_text("utf-8"))
    assert data["goals"][0]["title"] == HOSTILE_TITLE
    feed = feedparser.parse((result.site / "feed.xml").read_bytes())
    titles = [e.title for e in feed.entries if e.link.endswith("/evil/")]
    assert feed.bozo == 0 and titles == ['<b>bold</b> "quoted" & <script>alert("entry")</script>']
    index = json.loads((result.site / "search/search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if "<script>" in d["title"]]


@pytest.mark.parametrize(
    "scheme", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/x", "example.org/x"]
)
def test_links_must_be_http(site_root: Path, scheme: str) -> None:
    files = {"journal/2027-01-03-x.md": entry("x", helped=[{"how": "h", "link": scheme}])}
    result = build_journal(site_root, files, expect_problems=True)
    assert result.failure and "must be an http:// or https:// address" in result.errors[0]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = every_byte(build_journal(tmp_path / "a", CANARIES, expect_problems=True).site)
    second = every_byte(build_journal(tmp_path / "b", CANARIES, expect_problems=True).site)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert {
        "sitemap.xml",
        "search/search_index.json",
        "feed.xml",
        "atom.xml",
        "feed.json",
        "goals.json",
    } <= first.keys()


def test_svg_and_feeds_are_well_formed_xml(site_root: Path) -> None:
    result = build_journal(site_root, HOSTILE)
    for name in ("feed.xml", "atom.xml", "goals/evil/feed.xml"):
        etree.fromstring((result.site / name).read_bytes())
