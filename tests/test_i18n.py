"""The journal in the author's language (issue 19): complete catalogs, no English left on a German
site, dates and numbers in the locale's forms, the same open data in every language, feeds that stay
machine-readable, right-to-left pages that do not break, and entries in a language of their own."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from conftest import ROOT, Built, build_journal, entry, goal, run_build, texts
from goals_journal.pages import words
from goals_journal.pages.words import language
from lxml import etree
from lxml import html as lxml_html

sys.path.insert(0, str(ROOT / "tools"))
import i18n

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
TAG = re.compile(r"</?\w+[^>]*>")
EXAMPLE = ("mkdocs.yml", "goals", "journal", "docs")
NBSP = "\u00a0"


def catalog(path: Path) -> Any:
    """A .po or .pot file, read by Babel."""
    with path.open("rb") as po:
        return read_po(po, locale=path.parent.parent.name if path.suffix == ".po" else None)


def key(message: Any) -> tuple[str | None, str]:
    """A message's context and (singular) id."""
    return message.context, message.id[0] if isinstance(message.id, tuple) else message.id


def ids(message: Any) -> tuple[str, ...]:
    """A message's id, or its singular and plural ids."""
    return tuple(message.id) if isinstance(message.id, tuple) else (message.id,)


def example_in(code: str, root: Path) -> Path:
    """A copy of the example journal whose theme speaks `code` (its mkdocs.yml, goals, journal, docs)."""
    for name in EXAMPLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            text = source.read_text("utf-8").replace(
                "  name: material\n", f"  name: material\n  language: {code}\n"
            )
            (root / name).write_text(text, "utf-8")
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example journal, as it is (English)."""
    return run_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("en") / "site", strict=True)


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example journal with theme.language: de."""
    root = tmp_path_factory.mktemp("de")
    return run_build(example_in("de", root), root / "site", strict=True)


# The catalogs --------------------------------------------------------------------------------------


def test_the_template_holds_every_message_of_the_code_and_templates() -> None:
    """A message added to the code or a template and not extracted into the .pot is found here."""
    extracted = {key(m) for m in i18n.extracted() if m.id}
    template = {key(m) for m in catalog(i18n.TEMPLATE) if m.id}
    assert extracted - template == set(), "run: python tools/i18n.py extract"
    assert template - extracted == set(), "run: python tools/i18n.py extract"
    assert len(template) > 300


TEMPLATES = ROOT / "plugins/goals_journal/pages/templates"
NAMES = {
    "data",
    "json",
    "csv",
    "goals",
    "journal",
    "first",
    "week",
    "md",
    "RSS",
    "Atom",
    "JSON Feed",
}  # files, formats


def test_no_template_writes_words_outside_gettext() -> None:
    """What is left of each template without its Jinja (and {% trans %} blocks), markup and scripts is
    names of files and formats: every sentence goes through the catalog."""
    left = {}
    for path in sorted(TEMPLATES.glob("*.html")):
        text = re.sub(
            r"\{#.*?#\}|\{% trans.*?%\}.*?\{% endtrans %\}|<script.*?</script>",
            " ",
            path.read_text("utf-8"),
            flags=re.S,
        )
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]*>", " ", text, flags=re.S)
        words_left = {w.strip() for w in re.findall(r"[A-Za-z][A-Za-z' ]*", text)} - NAMES - {""}
        if words_left:
            left[path.name] = sorted(words_left)
    assert left == {}


@pytest.mark.parametrize("code", [c for c in language.shipped() if c != language.ENGLISH])
def test_every_shipped_catalog_translates_every_message(code: str) -> None:
    translated = catalog(language.catalog_path(code))
    template = {key(m): m for m in catalog(i18n.TEMPLATE) if m.id}
    messages = {key(m): m for m in translated if m.id}
    assert sorted(set(template) - set(messages), key=str) == [], "run: python tools/i18n.py update"
    plurals = get_plural(code)
    assert translated.num_plurals == plurals.num_plurals  # Plural-Forms as CLDR counts them
    problems = []
    for name, message in messages.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {p for text in ids(message) for p in PLACEHOLDER.findall(text)}
        tags = sorted(TAG.findall(ids(message)[0]))
        if message.fuzzy or not all(strings):
            problems.append(f"{name}: untranslated or fuzzy")
        elif isinstance(message.id, tuple) and len(strings) != plurals.num_plurals:
            problems.append(f"{name}: {len(strings)} plural forms, not {plurals.num_plurals}")
        for text in strings:
            found = set(PLACEHOLDER.findall(text))
            if found != wanted and found != wanted - {"count"}:  # a form may write "one" in words
                problems.append(f"{name}: placeholders {sorted(found)}, not {sorted(wanted)}")
            if sorted(TAG.findall(text)) != tags:
                problems.append(f"{name}: markup {TAG.findall(text)}, not {tags}")
    assert problems == []
    assert i18n.compile_all() == 0  # Babel's own checks of every catalog


def test_languages_are_chosen_normalised_and_never_leak() -> None:
    assert language.normalise("pt-BR") == "pt_BR" and language.normalise("de") == "de"
    with pytest.raises(ValueError):
        language.normalise("klingon")
    assert language.catalog_for("de_AT") == "de" and language.catalog_for("it") == "en"
    with language.speaking("de"):
        assert words.short_date(dt.date(2026, 11, 22)) == "22. Nov. 2026"
        with language.speaking("en"):
            assert words.helped_title() == "How I helped"
        assert words.helped_title() == "Wie ich geholfen habe"
    assert words.helped_title() == "How I helped"  # English again outside


# The German example journal ------------------------------------------------------------------------


def generated_files(built: Built) -> list[Path]:
    """Every file the plugin or Material wrote that a reader or a feed reader sees."""
    suffixes = (".html", ".xml", ".json", ".xsl", ".svg")
    return [
        p for p in sorted(built.site.rglob("*")) if p.suffix in suffixes and p.name != "search_index.json"
    ]


def visible_text(path: Path) -> str:
    """What a file says: an HTML page's text and its attributes people hear (alt, title, aria-label,
    the card descriptions); a feed's or badge's text and attributes."""
    data = path.read_bytes()
    if path.suffix == ".html":
        tree = lxml_html.fromstring(data)
        for script in tree.xpath("//script|//style"):
            script.drop_tree()
        said = [" ".join(tree.text_content().split())]
        said += tree.xpath("//@alt|//@title|//@aria-label|//meta/@content")
        return "\n".join(said)
    if path.suffix == ".json":
        return json.dumps(json.loads(data), ensure_ascii=False)
    tree = etree.fromstring(data)
    return "\n".join([*tree.xpath("//text()"), *(str(v) for v in tree.xpath("//@*"))])


def english_phrases(german_catalog: Any) -> set[str]:
    """Every run of two or more English words in a message, between its placeholders and its markup,
    that its German translation does not keep as it is."""
    phrases = set()
    for message in german_catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids(message):
            for piece in re.split(r"%\(\w+\)s|<[^>]+>|[:;·()“”\"→]|, |\. ", text):
                piece = piece.strip(" .,")
                if len(re.findall(r"[A-Za-z']+", piece)) >= 2 and not any(piece in s for s in strings):
                    phrases.add(piece)
    return phrases


def test_no_english_phrase_of_the_catalog_is_left_on_the_german_site(german: Built) -> None:
    """Every string a page, feed, card description, badge or the feeds' page can show is in the
    catalog: no English phrase of it appears on the German site, except where the journal's own
    files say it (the example's goals and entries are written in English)."""
    phrases = english_phrases(catalog(language.catalog_path("de")))
    files = [ROOT / "mkdocs.yml", *(p for name in EXAMPLE[1:] for p in (ROOT / name).rglob("*.md"))]
    sources = " ".join(" ".join(p.read_text("utf-8").split()) for p in files)
    checked = sorted(p for p in phrases if p not in sources)
    assert len(checked) > 250
    left = {}
    for path in generated_files(german):
        if path.name in ("goals.json", "data.json"):
            continue  # open data is the same in every language (its status_text is English)
        text = visible_text(path)
        found = [phrase for phrase in checked if phrase in text]
        if found:
            left[path.relative_to(german.site).as_posix()] = found
    assert left == {}


def test_german_dates_numbers_and_weeks_follow_the_locale(german: Built) -> None:
    page = german.page("goals/help-others/")
    assert texts(page, "//p[@class='gj-asof']") == ["Stand: Sonntag, 22. November 2026."]
    meta = texts(page, "//p[@class='gj-meta']")[0]
    assert "Begonnen am 28. Sept. 2026" in meta and "Fällig am 30. Juni 2027" in meta
    details = texts(page, "//div[@class='gj-metric__detail']")
    # 54 people helped of 150: 54/150 = 36 %; the pace line at 30.4 on 22 Nov: 54 - 30.4 = 23.6, 24 ahead
    assert "36 % von 150 · 24 vor dem Soll" in details[0]
    assert f"36{NBSP}% von 150" in (german.site / "goals/help-others/index.html").read_text("utf-8")
    more = texts(page, "//div[@class='gj-metric__more']")[0]
    assert "Beim bisherigen Tempo (6,8 pro Woche): 2. März 2027." in more  # a decimal comma
    assert "weeks (starting on" not in page.text_content()
    assert "Wochen (beginnend am Montag)" in page.text_content()
    assert texts(page, "//figure[contains(@class,'gj-figure--wide')]//*[local-name()='text']")[:4] == [
        "Mo.",
        "Mi.",
        "Fr.",
        "So.",
    ]
    roundup = german.page("helped/2026/W47/")
    assert texts(roundup, "//h1") == ["16.–22. Nov. 2026 · Wie ich geholfen habe"]
    assert texts(roundup, "//p[@class='gj-meta']") == ["Kalenderwoche 47 im Jahr 2026"]
    assert german.page("").xpath("//html/@lang") == ["de"]


def test_open_data_and_feed_ids_are_the_same_in_every_language(english: Built, german: Built) -> None:
    data = [
        "goals.json",
        *(p.relative_to(english.site).as_posix() for p in english.site.glob("goals/*/data.*")),
    ]
    assert len(data) == 9
    for name in data:
        assert (german.site / name).read_bytes() == (english.site / name).read_bytes(), name
    for feed in ("feed.xml", "goals/help-others/feed.xml", "helped/feed.xml"):
        ids = [etree.parse(str(b.site / feed)).xpath("//guid/text()") for b in (english, german)]
        assert ids[0] == ids[1] and ids[0], feed
        dates = [etree.parse(str(b.site / feed)).xpath("//pubDate/text()") for b in (english, german)]
        assert dates[0] == dates[1]  # RFC 822, in English whatever the language
    for badge in english.site.glob("goals/*/badge.svg"):
        shown = [
            etree.parse(str(b.site / badge.relative_to(english.site))).xpath("//text()")
            for b in (english, german)
        ]
        said = [re.findall(r"\d+", " ".join(text)) for text in shown]
        assert said[0] == said[1], badge.name  # only the words change
    assert etree.parse(str(german.site / "feed.xml")).xpath("//channel/language/text()") == ["de"]
    assert "Wie ich geholfen habe · Clay & Kindness" in etree.parse(
        str(german.site / "helped/feed.xml")
    ).xpath("//channel/title/text()")


def test_the_german_feeds_follow_their_specifications(german: Built) -> None:
    import test_feed_specs as specs

    for check in (
        specs.test_atom_feeds_follow_rfc_4287,
        specs.test_rss_feeds_follow_rss_2_and_the_advisory_board_profile,
        specs.test_json_feeds_are_valid_json_feed_1_1,
        specs.test_feedparser_reads_every_feed,
    ):
        check(german)
    page = (german.site / "feed.xsl").read_text("utf-8")
    assert "Das ist ein Feed." in page and "This is a feed." not in page


def test_goals_status_speaks_the_journals_language(tmp_path: Path) -> None:
    from test_cli import JOURNAL, goals, write_journal

    root = write_journal(tmp_path, JOURNAL, language="de")
    run = goals("status", "--today", "2027-01-20", cwd=root, env={"PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Test Journal: Fortschritt, Stand Mittwoch, 20. Januar 2027"
    assert lines[2] == "Help others (help-others): im Rückstand"
    # the numbers of test_cli's STATUS, worked out there by hand: 10 of 31 (32 %), 10 behind pace
    assert f"  People helped                  ███░░░░░░░  32{NBSP}%  10 / 31" in lines
    assert f"                                 im Rückstand · 32{NBSP}% von 31 · 10 hinter dem Soll" in lines
    assert "                 erreicht · 4 von 6 Tagen erreicht · Serie 1 (beste 2)" in lines


# Choosing the language -----------------------------------------------------------------------------

GOALS = {
    "goals/help.md": goal(
        "Check in", started="2027-01-04", metrics={"calls": {"label": "Calls", "target": 1, "per": "week"}}
    ),
    "journal/2027/2027-01-05-call.md": entry(goals=["help"], metrics={"calls": 1}),
}


def test_the_option_overrides_the_theme_and_the_week_starts_on_the_locales_day(site_root: Path) -> None:
    # pt-BR (Brazilian Portuguese, shipped) wins over the theme's German; its weeks start on Sunday:
    # 20 Jan 2027 is a Wednesday, so the running week began on Sunday 17 Jan.
    built = build_journal(
        site_root,
        GOALS,
        options={"language": "pt-BR"},
        config={"theme": {"name": "material", "language": "de"}},
    )
    assert built.messages == []  # notes are info lines
    page = built.page("goals/help/")
    cells = page.xpath("//*[local-name()='rect']/*[local-name()='title']/text()")
    assert any(cell.startswith("Semana de 17 de jan. de 2027") for cell in cells), cells
    assert "semanas (começando em domingo)" in " ".join(page.text_content().split())


def test_a_language_babel_knows_without_a_catalog_has_its_dates_and_english_words(site_root: Path) -> None:
    # Italian: no catalog (English words, one info line), Italian dates; its weeks start on Monday.
    built = build_journal(site_root, GOALS, options={"language": "it"})
    assert built.messages == []  # notes are info lines
    page = built.page("goals/help/")
    cells = page.xpath("//*[local-name()='rect']/*[local-name()='title']/text()")
    assert any(cell.startswith("Week of 18 gen 2027") for cell in cells), cells


def test_an_unknown_language_is_english_with_one_warning(site_root: Path) -> None:
    built = build_journal(site_root, GOALS, options={"language": "xx-nope"}, expect_problems=True)
    warnings = [w for w in built.warnings if "language" in w]
    assert len(warnings) == 1 and "'xx-nope'" in warnings[0] and "en, de, es, fr, pt-BR" in warnings[0]
    assert texts(built.page("goals/help/"), "//h2[@id='progress']") == ["Progress"]


# Right to left, and entries in a language of their own ---------------------------------------------


def test_an_arabic_journal_is_mirrored_with_charts_running_left_to_right(tmp_path: Path) -> None:
    built = run_build(example_in("ar", tmp_path), tmp_path / "site", strict=True)
    home = built.page("")
    assert home.xpath("//body/@dir") == ["rtl"] and home.xpath("//html/@lang") == ["ar"]  # Material's
    css = (built.site / "assets/goals-journal.css").read_text("utf-8")
    assert '[dir="rtl"] .md-typeset svg.gj-chart { direction: ltr;' in css
    axis = built.page("goals/help-others/").xpath("//*[local-name()='svg'][contains(@class,'gj-cumulative')]")
    assert "أكتوبر" in etree.tostring(axis[0], encoding="unicode")  # Babel's month names
    assert '<xsl:attribute name="dir">rtl</xsl:attribute>' in (built.site / "feed.xsl").read_text("utf-8")


def test_cards_draw_arabic_and_hebrew_with_their_fonts_shaped() -> None:
    from goals_journal.outputs import fonts
    from PIL import Image, ImageDraw, features

    assert [name for name, _ in fonts.runs("سلام")] == ["NotoSansArabic[wght].ttf"]
    assert [name for name, _ in fonts.runs("שלום")] == ["NotoSansHebrew[wght].ttf"]
    assert features.check("raqm")  # Pillow shapes and orders right-to-left text with libraqm

    def drawn(pieces: list[str]) -> bytes:
        image = Image.new("L", (300, 80), 0)
        draw, x = ImageDraw.Draw(image), 10.0
        for piece in pieces:
            x += fonts.draw_text(draw, (x, 60), piece, 40, "white")
        return image.tobytes()

    joined, apart = drawn(["سلام"]), drawn(list("سلام"))
    assert any(joined) and joined != apart  # letters join, as Arabic is written, not drawn one by one


def test_an_entry_in_another_language_says_so_in_its_page_and_feeds(site_root: Path) -> None:
    files = {
        **GOALS,
        "journal/2027/2027-01-06-gruss.md": entry(
            "Ein Anruf bei Oma.", goals=["help"], lang="de", title="Gruß"
        ),
    }
    built = build_journal(site_root, files)
    page = built.page("journal/2027/01/06/gruss/")
    assert page.xpath("//div[contains(@class,'e-content')]/@lang") == ["de"]
    atom = etree.parse(str(built.site / "atom.xml"))
    langs = atom.xpath("//a:entry/@xml:lang", namespaces={"a": "http://www.w3.org/2005/Atom"})
    assert langs == ["de"]
    items = json.loads((built.site / "feed.json").read_text("utf-8"))["items"]
    assert [item.get("language") for item in items] == ["de", None]


def test_a_language_tag_that_is_not_one_is_an_error_at_its_line(site_root: Path) -> None:
    files = {**GOALS, "journal/2027/2027-01-06-x.md": "---\ngoals: [help]\nlang: German\n---\n\nHallo.\n"}
    built = build_journal(site_root, files, expect_problems=True)
    assert built.failure
    assert any(
        m.startswith("journal/2027/2027-01-06-x.md:3: 'lang' is 'German', not a language tag")
        for m in built.errors
    )


def test_the_catalog_tool_starts_a_language_from_the_template(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    monkeypatch.setattr(i18n, "ROOT", tmp_path)
    assert i18n.init("pl") == 0
    started = catalog(tmp_path / "pl" / "LC_MESSAGES" / "goals_journal.po")
    assert started.num_plurals == 3  # Polish: one, few, many
    assert len([m for m in started if m.id]) == len([m for m in catalog(i18n.TEMPLATE) if m.id])


# French, Spanish and Brazilian Portuguese: the same checks as the German site's, in each language -----

# What the goal page of help-others says, in each language, as of Sunday 22 November 2026:
# 54 of 150 people helped is 36 %, the rate so far 54 / 56 days * 7 = 6.75, shown 6,8 a week.
# The percent sign follows the locale (CLDR, as this Babel has it): a no-break space before it in
# French and Spanish, none in Brazilian Portuguese; the decimal separator is a comma in all three.
LOCALE_FORMS = {
    "fr": {"percent": f"36{NBSP}%", "decimal": "6,8", "html_lang": "fr", "day": "22 novembre 2026"},
    "es": {"percent": f"36{NBSP}%", "decimal": "6,8", "html_lang": "es", "day": "22 de noviembre de 2026"},
    "pt_BR": {"percent": "36%", "decimal": "6,8", "html_lang": "pt", "day": "22 de novembro de 2026"},
}


@pytest.fixture(scope="module", params=sorted(LOCALE_FORMS))
def translated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Built]:
    """The example journal built in French, Spanish and Brazilian Portuguese, one at a time."""
    code = request.param
    root = tmp_path_factory.mktemp(code)
    return code, run_build(example_in(code.replace("_", "-"), root), root / "site", strict=True)


def test_no_english_phrase_of_the_catalog_is_left_in_any_shipped_language(
    translated: tuple[str, Built],
) -> None:
    code, built = translated
    phrases = english_phrases(catalog(language.catalog_path(code)))
    files = [ROOT / "mkdocs.yml", *(p for name in EXAMPLE[1:] for p in (ROOT / name).rglob("*.md"))]
    sources = " ".join(" ".join(p.read_text("utf-8").split()) for p in files)
    checked = sorted(p for p in phrases if p.lower() not in sources.lower())  # the author's words stay
    assert len(checked) > 200
    left = {}
    for path in generated_files(built):
        if path.name in ("goals.json", "data.json"):
            continue
        found = [phrase for phrase in checked if phrase in visible_text(path)]
        if found:
            left[path.relative_to(built.site).as_posix()] = found
    assert left == {}


def test_dates_and_numbers_follow_each_locale(translated: tuple[str, Built]) -> None:
    code, built = translated
    forms = LOCALE_FORMS[code]
    raw = (built.site / "goals/help-others/index.html").read_text("utf-8")
    assert f">{forms['percent']}" in raw or f"{forms['percent']} " in raw
    page = built.page("goals/help-others/")
    text = " ".join(page.text_content().split())
    assert forms["day"] in text  # the "as of" day, in the locale's long form
    assert f"({forms['decimal']} " in text  # the rate so far, with the locale's decimal comma
    assert built.page("").xpath("//html/@lang") == [forms["html_lang"]]  # Material's (pt for pt-BR)


def test_open_data_feeds_and_badge_numbers_do_not_change_with_the_language(
    english: Built, translated: tuple[str, Built]
) -> None:
    code, built = translated
    data = [
        "goals.json",
        *(p.relative_to(english.site).as_posix() for p in english.site.glob("goals/*/data.*")),
    ]
    for name in data:
        assert (built.site / name).read_bytes() == (english.site / name).read_bytes(), f"{code}: {name}"
    for feed in ("feed.xml", "goals/help-others/feed.xml", "helped/feed.xml"):
        ids = [etree.parse(str(b.site / feed)).xpath("//guid/text()") for b in (english, built)]
        assert ids[0] == ids[1] and ids[0], feed
    import test_feed_specs as specs

    for check in (
        specs.test_atom_feeds_follow_rfc_4287,
        specs.test_rss_feeds_follow_rss_2_and_the_advisory_board_profile,
        specs.test_json_feeds_are_valid_json_feed_1_1,
        specs.test_feedparser_reads_every_feed,
    ):
        check(built)
