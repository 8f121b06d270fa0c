"""The `goals` command: start a journal, write entries and goals, check every file, show progress."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import metadata
from importlib.resources import files as package_files
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from mkdocs.config.defaults import MkDocsConfig

    from .model import Goal, Journal, Problem
    from .plugin import GoalsJournalPlugin
    from .progress import GoalProgress, MetricProgress
    from .site import Settings

# MkDocs, the plugin and the reader are imported where a command needs them, so that help, usage
# errors and a missing mkdocs.yml answer at once.

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
GOAL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # the contract's goal ids: the file name in goals/
EXAMPLE_GOAL = "help-others"
BAR_WIDTH = 10
BAR_GLYPHS = ("█", "░")
ASCII_GLYPHS = ("#", ".")


class CommandError(Exception):
    """Something the person can fix: printed as one line, then `goals` exits with `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line naming the help to read."""

    def error(self, message: str) -> NoReturn:
        """Raise the usage error instead of printing the usage and exiting."""
        raise CommandError(f"{message} (see '{self.prog} --help')", 2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `goals` with `argv` (default: the command line) and return the exit code."""
    _tolerant_output()
    try:
        args = parser().parse_args(argv)
        code: int = args.run(args)
        return code
    except CommandError as error:
        return _fail(error.message, error.code)
    except BrokenPipeError:  # the reader stopped early, e.g. goals status | head: not an error to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        return _fail(f"{where}{error.strerror or error}", 1)
    except KeyboardInterrupt:
        return 130


def _fail(message: str, code: int) -> int:
    """Print one error line to stderr and return the exit code."""
    print(f"goals: error: {' '.join(message.split())}", file=sys.stderr)
    return code


def _tolerant_output() -> None:
    """Never crash on a character the terminal cannot show (titles, bars): replace it instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def parser() -> argparse.ArgumentParser:
    """The `goals` command line with its subcommands."""
    top = _Parser(
        prog="goals",
        description="Write, check and publish a goals journal kept with the goals-journal MkDocs plugin.",
        epilog="Run 'goals COMMAND --help' for the options of a command.",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    top.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help="the journal's MkDocs configuration (default: mkdocs.yml in the current folder)",
    )
    top.set_defaults(run=lambda args: _missing_command(top, "init, new, check or status"))
    config = _Parser(add_help=False)
    config.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="the journal's MkDocs configuration (default: mkdocs.yml in the current folder)",
    )
    commands = top.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    _add_init(commands)
    _add_new(commands, config)
    _add_check(commands, config)
    _add_status(commands, config)
    return top


def _add_init(commands: Any) -> None:
    """`goals init [DIR]`."""
    init = commands.add_parser(
        "init",
        help="start a new journal that builds and publishes as it is",
        description="Start a new journal in DIR: mkdocs.yml, an about page, an example goal and entry, "
        ".gitignore and a GitHub Pages workflow. Nothing is overwritten: if any of these files "
        "exists, nothing is written.",
    )
    init.add_argument("dir", metavar="DIR", nargs="?", default=".", help="where to start it (default: here)")
    init.add_argument(
        "--timezone",
        metavar="ZONE",
        default="UTC",
        help="the journal's IANA time zone, such as Europe/Berlin (default: UTC)",
    )
    init.set_defaults(run=run_init)


def _add_new(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals new entry` and `goals new goal`."""
    new = commands.add_parser(
        "new",
        help="write a new journal entry or goal from a template",
        description="Write a new journal entry or goal from a template. Existing files are never overwritten.",
    )
    new.set_defaults(run=lambda args: _missing_command(new, "entry or goal"))
    kinds = new.add_subparsers(title="what to write", metavar="KIND", parser_class=_Parser)
    entry = kinds.add_parser(
        "entry",
        parents=[config],
        help="a journal entry for today",
        description="Write journal/<yyyy>/<yyyy-mm-dd>-<slug>.md for today in the journal's time zone, "
        "with front matter for the chosen goals: each metric they add up, set to 0. Prints the path.",
    )
    entry.add_argument(
        "--goal",
        metavar="ID",
        dest="goals",
        action="extend",
        nargs="+",
        default=[],
        help="a goal the entry works on (its file name in goals/); repeat for more",
    )
    entry.add_argument(
        "--title", metavar="TITLE", default="", help="the entry's title; it also names the file"
    )
    entry.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_date,
        help="the entry's day (default: today in the journal's time zone)",
    )
    entry.add_argument("--edit", action="store_true", help="open the new file in $EDITOR")
    entry.set_defaults(run=run_new_entry)
    goal = kinds.add_parser(
        "goal",
        parents=[config],
        help="a goal, from a template that explains every key",
        description="Write goals/<id>.md from a template that explains every key, started today.",
    )
    goal.add_argument("title", metavar="TITLE", help='the goal\'s title, e.g. "Help others"')
    goal.add_argument("--id", metavar="ID", help="the goal's id and file name (default: made from the title)")
    goal.set_defaults(run=run_new_goal)


def _add_check(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals check`."""
    check = commands.add_parser(
        "check",
        parents=[config],
        help="check every goal and entry file without building the site",
        description="Check every file in goals/ and journal/ against the front-matter contract, as the "
        "build does, and print each problem as path:line: message. Exits with 1 when there are errors.",
    )
    check.add_argument(
        "--strict", action="store_true", help="fail on warnings too, as 'mkdocs build --strict'"
    )
    check.set_defaults(run=run_check)


def _add_status(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals status`."""
    status = commands.add_parser(
        "status",
        parents=[config],
        help="show each goal's progress: the same numbers as the site",
        description="Show each goal's progress in the terminal, computed exactly as the site computes it.",
    )
    status.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_date,
        help="the day to compute the numbers for (default: the plugin's 'today', else today)",
    )
    status.add_argument(
        "--json", action="store_true", help="print the data of the site's /goals.json instead"
    )
    status.set_defaults(run=run_status)


def _missing_command(command: argparse.ArgumentParser, choices: str) -> int:
    """A command that needs a subcommand was given none."""
    command.error(f"choose a command: {choices}")


def _version() -> str:
    """The installed version of the package."""
    try:
        return metadata.version("mkdocs-goals-journal")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _date(text: str) -> dt.date:
    """A YYYY-MM-DD command-line date."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a real date written YYYY-MM-DD") from None


# The journal's configuration ------------------------------------------------------------------


@dataclass(frozen=True)
class Project:
    """A journal's MkDocs configuration and the goals-journal plugin's options in it."""

    file: Path
    config: MkDocsConfig
    plugin: GoalsJournalPlugin
    warnings: tuple[str, ...] = ()  # what MkDocs warned about in mkdocs.yml (--strict builds stop on them)

    def settings(self) -> Settings:
        """The plugin's settings, resolved exactly as a build resolves them."""
        from . import options

        try:
            settings, _ = options.resolve(self.plugin.config, self.config, serving=False)
        except options.OptionError as error:
            raise CommandError(f"{self.file}: {error}") from None
        return settings

    def folders(self) -> tuple[Path, Path, Path, ZoneInfo]:
        """The project root, goals and journal folders and time zone (without the feed settings)."""
        from . import options

        root = options.project_root(self.config.config_file_path)
        try:
            tz = options.time_zone(self.plugin.config.timezone)
        except options.OptionError as error:
            raise CommandError(f"{self.file}: {error}") from None
        return root, root / self.plugin.config.goals_dir, root / self.plugin.config.journal_dir, tz


def load_project(option: str | None) -> Project:
    """The journal whose mkdocs.yml is `option` or in the current folder."""
    file = _config_file(option)
    config, warnings = _load_mkdocs(file)
    plugin = _journal_plugin(config)
    if plugin is None:
        raise CommandError(
            f"{file} does not use the goals-journal plugin: add '- goals-journal' under 'plugins:'"
        )
    return Project(file, config, plugin, warnings)


def _journal_plugin(config: MkDocsConfig) -> GoalsJournalPlugin | None:
    """The goals-journal plugin among the configured ones."""
    from .plugin import GoalsJournalPlugin

    return next((p for p in config.plugins.values() if isinstance(p, GoalsJournalPlugin)), None)


def _config_file(option: str | None) -> Path:
    """The mkdocs.yml to read; a clear error when there is none."""
    if option:
        if not Path(option).is_file():
            raise CommandError(f"{option} does not exist: pass the mkdocs.yml of your journal with --config")
        return Path(option)
    for name in CONFIG_NAMES:
        if Path(name).is_file():
            return Path(name)
    raise CommandError(
        "there is no mkdocs.yml in this folder: run goals in your journal's folder, "
        "pass --config FILE, or start a new journal with 'goals init'"
    )


class _Messages(logging.Handler):
    """Keeps what MkDocs logs while it reads the configuration (instead of printing it)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember each warning and error message."""
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(record.getMessage())


def _load_mkdocs(file: Path) -> tuple[MkDocsConfig, tuple[str, ...]]:
    """Read and validate mkdocs.yml as MkDocs does, with its warnings; its first error becomes a CommandError."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    messages = _Messages()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        return load_config(str(file)), tuple(messages.warnings)
    except MkDocsException as error:
        raise CommandError(f"{file}: {messages.errors[0] if messages.errors else error}") from None
    finally:
        logger.removeHandler(messages)


def _shown(path: Path) -> str:
    """A path as the person would type it: relative to the current folder when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _scaffold(name: str) -> str:
    """The text of a file in the package's scaffold folder."""
    return package_files("goals_journal").joinpath(f"scaffold/{name}").read_text("utf-8")


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


def _a_year_on(day: dt.date) -> dt.date:
    """The day before the same date next year: a year-long goal's due date."""
    try:
        return day.replace(year=day.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return dt.date(day.year + 1, 2, 28)


# goals init -----------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    """Write a new journal into args.dir, or nothing if any of its files exists."""
    from .options import OptionError, time_zone

    try:
        tz = time_zone(args.timezone)
    except OptionError as error:
        raise CommandError(f"argument --timezone: {error}", 2) from None
    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{args.dir} is a file, not a folder: choose another place for the journal")
    files = init_files(_today(tz), args.timezone)
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
    print(f"Started a goals journal in {'this folder' if here else _shown(folder)}:")
    for name in files:
        print(f"  {name}")
    print("\n".join(_next_steps(folder)))
    return 0


def init_files(today: dt.date, timezone: str) -> dict[str, str]:
    """Every file `goals init` writes (path relative to the journal -> text), for a journal started today."""
    return {
        "mkdocs.yml": _template("mkdocs.yml", timezone=timezone),
        "docs/about.md": _scaffold("about.md"),
        f"goals/{EXAMPLE_GOAL}.md": _template(
            "example-goal.md", started=today.isoformat(), due=_a_year_on(today).isoformat()
        ),
        f"journal/{today:%Y}/{today.isoformat()}-first-entry.md": _scaffold("example-entry.md"),
        ".gitignore": _scaffold("gitignore"),
        ".github/workflows/publish.yml": _scaffold("publish.yml"),
    }


def _next_steps(folder: Path) -> list[str]:
    """What to do after `goals init`."""
    steps = ["", "Next:"]
    if folder.resolve() != Path.cwd().resolve():
        steps.append(f"  cd {shlex.quote(_shown(folder))}")
    return [
        *steps,
        "  mkdocs serve                  # preview the site at http://127.0.0.1:8000/",
        f'  goals new entry --goal {EXAMPLE_GOAL} --title "What I did today"',
        '  goals new goal "My own goal"',
        "  goals check                   # check every file, without building",
        "  goals status                  # every goal's progress",
        "To publish: set site_url in mkdocs.yml, push to the main branch of a GitHub repository, and",
        'choose "GitHub Actions" as the source in its Settings > Pages.',
    ]


# goals new entry / goals new goal -------------------------------------------------------------


def run_new_entry(args: argparse.Namespace) -> int:
    """Write a new entry for today (or --date) linked to the chosen goals, and print its path."""
    from .reader import read_journal, slugify

    editor = os.environ.get("EDITOR", "").strip()
    if args.edit and not editor:
        raise CommandError(
            "--edit opens $EDITOR, which is not set: set it (e.g. EDITOR=nano) or leave out --edit", 2
        )
    project = load_project(args.config)
    root, goals_dir, journal_dir, tz = project.folders()
    journal = read_journal(goals_dir, journal_dir, root, tz)
    goals = chosen_goals(args.goals, journal, goals_dir)
    day = args.date or _today(tz)
    title = " ".join(args.title.split())
    path = free_entry_path(journal_dir, day, slugify(title) or "entry", journal)
    _write_new(path, entry_text(title, goals))
    print(_shown(path))
    if args.edit:
        _edit(editor, path)
    return 0


def chosen_goals(ids: Iterable[str], journal: Journal, goals_dir: Path) -> list[Goal]:
    """The goals named on the command line; unknown ids are a usage error with a suggestion."""
    from .fields import did_you_mean

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
            f"could not start the editor '{editor}' ({error.strerror}); the entry is {_shown(path)}"
        ) from None


def run_new_goal(args: argparse.Namespace) -> int:
    """Write goals/<id>.md from the documented template, started today, and print its path."""
    from .reader import slugify

    title = " ".join(args.title.split())
    if not title:
        raise CommandError('the goal needs a title, e.g. goals new goal "Help others"', 2)
    goal_id = args.id if args.id is not None else slugify(title)
    if not GOAL_ID.match(goal_id):
        what = f"the id '{goal_id}'" if args.id is not None else f"the title '{title}' gives no usable id"
        raise CommandError(
            f"{what}: a goal id uses lowercase letters, digits, '-' and '_': choose one with --id", 2
        )
    project = load_project(args.config)
    _, goals_dir, _, tz = project.folders()
    path = goals_dir / f"{goal_id}.md"
    if path.exists():
        raise CommandError(f"{_shown(path)} already exists: choose another title or --id")
    today = _today(tz)
    text = _template(
        "goal.md",
        id=goal_id,
        title=_yaml("title", title).removeprefix("title: "),
        started=today.isoformat(),
        due=_a_year_on(today).isoformat(),
    )
    _write_new(path, text)
    print(_shown(path))
    return 0


# goals check ----------------------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    """Print every problem in goals/ and journal/ and a summary; exit 1 on errors (or warnings with --strict)."""
    from .reader import read_journal, visible_files

    project = load_project(args.config)
    settings = project.settings()
    journal = read_journal(settings.goals_dir, settings.journal_dir, settings.root, settings.tz)
    for message in project.warnings:
        print(f"{project.file.as_posix()}: warning: {message}")
    for problem in journal.problems:
        print(problem_line(problem))
    goal_files = sum(1 for p in visible_files(settings.goals_dir) if p.suffix == ".md")
    entry_files = sum(1 for p in visible_files(settings.journal_dir) if p.suffix == ".md")
    warnings = len(project.warnings) + len(journal.warnings)
    print(check_summary(len(journal.errors), warnings, goal_files, entry_files, args.strict))
    return 1 if journal.errors or (args.strict and warnings) else 0


def problem_line(problem: Problem) -> str:
    """path:line: message, with warnings marked as such."""
    if problem.severity == "warning":
        return f"{problem.path}:{problem.line}: warning: {problem.message}"
    return str(problem)


def check_summary(errors: int, warnings: int, goal_files: int, entry_files: int, strict: bool) -> str:
    """The one-line verdict of `goals check`."""
    checked = f"{_count(goal_files, 'goal file')} and {_count(entry_files, 'entry file')}"
    if not errors and not warnings:
        return f"No problems in {checked}."
    found = " and ".join(_count(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n)
    if errors:
        return f"{found} in {checked}: the site will not build until the errors are fixed."
    if strict:
        return f"{found} in {checked}: --strict (like mkdocs build --strict) fails on warnings."
    return f"{found} in {checked}: 'mkdocs build --strict' would stop on them."


def _count(number: int, one: str, many: str = "") -> str:
    """'1 error', '2 errors'."""
    return f"{number} {one if number == 1 else many or one + 's'}"


# goals status ---------------------------------------------------------------------------------


def run_status(args: argparse.Namespace) -> int:
    """Print each goal's progress (or the site's goals.json) from the same numbers as the site."""
    from .opendata import goals_document
    from .reader import read_journal
    from .site import build_site

    project = load_project(args.config)
    settings = project.settings()
    if args.today is not None:
        settings = replace(settings, today=args.today)
    journal = read_journal(settings.goals_dir, settings.journal_dir, settings.root, settings.tz)
    if journal.errors:
        raise CommandError(
            f"{_count(len(journal.errors), 'error')} in the journal, so the site would not build: "
            "run 'goals check' to see them"
        )
    site = build_site(journal, settings)
    if args.json:
        document = goals_document(site, project.config.site_url or "")
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    print("\n".join(status_lines(project.config.site_name, settings.today, list(site.progress.values()))))
    return 0


def status_lines(site_name: str, today: dt.date, goals: Sequence[GoalProgress]) -> list[str]:
    """The terminal report: a heading, then each goal with a bar, value and detail line per metric."""
    from .wording import long_date

    lines = [f"{site_name}: progress as of {long_date(today)}"]
    if not goals:
        return [*lines, "", 'No goals yet: add one with goals new goal "Title".']
    glyphs = _glyphs()
    for progress in goals:
        lines += ["", *goal_lines(progress, glyphs)]
    return lines


def goal_lines(progress: GoalProgress, glyphs: tuple[str, str] = BAR_GLYPHS) -> list[str]:
    """One goal: its title, id and status, then two lines per metric."""
    from .wording import metric_text

    lines = [f"{progress.goal.title} ({progress.goal.id}): {progress.status_text}"]
    width = max((len(m.metric.label) for m in progress.metrics), default=0)
    for metric in progress.metrics:
        text = metric_text(metric)
        value = text["value"] + (f" / {text['target']}" if text["target"] else "")
        lines.append(f"  {metric.metric.label:<{width}}  {bar(metric, glyphs)}  {value}")
        lines.append(f"  {'':<{width}}  {text['detail']}")
    if not progress.metrics:
        lines.append(f"  {_count(len(progress.entries), 'entry', 'entries')} so far")
    return lines


def bar(metric: MetricProgress, glyphs: tuple[str, str] = BAR_GLYPHS) -> str:
    """A text progress bar and percentage like the site's, e.g. '█████░░░░░  54%'; blank without one."""
    from .wording import percent

    if metric.fraction is None:
        return " " * (BAR_WIDTH + 6)
    filled = math.floor(percent(metric.fraction) * BAR_WIDTH / 100 + 0.5)
    shown = f"{percent(metric.fraction, clamp=False)}%"
    return f"{glyphs[0] * filled}{glyphs[1] * (BAR_WIDTH - filled)} {shown:>5}"


def _glyphs() -> tuple[str, str]:
    """Block characters for the bars, or ASCII where the output cannot show them."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "".join(BAR_GLYPHS).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII_GLYPHS
    return BAR_GLYPHS


if __name__ == "__main__":
    sys.exit(main())
