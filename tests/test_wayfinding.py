"""What a reader sees first, from real builds: short goal chips, the page for a missing address, real
page headings, the Mastodon share page and counts that agree with their words."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import Built, build_journal, entry, goal, texts
from goals_journal.core.model import Goal
from goals_journal.pages.words.wayfinding import short_name

LONG = "Build stronger connections with friends and past clients"  # 57 characters
FILES: dict[str, str | bytes] = {
    "goals/follow.md": goal("Grow an active following with small daily actions", short="Active following"),
    "goals/partners.md": goal("Find strategic partners"),  # 23 characters: shown whole
    "goals/connect.md": goal(LONG),  # no short name: its first words that fit, then "…"
    "goals/help.md": goal("Help others on social media", short="Helping"),
    "journal/2027-01-04-all-four.md": entry(
        title="All four", goals=["follow", "partners", "connect", "help"]
    ),
    "journal/2027-01-05-two.md": entry(title="Two of them", goals=["partners", "connect"]),
    "journal/2027-01-06-three.md": entry(title="Three of them", goals=["help", "follow", "partners"]),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Four goals, entries linking four, two and three of them; as of 20 Jan 2027."""
    return build_journal(tmp_path_factory.mktemp("wayfinding") / "project", FILES)


def chips(item: object) -> list[tuple[str, str | None, str | None]]:
    """(text, title, aria-label) of each chip of a list item or meta line."""
    found = item.xpath(".//a[contains(@class,'gj-chip')]")  # type: ignore[attr-defined]
    return [(a.text_content(), a.get("title"), a.get("aria-label")) for a in found]


def listed(page: object, title: str) -> object:
    """The item of a list of entries whose title is `title`."""
    return page.xpath(f"//ul[contains(@class,'gj-entries')]/li[.//a[@class='p-name u-url']='{title}']")[0]  # type: ignore[attr-defined]


def test_short_names_without_short_are_the_title_or_its_first_words() -> None:
    def named(title: str, short: str = "") -> str:
        return short_name(Goal("g", title, dt.date(2027, 1, 1), Path("g.md"), short=short))

    assert named("Find strategic partners") == "Find strategic partners"  # 23: fits the 24
    assert named("Help others on social me") == "Help others on social me"  # exactly 24
    # 23 characters of room before "…": "Build stronger" (14) fits, "… connections" (26) does not
    assert named(LONG) == "Build stronger…"
    assert named("Help others on social media") == "Help others on social…"  # 21 + "…"
    assert named("Supercalifragilisticexpialidocious goals") == "Supercalifragilisticexp…"  # cut inside
    assert named(LONG, short="Connections") == "Connections"


def test_entry_lists_show_two_short_chips_and_one_for_the_rest(built: Built) -> None:
    home = built.page("")
    assert chips(listed(home, "All four")) == [
        ("Active following", "Grow an active following with small daily actions", None),
        ("Find strategic partners", None, None),  # its title is short enough: no tooltip
        (
            "+2",
            *[
                "2 more goals: Build stronger connections with friends and past clients and Help others on social media"
            ]
            * 2,
        ),
    ]
    more = listed(home, "All four").xpath(".//a[contains(@class,'gj-chip--more')]")[0]  # type: ignore[attr-defined]
    assert more.get("href") == "journal/2027/01/04/all-four/"  # the entry's page shows every goal
    assert chips(listed(home, "Two of them")) == [
        ("Find strategic partners", None, None),
        ("Build stronger…", LONG, None),
    ]
    archive = built.page("journal/")
    assert [c[0] for c in chips(listed(archive, "Three of them"))] == ["Helping", "Active following", "+1"]
    assert chips(listed(archive, "Three of them"))[2][2] == "1 more goal: Find strategic partners"


def test_a_goal_page_leaves_its_own_goal_out_of_the_chips(built: Built) -> None:
    page = built.page("goals/partners/")
    assert [c[0] for c in chips(listed(page, "All four"))] == ["Active following", "Build stronger…", "+1"]
    assert chips(listed(page, "All four"))[2][2] == "1 more goal: Help others on social media"
    assert [c[0] for c in chips(listed(page, "Two of them"))] == ["Build stronger…"]


def test_an_entry_page_shows_every_goal_by_its_short_name(built: Built) -> None:
    meta = built.page("journal/2027/01/04/all-four/").xpath("//p[@class='gj-meta']")[0]
    assert [c[0] for c in chips(meta)] == [
        "Active following",
        "Find strategic partners",
        "Build stronger…",
        "Helping",
    ]
    assert meta.xpath(".//a[@class='gj-chip']/@href")[3] == "../../../../../goals/help/"


@pytest.mark.parametrize(
    ("short", "line", "message"),
    [
        (
            "A short name that is far too long",
            3,
            "'short' is 33 characters long, more than the 24 a short name may have: shorten it "
            "(e.g. short: 'A short name that is')",
        ),
        ("[a, list]", 3, "'short' must be text, not a list: quote it"),
        ('"two\\nlines"', 3, "'short' must be one line: write the short name on the line of short:"),
    ],
)
def test_a_bad_short_name_is_an_error_with_file_and_line(
    site_root: Path, short: str, line: int, message: str
) -> None:
    text = f"---\ntitle: Help others\nshort: {short}\nstarted: 2027-01-01\n---\n"
    result = build_journal(site_root, {"goals/help.md": text}, expect_problems=True)
    assert result.failure and "Traceback" not in result.failure
    assert f"goals/help.md:{line}: {message}" in result.errors


def test_the_missing_page_links_home_goals_latest_entries_and_search(built: Built) -> None:
    page = built.page("404.html")
    assert texts(page, "//article//h1") == ["Page not found"]
    links = {a.text_content(): a.get("href") for a in page.xpath("//ul[@class='gj-places']//a")}
    assert links == {"Home": "/journal/", "Goals": "/journal/goals/", "Journal": "/journal/journal/"}
    latest = page.xpath("//h2[@id='latest-entries']/following-sibling::ul[1]/li//a[@class='p-name u-url']")
    assert [(a.text_content(), a.get("href")) for a in latest] == [
        ("Three of them", "/journal/journal/2027/01/06/three/"),
        ("Two of them", "/journal/journal/2027/01/05/two/"),
        ("All four", "/journal/journal/2027/01/04/all-four/"),
    ]
    # served at any address, so every link of the page starts at the site's path, and each is built
    hrefs = [h for h in page.xpath("//article//a/@href")]
    assert hrefs and all(h.startswith("/journal/") for h in hrefs)
    for href in hrefs:
        path = href.removeprefix("/journal/")
        assert (built.site / path / "index.html").is_file() or (built.site / path).is_file(), href
    # the search button opens Material's search box, which the page has
    assert page.xpath("//label[@for='__search' and contains(@class,'md-button')]/text()") == [
        "Search the journal"
    ]
    assert page.xpath("//input[@id='__search']")


def test_the_missing_page_without_site_url_or_search(site_root: Path) -> None:
    built = build_journal(
        site_root,
        FILES,
        config={"site_url": None, "plugins": [{"goals-journal": {"today": "2027-01-20", "feeds": False}}]},
    )
    page = built.page("404.html")
    assert page.xpath("//ul[@class='gj-places']//a/@href")[:2] == ["/", "/goals/"]
    assert not page.xpath("//label[@for='__search']")  # no search plugin, no search button


def test_help_pages_are_among_the_places_when_there_is_help(site_root: Path) -> None:
    files = {**FILES, "journal/2027-01-07-help.md": entry(goals=["help"], helped=[{"how": "Answered"}])}
    page = build_journal(site_root, files).page("404.html")
    assert page.xpath("//ul[@class='gj-places']//a[.='How I helped']/@href") == ["/journal/helped/"]


def test_home_has_a_heading_before_an_introduction_without_one(site_root: Path) -> None:
    built = build_journal(site_root, {**FILES, "docs/index.md": "INTRO-TEXT without a heading.\n"})
    article = built.page("").xpath("//article")[0]
    assert texts(article, ".//h1") == ["Test Journal"]
    first = article.xpath("./*[not(self::a)][1]")[0]  # after Material's edit button, if any
    assert first.tag == "h1" and "INTRO-TEXT" in texts(article, ".//h1/following-sibling::p[1]")[0]


def test_page_headings_are_drawn_as_headings() -> None:
    css = (Path(__file__).parent.parent / "plugins/goals_journal/pages/assets/goals-journal.css").read_text()
    rule = re.search(r"\.md-typeset h1 \{([^}]*)\}", css)
    assert (
        rule and "color: var(--md-default-fg-color);" in rule.group(1) and "font-weight: 700" in rule.group(1)
    )


def test_the_mastodon_page_has_a_hint_not_a_placeholder_and_says_what_it_is_for(built: Built) -> None:
    page = built.page("share/mastodon/")
    server = page.xpath("//input[@id='gj-instance']")[0]
    assert server.get("placeholder") is None
    assert server.get("aria-describedby") == "gj-instance-hint"
    assert "for example mastodon.social" in texts(page, "//span[@id='gj-instance-hint']")[0]
    direct = page.xpath("//div[@id='gj-mastodon-direct']")[0]  # shown unless a Share link opened it
    assert "Open it from the Share links" in direct.text_content()
    assert direct.xpath(".//a/@href") == ["../../", "../../goals/"]
    script = page.xpath("//article//script/text()")[0]
    assert 'getElementById("gj-mastodon-direct").hidden = true' in script


ONE_OF_EACH: dict[str, str | bytes] = {
    "goals/help.md": goal(
        "Help",
        "2027-01-18",
        metrics={
            "met": {"target": 1, "per": "week", "count": "entries"},
            "people": {"target": 3, "count": "helped"},
        },
    ),
    "journal/2027-01-19-one.md": entry(goals=["help"], helped=[{"how": "Once", "who": "@one"}]),
}


def test_counts_of_one_are_singular_in_words_tooltips_and_descriptions(site_root: Path) -> None:
    built = build_journal(site_root, ONE_OF_EACH)
    goal_page = built.page("goals/help/")
    day = goal_page.xpath("//svg[contains(@class,'gj-heatmap')]//rect[contains(@class,'gj-l2')]/title/text()")
    assert day == ["Tue 19 Jan 2027: 1 entry, 1 helped"]
    heat = goal_page.xpath("string(//svg[contains(@class,'gj-heatmap')]/desc)")
    assert heat.endswith(": 1 day with entries, 0 rest days.")
    strip = goal_page.xpath("string(//svg[contains(@class,'gj-strip')]/desc)")
    assert strip == "1 of 1 week met; current streak 1, longest 1."
    review = built.page("review/2027/")
    assert texts(review, "//p[@class='gj-big']") == ["1 person helped in 2027"]
    assert texts(review, "//p[@class='gj-lead']") == ["I wrote 1 journal entry."]
    assert review.xpath("string(//svg[contains(@class,'gj-bars')]/desc)").startswith("1 act of help in 2027")
    # and nowhere in the site a count of one with a plural
    one_plural = re.compile(r"\b1 (entries|days|weeks|months|people|acts|times|answers|goals|rest days)\b")
    assert one_plural.findall(built.all_text()) == []
