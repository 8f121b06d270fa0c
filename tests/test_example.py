"""The repository's own example journal builds strictly, with MkDocs and with ProperDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT, Built, run_build
from goals_journal.reader import read_journal

EXAMPLE = ("mkdocs.yml", "goals", "journal", "docs")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example journal, pinned to the day after its last entry."""
    root = tmp_path_factory.mktemp("example")
    for name in EXAMPLE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            text = source.read_text("utf-8")
            (root / name).write_text(
                text.replace("timezone: Europe/London", "timezone: Europe/London\n      today: 2026-11-22")
            )
    return root


@pytest.fixture(scope="module")
def built(example: Path) -> Built:
    """The example journal built with --strict."""
    return run_build(example / "mkdocs.yml", example / "site", strict=True)


def test_example_journal_builds_strict_without_warnings(built: Built) -> None:
    journal = read_journal(ROOT / "goals", ROOT / "journal", ROOT, ZoneInfo("Europe/London"))
    assert sum(e.draft for e in journal.entries) == 1 and sum(e.private for e in journal.entries) == 1
    published = {
        e.uri.removesuffix(".md") + "/index.html" for e in journal.entries if not (e.draft or e.private)
    }
    entry_pages = {p for p in built.pages() if p.startswith("journal/2026/") and p.count("/") == 5}
    assert entry_pages == published
    assert len(published) >= 28
    goal_pages = [p for p in built.pages() if p.startswith("goals/")]
    assert len(goal_pages) == 1 + len(journal.goals) == 5


def test_example_navigation_stays_small(built: Built) -> None:
    home = built.page("")
    links = home.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert 5 <= len(links) <= 15
    assert not [link for link in links if "journal/2026/" in link]


def test_example_builds_with_properdocs(example: Path, tmp_path: Path) -> None:
    properdocs = shutil.which("properdocs", path=os.path.dirname(sys.executable)) or shutil.which(
        "properdocs"
    )
    if properdocs is None:
        pytest.skip("properdocs is not installed (pip install -e '.[test]' installs it)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [properdocs, "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=example,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "site/goals/help-others/index.html").is_file()
    assert "Traceback" not in run.stderr
