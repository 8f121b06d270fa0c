"""Social cards from real builds: the hero number in words, encouraging lines, pictures, every goal
of a year on its card, nothing cut, the same bytes every time, and a new drawing when colours change.

What a card shows is checked twice: in its description (og:image:alt) and in the lines of text
drawn on it (`card_lines`), whose PNG is byte for byte the one the build published."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, Built, build_journal, entry, goal, run_build
from goals_journal.cli.project import load_project
from goals_journal.core.reader import read_journal
from goals_journal.outputs.cards import Card, card_lines, card_png
from goals_journal.outputs.social import card_alt, cards, footer_text
from goals_journal.pages.site import build_site

DUE = "2027-12-31"
JOURNAL: dict[str, str | bytes] = {
    "goals/checkins.md": goal(
        "Check in with friends",
        metrics={"check_ins": {"label": "Personal check-ins", "target": 3, "per": "week"}},
    ),
    "goals/daily.md": goal(
        "Small daily actions",
        "2027-01-15",
        metrics={
            "daily_action": {
                "label": "Days with a small action",
                "target": 1,
                "per": "day",
                "count": "entries",
            }
        },
    ),
    "goals/help.md": goal(
        "Help others", due=DUE, metrics={"people": {"label": "People helped", "target": 150}}
    ),
    "goals/letters.md": goal(
        "Write letters", due=DUE, metrics={"letters": {"label": "Letters written", "target": 3650}}
    ),
    "goals/practice.md": goal(
        "Practise the wheel", due=DUE, metrics={"hours": {"label": "Hours practised", "target": 100}}
    ),
    "goals/share.md": goal(
        "Share others' work",
        metrics={
            "give_take": {
                "label": "Others' posts among my shares",
                "target": 0.75,
                "ratio": {"part": "shared_others", "whole": ["shared_others", "shared_own"]},
            }
        },
    ),
    "journal/2027/2027-01-02-a.md": entry(goals=["checkins"], metrics={"check_ins": 3}),
    "journal/2027/2027-01-03-b.md": entry(
        goals=["help"],
        metrics={"people": 10},
        helped=[{"how": "Answered", "kind": "answer"}, {"how": "Praised a mug", "kind": "compliment"}],
    ),
    "journal/2027/2027-01-04-c.md": entry(goals=["practice"], metrics={"hours": 2.5}),
    "journal/2027/2027-01-05-d.md": entry(goals=["share"], metrics={"shared_others": 41, "shared_own": 9}),
    "journal/2027/2027-01-06-e.md": entry(goals=["checkins"], metrics={"check_ins": 4}),
    "journal/2027/2027-01-08-f.md": entry(goals=["letters"], metrics={"letters": 2}),
    "journal/2027/2027-01-10-g.md": entry(goals=["help"], metrics={"people": 17}),
    "journal/2027/2027-01-11-h.md": entry(goals=["practice"], metrics={"hours": 1.25}),
    "journal/2027/2027-01-13-i.md": entry(goals=["checkins"], metrics={"check_ins": 3}),
    **{f"journal/2027/2027-01-{day}-daily.md": entry(goals=["daily"]) for day in (15, 16, 17, 18)},
    "journal/2027/2027-01-19-daily.md": entry(goals=["daily", "checkins"], metrics={"check_ins": 1}),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The journal, built as of 20 Jan 2027 (a Wednesday) with weeks from Monday."""
    return build_journal(tmp_path_factory.mktemp("cards") / "project", JOURNAL)


def site_cards(root: Path) -> dict[str, Card]:
    """The cards of a built project, made again in this process from its mkdocs.yml as a build makes them."""
    resolved = load_project(str(root / "mkdocs.yml")).resolved()
    settings = resolved.settings
    site = build_site(read_journal(settings.folders), settings)
    return cards(site, footer_text(settings.site_url), resolved.colors)


def alt(built: Built, page: str) -> str:
    """A page's og:image:alt."""
    (found,) = built.page(page).xpath("//meta[@property='og:image:alt']/@content")
    return str(found)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # 10 + 17 = 27; the pace line is at 150 * 20 / 365 = 8.2 on 20 Jan: 18.8 ahead, shown whole
        (
            "goals/help/",
            "Card: Help others (On track). 27 people helped. 19 ahead of pace. "
            "A road: 27 so far against the pace line to 150 by 31 Dec 2027.",
        ),
        # weeks from Mon 28 Dec: 3, 4 and 3 check-ins (all met), then 1 in the running week: 11 in all
        (
            "goals/checkins/",
            "Card: Check in with friends (On track). 11 personal check-ins. 3-week streak. "
            "The last 4 weeks: 3 met.",
        ),
        # 41 of 41 + 9 shares are others': 82%
        (
            "goals/share/",
            "Card: Share others' work (On track). 82% others' posts among my shares. "
            "At or above the 75% target. A gauge: 82% against the target of 75%.",
        ),
        # 15 to 19 Jan met, 20 Jan (today) still running: a streak of 5
        (
            "goals/daily/",
            "Card: Small daily actions (On track). 5 days with a small action. 5-day streak. "
            "The last 6 days: 5 met.",
        ),
        # 2.5 + 1.25 hours: a metric with fractions keeps them; under the pace line (5.5): no pill
        (
            "goals/practice/",
            "Card: Practise the wheel. 3.75 hours practised. On the way: 3.75 of 100. "
            "A road: 3.75 so far against the pace line to 100 by 31 Dec 2027.",
        ),
        (
            "goals/letters/",
            "Card: Write letters. 2 letters written. On the way: 2 of 3,650. "
            "A road: 2 so far against the pace line to 3,650 by 31 Dec 2027.",
        ),
        # 14 entries on 14 days, all of them in the squares since Mon 12 Oct 2026 (15 weeks to 20 Jan)
        (
            "",
            "Card: Test Journal. 2 people helped. 14 journal entries, 6 goals in progress. "
            "Activity since 12 Oct 2026: 14 days with entries.",
        ),
        (
            "helped/2026/W53/",
            "Card: How I helped · 28 Dec 2026 – 3 Jan 2027 (Week 53 of 2026). 2 people helped. "
            "Answers: 1. Compliments: 1.",
        ),
        (
            "review/2027/",
            "Card: 2027 in review. 2 people helped in 2027. 14 journal entries. "
            "Check in with friends: 3 of 3 weeks met. Small daily actions: 5 of 5 days met. "
            "Help others: 27 of 150. Write letters: 2 of 3,650. Practise the wheel: 3.75 of 100. "
            "Share others' work: 82% (target 75%).",
        ),
    ],
)
def test_cards_say_their_numbers_in_words(built: Built, page: str, expected: str) -> None:
    assert alt(built, page) == expected


def test_what_is_drawn_is_what_was_published(built: Built) -> None:
    made = site_cards(built.site.parent)
    published = {p.relative_to(built.site).as_posix(): p.read_bytes() for p in built.site.rglob("card.png")}
    assert sorted(made) == sorted(published)
    for uri, card in made.items():
        assert card_png(card) == published[uri], uri  # the same input gives the same bytes


def test_cards_draw_every_word_they_describe(built: Built) -> None:
    made = site_cards(built.site.parent)
    lines = card_lines(made["goals/help/card.png"])
    assert lines == (
        "On track",
        "Test Journal",
        "Help others",
        "27",
        "people helped",
        "19 ahead of pace",
        "target 150",
        "1 Jan 2027",
        "31 Dec 2027",
        "example.org/journal",
    )
    for uri, card in made.items():  # what the description says is on the card
        lines = card_lines(card)
        drawn = " ".join(lines)
        hero = (card.hero.number, card.hero.unit) if card.hero else ()
        for part in (card.title, card.cheer, *hero):
            assert part in drawn, (uri, part)
        for bar in card.rows:
            assert bar.label in lines and bar.value in lines, (uri, bar)
    review = card_lines(made["review/2027/card.png"])
    assert [line for line in review if line in {b.label for b in made["review/2027/card.png"].rows}] == [
        "Check in with friends",
        "Small daily actions",
        "Help others",
        "Write letters",
        "Practise the wheel",
        "Share others' work",
    ]  # all six goals


def test_cards_never_say_behind_nor_a_double_slash(built: Built) -> None:
    made = site_cards(built.site.parent)
    for uri, card in made.items():
        words = [*card_lines(card)[:-1], card_alt(card)]  # the footer is the site's address
        assert not any("behind" in w.lower() for w in words), uri
        assert not any(re.search(r"\d\s*/\s*\d", w) for w in words), uri
        assert not any(w.endswith("…") for w in words), uri


def test_long_titles_wrap_and_shrink_and_are_cut_only_after_a_word(site_root: Path) -> None:
    long_title = "Build stronger connections with friends and past clients"
    endless = " ".join(["Answer every question anyone asks about glazes"] * 6)
    files = {
        "goals/long.md": goal(long_title, metrics={"n": {"label": "Connections reviewed", "target": 400}}),
        "goals/endless.md": goal(endless),
    }
    built = build_journal(site_root, files)
    made = site_cards(built.site.parent)
    long_lines = card_lines(made["goals/long/card.png"])
    assert " ".join(long_lines[1:3]) == long_title  # two lines, every word
    title = [line for line in card_lines(made["goals/endless/card.png"]) if line not in ("Test Journal",)]
    assert len(title) >= 3 and title[2].endswith("…")  # the last resort: three lines, then "…"
    shown = " ".join(title[:3]).removesuffix("…").split()
    assert shown == endless.split()[: len(shown)]  # cut after a whole word


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's example journal (four goals, the longest titles), as of 22 Nov 2026."""
    root = tmp_path_factory.mktemp("example")
    for name in ("goals", "journal", "docs"):
        shutil.copytree(ROOT / name, root / name)
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(
        text.replace("week_start: monday", "week_start: monday\n      today: 2026-11-22")
    )
    return run_build(root / "mkdocs.yml", root / "site")


def test_the_example_cards_show_everything_uncut(example: Built) -> None:
    made = site_cards(example.site.parent)
    titles = [card.title for uri, card in made.items() if uri.startswith("goals/")]
    assert len(titles) == 4
    for uri, card in made.items():
        lines = card_lines(card)
        assert not any(line.endswith("…") for line in lines), (uri, lines)
        assert card.title in " ".join(lines), uri
    review = made["review/2026/card.png"]
    assert sorted(bar.label for bar in review.rows) == sorted(titles)  # all four goals
    drawn = card_lines(review)
    assert all(title in drawn for title in titles)  # each goal on a line of its own, whole


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    first = build_journal(tmp_path / "one", JOURNAL)
    second = build_journal(tmp_path / "two", JOURNAL)
    cards_of = [
        {p.relative_to(b.site).as_posix(): p.read_bytes() for p in b.site.rglob("card.png")}
        for b in (first, second)
    ]
    assert cards_of[0] == cards_of[1] and len(cards_of[0]) == 10


def test_a_new_palette_draws_every_card_again(site_root: Path) -> None:
    cache = site_root / ".cache/goals-journal/cards"
    teal = {"theme": {"name": "material", "palette": {"primary": "teal"}}}
    indigo = {"theme": {"name": "material", "palette": {"primary": "indigo"}}}
    first = build_journal(site_root, JOURNAL, config=teal)
    before = {p.relative_to(first.site).as_posix(): p.read_bytes() for p in first.site.rglob("card.png")}
    kept = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    again = build_journal(site_root, {}, config=indigo)
    after = {p.relative_to(again.site).as_posix(): p.read_bytes() for p in again.site.rglob("card.png")}
    assert sorted(after) == sorted(before) and all(after[uri] != before[uri] for uri in before)
    assert len(list(cache.iterdir())) == 2 * len(kept)  # every card drawn again, under a new name
    back = build_journal(site_root, {}, config=teal)
    assert {
        p.relative_to(back.site).as_posix(): p.read_bytes() for p in back.site.rglob("card.png")
    } == before
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir() if p.name in kept} == kept  # from the cache
