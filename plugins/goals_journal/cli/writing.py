"""Writing files: a new journal (`goals init`), a new entry and a new goal (`goals new`)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shlex
import subprocess
from collections.abc import Iterable, Sequence
from importlib.resources import files as package_files
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..config.options import PLACEHOLDER_URL, OptionError, time_zone
from ..core.days import a_year_on
from ..core.fields import did_you_mean
from ..core.files import slugify
from ..core.model import Goal, Journal
from ..core.reader import read_journal
from ..core.vocabulary import GOAL_ID
from .errors import CommandError
from .project import load_project, shown

EXAMPLE_GOAL = "help-others"
_GITHUB_REMOTE = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)(?P<owner>[^/]+)/(?P<repo>[^/]+?)/?$"
)


def _scaffold(name: str) -> str:
    """The text of a file in the package's scaffold folder."""
    return package_files("goals_journal.cli").joinpath(f"scaffold/{name}").read_text("utf-8")


def _template(name: str, **values: str) -> str:
    """A file of the scaffold folder with its $placeholders filled in."""
    return Template(_scaffold(name)).substitute(values)


def _yaml(key: str, value: Any) -> str:
    """One `key: value` line of YAML, quoted where YAML needs it."""
    import yaml

    text: str = yaml.safe_dump(
        {key: value}, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return text.strip()[1:-1]  # drop the braces of the one-key flow mapping


def _write_new(path: Path, text: str) -> None:
    """Create `path` with `text`; never replace a file that exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as file:
        file.write(text)


def _today(tz: ZoneInfo) -> dt.date:
    """Today in the journal's time zone."""
    return dt.datetime.now(tz).date()


# goals init -----------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    """Write a new journal into args.dir, or nothing if any of its files exists."""
    try:
        tz = time_zone(args.timezone)
    except OptionError as error:
        raise CommandError(f"argument --timezone: {error}", 2) from None
    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{args.dir} is a file, not a folder: choose another place for the journal")
    site_url, source = chosen_site_url(args.site_url, folder)
    engine = getattr(args, "engine", "mkdocs")
    files = init_files(_today(tz), args.timezone, site_url, engine)
    existing = [name for name in files if (folder / name).exists() or (folder / name).is_symlink()]
    if existing:
        raise CommandError(
            f"{(folder / existing[0]).as_posix()} already exists"
            + (f" (and {len(existing) - 1} more of the files goals init writes)" if len(existing) > 1 else "")
            + ": nothing was written. Start the journal in an empty folder, e.g. goals init my-journal"
        )
    for name, text in files.items():
        _write_new(folder / name, text)
    here = folder.resolve() == Path.cwd().resolve()
    print(f"Started a goals journal in {'this folder' if here else shown(folder)}:")
    for name in files:
        print(f"  {name}")
    print(f"The site's address is {site_url} ({source}).")
    print("\n".join(_next_steps(folder, site_url, engine)))
    return 0


def chosen_site_url(option: str | None, folder: Path) -> tuple[str, str]:
    """The site_url to write and where it comes from: the option, the GitHub remote, or the placeholder."""
    if option is not None:
        parts = urlsplit(option.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise CommandError(
                f"argument --site-url: '{option}' is not an address such as https://me.github.io/journal/", 2
            )
        return option.strip().rstrip("/") + "/", "from --site-url"
    remote = _origin(folder)
    guessed = pages_address(remote) if remote else None
    if guessed:
        return guessed, f"GitHub Pages of the remote {remote}; change site_url in mkdocs.yml if it is another"
    return PLACEHOLDER_URL, "a placeholder: set site_url in mkdocs.yml, or run goals init --site-url URL"


def _origin(folder: Path) -> str | None:
    """The URL of the git remote 'origin' when `folder` is the top of a git work tree."""
    if not folder.is_dir():
        return None
    try:
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True
        )
        if top.returncode != 0 or Path(top.stdout.strip()).resolve() != folder.resolve():
            return None
        remote = subprocess.run(
            ["git", "-C", str(folder), "remote", "get-url", "origin"], capture_output=True, text=True
        )
    except OSError:  # no git
        return None
    return remote.stdout.strip() or None if remote.returncode == 0 else None


def pages_address(remote: str) -> str | None:
    """https://<owner>.github.io/<repo>/ for a GitHub remote (the user site for <owner>.github.io)."""
    found = _GITHUB_REMOTE.match(remote.strip())
    if not found:
        return None
    owner, repo = found.group("owner"), found.group("repo").removesuffix(".git")
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if repo.lower() == host else f"https://{host}/{repo}/"


def init_files(
    today: dt.date, timezone: str, site_url: str = PLACEHOLDER_URL, engine: str = "mkdocs"
) -> dict[str, str]:
    """Every file `goals init` writes (path relative to the journal -> text), for a journal started today
    and published with `engine`."""
    settings = _template("mkdocs.yml", timezone=timezone, site_url=site_url)
    return {
        "mkdocs.yml": _with_engine(settings, SETTINGS_CHANGES.get(engine, ())),
        "docs/about.md": _scaffold("about.md"),
        f"goals/{EXAMPLE_GOAL}.md": _template(
            "example-goal.md", started=today.isoformat(), due=a_year_on(today).isoformat()
        ),
        f"journal/{today:%Y}/{today.isoformat()}-first-entry.md": _scaffold("example-entry.md"),
        ".gitignore": _scaffold("gitignore"),
        ".github/workflows/publish.yml": _with_engine(
            _scaffold("publish.yml"), WORKFLOW_CHANGES.get(engine, ())
        ),
    }


# What changes in the scaffold for a journal published with another generator than MkDocs: old -> new
# text (each old text must be in the file).
SETTINGS_CHANGES = {
    "zensical": (
        (
            "# The settings of your goals journal (MkDocs with Material for MkDocs and the goals-journal plugin).\n",
            "# The settings of your goals journal, built with Zensical (goals build --engine zensical) and the\n"
            "# goals-journal plugin; MkDocs with Material for MkDocs builds the same site (goals build).\n",
        ),
    ),
}
WORKFLOW_CHANGES = {
    "zensical": (
        ("# Build the journal with MkDocs", "# Build the journal with Zensical"),
        (
            "      - name: Install MkDocs, Material and the goals-journal plugin\n"
            "        run: pip install mkdocs-goals-journal\n",
            "      - name: Install Zensical and the goals-journal plugin\n"
            '        run: pip install "mkdocs-goals-journal[zensical]"\n',
        ),
        ("        run: goals build --strict\n", "        run: goals build --strict --engine zensical\n"),
    ),
    "properdocs": (
        ("# Build the journal with MkDocs", "# Build the journal with ProperDocs"),
        (
            "      - name: Install MkDocs, Material and the goals-journal plugin\n"
            "        run: pip install mkdocs-goals-journal\n",
            "      - name: Install ProperDocs, Material and the goals-journal plugin\n"
            "        run: pip install mkdocs-goals-journal properdocs\n",
        ),
        ("        run: goals build --strict\n", "        run: goals build --strict --engine properdocs\n"),
    ),
}


def _with_engine(text: str, changes: tuple[tuple[str, str], ...]) -> str:
    """A scaffold file with the changes for the journal's generator (none for MkDocs)."""
    for old, new in changes:
        assert old in text, f"the scaffold changed: {old!r} is not in it"
        text = text.replace(old, new, 1)
    return text


def _next_steps(folder: Path, site_url: str, engine: str = "mkdocs") -> list[str]:
    """What to do after `goals init`."""
    steps = ["", "Next:"]
    if folder.resolve() != Path.cwd().resolve():
        steps.append(f"  cd {shlex.quote(shown(folder))}")
    host = "localhost" if engine == "zensical" else "127.0.0.1"
    preview = f"http://{host}:8000{urlsplit(site_url).path or '/'}"  # serve uses site_url's path
    publish = "set site_url in mkdocs.yml, push" if site_url == PLACEHOLDER_URL else "push"
    serve, build = (f"goals serve --engine {engine}", f"goals build --engine {engine}")
    if engine == "mkdocs":
        serve, build = ("mkdocs serve", "goals build")
    return [
        *steps,
        f"  {serve:<30}# preview the site at {preview}",
        f'  goals new entry --goal {EXAMPLE_GOAL} --title "What I did today"',
        '  goals new goal "My own goal"',
        "  goals check                   # check every file, without building",
        "  goals status                  # every goal's progress",
        f"  {build:<30}# the site in site/, swapped in only when complete",
        f"To publish: {publish} to the main branch of a GitHub repository, and",
        'choose "GitHub Actions" as the source in its Settings > Pages.',
    ]


# goals new entry / goals new goal -------------------------------------------------------------


def run_new_entry(args: argparse.Namespace) -> int:
    """Write a new entry for today (or --date) linked to the chosen goals, and print its path."""
    editor = os.environ.get("EDITOR", "").strip()
    if args.edit and not editor:
        raise CommandError(
            "--edit opens $EDITOR, which is not set: set it (e.g. EDITOR=nano) or leave out --edit", 2
        )
    folders = load_project(args.config).folders()
    journal = read_journal(folders)
    goals = chosen_goals(args.goals, journal, folders.goals_dir)
    day = args.date or _today(folders.tz)
    title = " ".join(args.title.split())
    path = free_entry_path(folders.journal_dir, day, slugify(title) or "entry", journal)
    _write_new(path, entry_text(title, goals))
    print(shown(path))
    if args.edit:
        _edit(editor, path)
    return 0


def chosen_goals(ids: Iterable[str], journal: Journal, goals_dir: Path) -> list[Goal]:
    """The goals named on the command line; unknown ids are a usage error with a suggestion."""
    chosen: list[Goal] = []
    for goal_id in dict.fromkeys(ids):
        if goal_id in journal.goals:
            chosen.append(journal.goals[goal_id])
        elif (goals_dir / f"{goal_id}.md").is_file():
            raise CommandError(f"goal '{goal_id}' has errors in its file: run 'goals check' to see them")
        else:
            known = ", ".join(journal.goals) or 'none yet: add one with goals new goal "Title"'
            raise CommandError(
                f"unknown goal '{goal_id}'{did_you_mean(goal_id, journal.goals)}: the goals are {known}", 2
            )
    return chosen


def free_entry_path(journal_dir: Path, day: dt.date, slug: str, journal: Journal) -> Path:
    """journal/<yyyy>/<yyyy-mm-dd>-<slug>.md, with -2, -3 ... added while the file or its address is taken."""
    taken = {(e.day, e.slug) for e in journal.entries}
    folder = journal_dir / f"{day:%Y}"
    candidate, number = slug, 1
    while (folder / f"{day.isoformat()}-{candidate}.md").exists() or (day, candidate) in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return folder / f"{day.isoformat()}-{candidate}.md"


def entry_text(title: str, goals: Sequence[Goal]) -> str:
    """The new entry's text: title, goals and a 0 for every metric they add up."""
    front = [_yaml("title", title) if title else "# title: A few words about today"]
    if goals:
        front.append(_yaml("goals", [g.id for g in goals]))
    else:
        front.append("goals: []  # ids of the goals this entry works on (file names in goals/)")
    inputs = list(dict.fromkeys(i for g in goals for m in g.metrics for i in m.inputs))
    if inputs:
        front.append("metrics:")
        front.extend(f"  {_yaml(metric_id, 0)}" for metric_id in inputs)
    return _template("entry.md", front="\n".join(front))


def _edit(editor: str, path: Path) -> None:
    """Open `path` in the person's editor and wait for it."""
    command = [*shlex.split(editor, posix=os.name != "nt"), str(path)]
    try:
        subprocess.run(command, check=False)
    except OSError as error:
        raise CommandError(
            f"could not start the editor '{editor}' ({error.strerror}); the entry is {shown(path)}"
        ) from None


def run_new_goal(args: argparse.Namespace) -> int:
    """Write goals/<id>.md from the documented template, started today, and print its path."""
    title = " ".join(args.title.split())
    if not title:
        raise CommandError('the goal needs a title, e.g. goals new goal "Help others"', 2)
    goal_id = args.id if args.id is not None else slugify(title)
    if not GOAL_ID.match(goal_id):
        what = f"the id '{goal_id}'" if args.id is not None else f"the title '{title}' gives no usable id"
        raise CommandError(
            f"{what}: a goal id uses lowercase letters, digits, '-' and '_': choose one with --id", 2
        )
    folders = load_project(args.config).folders()
    path = folders.goals_dir / f"{goal_id}.md"
    if path.exists():
        raise CommandError(
            f"{shown(path)} already exists: edit that goal, or give this one another title or --id"
        )
    today = _today(folders.tz)
    text = _template(
        "goal.md",
        id=goal_id,
        title=_yaml("title", title).removeprefix("title: "),
        started=today.isoformat(),
        due=a_year_on(today).isoformat(),
    )
    _write_new(path, text)
    print(shown(path))
    return 0
