"""Weekly and monthly roundups and the year in review, from a real build, numbers worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser
import pytest
from conftest import Built, build_journal, entry, goal, texts
from goals_journal.core.days import week_number
from goals_journal.pages.words.helped import platform_name
from lxml import html as lxml_html

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
    assert texts(page, "//h1") == ["28 Dec 2026 – 3 Jan 2027 · How I helped"]  # the dates first
    assert texts(page, "//p[@class='gj-meta']") == ["Week 53 of 2026"]  # the week number: quiet, second
    # counted: compliment, resource, answer and the private answer
    # (kinds with the same count follow the contract's order: answer, resource, compliment, ...)
    assert texts(page, "//p[@class='gj-big']") == ["4 people helped this week"]
    assert texts(page, "//ul[@class='gj-legend-list']/li") == ["2 answers", "1 resource", "1 compliment"]
    parts = page.xpath("//div[@class='gj-breakdown']/span[@class='gj-stack']/span")
    assert [(p.get("class"), p.get("style"), p.get("title")) for p in parts] == [
        ("gj-mark gj-k-answer", "flex-grow: 2", "Answers: 2"),
        ("gj-mark gj-k-resource", "flex-grow: 1", "Resources: 1"),
        ("gj-mark gj-k-compliment", "flex-grow: 1", "Compliments: 1"),
    ]
    assert page.xpath("//span[@class='gj-stack']/@aria-hidden") == ["true"]  # the legend says it in words
    assert texts(page, "//article//h2") == [
        "Answers 1",
        "Resources 1",
        "Compliments 1",
        "Helped more than once",
    ]
    acts = texts(page, "//ul[@class='gj-acts']/li")
    assert acts == [  # where (platforms as people write them), the evidence, and one quiet "from"
        "Someone: Answered a forum question on Forum · from Week fifty-three",
        "@jane: Sent her the glaze guide example.org · from Week fifty-three",
        "@jane: Praised her mug on Mastodon · from Week fifty-three",
    ]
    assert page.xpath("//a[@class='gj-from']/@href")[0] == "../../../journal/2026/12/29/week-53/"
    assert (
        len(page.xpath("//ul[@class='gj-acts']/li//a[@class='gj-from']")) == 3
    )  # one each, in the quiet line
    assert texts(page, "//p[@class='gj-private']") == ["1 more was kept private."]
    assert "@jane, 2 times" in page.text_content()
    pager = page.xpath("//nav[@class='gj-pager']//a")
    assert [(a.get("rel"), a.get("href"), " ".join(a.text_content().split())) for a in pager] == [
        ("prev", "../W52/", "Previous 21–27 Dec 2026"),
        ("next", "../../2027/W03/", "Next 18–24 Jan 2027"),
    ]


def test_sunday_late_evening_in_a_negative_offset_stays_in_its_week(built: Built) -> None:
    page = built.page("helped/2026/W52/")
    assert texts(page, "//h1") == ["21–27 Dec 2026 · How I helped"]
    assert JANE_LATE in page.text_content()
    assert JANE_LATE not in built.page("helped/2026/W53/").text_content()


def test_late_december_can_be_week_1_of_the_next_year(built: Built) -> None:
    page = built.page("helped/2025/W01/")
    assert texts(page, "//h1") == ["30 Dec 2024 – 5 Jan 2025 · How I helped"]
    assert texts(page, "//p[@class='gj-meta']") == ["Week 1 of 2025"]
    assert texts(page, "//p[@class='gj-big']") == ["1 person helped this week"]
    assert texts(page, "//ul[@class='gj-legend-list']/li") == ["1 introduction"]
    december = built.page("helped/2024/12/")
    assert texts(december, "//h1") == ["December 2024 · How I helped"]
    assert texts(december, "//p[@class='gj-big']") == ["1 person helped this month"]
    assert not december.xpath("//p[@class='gj-meta']")  # a month has no second name


def test_index_leads_with_the_number_and_lists_every_period_quiet_ones_at_0(built: Built) -> None:
    page = built.page("helped/")
    # 1 (31 Dec 2024) + 1 + 4 (Dec 2026) + 1 private (6 Jan) + 1 (18 Jan) = 8, private ones counted;
    # answers: 27 Dec, the forum one and the private one on 29 Dec; the first entry is of 31 Dec 2024
    assert texts(page, "//p[@class='gj-big']") == ["8 people helped since 31 Dec 2024"]
    assert texts(page, "//div[@class='gj-breakdown']//li") == [
        "3 answers",
        "1 resource",
        "1 compliment",
        "1 introduction",
        "1 piece of feedback",
        "1 other",
    ]
    weeks = page.xpath("//h2[@id='weeks']/following-sibling::ul[1]/li")
    # every week from that of 31 Dec 2024 (week 1 of 2025) to that of 18 Jan 2027 (week 3 of 2027):
    # 52 weeks of 2025, 53 of 2026 and 3 of 2027
    assert len(weeks) == 52 + 53 + 3
    rows = [texts(w, "./span[1]") + texts(w, "./span[3]") for w in weeks]
    assert rows[:6] == [
        ["18–24 Jan 2027", "1"],
        ["11–17 Jan 2027", "0"],  # quiet: shown, not skipped
        ["4–10 Jan 2027 all kept private", "1"],  # counted, without a page
        ["28 Dec 2026 – 3 Jan 2027", "4"],
        ["21–27 Dec 2026", "1"],
        ["14–20 Dec 2026", "0"],
    ]
    assert rows[-1] == ["30 Dec 2024 – 5 Jan 2025", "1"]
    assert sum(int(row[1]) for row in rows) == 8
    assert weeks[1].get("class") == "gj-rows--quiet" and not weeks[1].xpath(".//a|.//span[@class='gj-stack']")
    assert page.xpath("//h2[@id='weeks']/following-sibling::ul[1]/li//a/@href") == [
        "2027/W03/",
        "2026/W53/",
        "2026/W52/",
        "2025/W01/",
    ]
    # the bars: the largest week (4 acts) is full width, a week of 1 a quarter of it
    widths = [w.xpath("./span[2]/span/@style") for w in weeks[:6]]
    assert widths == [["width: 25%"], [], ["width: 25%"], ["width: 100%"], ["width: 25%"], []]
    months = texts(page, "//h2[@id='months']/following-sibling::ul[1]/li/span[1]")
    assert len(months) == 1 + 12 + 12 + 1  # December 2024 to January 2027
    assert months[:3] == ["January 2027", "December 2026", "November 2026"] and months[-1] == "December 2024"


def test_index_totals_are_rows_of_bars_in_readers_words(built: Built) -> None:
    page = built.page("helped/")
    assert not page.xpath("//article//table")  # no tables of raw values

    def rows(heading: str) -> list[tuple[str, str, list[str]]]:
        items = page.xpath(f"//h3[@id='{heading}']/following-sibling::ul[@class='gj-rows'][1]/li")
        return [
            (*texts(li, "./span[1]"), *texts(li, "./span[3]"), li.xpath("./span[2]/span/@style"))
            for li in items
        ]

    assert rows("kinds") == [
        ("Answers", "3", ["width: 100%"]),
        ("Resources", "1", ["width: 33%"]),
        ("Compliments", "1", ["width: 33%"]),
        ("Introductions", "1", ["width: 33%"]),
        ("Pieces of feedback", "1", ["width: 33%"]),
        ("Other", "1", ["width: 33%"]),
    ]
    # 27 Dec, the glaze guide, 31 Dec 2024 and 18 Jan have no `where`; two acts are private
    assert rows("where") == [
        ("Not given", "4", ["width: 100%"]),
        ("Kept private", "2", ["width: 50%"]),
        ("Forum", "1", ["width: 25%"]),
        ("Mastodon", "1", ["width: 25%"]),
    ]


def test_platform_names_are_written_as_people_write_them(site_root: Path) -> None:
    assert [platform_name(w) for w in ("mastodon", "x", "linkedin", "bluesky", "github", "forum")] == [
        "Mastodon",
        "X",
        "LinkedIn",
        "Bluesky",
        "GitHub",
        "Forum",
    ]
    assert platform_name("makers' guild") == "Makers' guild"  # unknown: capitalised
    assert platform_name("the ClayHub forum") == "the ClayHub forum"  # written with capitals: kept
    helped = [
        {"how": "A", "where": "linkedin"},
        {"how": "B", "where": "x"},
        {"how": "C", "where": "LinkedIn"},
        {"how": "D", "where": "makers' guild"},
    ]
    built = build_journal(
        site_root, {"goals/help.md": goal(), "journal/2027-01-12-day.md": entry(helped=helped)}
    )
    where = built.page("helped/").xpath("//h3[@id='where']/following-sibling::ul[1]/li/span[1]")
    assert [w.text_content() for w in where] == ["LinkedIn", "Makers' guild", "X"]  # 2, then by name
    assert [r.text_content() for r in where[0].xpath("../span[3]")] == ["2"]
    acts = texts(built.page("helped/2027/W02/"), "//span[@class='gj-act__meta']")
    assert sorted(acts) == sorted(
        f"on {w} · from Tuesday 12 January 2027" for w in ("LinkedIn", "X", "LinkedIn", "Makers' guild")
    )
    on_entry = texts(built.page("journal/2027/01/12/day/"), "//span[@class='gj-where']")
    assert on_entry == ["on LinkedIn", "on X", "on LinkedIn", "on Makers' guild"]


def test_private_help_text_is_in_no_output_file(built: Built) -> None:
    text = built.all_text()
    for marker in ("PRIVATE-ROUNDUP-MARKER", "@hidden-person", "PRIVATE-ONLY-MARKER"):
        assert marker not in text


def test_only_finished_periods_enter_the_feeds(built: Built) -> None:
    main = feedparser.parse((built.site / "feed.xml").read_bytes())
    assert main.bozo == 0
    roundups = [(e.title, e.published_parsed[:6]) for e in main.entries if e.title.endswith("How I helped")]
    # dated at the last second of each period (New York time, UTC-5 in winter); the running
    # week 3 of 2027 and January 2027 are not in yet
    assert roundups == [
        ("28 Dec 2026 – 3 Jan 2027 · How I helped", (2027, 1, 4, 4, 59, 59)),
        ("December 2026 · How I helped", (2027, 1, 1, 4, 59, 59)),
        ("21–27 Dec 2026 · How I helped", (2026, 12, 28, 4, 59, 59)),
        ("30 Dec 2024 – 5 Jan 2025 · How I helped", (2025, 1, 6, 4, 59, 59)),
        ("December 2024 · How I helped", (2025, 1, 1, 4, 59, 59)),
    ]
    helped = feedparser.parse((built.site / "helped/feed.xml").read_bytes())
    assert [e.title for e in helped.entries] == [title for title, _ in roundups]
    week = next(e for e in main.entries if e.title == "28 Dec 2026 – 3 Jan 2027 · How I helped")
    assert week.link == "https://example.org/journal/helped/2026/W53/"
    content = " ".join(lxml_html.fromstring(week.content[0].value).text_content().split())
    assert "4 people helped this week" in content and "2 answers" in content
    assert "gj-pager" not in week.content[0].value
    assert 'href="https://example.org/journal/journal/2026/12/29/week-53/"' in week.content[0].value


def test_roundups_can_stay_out_of_the_main_feed(site_root: Path) -> None:
    options = {"timezone": "America/New_York", "feed_weekly_roundups": False}
    result = build_journal(site_root, FILES, options=options)
    titles = [i["title"] for i in json.loads((result.site / "feed.json").read_text("utf-8"))["items"]]
    assert [t for t in titles if t.endswith("How I helped")] == [
        "December 2026 · How I helped",
        "December 2024 · How I helped",
    ]


def test_year_in_review(built: Built) -> None:
    assert {p for p in built.pages() if p.startswith("review/")} == {
        "review/2024/index.html",
        "review/2026/index.html",
        "review/2027/index.html",
    }
    page = built.page("review/2026/")
    assert texts(page, "//h1") == ["2026 in review"]
    assert texts(page, "//p[@class='gj-big']") == ["5 people helped in 2026"]
    assert texts(page, "//div[@class='gj-breakdown']//li") == ["3 answers", "1 resource", "1 compliment"]
    assert texts(page, "//p[@class='gj-lead']") == ["I wrote 2 journal entries."]
    months = {texts(r, "./td")[0]: texts(r, "./td")[-1] for r in page.xpath("//details//tbody/tr")}
    # the journal began in December 2024, so 2026 has all its months
    assert months["December"] == "5" and months["November"] == "0" and len(months) == 12
    assert texts(page, "//details//thead/tr/th") == ["Month", "Answers", "Resources", "Compliments", "All"]
    bars = page.xpath("//svg[contains(@class,'gj-bars')]//rect")
    assert len(bars) == 12 and bars[11].xpath("string(title)") == "December 2026: 5"
    assert "The busiest week was 28 Dec 2026 – 3 Jan 2027, with 4 acts of help." in " ".join(
        page.text_content().split()
    )
    # the goals as the home page shows them: a card each, linked
    cards = page.xpath("//div[contains(@class,'gj-cards')]/div[contains(@class,'gj-card')]")
    assert [card.xpath("string(.//p[@class='gj-card__title']/a)") for card in cards] == ["Help others"]
    assert cards[0].xpath(".//p[@class='gj-card__title']/a/@href") == ["../../goals/help/"]
    assert not page.xpath("//ul[@class='gj-review-goals']")
    # 2024: the journal's first month is December; 2027: as of 20 Jan, January only
    first = built.page("review/2024/").xpath("//svg[contains(@class,'gj-bars')]//rect/title/text()")
    assert first == ["December 2024: 1"]
    running = built.page("review/2027/").xpath("//svg[contains(@class,'gj-bars')]//rect/title/text()")
    assert running == ["January 2027: 2"]


def test_the_help_chart_starts_at_the_journals_first_month(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        "goals/help.md": goal("Help others", "2026-10-01"),
        "journal/2026-10-05-a.md": entry(goals=["help"], helped=[{"how": "A"}, {"how": "B"}]),
        "journal/2026-12-07-b.md": entry(goals=["help"], helped=[{"how": "C"}]),
    }
    built = build_journal(site_root, files)  # as of 20 Jan 2027
    chart = built.page("review/2026/").xpath("//svg[contains(@class,'gj-bars')]")[0]
    bars = chart.xpath(".//rect")
    # October to December: three slots of (520 - 28) / 3 = 164 units, bars 48 wide in the middle of
    # theirs (28 + 58 = 86, then 164 further each); the peak (2) fills the 144-unit plot from y 14
    assert [b.xpath("string(title)") for b in bars] == [
        "October 2026: 2",
        "November 2026: 0",
        "December 2026: 1",
    ]
    assert [(b.get("x"), b.get("width"), b.get("y"), b.get("height")) for b in bars] == [
        ("86.0", "48.0", "14.0", "144.0"),
        ("250.0", "48.0", "158.0", "0.0"),
        ("414.0", "48.0", "86.0", "72.0"),
    ]
    axis = chart.xpath(".//text[@y='173']/text()")
    assert axis == ["Oct", "Nov", "Dec"]
    assert chart.xpath("string(desc)") == "3 acts of help in 2026; the most in October (2)."
