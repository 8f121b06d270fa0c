"""Real builds of a small journal: pages, URLs, navigation, numbers, drafts and private entries."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import Built, build_journal, entry, goal, texts
from lxml import etree

METRICS = {
    "helped": {"label": "People helped", "target": 150, "count": "helped"},
    "answers": {"label": "Questions answered", "target": 60, "count": "helped", "kind": "answer"},
    "reach_out": {"label": "New people", "target": 5, "per": "week"},
    "days": {"label": "Days journaled", "target": 1, "per": "day", "count": "entries"},
    "give_take": {
        "label": "Others' posts",
        "target": 0.75,
        "ratio": {"part": "shared_others", "whole": ["shared_others", "shared_own"]},
    },
}

JOURNAL: dict[str, str | bytes] = {
    "goals/help.md": goal(
        "Help others",
        "2027-01-01",
        due="2027-12-31",
        why="Give before asking.",
        metrics=METRICS,
        body="## How\n\nAnswer questions **every** week.\n",
    ),
    "goals/connect.md": goal("Stronger connections", "2027-01-01", status="paused"),
    "journal/2026/2026-12-30-before.md": "# Old year\n\nLooking back.\n",
    "journal/2027/2027-01-03-first-week.md": entry(
        "Answered questions all morning.",
        title="Answered three questions",
        goals=["help"],
        metrics={"reach_out": 3, "shared_own": 1, "shared_others": 4},
        helped=[
            {
                "who": "@jane",
                "how": "Answered her question about friend lists",
                "kind": "answer",
                "where": "twitter",
                "link": "https://example.org/x",
            },
            {"how": "Shared a checklist", "kind": "resource"},
        ],
        tags=["facebook"],
    ),
    "journal/2027/2027-01-05-tuesday.md": entry(
        "A quiet day.",
        goals=["help", "connect"],
        metrics={"reach_out": 2},
        helped=[
            {"who": "@jane", "how": "Complimented her mug", "kind": "compliment"},
            {
                "who": "@secret-person",
                "how": "SECRET-HELP-MARKER",
                "kind": "answer",
                "private": True,
            },
        ],
    ),
    "journal/2027/2027-01-12-second.md": entry(
        "Second week.",
        title="Second week",
        goals=["help"],
        metrics={"shared_others": 2, "shared_own": 1, "reach_out": 6},
    ),
    "journal/2027/2027-01-15-draft.md": entry(
        "DRAFT-BODY-MARKER",
        title="DRAFT-TITLE-MARKER",
        draft=True,
        goals=["help"],
        helped=[{"how": "DRAFT-HELP-MARKER"}],
    ),
    "journal/2027/2027-01-16-private.md": entry(
        "PRIVATE-BODY-MARKER",
        title="PRIVATE-TITLE-MARKER",
        private=True,
        goals=["help"],
        metrics={"reach_out": 1},
        helped=[{"how": "PRIVATE-HELP-MARKER"}],
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small journal, built once for this module."""
    return build_journal(tmp_path_factory.mktemp("site") / "project", JOURNAL)


def metric_values(node: object) -> dict[str, str]:
    """{label: shown value} of every metric block under `node`."""
    return {
        texts(m, ".//span[@class='gj-metric__label']")[0]: texts(m, ".//span[@class='gj-metric__value']")[0]
        for m in node.xpath(".//div[contains(concat(' ', @class, ' '), ' gj-metric ')]")  # type: ignore[attr-defined]
    }


def test_pages_are_at_the_documented_urls(built: Built) -> None:
    pages = built.pages()
    for url in (
        "index.html",
        "goals/index.html",
        "goals/help/index.html",
        "goals/connect/index.html",
        "journal/index.html",
        "journal/2027/index.html",
        "journal/2026/index.html",
        "journal/2027/01/03/first-week/index.html",
        "journal/2027/01/05/tuesday/index.html",
        "journal/2027/01/12/second/index.html",
        "journal/2026/12/30/before/index.html",
    ):
        assert url in pages
    entry_pages = [p for p in pages if p.count("/") == 5 and p.startswith("journal/")]
    assert len(entry_pages) == 4  # the draft and the private entry are not published


def test_entries_stay_out_of_the_navigation(built: Built) -> None:
    home = built.page("")
    nav_links = home.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
    assert not [href for href in nav_links if "/01/" in href or "/12/" in href]
    labels = texts(home, "//nav[contains(@class, 'md-nav--primary')]//a")
    assert "Goals" in " ".join(labels) and "Journal" in " ".join(labels)
    assert len(nav_links) < 12


def test_lone_pages_are_plain_links_and_reviews_stay_out_of_the_navigation(built: Built) -> None:
    home = built.page("")
    nav = home.xpath("//nav[contains(@class, 'md-nav--primary')]")[0]
    top = nav.xpath("./ul/li")
    links = {" ".join(li.xpath("./a")[0].text_content().split()): li for li in top if li.xpath("./a")}
    assert "How I helped" in links and "Journal" in links  # links of their own, not one-page sections
    sections = [" ".join(li.xpath("./label")[0].text_content().split()) for li in top if li.xpath("./label")]
    assert sections == ["Goals"]  # the one folder with more than one page in the nav
    assert not [href for href in nav.xpath(".//a/@href") if "review" in href]
    year = built.page("journal/2027/")
    assert year.xpath("//p[@class='gj-more']/a[text()='2027 in review']/@href") == ["../../review/2027/"]


def test_search_indexes_text_but_not_pictures_tables_lists_or_pagers(built: Built) -> None:
    index = json.loads((built.site / "search/search_index.json").read_text("utf-8"))
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        by_page[page] = by_page.get(page, "") + " " + doc["title"] + " " + doc["text"]
    goal_text = by_page["goals/help/"]
    assert "Give before asking." in goal_text and "Answer questions" in goal_text  # why and plan
    goal_page = built.page("goals/help/")
    assert goal_page.xpath("//ul[@class='gj-entries']//a[text()='Answered three questions']")
    assert goal_page.xpath("//details[@class='gj-data']//table")  # on the page...
    assert "Answered three questions" not in goal_text and "Data behind" not in goal_text  # ...not indexed
    entry_text = by_page["journal/2027/01/03/first-week/"]
    assert "Answered her question about friend lists" in entry_text  # help given is searchable
    assert "Previous" not in entry_text and "Next" not in entry_text
    assert not [page for page in by_page if page.startswith("helped/20")]  # roundups repeat the entries
    for path in built.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            assert "gj:held" not in path.read_text("utf-8") and "gj:unindexed" not in path.read_text("utf-8")


def test_home_shows_goal_cards_with_numbers_worked_out_by_hand(built: Built) -> None:
    home = built.page("")
    assert texts(home, "//h2")[:3] == [
        "Active goals",
        "Paused, achieved and dropped",
        "Latest entries",
    ]
    card = home.xpath("//div[contains(concat(' ', @class, ' '), ' gj-card ')][.//a[text()='Help others']]")[0]
    metrics = {
        " ".join(m.xpath(".//span[@class='gj-metric__label']")[0].text_content().split()): " ".join(
            m.xpath(".//span[@class='gj-metric__value']")[0].text_content().split()
        )
        for m in card.xpath(".//div[contains(concat(' ', @class, ' '), ' gj-metric ')]")
    }
    # helped: 2 + 2 (one private, still counted) + 0 + 1 (private entry) = 5
    # answers: the public answer on 01-03 and the private one on 01-05 = 2
    # reach_out per week from Mon 28 Dec: 3 (missed), 2 (missed), 6 + 1 (met); this week running
    # days: 4 days with entries out of 19 finished days (1-19 Jan); 20 Jan is running
    # give_take: (4 + 2) / (4 + 1 + 2 + 1) = 75 %
    assert metrics == {
        "People helped": "5 / 150",
        "Questions answered": "2 / 60",
        "New people": "1/3 / 5 per week",
        "Days journaled": "4/19 / 1 per day",
        "Others' posts": "75% / 75%",
    }
    bars = card.xpath(".//div[@role='progressbar']/@aria-valuenow")
    assert bars == ["3", "3", "33", "21", "75"]  # a ratio bar shows the ratio itself ...
    assert card.xpath(".//i[@class='gj-bar__target']/@style") == ["left: 75%"]  # ... and marks the target
    details = texts(card, ".//div[@class='gj-metric__detail']")
    # pace: 150 over the 365 days of 2027 is 8.22 by the end of 20 Jan, 5 is 3.2 behind (3 people);
    # 60 a year is 3.29 by then, 2 is 1.3 behind (1 answer): counts are shown whole
    assert details[0] == "behind 3% of 150 · 3 behind pace"
    assert details[1] == "behind 3% of 60 · 1 behind pace"
    assert details[2] == "on track 1 of 3 weeks met · streak 1 (best 1) · this week 0 of 5"
    assert details[3] == "behind 4 of 19 days met · best streak 1 · today 0 of 1"  # 19 Jan was missed
    assert details[4] == "on track 6 of 8 · last 4 weeks 75%"
    assert texts(card, ".//p[contains(@class, 'gj-reason')]") == [
        "Behind on People helped: 3 behind pace; Questions answered: 1 behind pace; "
        "Days journaled: 0 of 1 yesterday."
    ]
    other = home.xpath(
        "//div[contains(concat(' ', @class, ' '), ' gj-card ')][.//a[text()='Stronger connections']]"
    )[0]
    # behind: the totals are under the pace line and the last finished day (19 Jan) was missed
    assert texts(card, ".//span[contains(@class,'gj-status')]") == ["behind"]
    assert "paused" in other.text_content() and "1 entry so far" in " ".join(other.text_content().split())


def test_home_lists_latest_entries_newest_first(built: Built) -> None:
    home = built.page("")
    latest = texts(home, "//ul[contains(@class,'gj-entries')]/li//a[not(contains(@class,'gj-chip'))]")
    assert latest == [
        "Second week",
        "Tuesday 5 January 2027",
        "Answered three questions",
        "Old year",
    ]


def test_goal_page_has_plan_numbers_and_linked_entries(built: Built) -> None:
    page = built.page("goals/help/")
    assert texts(page, "//h1") == ["Help others"]
    assert "Give before asking." in texts(page, "//p[@class='gj-why']")
    assert texts(page, "//article//h2")[:4] == ["Progress", "Activity", "Plan", "How"]
    assert texts(page, "//article//h3") == [
        "People helped",
        "Questions answered",
        "New people",
        "Days journaled",
    ]
    assert metric_values(page.xpath("//div[contains(@class,'gj-metrics')]")[0]) == {
        "People helped": "5 / 150",
        "Questions answered": "2 / 60",
        "New people": "1/3 / 5 per week",
        "Days journaled": "4/19 / 1 per day",
        "Others' posts": "75% / 75%",
    }
    more = texts(page, "//div[@class='gj-metric__more']")
    # needs 145 more over 21 Jan .. 31 Dec + today = 346 days: 0.419 a day = 2.9 a week;
    # 5 in 20 days is 0.25 a day = 1.75 a week; 145 / 0.25 = 580 days after 20 Jan 2027 = 22 Aug 2028
    assert (
        more[0]
        == "8 days of pace behind. Needs 2.9 a week from now on. At the rate so far (1.8 a week): 22 Aug 2028."
    )
    assert page.xpath("//strong[text()='every']")
    listed = texts(page, "//ul[contains(@class,'gj-entries')]/li/div/a")
    assert listed == ["Second week", "Tuesday 5 January 2027", "Answered three questions"]
    connect = built.page("goals/connect/")
    assert texts(connect, "//ul[contains(@class,'gj-entries')]/li/div/a") == ["Tuesday 5 January 2027"]


def test_entry_page_shows_date_goals_numbers_help_tags_and_neighbours(built: Built) -> None:
    page = built.page("journal/2027/01/03/first-week/")
    assert texts(page, "//h1") == ["Answered three questions"]
    meta = page.xpath("//p[@class='gj-meta']")[0]
    assert meta.xpath(".//time/@datetime") == ["2027-01-03"]
    assert "Sunday 3 January 2027" in meta.text_content()
    assert meta.xpath(".//a[@class='gj-chip']/@href") == ["../../../../../goals/help/"]
    assert "#facebook" in meta.text_content()
    numbers = [texts(r, "./td") for r in page.xpath("//div[@class='gj-numbers']//tbody/tr")]
    assert numbers == [["New people", "3"], ["Shared own", "1"], ["Shared others", "4"]]
    helped = texts(page, "//ul[@class='gj-helped']/li")
    assert helped[0] == "answer @jane: Answered her question about friend lists on Twitter example.org"
    assert helped[1] == "resource Someone: Shared a checklist"
    assert page.xpath("//ul[@class='gj-helped']//a/@href") == ["https://example.org/x"]
    pager = page.xpath("//nav[@class='gj-pager']//a")
    assert [(a.get("rel"), a.get("href")) for a in pager] == [
        ("prev", "../../../../2026/12/30/before/"),
        ("next", "../../05/tuesday/"),
    ]


def test_private_help_is_counted_but_never_shown(built: Built) -> None:
    page = built.page("journal/2027/01/05/tuesday/")
    helped = texts(page, "//ul[@class='gj-helped']/li")
    assert helped == ["compliment @jane: Complimented her mug", "1 more kept private"]
    site_text = built.all_text()
    for marker in (
        "SECRET-HELP-MARKER",
        "@secret-person",
        "PRIVATE-BODY-MARKER",
        "PRIVATE-TITLE-MARKER",
        "PRIVATE-HELP-MARKER",
        "DRAFT-BODY-MARKER",
        "DRAFT-TITLE-MARKER",
        "DRAFT-HELP-MARKER",
    ):
        assert marker not in site_text, marker


def test_title_falls_back_to_first_heading_then_date(built: Built) -> None:
    assert texts(built.page("journal/2026/12/30/before/"), "//h1") == ["Old year"]
    assert texts(built.page("journal/2027/01/05/tuesday/"), "//h1") == ["Tuesday 5 January 2027"]


def test_archive_groups_by_year_and_month_newest_first(built: Built) -> None:
    page = built.page("journal/")
    assert texts(page, "//article//h2") == ["2027", "2026"]
    assert texts(page, "//article//h3") == ["January 2027 3 entries", "December 2026 1 entry"]
    assert page.xpath("//article//h2/a/@href") == ["2027/", "2026/"]
    year = built.page("journal/2026/")
    assert texts(year, "//ul[contains(@class,'gj-entries')]//a") == ["Old year"]


def test_search_index_has_entries_but_no_drafts(built: Built) -> None:
    index = json.loads((built.site / "search/search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "journal/2027/01/03/first-week/" in locations


def test_drafts_are_previewed_by_serve_and_marked(site_root: Path) -> None:
    result = build_journal(site_root, JOURNAL, serve=True)
    page = result.page("journal/2027/01/15/draft/")
    assert page.xpath("//div[@class='mkdocs-draft-marker']")
    archive = result.page("journal/")
    assert "DRAFT-TITLE-MARKER" in archive.text_content()
    assert not (site_root / "site/journal/2027/01/16").exists()  # private stays private in serve too


def test_private_numbers_can_be_left_out(site_root: Path) -> None:
    result = build_journal(site_root, JOURNAL, options={"count_private": False})
    values = metric_values(result.page("goals/help/"))
    # helped: 2 + 1 (the private item is dropped) + 0; the private entry is dropped entirely
    assert values["People helped"] == "3 / 150"
    assert values["Questions answered"] == "1 / 60"
    assert values["Days journaled"] == "3/19 / 1 per day"  # 16 Jan no longer counts


def test_without_directory_urls_links_still_resolve(site_root: Path) -> None:
    result = build_journal(site_root, JOURNAL, config={"use_directory_urls": False})
    pages = result.pages()
    assert "journal/2027/01/03/first-week.html" in pages and "goals/help.html" in pages
    page = result.page("journal/2027/01/03/first-week.html")
    for href in page.xpath("//article//a[contains(@class,'gj-chip') or @rel='prev' or @rel='next']/@href"):
        target = (site_root / "site/journal/2027/01/03" / href).resolve()
        assert target.is_file(), href


def test_docs_index_becomes_the_home_introduction(site_root: Path) -> None:
    files = {**JOURNAL, "docs/index.md": "# Welcome\n\nINTRO-TEXT here.\n"}
    result = build_journal(site_root, files)
    home = result.page("")
    assert texts(home, "//h1") == ["Welcome"]
    assert "INTRO-TEXT" in home.text_content() and home.xpath(
        "//div[contains(concat(' ', @class, ' '), ' gj-card ')]"
    )


def test_edit_link_points_at_the_real_file(site_root: Path) -> None:
    config = {
        "repo_url": "https://github.com/me/journal",
        "edit_uri": "edit/main/docs/",
        "theme": {"name": "material", "features": ["content.action.edit"]},
    }
    result = build_journal(site_root, JOURNAL, config=config)
    page = result.page("journal/2027/01/03/first-week/")
    edits = page.xpath("//a[contains(@class,'md-content__button')]/@href")
    assert edits == ["https://github.com/me/journal/edit/main/journal/2027/2027-01-03-first-week.md"]
    assert not result.page("journal/").xpath("//a[contains(@class,'md-content__button')]")


def test_relative_links_and_images_in_entries_keep_working(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        **JOURNAL,
        "journal/2027/photos/kiln.png": b"\x89PNG fake",
        "journal/2027/photos/secret.png": b"\x89PNG secret",
        "journal/2027/2027-01-13-links.md": entry(
            "![The kiln](photos/kiln.png) after [the first week](2027-01-03-first-week.md#top), "
            "see [the goal](../../goals/help.md) and [elsewhere](https://example.org/a.md).\n\n"
            "```\n[not a link](photos/kiln.png)\n```",
            title="Links",
        ),
        "journal/2027/2027-01-14-hidden.md": entry("![Secret](photos/secret.png)", private=True),
    }
    result = build_journal(site_root, files)
    page = result.page("journal/2027/01/13/links/")
    content = page.xpath("//article")[0]
    assert content.xpath(".//img/@src") == ["../../../photos/kiln.png"]
    assert content.xpath(".//p/a/@href") == [
        "../../03/first-week/#top",
        "../../../../../goals/help/",
        "https://example.org/a.md",
    ]
    assert "[not a link](photos/kiln.png)" in content.text_content()
    assert (site_root / "site/journal/2027/photos/kiln.png").read_bytes() == b"\x89PNG fake"
    assert not (site_root / "site/journal/2027/photos/secret.png").exists()


def test_goal_charts_are_wellformed_svg_with_linked_points_and_data_tables(built: Built) -> None:
    raw = (built.site / "goals/help/index.html").read_text("utf-8")
    svgs = re.findall(r'<svg class="gj-chart.*?</svg>', raw, flags=re.S)
    assert len(svgs) == 5  # helped, answers (totals), reach_out and days (strips), activity
    for svg in svgs:
        tree = etree.fromstring(svg.encode("utf-8"))  # well-formed XML
        # pictures are images, except those whose points link to entries: groups, so the links stay reachable
        role = "group" if tree.find(".//{*}a") is not None else "img"
        assert tree.get("role") == role and tree.find("{*}title").text and tree.find("{*}desc").text
    page = built.page("goals/help/")
    helped = page.xpath("//figure[preceding-sibling::h3[1][@id='chart-helped']]//svg")[0]
    points = helped.xpath(".//circle[@class='gj-point']")
    assert [p.xpath("string(title)") for p in points] == [
        "Sun 3 Jan 2027: +2, 2 in all — Answered three questions",
        "Tue 5 Jan 2027: +2, 4 in all — Tuesday 5 January 2027",
        "Sat 16 Jan 2027: +1, 5 in all",  # the private entry: counted, not named, not linked
    ]
    assert [p.getparent().get("href") for p in points[:2]] == [
        "../../journal/2027/01/03/first-week/",
        "../../journal/2027/01/05/tuesday/",
    ]
    assert points[2].getparent().tag == "svg"
    rows = [
        texts(r, "./td")
        for r in page.xpath("//figure[svg[@aria-labelledby='gj-help-helped-t gj-help-helped-d']]//tbody/tr")
    ]
    assert rows == [
        ["2027-01-03", "Answered three questions", "2", "2"],
        ["2027-01-05", "Tuesday 5 January 2027", "2", "4"],
        ["2027-01-16", "", "1", "5"],
    ]
    strip = page.xpath("//svg[contains(@class,'gj-strip')]")[0]
    assert [r.get("class") for r in strip.xpath(".//rect")] == [
        "gj-missed",
        "gj-missed",
        "gj-met",
        "gj-running",
    ]
    heat = page.xpath("//svg[contains(@class,'gj-heatmap')]")[0]
    linked = heat.xpath(".//a/@href")
    assert linked == [
        "../../journal/2027/01/03/first-week/",
        "../../journal/2027/01/05/tuesday/",
        "../../journal/2027/01/12/second/",
    ]
    assert heat.xpath(".//rect[contains(@class,'gj-future')]")  # the rest of the goal's year
    assert page.xpath("//details[@class='gj-how']/summary")[0].text == "How these numbers are computed"


def test_open_data_files(built: Built) -> None:
    document = json.loads((built.site / "goals.json").read_text("utf-8"))
    assert document["as_of"] == "2027-01-20"
    help_goal = next(g for g in document["goals"] if g["id"] == "help")
    assert help_goal["url"] == "https://example.org/journal/goals/help/"
    assert help_goal["state"] == "behind"
    metrics = {m["id"]: m for m in help_goal["metrics"]}
    # 150 over 365 days is 0.411 a day; by the end of 20 Jan the line is at 8.22: 5 is 3.22 behind,
    # which is 7.8 days of pace, shown as 8 days behind
    assert metrics["helped"]["value"] == 5 and metrics["helped"]["pace"]["days"] == -8
    assert metrics["reach_out"]["periods_met"] == 1 and metrics["reach_out"]["running"] == {
        "start": "2027-01-18",
        "value": 0,
    }
    assert metrics["give_take"]["part"] == 6 and metrics["give_take"]["whole"] == 8
    rows = list(csv.DictReader((built.site / "goals/help/data.csv").open(encoding="utf-8")))
    assert len(rows) == 20  # 1..20 Jan
    by_day = {r["date"]: r for r in rows}
    assert by_day["2027-01-05"]["helped"] == "2" and by_day["2027-01-05"]["helped_cumulative"] == "4"
    assert by_day["2027-01-12"]["give_take"] == "0.75"  # (4 + 2) / (5 + 3)
    assert by_day["2027-01-02"]["give_take"] == ""  # nothing shared yet


def test_every_kind_of_goal_builds_and_says_where_it_stands(site_root: Path) -> None:
    total = {"x": {"label": "Things", "target": 10}}
    files: dict[str, str | bytes] = {
        "goals/future.md": goal("Starts later", "2027-03-01", due="2027-06-30", metrics=total),
        "goals/done.md": goal(
            "Done early", "2027-01-01", status="achieved", achieved="2027-01-10", metrics=total
        ),
        "goals/gone.md": goal("Given up", "2027-01-01", status="dropped", metrics=total),
        "goals/rest.md": goal("Taking a break", "2027-01-01", status="paused", metrics=total),
        "goals/open.md": goal("No due date", "2027-01-01", metrics=total),
        "goals/bare.md": goal("No metrics", "2027-01-01"),
        "journal/2027-01-05-a.md": entry(
            "A.", goals=["done", "gone", "open", "bare", "rest"], metrics={"x": 4}
        ),
        "journal/2027-01-12-b.md": entry("B.", goals=["done", "open"], metrics={"x": 7}),
    }
    result = build_journal(site_root, files)
    home = result.page("")
    states = {
        texts(card, ".//p[@class='gj-card__title']/a")[0]: texts(
            card, ".//span[contains(@class,'gj-status')]"
        )[0]
        for card in home.xpath("//div[contains(concat(' ', @class, ' '), ' gj-card ')]")
    }
    assert states == {
        "Starts later": "starts 1 Mar 2027",
        "No due date": "active",  # no pace without a due date
        "No metrics": "active",
        "Done early": "achieved on 10 Jan 2027",
        "Given up": "dropped",
        "Taking a break": "paused",
    }
    done = metric_values(result.page("goals/done/"))
    assert done == {"Things": "4 / 10"}  # frozen on 10 Jan: the 12 Jan entry does not count
    assert metric_values(result.page("goals/open/")) == {"Things": "11 / 10"}
    assert "reached 12 Jan 2027" in result.page("goals/open/").text_content()
    assert "No entries for this goal yet." in result.page("goals/future/").text_content()
