"""Sharing: Open Graph tags, social cards (PNG), badges (SVG) and share links, from real builds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import Built, build_journal, write_files
from goals_journal.outputs.cards import Card, Hero, draw_card
from goals_journal.outputs.fonts import PRIMARY, runs
from goals_journal.speed.cards import cached_card
from lxml import etree
from PIL import Image
from test_site import JOURNAL

SITE = "https://example.org/journal/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small journal of test_site."""
    return build_journal(tmp_path_factory.mktemp("social") / "project", JOURNAL)


def local(built: Built, url: str) -> Path:
    """The built file an absolute site URL points at."""
    assert url.startswith(SITE), url
    path = built.site / url.removeprefix(SITE)
    return path / "index.html" if url.endswith("/") else path


def meta(page: object, key: str) -> str:
    """The content of a meta tag by property or name."""
    found = page.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")  # type: ignore[attr-defined]
    assert len(found) == 1, (key, found)
    return str(found[0])


@pytest.mark.parametrize(
    ("url", "image", "description"),
    [
        ("goals/help/", "goals/help/card.png", "Give before asking."),
        (
            "helped/2027/W01/",
            "helped/2027/W01/card.png",
            "This week I helped 2 people: 1 answer, 1 compliment.",
        ),
        (
            "review/2027/",
            "review/2027/card.png",
            "In 2027 I helped 5 people: 2 answers, 1 resource, 1 compliment, 1 other.",
        ),
        (
            "journal/2027/01/03/first-week/",
            "goals/help/card.png",
            "Answered questions all morning.",
        ),  # its goal
        ("", "assets/card.png", "A public journal of 1 active goal and the work towards them."),
    ],
)
def test_open_graph_tags_point_at_files_that_exist(
    built: Built, url: str, image: str, description: str
) -> None:
    page = built.page(url)
    assert meta(page, "og:url") == SITE + url
    assert meta(page, "og:image") == SITE + image and local(built, meta(page, "og:image")).is_file()
    assert meta(page, "twitter:image") == SITE + image
    assert meta(page, "og:description") == description == meta(page, "twitter:description")
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "og:site_name") == "Test Journal"
    assert local(built, meta(page, "og:url")).is_file()


def test_shared_pages_describe_their_card_and_home_is_the_site(built: Built) -> None:
    goal_page = built.page("goals/help/")
    # 5 people helped (2 on 3 Jan, 2 on 5 Jan one of them private, 1 in the private entry; not the
    # draft's): under the pace line (150 over 365 days is 8.2 by 20 Jan), so no pill and no "behind"
    alt = (
        "Card: Help others. 5 people helped. On the way: 5 of 150. "
        "A road: 5 so far against the pace line to 150 by 31 Dec 2027."
    )
    assert meta(goal_page, "og:image:alt") == alt == meta(goal_page, "twitter:image:alt")
    entry_page = built.page("journal/2027/01/03/first-week/")  # an entry shows its goal's card
    assert meta(entry_page, "og:image:alt") == alt
    home = built.page("")
    assert meta(home, "og:title") == "Test Journal" == meta(home, "twitter:title")
    # 5 entries count (not the draft), 1 goal is active; the squares start on the Monday 14 weeks
    # before the week of 20 Jan 2027 (12 Oct 2026) and 5 of their days have entries
    assert meta(home, "og:image:alt") == (
        "Card: Test Journal. 5 people helped. 5 journal entries, 1 goal in progress. "
        "Activity since 12 Oct 2026: 5 days with entries."
    )


def test_without_cards_no_image_is_announced(site_root: Path) -> None:
    result = build_journal(site_root, JOURNAL, options={"cards": False})
    page = result.page("goals/help/")
    assert page.xpath("//meta[@property='og:image']") == [] and meta(page, "twitter:card") == "summary"


def test_entries_are_articles_with_a_time(built: Built) -> None:
    page = built.page("journal/2027/01/03/first-week/")
    assert meta(page, "og:type") == "article"
    assert meta(page, "article:published_time") == "2027-01-03T12:00:00+00:00"
    assert meta(built.page("goals/help/"), "og:type") == "website"


def test_cards_are_1200_by_630_pngs(built: Built) -> None:
    cards = sorted(built.site.rglob("card.png"))
    assert {c.relative_to(built.site).as_posix() for c in cards} == {
        "assets/card.png",
        "goals/help/card.png",
        "goals/connect/card.png",
        "helped/2026/W53/card.png",
        "helped/2027/W01/card.png",
        "helped/2027/01/card.png",
        "review/2026/card.png",
        "review/2027/card.png",
    }  # no card for the week of 11 Jan: its only help is in the private entry
    for path in cards:
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))


def test_cards_change_only_when_what_they_show_changes(site_root: Path) -> None:
    first = build_journal(site_root, JOURNAL)
    before = {p.relative_to(first.site).as_posix(): p.read_bytes() for p in first.site.rglob("card.png")}
    cache = site_root / ".cache/goals-journal/cards"
    cached = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    again = build_journal(site_root, {})
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == cached  # nothing was redrawn
    assert {
        p.relative_to(again.site).as_posix(): p.read_bytes() for p in again.site.rglob("card.png")
    } == before
    goal = site_root / "goals/connect.md"
    goal.write_text(goal.read_text("utf-8").replace("Stronger connections", "Closer connections"), "utf-8")
    changed = build_journal(site_root, {})
    after = {p.relative_to(changed.site).as_posix(): p.read_bytes() for p in changed.site.rglob("card.png")}
    different = {name for name in before if before[name] != after[name]}
    # the goal's title is on its own card and in the list of 2027's review (it started in 2027);
    # the site card and the roundups do not show it
    assert different == {"goals/connect/card.png", "review/2027/card.png"}
    assert len(list(cache.iterdir())) == len(cached) + 2


def test_badges_are_wellformed_and_show_the_numbers(built: Built) -> None:
    svg = etree.fromstring((built.site / "goals/help/badge.svg").read_bytes())
    # helped: 5 of 150 = 3.3 % -> 3 %; behind (the totals are under the pace line)
    assert svg.get("aria-label") == "help: 3% · behind"
    assert [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")] == ["help", "3% · behind"]
    # behind, beside Material's default indigo: Okabe and Ito's vermillion #d55e00 (3.9:1 under white
    # text), deepened 10% to (192, 85, 0) for 4.6:1
    assert 'fill="#c05500"' in (built.site / "goals/help/badge.svg").read_text("utf-8")
    paused = etree.fromstring((built.site / "goals/connect/badge.svg").read_bytes())
    assert paused.get("aria-label") == "connect: paused"
    page = built.page("goals/help/")
    snippets = [c.text for c in page.xpath("//details[contains(@class,'gj-embed')]//code")]
    assert snippets == [
        f"[![Help others: behind]({SITE}goals/help/badge.svg)]({SITE}goals/help/)",
        f'<a href="{SITE}goals/help/"><img src="{SITE}goals/help/badge.svg" alt="Help others: behind"></a>',
    ]


def test_share_links_are_plain_and_encoded(built: Built) -> None:
    page = built.page("goals/help/")
    links = {a.text: a.get("href") for a in page.xpath("//nav[@class='gj-share']/a")}
    assert list(links) == ["X", "Facebook", "LinkedIn", "Bluesky", "Mastodon", "E-mail"]
    text = "3% of the way to 150 people helped (Help others)"
    address = SITE + "goals/help/"
    x = urlsplit(links["X"])
    assert (x.netloc, parse_qs(x.query)) == ("x.com", {"text": [text], "url": [address]})
    assert parse_qs(urlsplit(links["Facebook"]).query) == {"u": [address]}
    assert parse_qs(urlsplit(links["LinkedIn"]).query) == {"url": [address]}
    assert parse_qs(urlsplit(links["Bluesky"]).query) == {"text": [f"{text} {address}"]}
    mastodon = urlsplit(links["Mastodon"])
    assert mastodon.path == "../../share/mastodon/" and parse_qs(mastodon.query) == {
        "text": [f"{text} {address}"]
    }
    mail = urlsplit(links["E-mail"])
    assert mail.scheme == "mailto" and {k: v[0] for k, v in parse_qs(mail.query).items()} == {
        "subject": text,
        "body": f"{text} {address}",
    }
    assert " " not in links["E-mail"] and "&" not in unquote(links["X"].split("text=")[1].split("&url=")[0])
    assert not page.xpath(
        "//script[@src and not(contains(@src, 'assets/javascripts'))]"
    )  # no third-party script
    roundup = {
        a.text: a.get("href") for a in built.page("helped/2027/W01/").xpath("//nav[@class='gj-share']/a")
    }
    assert parse_qs(urlsplit(roundup["Bluesky"]).query)["text"] == [
        f"This week I helped 2 people: 1 answer, 1 compliment. (4–10 Jan 2027) {SITE}helped/2027/W01/"
    ]
    assert built.page("share/mastodon/").xpath("//form[@id='gj-mastodon']//input[@id='gj-instance']")


def test_everything_can_be_turned_off(site_root: Path) -> None:
    options = {"cards": False, "badges": False, "share_links": False}
    result = build_journal(site_root, JOURNAL, options=options)
    assert not list(result.site.rglob("card.png")) and not list(result.site.rglob("badge.svg"))
    page = result.page("goals/help/")
    assert not page.xpath("//nav[@class='gj-share']") and not page.xpath(
        "//details[contains(@class,'gj-embed')]"
    )
    assert not (result.site / "share").exists()


def test_card_colours_are_checked(site_root: Path) -> None:
    result = build_journal(site_root, JOURNAL, options={"card_accent": "not-a-colour"}, expect_problems=True)
    assert result.failure and "card_accent 'not-a-colour' is not a colour" in result.errors[-1]


def test_other_scripts_and_emoji_use_fonts_that_have_them(tmp_path: Path) -> None:
    pieces = runs("Помогать 🙂 مساعدة दूसरों ⚑ 日本")
    fonts = {text.strip(): name for name, text in pieces if text.strip()}
    assert fonts["Помогать"] == PRIMARY
    assert fonts["🙂"] == "NotoEmoji[wght].ttf"
    assert fonts["مساعدة"] == "NotoSansArabic[wght].ttf"
    assert fonts["दूसरों"] == "NotoSansDevanagari[wght].ttf"
    assert fonts["⚑"] == "NotoSansSymbols[wght].ttf"
    title = "Помогать 🙂 مساعدة दूसरों 日本 " * 4  # far too long, with a script the fonts lack: no crash
    image = draw_card(Card("Журнал", title, Hero("12", "Сказал «спасибо» 👍"), "Молодец 🙂"))
    assert image.size == (1200, 630)
    path, drawn = cached_card(Card("K", "T"), tmp_path)
    assert drawn and cached_card(Card("K", "T"), tmp_path) == (path, False)


def test_the_cache_lives_outside_the_site(site_root: Path) -> None:
    write_files(site_root, {".gitignore": "site/\n"})
    result = build_journal(site_root, JOURNAL)
    assert (site_root / ".cache/goals-journal/cards").is_dir() and not (result.site / ".cache").exists()
