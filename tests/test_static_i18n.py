"""The journal under mkdocs-static-i18n, in English (the default, at the root) and German (at /de/),
with both of its layouts: docs/index.md beside docs/index.de.md (suffix) and docs/en/, docs/de/
(folder). Every page kind in both languages with the language's words, feeds per language, the
language-neutral files once at the root, each problem reported once, nothing private anywhere."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import feedparser
import pytest
import yaml
from conftest import ROOT, TODAY, Built, build_journal, entry, goal, run_build, texts
from goals_journal.config.languages import LanguageBuild, choose_language
from test_privacy import CANARIES, MARKERS, every_byte

SITE = "https://example.org/journal/"
PNG = b"\x89PNG\r\n\x1a\n kiln"
JOURNAL: dict[str, str | bytes] = {
    # 3 helped by 20 Jan of 20 by 31 Dec: ahead of the pace (about 1), so on track
    "goals/help.md": goal(
        "Help others",
        "2027-01-01",
        due="2027-12-31",
        metrics={"helped": {"label": "People helped", "target": 20, "count": "helped"}},
    ),
    "journal/2027/2027-01-05-first.md": entry(
        "Answered questions all morning. ![The kiln](kiln.png)",
        goals=["help"],
        helped=[
            {"who": "@sam", "how": "Answered a glaze question", "kind": "answer"},
            {"who": "@ann", "how": "Shared a checklist", "kind": "resource"},
        ],
    ),
    "journal/2027/kiln.png": PNG,
    "journal/2027/2027-01-12-second.md": entry(
        "Second week.", title="Second week", goals=["help"], helped=[{"how": "Complimented a mug"}]
    ),
    "journal/2027/2027-01-14-auf-deutsch.md": entry(
        "Ein Eintrag auf Deutsch.", title="Auf Deutsch", lang="de", goals=["help"]
    ),
}
DOCS = {  # an intro for the home page and an about page, in each language, in each layout
    "suffix": {
        "docs/index.md": "Welcome to the journal.\n",
        "docs/index.de.md": "Willkommen im Journal.\n",
        "docs/about.md": "# About\n\nWho writes.\n",
        "docs/about.de.md": "# Über\n\nWer schreibt.\n",
    },
    "folder": {
        "docs/en/index.md": "Welcome to the journal.\n",
        "docs/de/index.md": "Willkommen im Journal.\n",
        "docs/en/about.md": "# About\n\nWho writes.\n",
        "docs/de/about.md": "# Über\n\nWer schreibt.\n",
    },
}
ENTRY = "journal/2027/01/05/first/"
# Each page kind: its address, and its title in English and in German (the de catalog's words,
# dates as CLDR writes them in German).
PAGES = {
    "home": ("", "Home", "Start"),
    "goals": ("goals/", "Goals", "Ziele"),
    "goal": ("goals/help/", "Help others", "Help others"),
    "now": ("now/", "Now", "Jetzt"),
    "journal": ("journal/", "Journal", "Journal"),
    "year": ("journal/2027/", "Journal 2027", "Journal 2027"),
    "entry": (ENTRY, "Tuesday 5 January 2027", "Dienstag, 5. Januar 2027"),
    "helped": ("helped/", "How I helped", "Wie ich geholfen habe"),
    "week": ("helped/2027/W01/", "4–10 Jan 2027 · How I helped", "4.–10. Jan. 2027 · Wie ich geholfen habe"),
    "month": ("helped/2027/01/", "January 2027 · How I helped", "Januar 2027 · Wie ich geholfen habe"),
    "review": ("review/2027/", "2027 in review", "Jahresrückblick 2027"),
    "share": ("share/mastodon/", "Share on Mastodon", "Auf Mastodon teilen"),
}
OPEN_DATA = ("goals.json", "goals/help/data.json", "goals/help/data.csv")


def i18n(structure: str) -> dict[str, Any]:
    """static-i18n with English (the default) and German, in a docs layout."""
    languages = [{"locale": "en", "default": True, "name": "English"}, {"locale": "de", "name": "Deutsch"}]
    return {"i18n": {"docs_structure": structure, "languages": languages}}


def build_in_two(
    root: Path, files: dict[str, str | bytes], structure: str = "suffix", **kwargs: Any
) -> Built:
    """A journal built in English and German by static-i18n."""
    plugins = ["search", {"goals-journal": {"today": TODAY}}, i18n(structure)]
    return build_journal(root, files, config={"plugins": plugins}, **kwargs)


@pytest.fixture(scope="module", params=["suffix", "folder"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small journal in both languages, in one layout and then the other."""
    root = tmp_path_factory.mktemp(request.param) / "project"
    return build_in_two(root, {**JOURNAL, **DOCS[request.param]}, request.param, strict=True)


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The same journal built without static-i18n."""
    return build_journal(tmp_path_factory.mktemp("alone") / "project", JOURNAL, strict=True)


def title(tree: Any) -> str:
    """A page's own title: its first heading (Material's page title adds the site's name)."""
    return texts(tree, "//article//h1")[0]


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_every_page_kind_is_built_in_both_languages_in_their_words(built: Built, kind: str) -> None:
    address, english, german = PAGES[kind]
    page, seite = built.page(address), built.page("de/" + address)
    assert page.xpath("string(/html/@lang)") == "en" and seite.xpath("string(/html/@lang)") == "de"
    if kind == "home":  # its title is the intro's; the page is named in the <title>
        assert page.xpath("string(//title)") == "Home - Test Journal"
        assert seite.xpath("string(//title)") == "Start - Test Journal"
        assert "Willkommen im Journal." in seite.text_content()
        assert "Welcome to the journal." in page.text_content()
    else:
        assert (title(page), title(seite)) == (english, german)


def test_the_goal_page_says_where_it_stands_in_each_language(built: Built) -> None:
    assert texts(built.page("goals/help/"), "//span[contains(@class,'gj-status--on-track')]")[0] == "on track"
    assert (
        texts(built.page("de/goals/help/"), "//span[contains(@class,'gj-status--on-track')]")[0] == "auf Kurs"
    )
    assert "Fortschritt" in texts(built.page("de/goals/help/"), "//h2")


def test_the_pages_for_a_missing_address_are_one_per_language(built: Built) -> None:
    english = built.page("404.html")
    german = built.page("de/404.html")
    assert texts(english, "//article//h1") == ["Page not found"]
    assert texts(german, "//article//h1") == ["Seite nicht gefunden"]
    assert german.xpath("//article//a[.='Ziele']/@href") == ["/journal/de/goals/"]
    assert english.xpath("//article//a[.='Goals']/@href") == ["/journal/goals/"]


def test_the_menu_holds_the_journal_in_each_language(built: Built, alone: Built) -> None:
    menu = "//nav[contains(@class,'md-nav--primary')]/ul/li/*[contains(@class,'md-nav__link')][1]"
    assert texts(alone.page(""), menu) == ["Home", "Goals", "Now", "How I helped", "Journal"]  # no docs
    assert texts(built.page(""), menu)[:3] == ["Home", "About", "Goals"]
    assert texts(built.page(""), menu)[3:] == ["Now", "How I helped", "Journal"]
    assert texts(built.page("de/"), menu) == [
        "Start",
        "Über",
        "Ziele",
        "Jetzt",
        "Wie ich geholfen habe",
        "Journal",
    ]
    logo = built.page("de/goals/help/").xpath("//a[contains(@class,'md-logo')]/@href")[0]
    assert urljoin(SITE + "de/goals/help/", logo) == SITE + "de/"  # the German home


def test_the_language_switcher_stays_on_the_same_page(built: Built) -> None:
    for address in ("goals/help/", ENTRY, "helped/2027/W01/", "now/"):
        english, german = SITE + address, SITE + "de/" + address
        for here, tree in ((english, built.page(address)), (german, built.page("de/" + address))):
            links = {a.get("hreflang"): urljoin(here, a.get("href")) for a in tree.xpath("//a[@hreflang]")}
            assert links == {"en": english, "de": german}


def test_feeds_are_written_per_language_with_their_titles_and_addresses(built: Built) -> None:
    for path in ("feed.xml", "atom.xml", "helped/feed.xml", "goals/help/feed.xml"):
        english = feedparser.parse((built.site / path).read_bytes())
        german = feedparser.parse((built.site / "de" / path).read_bytes())
        assert english.bozo == 0 and german.bozo == 0
        # item ids are the items' addresses: each language's own, the same items in the same order
        ids = [item.id for item in english.entries]
        assert [item.id for item in german.entries] == [i.replace(SITE, SITE + "de/") for i in ids]
        assert ids and all(i.startswith(SITE) and not i.startswith(SITE + "de/") for i in ids)
    helped, geholfen = (
        feedparser.parse((built.site / f).read_bytes()) for f in ("helped/feed.xml", "de/helped/feed.xml")
    )
    assert (helped.feed.title, geholfen.feed.title) == (
        "How I helped · Test Journal",
        "Wie ich geholfen habe · Test Journal",
    )
    assert [e.title for e in geholfen.entries] == [
        "11.–17. Jan. 2027 · Wie ich geholfen habe",
        "4.–10. Jan. 2027 · Wie ich geholfen habe",
    ]
    assert (helped.feed.language, geholfen.feed.language) == ("en", "de")
    site = feedparser.parse((built.site / "de/feed.xml").read_bytes())
    assert site.feed.link == SITE + "de/"
    assert {link.href for link in site.feed.links if link.rel == "self"} == {SITE + "de/feed.xml"}
    head = built.page("de/goals/help/").xpath("//link[@type='application/rss+xml']/@href")
    assert head == [SITE + "de/feed.xml", SITE + "de/goals/help/feed.xml"]


def test_open_data_is_written_once_at_the_root_as_without_static_i18n(built: Built, alone: Built) -> None:
    for path in OPEN_DATA:
        assert (built.site / path).read_bytes() == (alone.site / path).read_bytes()
        assert not (built.site / "de" / path).exists()
    links = built.page("de/goals/help/").xpath("//p[contains(@class,'gj-download')]/a/@href")
    assert [urljoin(SITE + "de/goals/help/", href) for href in links] == [
        SITE + "goals/help/data.json",
        SITE + "goals/help/data.csv",
        SITE + "goals.json",
    ]


def test_files_beside_entries_and_the_stylesheet_are_written_once(built: Built) -> None:
    assert (built.site / "journal/2027/kiln.png").read_bytes() == PNG
    assert not (built.site / "de/journal/2027/kiln.png").exists()
    assert not (built.site / "de/assets/goals-journal.css").exists()
    seite = built.page("de/" + ENTRY)
    here = SITE + "de/" + ENTRY
    assert [urljoin(here, src) for src in seite.xpath("//article//img/@src")] == [
        SITE + "journal/2027/kiln.png"
    ]
    css = [urljoin(here, href) for href in seite.xpath("//link[@rel='stylesheet']/@href")]
    assert SITE + "assets/goals-journal.css" in css


def test_cards_and_badges_are_each_languages_own(built: Built) -> None:
    for path in (
        "goals/help/badge.svg",
        "goals/help/card.png",
        "assets/card.png",
        "helped/2027/W01/card.png",
    ):
        assert (built.site / path).is_file() and (built.site / "de" / path).is_file()
    assert (built.site / "goals/help/card.png").read_bytes() != (
        built.site / "de/goals/help/card.png"
    ).read_bytes()
    assert "auf Kurs" in (built.site / "de/goals/help/badge.svg").read_text("utf-8")
    assert "on track" in (built.site / "goals/help/badge.svg").read_text("utf-8")
    seite = built.page("de/goals/help/")
    assert seite.xpath("//meta[@property='og:image']/@content") == [SITE + "de/goals/help/card.png"]
    assert seite.xpath("//meta[@property='og:url']/@content") == [SITE + "de/goals/help/"]


def test_an_entry_in_another_language_is_in_every_build_marked_with_its_language(built: Built) -> None:
    for prefix in ("", "de/"):
        page = built.page(prefix + "journal/2027/01/14/auf-deutsch/")
        assert texts(page, "//div[@lang='de']//p") == ["Ein Eintrag auf Deutsch."]


def test_the_sitemap_lists_both_languages_without_the_share_page(built: Built) -> None:
    sitemap = (built.site / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE}goals/help/</loc>" in sitemap and f"<loc>{SITE}de/goals/help/</loc>" in sitemap
    assert f'hreflang="de" href="{SITE}de/goals/help/"' in sitemap
    assert "share/mastodon" not in sitemap


def test_a_problem_is_reported_once_and_strict_builds_stop_on_it(site_root: Path) -> None:
    early = {"journal/2026/2026-12-30-early.md": entry("Early.", goals=["help"], helped=[{"how": "x"}])}
    built = build_in_two(site_root, {**JOURNAL, **early}, expect_problems=True)
    assert not built.failure
    assert built.warnings == [
        # line 3: the goal id under goals:
        "journal/2026/2026-12-30-early.md:3: this entry (2026-12-30) is dated before goal 'help' started "
        "(2027-01-01), so it does not count for it: fix the date, or the goal's 'started'"
    ]
    shutil.rmtree(built.site)
    strict = run_build(site_root / "mkdocs.yml", built.site, strict=True, expect_problems=True)
    assert "Aborted" in strict.failure and len(strict.warnings) == 1
    assert not any(built.site.rglob("*.html"))  # nothing was written, in no language


def test_a_broken_entry_stops_the_build_once_with_its_file_and_line(site_root: Path) -> None:
    broken = {"journal/2027/2027-01-06-broken.md": entry("Oops.", goals=["nope"])}
    built = build_in_two(site_root, {**JOURNAL, **broken}, expect_problems=True)
    assert built.failure
    problem = (
        "journal/2027/2027-01-06-broken.md:3: unknown goal 'nope': goals are the file names in goals/ (help)"
    )
    assert built.errors[0] == problem
    assert len(built.errors) == 2 and built.errors[1].count(problem) == 1  # then the summary, listing it
    assert not built.site.exists() or not any(built.site.rglob("*.html"))


def test_a_problem_in_another_languages_build_stops_a_strict_build_cleanly(site_root: Path) -> None:
    docs = {**DOCS["suffix"], "docs/about.de.md": "# Über\n\n[Verloren](nirgends.md)\n"}
    built = build_in_two(site_root, {**JOURNAL, **docs}, strict=True, expect_problems=True)
    assert built.failure == "Aborted with 1 warnings in strict mode!"  # the German build's, not a traceback
    assert len(built.warnings) == 1 and "nirgends.md" in built.warnings[0]
    assert (built.site / "goals/help/index.html").is_file()  # English was built before German


def test_nothing_private_reaches_any_language(site_root: Path) -> None:
    built = build_in_two(site_root, CANARIES, expect_problems=True)
    assert not built.failure and len(built.warnings) == 1  # the removed link, said once
    files = every_byte(built.site)
    assert "de/feed.xml" in files and "de/search/search_index.json" not in files  # one index for both
    assert "search/search_index.json" in files and "de/journal/2027/01/03/public/index.html" in files
    leaks = [(name, marker) for name, data in files.items() for marker in MARKERS if marker.encode() in data]
    assert leaks == []


def test_two_builds_of_the_same_day_are_the_same_bytes(tmp_path: Path) -> None:
    first = build_in_two(tmp_path / "one", {**JOURNAL, **DOCS["folder"]}, "folder")
    second = build_in_two(tmp_path / "two", {**JOURNAL, **DOCS["folder"]}, "folder")
    assert every_byte(first.site) == every_byte(second.site)


def test_the_language_option_gives_way_to_the_builds_languages() -> None:
    build = LanguageBuild("pt-BR", "en", ("en", "pt-BR"))
    chosen = choose_language("de", None, "en", build, None)
    assert (chosen.code, chosen.feed_tag) == ("pt_BR", "pt-BR")
    assert [p.severity for p in chosen.problems][:1] == ["note"]
    assert "language 'de' is not used" in chosen.problems[0].message
    # weeks start on the default language's first day: English counts from Monday, Brazil from Sunday
    assert chosen.week_start == 0
    assert choose_language("pt-BR", None, "en", None, None).week_start == 6


def test_the_example_journal_builds_strictly_in_two_languages(tmp_path: Path) -> None:
    for name in ("goals", "journal", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config["plugins"].append(i18n("suffix"))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    built = run_build(tmp_path / "mkdocs.yml", tmp_path / "site", strict=True)
    english, german = built.page("goals/help-others/"), built.page("de/goals/help-others/")
    assert english.xpath("string(/html/@lang)") == "en" and german.xpath("string(/html/@lang)") == "de"
    assert texts(german, "//span[contains(@class,'gj-status--on-track')]")[0] == "auf Kurs"
    english_pages = {p for p in built.pages() if not p.startswith("de/")}
    assert {p.removeprefix("de/") for p in built.pages() if p.startswith("de/")} == english_pages
