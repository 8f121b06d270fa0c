"""The Zensical host: hostile input, private material, the author's own settings and templates, what
Zensical cannot do yet, serving, and the parts (menu, config, links, search marks) worked out by hand."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import GOALS, build_journal, engine_build, entry, goal, goals_env, write_files
from goals_journal.cli.main import main
from goals_journal.hosts.zensical.configfile import (
    Tagged,
    ZensicalSettings,
    config_text,
    read_config,
    zensical_config,
)
from goals_journal.hosts.zensical.fragments import embed, placed, relative_to_file
from goals_journal.hosts.zensical.nav import menu
from goals_journal.hosts.zensical.search import excluded, unsearched
from goals_journal.pages.render import Fragments
from test_build_command import leftovers, snapshot
from test_cli import actionlint_command
from test_engines import page_parts
from test_privacy import CANARIES, HOSTILE, HOSTILE_TITLE, every_byte, leaks, raw_markup
from test_serve import free_port, wait_for
from test_site import JOURNAL

GOAL = goal("Help others", "2027-01-01", metrics={"reach_out": {"target": 5, "per": "week"}})
BAD = {  # three files, three kinds of mistake, and markup where text belongs
    "goals/help.md": GOAL,
    "goals/broken.md": "---\ntitle: [\n---\n",
    "journal/2027-01-03-a.md": "---\ngoals: [helps]\ntitle: <script>alert(1)</script>\n---\n",
    "journal/2027-01-04-b.md": "---\ngoals: [help]\nmetrics: {reach_out: -2}\n---\n<img src=x onerror=alert(2)>\n",
}


def test_hostile_input_gets_the_same_messages_from_every_engine(tmp_path: Path) -> None:
    results = {}
    for engine in ("mkdocs", "properdocs", "zensical"):
        root = tmp_path / engine
        write_files(root, {"site/keep.txt": "from the last good build"})
        results[engine] = build_journal(root, BAD, engine=engine, expect_problems=True)
        assert snapshot(root / "site") == {"keep.txt": b"from the last good build"}  # nothing written
        assert leftovers(root) == []
    expected = results["mkdocs"].errors
    assert [m.split(":")[0] for m in expected[:3]] == [
        "goals/broken.md",
        "journal/2027-01-03-a.md",
        "journal/2027-01-04-b.md",
    ]
    assert "unknown goal 'helps' (did you mean 'help'?)" in expected[1]
    assert expected[-1].startswith("3 errors in the journal; nothing was written. Fix them and build again:")
    for engine in ("properdocs", "zensical"):
        assert results[engine].errors == expected, engine
        assert results[engine].failure.startswith("goals: error: the build failed (")
        assert results[engine].failure.endswith("; site/ was left as it was")


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_private_material_reaches_no_output_and_markup_stays_text(tmp_path: Path, engine: str) -> None:
    private = build_journal(tmp_path / "private", CANARIES, engine=engine, expect_problems=True)
    assert not private.failure and len(private.warnings) == 1  # the link to the private goal, taken out
    assert leaks(private.site) == []
    work = tmp_path / "private/.cache/goals-journal/zensical/build"
    if engine == "zensical":  # nor does the working folder Zensical builds from hold any of it
        assert leaks(work) == [] and (work / "docs/goals/help.md").is_file()
    hostile = build_journal(tmp_path / "hostile", HOSTILE, engine=engine)
    assert raw_markup(hostile.site) == []
    goal_page = hostile.page("goals/evil/")
    assert goal_page.xpath("//h1")[0].text_content() == HOSTILE_TITLE
    assert goal_page.xpath("//title")[0].text_content().startswith(HOSTILE_TITLE)
    assert HOSTILE_TITLE in [a.text_content().strip() for a in goal_page.xpath("//nav//a")]
    assert goal_page.xpath("//meta[@name='description']/@content") == ['<img src=x onerror=alert("why")>']
    assert goal_page.xpath("//meta[@property='og:title']/@content") == [HOSTILE_TITLE]
    entry_page = hostile.page("journal/2027/01/03/evil/")
    assert not [s for s in entry_page.xpath("//script") if "alert" in (s.text or "")]


def test_without_zensical_the_engine_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "zensical", None)  # as if it were not installed
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--engine", "zensical"]) == 1
    assert capsys.readouterr().err == (
        'goals: error: Zensical is not installed: pip install "mkdocs-goals-journal[zensical]"\n'
    )


def test_what_zensical_cannot_do_is_one_warning_that_stops_strict_builds(tmp_path: Path) -> None:
    config = {
        "repo_url": "https://github.com/me/journal",
        "theme": {"name": "material", "features": ["content.action.edit"]},
        "plugins": ["search", {"goals-journal": {"today": "2027-01-20"}}, "git-revision-date-localized"],
        "hooks": ["hooks.py"],
    }
    files = {
        "goals/help.md": GOAL,
        "journal/2027-01-03-a.md": entry(goals=["help"]),
        "hooks.py": "def on_page_markdown(markdown, **kwargs):\n    return markdown\n",
    }
    lenient = build_journal(tmp_path, files, config=config, engine="zensical", expect_problems=True)
    assert not lenient.failure and len(lenient.warnings) == 1
    [warning] = lenient.warnings
    assert warning.startswith("mkdocs.yml:") and "Zensical cannot do this yet" in warning
    assert "'edit this page' on the generated pages" in warning
    assert "git-revision-date-localized in mkdocs.yml will do nothing" in warning
    assert "Zensical runs no MkDocs hooks: hooks.py" in warning
    assert "search" not in warning.split("plugins:")[1]  # Zensical searches itself
    strict = build_journal(
        tmp_path, files, config=config, engine="zensical", strict=True, expect_problems=True
    )
    assert strict.failure and "1 warning in the journal; nothing was written" in strict.errors[-1]
    assert build_journal(tmp_path, files, engine="zensical", strict=True).warnings == []  # none without them


def test_an_intro_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    files = {"goals/help.md": GOAL, "docs/index.md": "# Caf\xe9\n".encode("latin-1")}
    failed = build_journal(tmp_path, files, engine="zensical", expect_problems=True)
    assert failed.errors == [
        "docs/index.md:1: the file is not valid UTF-8 text: re-save it with UTF-8 encoding"
    ]
    assert failed.failure.endswith("no site was written")


def test_the_authors_settings_templates_and_intro_are_kept(tmp_path: Path) -> None:
    files = {
        **JOURNAL,
        "overrides/main.html": '{% extends "base.html" %}\n{% block extrahead %}<meta name="own" content="kept">{% endblock %}\n',
        "docs/index.md": "---\ntitle: Welcome\n---\n# Welcome\n\nMY-INTRO :smile:\n",
        "journal/2027/2027-01-06-icon.md": entry("An icon :material-heart: here.", goals=["help"]),
    }
    (tmp_path / "docs").mkdir()
    write_files(tmp_path, files)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: !ENV [JOURNAL_NAME, 'Env journal']\n"
        "site_url: https://example.org/journal/\n"
        "theme: {name: material, custom_dir: overrides}\n"
        "plugins: [search, {goals-journal: {today: 2027-01-20}}]\n"
        "markdown_extensions:\n"
        "  - attr_list\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
        "utf-8",
    )
    for engine in ("mkdocs", "zensical"):
        engine_build(tmp_path, engine, "-d", f"site-{engine}")
        home = page_parts(tmp_path / f"site-{engine}", "index.html")
        assert home["title"] == "Welcome - Env journal" and "MY-INTRO" in " ".join(home["content"])
        assert ("og:site_name", "Env journal") in home["head"], engine
    zensical = (tmp_path / "site-zensical/index.html").read_text("utf-8")
    assert (
        '<meta name="own" content="kept">' in zensical and 'property="og:title"' in zensical
    )  # theirs and ours
    for engine in ("mkdocs", "zensical"):  # the functions the tags name ran: the icon is inlined
        icon = " ".join(
            page_parts(tmp_path / f"site-{engine}", "journal/2027/01/06/icon/index.html")["content"]
        )
        assert '<span class="twemoji"><svg' in icon and ":material-heart:" not in icon, engine
    written = (tmp_path / ".cache/goals-journal/zensical/build/mkdocs.yml").read_text("utf-8")
    assert "!ENV" in written and "!!python/name:material.extensions.emoji.twemoji" in written


def test_a_failed_zensical_build_keeps_the_site_and_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build_journal(tmp_path, JOURNAL, engine="zensical")
    before = every_byte(first.site)
    write_files(tmp_path, {"journal/2027/2027-01-15-bad.md": entry(goals=["nope"])})
    failed = engine_build(tmp_path, "zensical", expect_problems=True)
    assert failed.failure.endswith("; site/ was left as it was") and every_byte(first.site) == before
    (tmp_path / "journal/2027/2027-01-15-bad.md").unlink()
    shutil.rmtree(tmp_path / ".cache/goals-journal/zensical")  # a cold working folder and Zensical cache
    again = engine_build(tmp_path, "zensical")
    assert every_byte(again.site) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_without_directory_urls_zensical_builds_the_same_pages(tmp_path: Path) -> None:
    config = {"use_directory_urls": False}
    sites = {
        e: build_journal(tmp_path / e, JOURNAL, config=config, engine=e).site for e in ("mkdocs", "zensical")
    }
    pages = sorted(p.relative_to(sites["mkdocs"]).as_posix() for p in sites["mkdocs"].rglob("*.html"))
    assert "goals/help.html" in pages and "journal/2027/01/03/first-week.html" in pages
    for name in pages:
        mkdocs, zensical = page_parts(sites["mkdocs"], name), page_parts(sites["zensical"], name)
        assert [
            key for key in mkdocs if key not in ("menu", "footer") and mkdocs[key] != zensical[key]
        ] == [], name


def test_serve_with_zensical_previews_drafts_and_rebuilds(tmp_path: Path) -> None:
    files = {
        "goals/help.md": goal("Help others", "2027-01-01", metrics={"n": {"target": 10}}),
        "journal/2027-01-03-first.md": entry(
            "FIRST-VERSION", title="First", goals=["help"], metrics={"n": 2}
        ),
        "journal/2027-01-04-draft.md": entry("Draft body", title="DRAFT-PREVIEW", draft=True),
    }
    build_journal(tmp_path, files, config={"site_url": "https://example.org/"})
    port = free_port()
    server = subprocess.Popen(
        [*GOALS, "serve", "--engine", "zensical", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=goals_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/journal/"
    try:
        wait_for(base + "2027/01/03/first/", "FIRST-VERSION", seconds=90)
        assert "DRAFT-PREVIEW" in wait_for(base, "First")  # drafts are previewed
        assert ">DRAFT</div>" in wait_for(base + "2027/01/04/draft/", "Draft body")  # with MkDocs' mark
        feed = wait_for(f"http://127.0.0.1:{port}/feed.xml", "FIRST-VERSION")
        assert feed.count("<item>") == 1 and "DRAFT-PREVIEW" not in feed  # never in a feed
        path = tmp_path / "journal/2027-01-03-first.md"
        path.write_text(path.read_text().replace("FIRST-VERSION", "SECOND-VERSION").replace("n: 2", "n: 7"))
        wait_for(base + "2027/01/03/first/", "SECOND-VERSION", seconds=60)
        wait_for(f"http://127.0.0.1:{port}/goals/help/", ">7<")
        assert "SECOND-VERSION" in wait_for(f"http://127.0.0.1:{port}/feed.xml", "SECOND-VERSION")
        assert not (tmp_path / "docs/journal").exists()  # the author's docs/ stays as written
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors.decode()


def init_with(tmp_path: Path, engine: str) -> subprocess.CompletedProcess[str]:
    """`goals init` of a journal published with `engine`, in tmp_path/<engine>."""
    return subprocess.run(
        [*GOALS, "init", engine, "--engine", engine, "--site-url", "https://me.github.io/j/"],
        cwd=tmp_path,
        env=goals_env(),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("engine", "install"),
    [
        ("zensical", 'pip install "mkdocs-goals-journal[zensical]"'),
        ("properdocs", "pip install mkdocs-goals-journal properdocs"),
    ],
)
def test_init_writes_a_journal_that_publishes_with_the_chosen_engine(
    tmp_path: Path, engine: str, install: str
) -> None:
    run = init_with(tmp_path, engine)
    assert run.returncode == 0, run.stderr
    host = "localhost" if engine == "zensical" else "127.0.0.1"
    assert f"goals serve --engine {engine}" in run.stdout and f"http://{host}:8000/j/" in run.stdout
    workflow = tmp_path / engine / ".github/workflows/publish.yml"
    flow = yaml.load(workflow.read_text("utf-8"), Loader=yaml.BaseLoader)
    steps = [s.get("uses") or s["run"] for s in flow["jobs"]["build"]["steps"]]
    assert steps[2:4] == [install, f"goals build --strict --engine {engine}"]
    config = yaml.safe_load((tmp_path / engine / "mkdocs.yml").read_text("utf-8"))
    assert config["plugins"][1]["goals-journal"] == {"timezone": "UTC"}  # the same settings as for MkDocs
    built = engine_build(tmp_path / engine, engine, strict=True)
    assert (built.site / "goals/help-others/index.html").is_file() and (built.site / "feed.xml").is_file()
    actionlint = actionlint_command()
    if actionlint is not None:
        lint = subprocess.run(
            [*actionlint, str(workflow)], capture_output=True, text=True, timeout=120, check=False
        )
        assert lint.returncode == 0, lint.stdout + lint.stderr


# The parts, worked out by hand ---------------------------------------------------------------------


def test_the_menu_is_made_from_the_pages_as_mkdocs_makes_it() -> None:
    pages = ["journal/index.md", "about.md", "goals/b.md", "now/index.md", "goals/index.md", "index.md"]
    pages += ["goals/a.md", "my-notes/x.md", "helped/index.md"]
    generated = frozenset(["index.md", "goals/index.md", "goals/a.md", "goals/b.md", "now/index.md"])
    generated |= {"journal/index.md", "helped/index.md"}
    assert menu(pages, generated) == [
        "index.md",  # the root's index first, then its pages by name
        "about.md",
        {"Goals": ["goals/index.md", "goals/a.md", "goals/b.md"]},
        "now/index.md",  # after Goals; a section of one generated page is that page
        "helped/index.md",
        "journal/index.md",
        {"My notes": ["my-notes/x.md"]},  # the author's own folder stays a section
    ]


class ZensicalLoader(yaml.Loader):
    """PyYAML's full loader with an !ENV that gives its default, as Zensical reads its config."""


ZensicalLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def test_the_config_keeps_unknown_tags_and_inherits_as_mkdocs_does(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text(
        "site_name: Base\ntheme: {name: material, palette: {primary: teal}}\nextra_css: [a.css]\n"
        "markdown_extensions:\n  - toc: {slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}}\n",
        "utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text(
        "INHERIT: base.yml\nsite_url: !ENV [URL, 'https://example.org/']\ntheme: {features: [x]}\nwatch: [src]\n",
        "utf-8",
    )
    author = read_config(tmp_path / "mkdocs.yml")
    assert author["theme"] == {
        "name": "material",
        "palette": {"primary": "teal"},
        "features": ["x"],
    }  # merged
    assert author["site_url"] == Tagged("!ENV", ["URL", "https://example.org/"])
    config = zensical_config(author, tmp_path, ZensicalSettings(["index.md"], "edit/main/docs/", {"k": 1}))
    assert config["docs_dir"] == "docs" and config["site_dir"] == "site" and "INHERIT" not in config
    assert config["theme"]["custom_dir"] == "overrides" and config["theme"]["palette"] == {"primary": "teal"}
    assert config["extra_css"] == ["a.css", "assets/goals-journal.css"]
    assert config["markdown_extensions"][-1] == "goals_journal.hosts.zensical.fragments"
    assert config["nav"] == ["index.md"] and "edit_uri" not in config  # no repo_url, no edit address
    assert config["watch"] == [os.path.join(tmp_path, "src")] and config["extra"] == {
        "goals_journal": {"k": 1}
    }
    text = config_text(config)
    assert "site_url: !ENV\n- URL\n- https://example.org/\n" in text
    assert "!!python/object/apply:pymdownx.slugs.slugify" in text
    read = yaml.load(text, Loader=ZensicalLoader)  # as Zensical reads it: the tags run there, not here
    assert read["site_url"] == "https://example.org/"
    assert callable(read["markdown_extensions"][0]["toc"]["slugify"])


def test_relative_links_are_written_from_the_pages_file() -> None:
    page = '<a href="../../19/x/">a</a><img src="b.png"><a href="#h">h</a><a href="../">up</a>'
    page += '<a href="https://x.org/y">out</a><a href="/abs/">abs</a><a href="?q">q</a><svg><a xlink:href="c/"></a></svg>'
    # the page journal/2027/01/21/entry.md is at journal/2027/01/21/entry/; Zensical puts ../ before each
    assert relative_to_file(page, "entry") == (
        '<a href="../19/x/">a</a><img src="entry/b.png"><a href="#h">h</a><a href="./">up</a>'
        '<a href="https://x.org/y">out</a><a href="/abs/">abs</a><a href="?q">q</a><svg><a xlink:href="c/"></a></svg>'
    )


def test_the_plugins_html_is_put_around_the_pages_own() -> None:
    comment = embed(Fragments("<p>BEFORE--</p>", "<p>AFTER</p>"), True, "entry", "<div>MARK</div>")
    assert "--" not in comment.removeprefix("<!--").removesuffix("-->\n\n")  # a well-formed comment
    converted = comment.strip() + '\n<h1 id="t">Title</h1>\n<p><a href="../x/">own</a></p>'
    assert placed(converted) == (
        '<div>MARK</div><h1 id="t">Title</h1><p>BEFORE--</p>\n<p><a href="x/">own</a></p><p>AFTER</p>'
    )
    assert placed("<p>no comment</p>") == "<p>no comment</p>"


def test_search_leaves_out_what_the_templates_mark() -> None:
    part = '<figure class="f">\n<svg><rect/></svg>\n</figure>\n<details><summary>Data</summary><br></details>'
    assert excluded(part) == (
        '<figure data-search-exclude class="f">\n<svg><rect/></svg>\n</figure>\n'
        "<details data-search-exclude><summary>Data</summary><br></details>"
    )
    html = "<p>kept</p><!--gj:unindexed--><nav>pager</nav><!--/gj:unindexed-->"
    assert unsearched(html) == "<p>kept</p><nav data-search-exclude>pager</nav>"
