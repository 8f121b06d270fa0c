"""No surprises: `goals check` says what the build says, nothing from outside the project is read,
links are checked before anything is written, and a quiet failed build still says what to fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_journal, entry, goal, write_files
from test_site import JOURNAL, METRICS

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
GOALS = Path(sys.executable).with_name("goals")

HOSTILE: dict[str, str | bytes] = {
    **JOURNAL,
    "goals/secret.md": goal("A secret goal", private=True),
    "docs/goals/index.md": "# My own goal index\n",  # an intro: fine
    "docs/journal/2027/index.md": "# Hidden by the year page\n",
    "journal/2027/2027-01-09-draft.md": entry("Not ready.", title="Draft", goals=["help"], draft=True),
    "journal/2027/2027-01-10-private.md": entry("Mine.", title="Private", goals=["help"], private=True),
    "journal/2027/2027-02-01-future.md": entry("Later.", title="Future", goals=["help"]),
    "journal/2027/2027-01-11-links.md": entry(
        "[the draft](2027-01-09-draft.md), [private](2027-01-10-private.md), [later](2027-02-01-future.md)\n\n"
        "[the secret goal](../../goals/secret.md), ![gone](gone.png), [out](../../../../../../../../../../../../../../../etc/passwd)\n",
        title="Links",
        goals=["help"],
        titel="typo",
    ),
    "journal/2027/2027-01-12-plain.md": "Just some text, no front matter.\n",
}


def check_lines(root: Path, *args: str) -> tuple[int, list[str]]:
    """`goals check` in `root`: its exit code and its problem lines (without the summary)."""
    done = subprocess.run([str(GOALS), "check", *args], cwd=root, env=ENV, capture_output=True, text=True)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout.splitlines()[:-1]


def as_build_says(line: str) -> str:
    """A `goals check` line as the build logs it (without the 'warning:' mark)."""
    return line.replace(": warning: ", ": ", 1)


def test_check_reports_exactly_what_the_strict_build_reports(site_root: Path) -> None:
    built = build_journal(site_root, HOSTILE, strict=True, expect_problems=True)
    assert built.failure and not (site_root / "site").exists()  # stopped before writing anything
    logged = [m for level, m in built.messages if level in ("WARNING", "ERROR")][:-1]  # less the summary
    code, lines = check_lines(site_root, "--strict")
    checked = [as_build_says(line) for line in lines if ": note: " not in line]
    assert code == 1 and sorted(checked) == sorted(logged)
    expected = [
        "journal/2027/2027-01-11-links.md:8: the link to journal/2027/2027-01-09-draft.md was removed",
        "journal/2027/2027-01-11-links.md:8: the link to journal/2027/2027-01-10-private.md was removed",
        "journal/2027/2027-01-11-links.md:8: the link to journal/2027/2027-02-01-future.md was removed",
        "journal/2027/2027-01-11-links.md:10: the link to goals/secret.md was removed",
        "journal/2027/2027-01-11-links.md:10: the link to journal/2027/gone.png goes to a file that does not exist",
        "journal/2027/2027-01-11-links.md:10: the link to /etc/passwd leaves the project folder",
        "docs/journal/2027/index.md:1: this page is hidden by the generated year page at the same address",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in logged), start
    assert any("unknown key 'titel'" in line for line in logged)
    notes = [line for line in lines if ": note: " in line]  # never fail a build, but check mentions them
    assert "journal/2027/2027-01-12-plain.md:1: note: this file has no front matter" in "\n".join(notes)
    assert all("no front matter" in note for note in notes)


def test_a_quiet_failed_build_still_lists_its_problems(site_root: Path) -> None:
    build_journal(
        site_root, {**JOURNAL, "journal/2027/2027-01-20-x.md": entry("x", titel="typo")}, expect_problems=True
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=site_root,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "1 warning in the journal; nothing was written" in done.stderr
    assert (
        "journal/2027/2027-01-20-x.md:2: unknown key 'titel'" in done.stderr
    )  # listed, though -q drops warnings


def test_many_problems_are_listed_to_ten_and_counted(site_root: Path) -> None:
    broken = {f"journal/2027/2027-01-{day:02d}-x.md": entry("x", goals=["nope"]) for day in range(1, 13)}
    built = build_journal(site_root, {**JOURNAL, **broken}, expect_problems=True)
    summary = built.errors[-1]
    assert summary.startswith("12 errors in the journal; nothing was written")
    assert summary.count("\n  journal/2027/") == 10 and summary.endswith("… and 2 more")


def test_links_out_of_the_project_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_files(
        outside,
        {"secret.md": "---\ntitle: Leaked\n---\nCANARY-OUTSIDE\n", "pic.png": b"PNG", "notes/a.md": "x\n"},
    )
    root = tmp_path / "project"
    write_files(root, JOURNAL)
    (root / "journal/2027/2027-01-05-link.md").symlink_to(outside / "secret.md")
    (root / "journal/2027/pic.png").symlink_to(outside / "pic.png")
    (root / "journal/shared").symlink_to(outside / "notes", target_is_directory=True)
    built = build_journal(root, {}, expect_problems=True)
    assert built.failure and not (root / "site").exists()
    errors = "\n".join(built.errors)
    assert (
        f"journal/2027/2027-01-05-link.md:1: this file is a link to {outside / 'secret.md'}, outside"
        in errors
    )
    assert "journal/2027/pic.png:1: this file is a link to" in errors
    assert "journal/shared:1: this folder is a link to" in errors
    code, lines = check_lines(root)
    assert code == 1 and sum("outside the project folder" in line for line in lines) == 3


def test_links_inside_the_project_are_followed_for_files_and_folders(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_files(
        root,
        {
            **JOURNAL,
            "archive/2025/2025-12-30-old.md": entry("From the archive.", title="Archived"),
            "archive/one.md": entry("A linked file.", title="Linked file"),
        },
    )
    (root / "journal/2025").symlink_to(root / "archive/2025", target_is_directory=True)
    (root / "journal/2027/2027-01-19-one.md").symlink_to(root / "archive/one.md")
    (root / "journal/loop").symlink_to(root / "journal", target_is_directory=True)  # read once, not forever
    built = build_journal(root, {})
    assert built.page("journal/2025/12/30/old/") is not None
    assert built.page("journal/2027/01/19/one/") is not None


def test_links_are_rewritten_checked_and_unlinked_in_goals_too(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        **JOURNAL,
        "docs/about.md": "# About me\n",
        "goals/help.md": goal(
            "Help others",
            due="2027-12-31",
            metrics=METRICS,
            body="Start with [the first week](../journal/2027/2027-01-03-first-week.md); "
            "not [this one](../journal/2027/2027-01-15-mine.md).",
        ),
        "journal/2027/2027-01-15-mine.md": entry("Mine only.", title="Mine", private=True),
        "journal/2027/2027-01-16-about.md": entry("Read [about me](../../docs/about.md).", title="About"),
    }
    built = build_journal(site_root, files, expect_problems=True)
    assert built.warnings == [
        "goals/help.md:34: the link to journal/2027/2027-01-15-mine.md was removed: that page is private, "
        "a draft or not due yet"
    ]
    plan = built.page("goals/help/").xpath("//article//a[text()='the first week']/@href")
    assert plan == ["../../journal/2027/01/03/first-week/"]
    assert "this one" in built.page("goals/help/").text_content()
    assert built.page("journal/2027/01/16/about/").xpath("//article//a[text()='about me']/@href") == [
        "../../../../../about/"
    ]


@pytest.mark.parametrize("strict", [False, True])
def test_the_example_journal_checks_as_it_builds(strict: bool) -> None:
    code, lines = check_lines(ROOT, *(["--strict"] if strict else []))
    assert code == 0 and lines == []


def test_a_huge_entry_is_warned_about_and_feeds_stay_small(site_root: Path) -> None:
    huge = (
        "A long paragraph about glazes and kilns. " * 6000
    )  # 246,000 characters, 246,016 with the blank lines around the body
    files = {**JOURNAL, "journal/2027/2027-01-19-huge.md": entry(f"First words.\n\n{huge}", title="Huge")}
    built = build_journal(site_root, files, expect_problems=True)
    assert built.warnings == [
        "journal/2027/2027-01-19-huge.md:1: this entry has 246,016 characters of text, more than the 200,000 an "
        "entry may have: feeds carry only its summary; split it, or put long material in a linked file"
    ]
    for feed in ("feed.xml", "atom.xml", "feed.json", "goals/help/feed.xml"):
        size = (site_root / "site" / feed).stat().st_size
        assert size < 30_000, (feed, size)
    assert "read all of it on the site" in (site_root / "site/feed.xml").read_text("utf-8")
    assert len(built.page("journal/2027/01/19/huge/").text_content()) > 240_000  # the page has all of it
