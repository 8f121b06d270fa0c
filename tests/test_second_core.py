"""Reading and rendering on a second core give the same site, byte for byte, and the same errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import build_journal, entry
from goals_journal.speed import cores, prerender, reading
from test_site import JOURNAL

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the second core is used on Linux only")


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def count_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets one item for every worker process started from now on."""
    started: list[int] = []
    real = cores.ProcessPoolExecutor

    def counting(*args: object, **kwargs: object) -> cores.ProcessPoolExecutor:
        started.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cores, "ProcessPoolExecutor", counting)
    return started


def test_background_rendering_builds_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = build_journal(tmp_path / "here", JOURNAL)
    monkeypatch.setattr(prerender, "BACKGROUND_FROM", 0)
    monkeypatch.setattr(prerender, "CHUNK", 3)
    started = count_workers(monkeypatch)
    there = build_journal(tmp_path / "there", JOURNAL)
    assert started == [1]  # the second build did render in a worker process
    mine, theirs = site_files(here.site), site_files(there.site)
    assert mine.keys() == theirs.keys()
    assert [name for name in mine if mine[name] != theirs[name]] == []


def test_reading_on_two_cores_gives_the_same_site_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad: dict[str, str | bytes] = {
        **JOURNAL,
        "journal/2027/2027-01-07-bad.md": entry("Text.", title="Bad", metrics={"reach_out": "many"}),
        "journal/2027/2027-01-08-worse.md": "---\ntitle: [unclosed\n---\n\nText.\n",
    }
    here = build_journal(tmp_path / "here", JOURNAL)
    failed_here = build_journal(tmp_path / "bad-here", bad, expect_problems=True)
    monkeypatch.setattr(reading, "PARALLEL_FROM", 0)
    started = count_workers(monkeypatch)
    there = build_journal(tmp_path / "there", JOURNAL)
    failed_there = build_journal(tmp_path / "bad-there", bad, expect_problems=True)
    assert started == [1, 1]  # both builds read half of the entries in a worker process
    assert site_files(here.site) == site_files(there.site)
    assert len(failed_here.errors) == 3 and failed_there.errors == failed_here.errors  # two, and the summary
    assert "2027-01-07-bad.md" in failed_there.errors[0] and "2027-01-08-worse.md" in failed_there.errors[1]
