"""Reading files: dates and time zones, titles, slugs, and lenient spellings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import write_files
from goals_journal.core.files import slugify
from goals_journal.core.reader import read_journal
from goals_journal.core.settings import Folders
from goals_journal.pages.words import entry_title

GOAL = "---\ntitle: Help\nstarted: 2027-01-01\nrest_days: [Saturday, sun]\n---\n"


def read(root: Path, files: dict[str, str | bytes], tz: str = "UTC"):  # type: ignore[no-untyped-def]
    """Write files and read the journal back."""
    write_files(root, {"goals/help.md": GOAL, **files})
    return read_journal(Folders(root, root / "goals", root / "journal", ZoneInfo(tz)))


def test_late_evening_in_a_negative_offset_lands_on_the_local_day(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "journal/2027-01-03-late.md": "---\ndate: 2027-01-03T23:30:00-05:00\n---\nLate.\n"
    }
    new_york = read(tmp_path / "ny", files, "America/New_York")
    assert not new_york.problems
    (entry,) = new_york.entries
    assert entry.day == dt.date(2027, 1, 3) and entry.has_time
    assert entry.moment.utcoffset() == dt.timedelta(hours=-5)
    assert entry.uri == "journal/2027/01/03/late.md"
    utc = read(tmp_path / "utc", files, "UTC")
    assert utc.entries[0].day == dt.date(2027, 1, 4)  # 04:30 UTC the next day
    assert utc.entries[0].moment == dt.datetime(2027, 1, 4, 4, 30, tzinfo=ZoneInfo("UTC"))


def test_naive_times_are_in_the_site_time_zone_across_daylight_saving(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "journal/2027-03-27-before.md": "---\ndate: 2027-03-27 12:00\n---\nWinter time.\n",
        "journal/2027-03-28-after.md": "---\ndate: 2027-03-28T12:00:00\n---\nSummer time.\n",
    }
    journal = read(tmp_path, files, "Europe/Berlin")
    offsets = [e.moment.utcoffset() for e in journal.entries]
    assert offsets == [dt.timedelta(hours=1), dt.timedelta(hours=2)]


def test_date_only_entries_are_aware_and_ordered(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "journal/2027/2027-01-02-b.md": "Second.\n",
        "journal/2027/2027-01-02-a.md": "First.\n",
        "journal/2027/2027-01-01.md": "---\ntitle: New year\n---\n",
    }
    journal = read(tmp_path, files, "Europe/London")
    assert [(e.uri, e.title, entry_title(e)) for e in journal.entries] == [
        ("journal/2027/01/01/entry.md", "New year", "New year"),
        ("journal/2027/01/02/a.md", "", "Saturday 2 January 2027"),  # untitled: pages name it by its day
        ("journal/2027/01/02/b.md", "", "Saturday 2 January 2027"),
    ]
    assert all(e.moment.tzinfo is not None and not e.has_time for e in journal.entries)


def test_rest_days_accept_short_and_full_names(tmp_path: Path) -> None:
    journal = read(tmp_path, {})
    assert journal.goals["help"].rest_days == frozenset({5, 6})


def test_entry_before_the_goal_started_is_a_warning(tmp_path: Path) -> None:
    journal = read(tmp_path, {"journal/2026-12-31-early.md": "---\ngoals: [help]\n---\n"})
    assert [str(p) for p in journal.problems] == [
        "journal/2026-12-31-early.md:2: this entry (2026-12-31) is dated before goal 'help' started (2027-01-01), "
        "so it does not count for it: fix the date, or the goal's 'started'"
    ]
    assert journal.warnings and not journal.errors


def test_slugs_from_file_names() -> None:
    assert slugify("Friend Lists & Pages") == "friend-lists-pages"
    assert slugify("Café crème") == "cafe-creme"
    assert slugify("日本") == ""
