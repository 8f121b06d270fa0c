"""Weekly and monthly roundups and the year in review, from a real build, numbers worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser
import pytest
from conftest import Built, build_journal, entry, goal, texts
from goals_journal.core.days import week_number

D = dt.date.fromisoformat
JANE_LATE = "Answered Jane late on Sunday"

FILES: dict[str, str | bytes] = {
    "goals/help.md": goal("Help others", "2024-12-01"),
    # 23:30 on Sunday 27 Dec in New York is Monday 04:30 UTC: in a New York journal it is ISO week 52
    "journal/2026-12-27-sunday-late.md": "---\ndate: 2026-12-27T23:30:00-05:00\nhelped:\n"
    f"  - who: '@jane'\n    how: {JANE_LATE}\n    kind: answer\n---\nLate.\n",
    # Tuesday 29 Dec 2026 is in ISO week 53 of 2026 (28 Dec - 3 Jan)
    "journal/2026-12-29-week-53.md": entry(
        "Week 53.",
        title="Week fifty-three",
        goals=["help"],
        helped=[
            {"who": "@jane", "how": "Praised her mug", "kind": "compliment", "where": "mastodon"},
            {
                "who": "@jane",
                "how": "Sent her the glaze guide",
                "kind": "resource",
                "link": "https://example.org/g",
            },
            {"how": "Answered a forum question", "kind": "answer", "where": "forum"},
            {"who": "@hidden-person", "how": "PRIVATE-ROUNDUP-MARKER", "kind": "answer", "private": True},
        ],
    ),
    # Tuesday 31 Dec 2024 is in ISO week 1 of 2025 (30 Dec 2024 - 5 Jan 2025)
    "journal/2024-12-31-new-week.md": entry(
        "Year end.", helped=[{"who": "@sam", "how": "Introduced Sam", "kind": "intro"}]
    ),
    # a week with private help only: counted, but no page
    "journal/2027-01-06-quiet.md": entry("Quiet.", helped=[{"how": "PRIVATE-ONLY-MARKER", "private": True}]),
    # the running week (18-24 Jan) and month, as of 20 Jan
    "journal/2027-01-18-running.md": entry(
        "Now.", helped=[{"who": "@kim", "how": "Reviewed her shop", "kind": "feedback"}]
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The roundup journal in New York, as of 20 Jan 2027."""
    return build_journal(
        tmp_path_factory.mktemp("roundups") / "project", FILES, options={"timezone": "America/New_York"}
    )


def test_week_numbers_follow_iso_8601_with_monday_weeks() -> None:
    assert week_number(D("2026-12-28")) == (2026, 53)
    assert week_number(D("2024-12-30")) == (2025, 1)
    assert week_number(D("2027-01-04")) == (2027, 1)
    assert week_number(D("2026-12-21")) == (2026, 52)
    for start in (D("2021-01-04"), D("2015-12-28"), D("2024-12-30")):  # agrees with Python's ISO calendar
        assert week_number(start) == start.isocalendar()[:2]


def test_only_periods_with_public_help_get_pages(built: Built) -> None:
    pages = {p for p in built.pages() if p.startswith("helped/")}
    assert pages == {
        "helped/index.html",
        "helped/2025/W01/index.html",
        "helped/2026/W52/index.html",
        "helped/2026/W53/index.html",
        "helped/2027/W03/index.html",
        "helped/2024/12/index.html",
        "helped/2026/12/index.html",
        "helped/2027/01/index.html",
    }  # no page for week 1 of 2027: its only help is private


def test_week_53_roundup_counts_groups_and_hides_private_help(built: Built) -> None:
    page = built.page("helped/2026/W53/")
    assert texts(page, "//h1") == ["How I helped: Week 53, 2026"]
    assert texts(page, "//p[@class='gj-meta']") == ["28 Dec 2026 – 3 Jan 2027"]
    # counted: compliment, resource, answer and the private answer
    # (kinds with the same count follow the contract's order: answer, resource, compliment, ...)
    assert texts(page, "//p[@class='gj-lead']") == [
        "This week I helped 4 people: 2 answers, 1 resource, 1 compliment."
    ]
    assert texts(page, "//article//h2") == [
        "Answers 1",
        "Resources 1",
        "Compliments 1",
        "Helped more than once",
    ]
    acts = texts(page, "//ul[@class='gj-acts']/li")
    assert acts == [
        "Someone: Answered a forum question on forum · 29 Dec 2026: Week fifty-three",
        "@jane: Sent her the glaze guide · example.org · 29 Dec 2026: Week fifty-three",
        "@jane: Praised her mug on mastodon · 29 Dec 2026: Week fifty-three",
    ]
    assert page.xpath("//a[@class='gj-from']/@href")[0] == "../../../journal/2026/12/29/week-53/"
    assert texts(page, "//p[@class='gj-private']") == ["1 more was kept private."]
    assert "@jane, 2 times" in page.text_content()
    pager = page.xpath("//nav[@class='gj-pager']//a")
    assert [(a.get("rel"), a.get("href")) for a in pager] == [
        ("prev", "../W52/"),
        ("next", "../../2027/W03/"),
    ]


def test_sunday_late_evening_in_a_negative_offset_stays_in_its_week(built: Built) -> None:
    page = built.page("helped/2026/W52/")
    assert texts(page, "//p[@class='gj-meta']") == ["21–27 Dec 2026"]
    assert JANE_LATE in page.text_content()
    assert JANE_LATE not in built.page("helped/2026/W53/").text_content()


def test_late_december_can_be_week_1_of_the_next_year(built: Built) -> None:
    page = built.page("helped/2025/W01/")
    assert texts(page, "//p[@class='gj-meta']") == ["30 Dec 2024 – 5 Jan 2025"]
    assert texts(page, "//p[@class='gj-lead']") == ["This week I helped 1 person: 1 introduction."]
    december = built.page("helped/2024/12/")
    assert texts(december, "//p[@class='gj-lead']") == ["This month I helped 1 person: 1 introduction."]


def test_index_lists_every_period_with_totals(built: Built) -> None:
    page = built.page("helped/")
    # 1 (31 Dec 2024) + 1 + 4 (Dec 2026) + 1 private (6 Jan) + 1 (18 Jan) = 8, private ones counted;
    # answers: 27 Dec, the forum one and the private one on 29 Dec
    assert texts(page, "//p[@class='gj-lead']") == [
        "Since the journal began, I helped 8 people: 3 answers, 1 resource, 1 compliment, 1 introduction, "
        "1 piece of feedback, 1 other."
    ]
    weeks = texts(page, "//h2[@id='weeks']/following-sibling::ul[1]/li")
    assert [w.split(" ")[0:3] for w in weeks] == [
        ["Week", "3,", "2027"],
        ["Week", "1,", "2027"],
        ["Week", "53,", "2026"],
        ["Week", "52,", "2026"],
        ["Week", "1,", "2025"],
    ]
    assert weeks[1].endswith("1 · 1 other (all kept private)")
    assert page.xpath("//h2[@id='weeks']/following-sibling::ul[1]/li/a/@href") == [
        "2027/W03/",
        "2026/W53/",
        "2026/W52/",
        "2025/W01/",
    ]
    kinds = [texts(r, "./td") for r in page.xpath("//div[contains(@class,'gj-totals')]/div[1]//tbody/tr")]
    assert kinds == [
        ["answer", "3"],
        ["resource", "1"],
        ["compliment", "1"],
        ["intro", "1"],
        ["feedback", "1"],
        ["other", "1"],
    ]


def test_private_help_text_is_in_no_output_file(built: Built) -> None:
    text = built.all_text()
    for marker in ("PRIVATE-ROUNDUP-MARKER", "@hidden-person", "PRIVATE-ONLY-MARKER"):
        assert marker not in text


def test_only_finished_periods_enter_the_feeds(built: Built) -> None:
    main = feedparser.parse((built.site / "feed.xml").read_bytes())
    assert main.bozo == 0
    roundups = [(e.title, e.published_parsed[:6]) for e in main.entries if e.title.startswith("How I helped")]
    # dated at the last second of each period (New York time, UTC-5 in winter); the running
    # week 3 of 2027 and January 2027 are not in yet
    assert roundups == [
        ("How I helped: Week 53, 2026", (2027, 1, 4, 4, 59, 59)),
        ("How I helped: December 2026", (2027, 1, 1, 4, 59, 59)),
        ("How I helped: Week 52, 2026", (2026, 12, 28, 4, 59, 59)),
        ("How I helped: Week 1, 2025", (2025, 1, 6, 4, 59, 59)),
        ("How I helped: December 2024", (2025, 1, 1, 4, 59, 59)),
    ]
    helped = feedparser.parse((built.site / "helped/feed.xml").read_bytes())
    assert [e.title for e in helped.entries] == [title for title, _ in roundups]
    week = next(e for e in main.entries if e.title == "How I helped: Week 53, 2026")
    assert week.link == "https://example.org/journal/helped/2026/W53/"
    assert "This week I helped 4 people" in week.content[0].value and "gj-pager" not in week.content[0].value
    assert 'href="https://example.org/journal/journal/2026/12/29/week-53/"' in week.content[0].value


def test_roundups_can_stay_out_of_the_main_feed(site_root: Path) -> None:
    options = {"timezone": "America/New_York", "feed_weekly_roundups": False}
    result = build_journal(site_root, FILES, options=options)
    titles = [i["title"] for i in json.loads((result.site / "feed.json").read_text("utf-8"))["items"]]
    assert [t for t in titles if t.startswith("How I helped")] == [
        "How I helped: December 2026",
        "How I helped: December 2024",
    ]


def test_year_in_review(built: Built) -> None:
    assert {p for p in built.pages() if p.startswith("review/")} == {
        "review/2024/index.html",
        "review/2026/index.html",
        "review/2027/index.html",
    }
    page = built.page("review/2026/")
    assert texts(page, "//h1") == ["2026 in review"]
    assert texts(page, "//p[@class='gj-lead']") == [
        "In 2026 I helped 5 people: 3 answers, 1 resource, 1 compliment. I wrote 2 journal entries."
    ]
    months = {texts(r, "./td")[0]: texts(r, "./td")[-1] for r in page.xpath("//details//tbody/tr")}
    assert months["December"] == "5" and months["November"] == "0" and len(months) == 12
    bars = page.xpath("//svg[contains(@class,'gj-bars')]//rect")
    assert len(bars) == 12 and bars[11].xpath("string(title)") == "December 2026: 5"
    assert "The busiest week was week 53, 2026 (28 Dec 2026 – 3 Jan 2027), with 4 acts of help." in " ".join(
        page.text_content().split()
    )
    goals = texts(page, "//ul[@class='gj-review-goals']/li/a")
    assert goals == ["Help others"]
