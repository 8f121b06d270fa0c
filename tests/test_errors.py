"""Bad input: every problem is reported with file, line and fix; the build stops before writing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Built, build_journal, goal

GOAL = goal("Help others", "2027-01-01", metrics={"reach_out": {"target": 5, "per": "week"}})


def failed_build(root: Path, files: dict[str, str | bytes], **kwargs: object) -> Built:
    """Build a journal that must fail, and return what it reported."""
    result = build_journal(root, {"goals/help.md": GOAL, **files}, expect_problems=True, **kwargs)  # type: ignore[arg-type]
    assert result.failure, "the build should have failed"
    summary = result.errors.pop()
    assert "in the journal; nothing was written. Fix" in summary
    assert all(f"\n  {problem}" in summary for problem in result.errors[:10])  # a quiet log still lists them
    result.failure = summary
    return result


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "goals/bad-yaml.md",
            "---\ntitle: Fine\nstarted: 2027-01-01\nwhy: Tip: quote me\n---\n",
            "goals/bad-yaml.md:4: invalid YAML in the front matter (mapping values are not allowed … "
            "quote text that contains ': '",
        ),
        (
            "journal/2027-01-03-at.md",
            "---\nhelped:\n  - who: @jane\n    how: Answered\n---\n",
            "journal/2027-01-03-at.md:3: invalid YAML in the front matter (found character … "
            'that cannot start any token): quote the value, e.g. who: "@jane"',
        ),
        (
            "goals/untitled.md",
            "---\nstarted: 2027-01-01\n---\nPlan.\n",
            "goals/untitled.md:1: 'title' is required: add title: ...",
        ),
        (
            "goals/unstarted.md",
            "---\ntitle: No start\n---\n",
            "goals/unstarted.md:1: 'started' is required: add started: YYYY-MM-DD",
        ),
        (
            "goals/plain.md",
            "Just a plan, no front matter.\n",
            "goals/plain.md:1: a goal needs front matter",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [helps]\n---\n",
            "journal/2027-01-03-x.md:2: unknown goal 'helps' (did you mean 'help'?): "
            "goals are the file names in goals/ (help)",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [help]\nmetrics:\n  reach_ot: 3\n---\n",
            "journal/2027-01-03-x.md:4: unknown metric 'reach_ot' (did you mean 'reach_out'?): "
            "the linked goals track reach_out",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [help]\nmetrics:\n  reach_out: three\n---\n",
            "journal/2027-01-03-x.md:4: 'metrics.reach_out' must be a number, not text 'three'",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [help]\nmetrics:\n  reach_out: -2\n---\n",
            "journal/2027-01-03-x.md:4: 'metrics.reach_out' must be 0 or more, not -2",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [help]\nmetrics:\n  reach_out: .nan\n---\n",
            "journal/2027-01-03-x.md:4: 'metrics.reach_out' = .nan is not a usable number",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [help]\nmetrics:\n  reach_out: 1000000000000\n---\n",
            "journal/2027-01-03-x.md:4: 'metrics.reach_out' = 1,000,000,000,000 is larger than "
            "1,000,000,000 (10^9), the largest number the journal counts",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [help]\nmetrics:\n  reach_out: 1e3\n---\n",
            "journal/2027-01-03-x.md:4: 'metrics.reach_out' must be a number, but YAML reads 1e3 as text "
            "(an exponent needs a dot and a sign, as in 1.5e+3): write the number out, e.g. 1000",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ngoals: [help]\nmetrics:\n  reach_out: true\n---\n",
            "journal/2027-01-03-x.md:4: 'metrics.reach_out' must be a number, not true",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ntitle: [broken\ngoals: [help]\nmetrics:\n  reach_out: 1\n---\n",
            "journal/2027-01-03-x.md:2: invalid YAML in the front matter: the [ opened on line 2 is never "
            "closed: close it with ]",
        ),
        (
            "journal/plain-notes.md",
            "Just text, no front matter and no date in the name.\n",
            "journal/plain-notes.md:1: the entry has no date: add date: YYYY-MM-DD, or name the file YYYY-MM-DD-slug.md",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\n- a list\n- not a mapping\n---\n",
            "journal/2027-01-03-x.md:2: the front matter must be 'key: value' lines",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ntags: facebook\n---\n",
            "journal/2027-01-03-x.md:2: 'tags' must be a list, e.g. tags: [facebook]",
        ),
        (
            "goals/dates.md",
            "---\ntitle: Dates\nstarted: 2027-02-30\n---\n",
            "goals/dates.md:3: 'started' = 2027-02-30 is not a real date (day is out of range for month)",
        ),
        (
            "goals/dates.md",
            "---\ntitle: Dates\nstarted: 3 January 2027\n---\n",
            "goals/dates.md:3: 'started' must be a date written YYYY-MM-DD, not '3 January 2027'",
        ),
        (
            "goals/late.md",
            "---\ntitle: Late\nstarted: 2027-02-01\ndue: 2027-01-01\n---\n",
            "goals/late.md:4: 'due' (2027-01-01) is before 'started' (2027-02-01): fix one of them",
        ),
        (
            "goals/state.md",
            "---\ntitle: State\nstarted: 2027-01-01\nstatus: done\n---\n",
            "goals/state.md:4: 'status' must be one of active, paused, achieved, dropped, not 'done'",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\nhelped:\n  - how: Linked\n    link: javascript:alert(1)\n---\n",
            "journal/2027-01-03-x.md:4: 'helped[1].link' must be an http:// or https:// address, "
            "not 'javascript:alert(1)'",
        ),
        (
            "journal/2027-01-03-x.md",
            '---\nhelped:\n  - who: "@jane"\n---\n',
            "journal/2027-01-03-x.md:3: 'helped[1].how' is required: add how: ...",
        ),
        (
            "journal/2027-01-03-x.md",
            "---\ndate: 2027-01-04\n---\n",
            "journal/2027-01-03-x.md:2: 'date' (2027-01-04) disagrees with the date in the file name "
            "(2027-01-03): fix one of them",
        ),
        (
            "journal/notes.md",
            "---\ntitle: Undated\n---\n",
            "journal/notes.md:1: the entry has no date: add date: YYYY-MM-DD, or name the file YYYY-MM-DD-slug.md",
        ),
        (
            "journal/2027-13-01-x.md",
            "Text.\n",
            "journal/2027-13-01-x.md:1: the file name starts with 2027-13-01, which is not a real date",
        ),
        (
            "journal/2027-01-03-empty.md",
            "   \n",
            "journal/2027-01-03-empty.md:1: the file is empty",
        ),
        (
            "journal/2027-01-03-open.md",
            "---\ntitle: Never closed\n",
            "journal/2027-01-03-open.md:1: the front matter opened by '---' is never closed",
        ),
        (
            "journal/2027-01-03-twice.md",
            "---\ntitle: One\ntitle: Two\n---\n",
            "journal/2027-01-03-twice.md:3: 'title' is given twice: keep one of them",
        ),
        (
            "goals/Big Goal.md",
            "---\ntitle: Big\nstarted: 2027-01-01\n---\n",
            "goals/Big Goal.md:1: the goal id 'Big Goal' (the file name) must use lowercase letters, digits, "
            "'-' or '_': rename the file to big-goal.md",
        ),
        (
            "goals/rates.md",
            "---\ntitle: R\nstarted: 2027-01-01\nmetrics:\n  x: {per: week}\n---\n",
            "goals/rates.md:5: a metric with 'per: week' needs a target: add target: N",
        ),
        (
            "goals/kinds.md",
            "---\ntitle: K\nstarted: 2027-01-01\nmetrics:\n  x: {target: 3, kind: answer}\n---\n",
            "goals/kinds.md:5: 'kind' only works with 'count: helped'",
        ),
        (
            "goals/rest.md",
            "---\ntitle: R\nstarted: 2027-01-01\nrest_days: [sat, funday]\n---\n",
            "goals/rest.md:4: rest day 'funday' is not a weekday: use mon, tue, wed, thu, fri, sat, sun",
        ),
    ],
)
def test_bad_input_is_reported_with_file_line_and_fix(
    site_root: Path, name: str, text: str, expected: str
) -> None:
    result = failed_build(site_root, {name: text})
    pieces = expected.split(" … ")
    assert any(all(piece in message for piece in pieces) for message in result.errors), result.errors
    assert len(result.errors) == 1, result.errors


def test_encoding_problems_name_the_line(site_root: Path) -> None:
    raw = "---\ntitle: Caf\xe9\n---\n".encode("latin-1")
    result = failed_build(site_root, {"journal/2027-01-03-latin.md": raw})
    assert any(
        m.endswith(
            "journal/2027-01-03-latin.md:2: the file is not valid UTF-8 text: re-save it with UTF-8 encoding"
        )
        for m in result.errors
    )


def test_bom_and_crlf_are_accepted(site_root: Path) -> None:
    text = "\ufeff---\r\ntitle: Windows entry\r\ngoals: [help]\r\n---\r\n\r\nWritten on Windows.\r\n"
    result = build_journal(
        site_root, {"goals/help.md": GOAL, "journal/2027-01-03-win.md": text.encode("utf-8")}
    )
    assert "Windows entry" in result.page("journal/2027/01/03/win/").text_content()


def test_duplicate_goal_ids_and_entry_urls(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        "goals/sub/help.md": GOAL,
        "journal/a/2027-01-03-same.md": "Text.\n",
        "journal/b/2027-01-03-same.md": "Text.\n",
    }
    result = failed_build(site_root, files)
    assert (
        "goals/sub/help.md:1: goal id 'help' is already used by goals/help.md: rename one file"
        in result.errors
    )
    assert (
        "journal/b/2027-01-03-same.md:1: this entry gets the same address as journal/a/2027-01-03-same.md "
        "(/journal/2027/01/03/same/): change the slug in one file name"
    ) in result.errors


def test_all_problems_are_reported_and_nothing_is_written(site_root: Path) -> None:
    (site_root / "site").mkdir(parents=True)
    (site_root / "site" / "keep.txt").write_text("from the last good build")
    files: dict[str, str | bytes] = {
        "goals/broken.md": "---\ntitle: [\n---\n",
        "journal/2027-01-03-a.md": "---\ngoals: [nope]\n---\n",
        "journal/2027-01-04-b.md": "---\nhelped: yes\n---\n",
    }
    result = failed_build(site_root, files)
    assert len(result.errors) == 3
    assert [m.split(":")[0] for m in result.errors] == [
        "goals/broken.md",
        "journal/2027-01-03-a.md",
        "journal/2027-01-04-b.md",
    ]
    assert "3 errors in the journal" in result.failure
    assert [p.name for p in (site_root / "site").iterdir()] == ["keep.txt"]


def test_unknown_keys_warn_with_a_suggestion_and_fail_strict_builds(site_root: Path) -> None:
    files: dict[str, str | bytes] = {
        "goals/help.md": GOAL,
        "journal/2027-01-03-x.md": "---\ntitel: Oops\n---\n",
    }
    lenient = build_journal(site_root, files, expect_problems=True)
    assert not lenient.failure
    assert lenient.warnings == [
        "journal/2027-01-03-x.md:2: unknown key 'titel' (did you mean 'title'?); known keys: title, date, goals, "
        "metrics, helped, tags, rest, draft, private, syndication, imported, lang"
    ]
    (site_root / "site").rename(site_root / "lenient-site")
    strict = build_journal(site_root, files, strict=True, expect_problems=True)
    assert strict.failure and not (site_root / "site").exists()  # stopped before writing anything
    assert (
        "1 warning in the journal; nothing was written. Fix it and build again:\n  journal/2027-01-03-x.md:2: unknown key"
        in strict.errors[-1]
    )


def test_bad_plugin_options_are_clear(site_root: Path) -> None:
    result = build_journal(
        site_root,
        {"goals/help.md": GOAL},
        options={"timezone": "Mars/Olympus"},
        expect_problems=True,
    )
    assert result.failure
    assert "timezone 'Mars/Olympus' is not an IANA time zone name" in result.errors[-1]


def test_the_command_line_shows_errors_without_a_traceback(site_root: Path) -> None:
    build_journal(site_root, {"goals/help.md": GOAL}, expect_problems=True)
    (site_root / "journal").mkdir(exist_ok=True)
    (site_root / "journal" / "2027-01-03-x.md").write_text("---\ngoals: [nope]\n---\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=site_root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 1
    assert "journal/2027-01-03-x.md:2: unknown goal 'nope'" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
