"""goals-journal alongside other plugins that read a page's source file or its git history.

Goal and entry pages are backed by their real files (`abs_src_path`), so mkdocs-rss-plugin and
mkdocs-git-revision-date-localized-plugin read the files' git dates instead of failing on pages
without a file; Material's blog and tags plugins build strictly beside the journal's pages.
The git tests commit the journal in a temporary repository at fixed dates.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from conftest import TODAY, build_journal, texts, write_files
from test_site import JOURNAL

PLUGINS: list[object] = ["search", {"goals-journal": {"today": TODAY}}]
ENTRIES = r"journal/\d{4}/\d{2}/\d{2}/"  # entry pages' src_uri: the home, indexes and roundups have no file
NOON = "T12:00:00+00:00"
PUBLISHED = {  # the published entries of JOURNAL: page URL -> the day its file was committed
    "journal/2026/12/30/before/": "2026-12-30",
    "journal/2027/01/03/first-week/": "2027-01-03",
    "journal/2027/01/05/tuesday/": "2027-01-05",
    "journal/2027/01/12/second/": "2027-01-12",
}


def needs(module: str, package: str) -> None:
    """Skip unless `module` can be imported (the test extra installs `package`)."""
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{package} is not installed (pip install -e '.[test]' installs it)")


def git(root: Path, *args: str, when: str | None = None) -> None:
    """Run git in `root`; a commit is dated `when` (author and committer) when given."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when is not None:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit_journal(root: Path) -> None:
    """JOURNAL in a new git repository: the goals and docs/ on 1 Jan 2027, each entry at noon on its day."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    write_files(root, {**JOURNAL, "docs/about.md": "# About\n\nA potter.\n"})
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test Journal")
    git(root, "config", "user.email", "journal@example.org")
    git(root, "add", "goals", "docs")
    git(root, "commit", "-q", "-m", "Goals", when="2027-01-01" + NOON)
    for name in sorted(n for n in JOURNAL if n.startswith("journal/")):
        day = Path(name).name[:10]
        git(root, "add", name)
        git(root, "commit", "-q", "-m", f"Entry of {day}", when=day + NOON)


@pytest.fixture
def in_utc() -> Iterator[None]:
    """The process in UTC: mkdocs-rss-plugin reads commit times in local time and labels them UTC."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_rss_plugin_lists_entries_with_the_dates_of_their_commits(
    site_root: Path, monkeypatch: pytest.MonkeyPatch, in_utc: None
) -> None:
    needs("mkdocs_rss_plugin", "mkdocs-rss-plugin")
    commit_journal(site_root)
    monkeypatch.chdir(site_root)  # the rss plugin reads the git repository of the working directory
    rss = {"match_path": ENTRIES, "cache_dir": str(site_root / "rss-cache")}
    built = build_journal(site_root, config={"plugins": [*PLUGINS, {"rss": rss}]})
    assert built.page("journal/2027/01/03/first-week/").xpath("//h1")
    feed_xml = (built.site / "feed_rss_created.xml").read_text("utf-8")
    feed = feedparser.parse(feed_xml)
    assert not feed.bozo, feed.bozo_exception
    days = {
        item.link.removeprefix("https://example.org/journal/"): time.strftime(
            "%Y-%m-%d %H:%M", item.published_parsed
        )
        for item in feed.entries
    }
    assert days == {url: f"{day} 12:00" for url, day in PUBLISHED.items()}
    titles = {item.title for item in feed.entries}
    assert {"Answered three questions", "Second week"} <= titles
    assert "DRAFT" not in feed_xml and "PRIVATE" not in feed_xml and "SECRET" not in feed_xml
    assert (built.site / "feed.xml").is_file()  # the journal's own feed is still written


def test_git_revision_date_shows_the_commit_date_of_the_entry_file(site_root: Path) -> None:
    needs("mkdocs_git_revision_date_localized_plugin", "mkdocs-git-revision-date-localized-plugin")
    commit_journal(site_root)
    dates = {"type": "iso_date", "timezone": "UTC"}  # parallel processing on, as by default
    built = build_journal(site_root, config={"plugins": [*PLUGINS, {"git-revision-date-localized": dates}]})
    last_update = (
        "//aside[@class='md-source-file']//span[contains(@class, 'git-revision-date-localized-plugin')]"
    )
    for url, day in PUBLISHED.items():
        shown = built.page(url).xpath(last_update)
        assert [(span.text, span.get("title")[-12:]) for span in shown] == [(day, "12:00:00 UTC")], url
    assert texts(built.page("goals/help/"), last_update) == ["2027-01-01"]


def test_material_blog_and_tags_build_strictly_beside_the_journal(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        **JOURNAL,
        "docs/blog/index.md": "# Blog\n",
        "docs/blog/posts/hello.md": "---\ndate: 2027-01-02\n---\n\n# Hello kiln\n\nFirst firing.\n",
        "docs/about.md": "---\ntags:\n  - pottery\n---\n\n# About\n\nA potter.\n",
        "docs/tags.md": "# Tags\n\n<!-- material/tags -->\n",
    }
    built = build_journal(site_root, files, config={"plugins": [*PLUGINS, "blog", "tags"]}, strict=True)
    assert not built.warnings
    assert texts(built.page("blog/2027/01/02/hello-kiln/"), "//h1") == ["Hello kiln"]
    assert texts(built.page("blog/"), "//article//h2") == ["Hello kiln"]
    assert "pottery" in " ".join(texts(built.page("tags/"), "//article"))
    assert texts(built.page("goals/help/"), "//h1") == ["Help others"]
    assert texts(built.page("journal/2027/01/03/first-week/"), "//h1") == ["Answered three questions"]
    home = built.page("")
    assert home.xpath("//a[text()='Help others']")
    assert "Blog" in texts(home, "//nav[contains(@class, 'md-nav--primary')]//a")
