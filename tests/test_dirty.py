"""`mkdocs serve --dirty`: an edit rewrites only the pages whose content changed, with right numbers."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_journal, entry, goal, run_build, texts
from lxml import html as lxml_html
from mkdocs.commands.build import build
from mkdocs.config import load_config

FILES: dict[str, str | bytes] = {
    "goals/help.md": goal(
        "Help others", "2027-01-01", due="2027-12-31", metrics={"n": {"label": "Things done", "target": 100}}
    ),
    "goals/quiet.md": goal("Quiet goal", "2027-01-01", metrics={"m": {"label": "Other things", "target": 5}}),
    "journal/2027-01-04-first.md": entry(
        "First text.",
        title="First",
        goals=["help"],
        metrics={"n": 2},
        helped=[{"who": "@ann", "how": "Answered a question", "kind": "answer"}],
    ),
    "journal/2027-01-06-second.md": entry(
        "Second text.",
        title="Second",
        goals=["help"],
        metrics={"n": 3},
        helped=[{"who": "@bo", "how": "Shared a guide", "kind": "resource"}],
    ),
    "journal/2027-01-13-third.md": entry(
        "Third text.",
        title="Third",
        goals=["help", "quiet"],
        metrics={"n": 1, "m": 1},
        helped=[{"who": "@cy", "how": "Complimented a post", "kind": "compliment"}],
    ),
}


def dirty_build(project: Path, site: Path) -> None:
    """One build of a `serve --dirty` session (the config is read again for every build, as serve does)."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=True)


def times(folder: Path, pattern: str) -> dict[str, int]:
    """Modification time of each file below `folder`."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob(pattern)}


def article(path: Path) -> str:
    """The content area of a built page."""
    match = re.search(r"<article.*?</article>", path.read_text("utf-8"), re.S)
    return match.group(0) if match else ""


def test_an_edit_rewrites_only_the_pages_it_changes(site_root: Path, tmp_path: Path) -> None:
    build_journal(site_root, FILES)  # writes the project (and a normal site, not used below)
    site = tmp_path / "served"
    config = load_config(str(site_root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    pages_before, cards = times(site, "*.html"), site_root / ".cache/goals-journal/cards"
    cards_before = times(cards, "*.png")
    edited = site_root / "journal/2027-01-06-second.md"
    edited.write_text(
        edited.read_text("utf-8").replace("n: 3", "n: 8").replace("Shared a guide", "Shared a map")
    )
    dirty_build(site_root, site)

    pages_after = times(site, "*.html")
    rewritten = sorted(p for p, t in pages_after.items() if pages_before.get(p) != t)
    assert rewritten == [
        "404.html",  # MkDocs always writes it
        "goals/help/index.html",  # its total, chart and tables
        "goals/index.html",  # the goal card's numbers
        "helped/2027/01/index.html",  # the reworded help, in the month...
        "helped/2027/W01/index.html",  # ...and in its week
        "index.html",  # the goal card on the home page
        "journal/2027/01/06/second/index.html",
        "now/index.html",  # the goal's numbers in words
        "review/2027/index.html",  # the goals' numbers for the year
    ]
    goal_page = lxml_html.fromstring((site / "goals/help/index.html").read_bytes())
    assert texts(goal_page, "//span[@class='gj-metric__value']")[0] == "11 / 100"  # 2 + 8 + 1
    week = (site / "helped/2027/W01/index.html").read_text("utf-8")
    assert "Shared a map" in week and "Shared a guide" not in week
    feed = (site / "feed.xml").read_text("utf-8")  # written whole, from kept and new page content
    assert "Shared a map" in feed and "Shared a guide" not in feed and "First text." in feed
    cards_after = times(cards, "*.png")
    assert all(cards_after[name] == mtime for name, mtime in cards_before.items())  # none redrawn
    assert 1 <= len(cards_after) - len(cards_before) <= 4  # only the changed cards are new

    clean = run_build(site_root / "mkdocs.yml", tmp_path / "clean")  # the same journal, built from scratch
    for name in pages_after:
        assert article(site / name) == article(clean.site / name), name


def test_first_build_of_a_session_writes_every_page(site_root: Path, tmp_path: Path) -> None:
    build_journal(site_root, FILES)
    site = tmp_path / "served"
    config = load_config(str(site_root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    assert times(site, "*.html").keys() == times(site_root / "site", "*.html").keys()
    before = times(site, "*.html")
    dirty_build(site_root, site)  # nothing changed: nothing but MkDocs' own 404 page is written again
    assert sorted(p for p, t in times(site, "*.html").items() if before[p] != t) == ["404.html"]
