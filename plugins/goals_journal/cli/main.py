"""The `goals` command line: its parser and subcommands, and how errors are reported."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module, metadata
from typing import Any, NoReturn

from ..core.activity import PLATFORMS
from .errors import CommandError

ENGINES = ("mkdocs", "properdocs", "zensical")  # what goals build and goals serve can run (see engines)


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs a command, imported when it runs (so that help and usage errors are quick)."""
    module, function = name.rsplit(".", 1)

    def run(args: argparse.Namespace) -> int:
        code: int = getattr(import_module(f"{__package__}.{module}"), function)(args)
        return code

    return run


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
    top.set_defaults(
        run=lambda args: _missing_command(
            top, "init, new, log, remind, check, status, build, serve or import"
        )
    )
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
    _add_build(commands, config)
    _add_serve(commands, config)
    _add_log(commands, config)
    _add_remind(commands, config)
    _add_import(commands, config)
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
    init.add_argument(
        "--site-url",
        metavar="URL",
        help="the address the site will have, such as https://me.github.io/journal/ (default: guessed "
        "from the folder's GitHub remote 'origin', else a placeholder that builds warn about)",
    )
    _add_engine(init, "the generator its publishing workflow builds with (default: mkdocs)")
    init.set_defaults(run=_command("writing.run_init"))


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
    entry.set_defaults(run=_command("writing.run_new_entry"))
    goal = kinds.add_parser(
        "goal",
        parents=[config],
        help="a goal, from a template that explains every key",
        description="Write goals/<id>.md from a template that explains every key, started today.",
    )
    goal.add_argument("title", metavar="TITLE", help='the goal\'s title, e.g. "Help others"')
    goal.add_argument("--id", metavar="ID", help="the goal's id and file name (default: made from the title)")
    goal.set_defaults(run=_command("writing.run_new_goal"))


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
    check.set_defaults(run=_command("reports.run_check"))


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
    status.set_defaults(run=_command("reports.run_status"))


def _add_import(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals import PLATFORM PATH`."""
    command = commands.add_parser(
        "import",
        parents=[config],
        help="turn your own social-media archive into draft entries",
        description="Read the archive you downloaded from a platform (offline) and write one draft entry per "
        "day: boosts and links to others' sites add to shared_others, links to your own site to shared_own, "
        "replies to others become helped items. Nothing is written on any error; importing again skips "
        "what was imported before.",
    )
    command.add_argument(
        "platform", choices=PLATFORMS, metavar="PLATFORM", help=f"one of {', '.join(PLATFORMS)}"
    )
    command.add_argument(
        "path", metavar="PATH", help="the archive: a .zip, .tar.gz, .car, folder or outbox.json"
    )
    command.set_defaults(run=_command("importing.run_import"))


def _add_log(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals log [METRIC=N ...]`."""
    log = commands.add_parser(
        "log",
        parents=[config],
        help="add numbers, an act of help or a note to the day's entry, in one line",
        description="Add numbers, an act of help and a note to the day's entry, creating it when the day has "
        "none; the goals the numbers belong to are linked. Nothing else in the file changes. The file is "
        "checked as 'goals check' would before it is written; on any problem nothing is written.",
    )
    log.add_argument(
        "amounts",
        metavar="METRIC=N",
        nargs="*",
        help="add N to a metric (or ratio part) of a goal, e.g. reach_out=3",
    )
    log.add_argument(
        "--goal",
        metavar="ID",
        dest="goals",
        action="append",
        default=[],
        help="link a goal too; repeat for more",
    )
    log.add_argument(
        "--helped", metavar="HOW", action="append", default=[], help="one act of help: how you helped"
    )
    log.add_argument("--who", metavar="WHO", help="whom --helped helped, e.g. @jane")
    log.add_argument(
        "--kind",
        metavar="KIND",
        help="the act's kind: answer, resource, compliment, intro, feedback or other",
    )
    log.add_argument("--where", metavar="PLATFORM", help="where the act happened, e.g. mastodon")
    log.add_argument("--link", metavar="URL", help="an http(s) address that shows the act")
    log.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_date,
        help="the day to log (default: today in the journal's time zone)",
    )
    log.add_argument("--note", metavar="TEXT", help="a paragraph to add to the entry's text")
    log.set_defaults(run=_command("logbook.run_log"))


def _add_remind(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals remind`."""
    remind = commands.add_parser(
        "remind",
        parents=[config],
        help="list what is at risk today: streaks, periods ending unmet, totals about to fall behind",
        description="List what is at risk as of today: a daily streak that breaks unless something is logged "
        "today, a day, week or month ending with its target not met, a total safe for remind_safe_days days "
        "of pace or fewer. A report: exits with 0 whatever it finds.",
    )
    remind.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_date,
        help="the day to look from (default: the plugin's 'today', else today)",
    )
    remind.add_argument("--json", action="store_true", help="print the list as JSON (see the README)")
    remind.set_defaults(run=_command("remind.run_remind"))


def _add_build(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals build`."""
    build = commands.add_parser(
        "build",
        parents=[config],
        help="build the site (MkDocs, ProperDocs or Zensical); the previous site stays until the new one is complete",
        description="Build the site as 'mkdocs build' does (or with ProperDocs or Zensical), into a fresh folder "
        "next to the site folder, and put it in place of the previous site only once the build is complete. "
        "A failed or interrupted build leaves the previous site as it was. Exits with 1 when the build fails.",
    )
    build.add_argument(
        "-d",
        "--site-dir",
        metavar="SITE_DIR",
        default=None,
        help="where to put the site, relative to the current folder (default: site_dir of mkdocs.yml)",
    )
    build.add_argument(
        "--strict", action="store_true", help="fail on warnings too, as 'mkdocs build --strict'"
    )
    _add_engine(build)
    build.set_defaults(run=_command("build.run_build"))


def _add_serve(commands: Any, config: argparse.ArgumentParser) -> None:
    """`goals serve`."""
    serve = commands.add_parser(
        "serve",
        parents=[config],
        help="preview the site, drafts included, rebuilt when goals/, journal/ or docs/ change",
        description="Preview the site with the chosen generator, as 'mkdocs serve' does: drafts are shown, "
        "and the site is rebuilt whenever a file in goals/, journal/, docs/ or mkdocs.yml changes.",
    )
    serve.add_argument(
        "-a",
        "--dev-addr",
        metavar="IP:PORT",
        default=None,
        help="the address to serve at (default: the generator's, 127.0.0.1:8000 or localhost:8000)",
    )
    _add_engine(serve)
    serve.set_defaults(run=_command("build.run_serve"))


def _add_engine(command: argparse.ArgumentParser, what: str = "") -> None:
    """The --engine option of build, serve and init."""
    command.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help=what
        or "the generator: mkdocs (the default), properdocs (the MkDocs 1.x fork) or zensical "
        '(pip install "mkdocs-goals-journal[zensical]")',
    )


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


if __name__ == "__main__":
    sys.exit(main())
