"""The journal's catalogs, with Babel's tools: extract the messages, start or update a language, compile.

    python tools/i18n.py extract        # every message of the code and templates -> locales/goals_journal.pot
    python tools/i18n.py init it        # a new catalog, locales/it/LC_MESSAGES/goals_journal.po, from the template
    python tools/i18n.py update         # every catalog gets the template's new messages (changed ones fuzzy)
    python tools/i18n.py compile        # every catalog compiled (in memory) and checked; exit 1 on a problem

The package reads the .po files themselves and compiles them in memory when a language is first
used, so nothing compiled is ever committed or shipped out of step; `compile` checks that each one
compiles and that its placeholders match the messages (Babel's checkers)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Iterator
from configparser import ConfigParser
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "plugins" / "goals_journal"
LOCALES = PACKAGE / "locales"
TEMPLATE = LOCALES / "goals_journal.pot"
MAPPING = Path(__file__).resolve().parent / "babel.cfg"
# The package's own gettext helpers (pages/words/language.py), besides the standard names the
# templates use (_, gettext, ngettext, pgettext, npgettext).
KEYWORDS = {**DEFAULT_KEYWORDS, "n_": (1, 2), "p_": ((1, "c"), 2), "np_": ((1, "c"), 2, 3)}
FIXED_DATE = dt.datetime(
    2026, 1, 1, tzinfo=dt.timezone.utc
)  # the header's dates: a new template only when messages change


def mapping() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    """Babel's method map and options from tools/babel.cfg: which files are Python, which Jinja."""
    config = ConfigParser()
    config.read(MAPPING, encoding="utf-8")
    methods, options = [], {}
    for section in config.sections():
        method, pattern = (part.strip() for part in section.split(":", 1))
        methods.append((pattern, method))
        options[pattern] = dict(config.items(section))
    return methods, options


def extracted() -> Catalog:
    """Every message of the package's code and templates, as a template catalog."""
    methods, options = mapping()
    catalog = Catalog(
        project="mkdocs-goals-journal", version="0.1.0", creation_date=FIXED_DATE, revision_date=FIXED_DATE
    )
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "the mkdocs-goals-journal authors"
    found = extract_from_dir(
        PACKAGE, methods, options, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    )
    for filename, line, message, comments, context in found:
        where = (Path("plugins/goals_journal") / filename).as_posix()
        catalog.add(message, None, [(where, line)], auto_comments=comments, context=context)
    return catalog


def po_text(catalog: Catalog, template: bool = False) -> bytes:
    """A catalog as .po (or .pot) text: sorted by message, wrapped as Babel wraps it."""
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=100,
        sort_output=True,
        ignore_obsolete=True,
        include_previous=False,
        include_lineno=False,
    )
    return out.getvalue()


def catalogs() -> Iterator[Path]:
    """Every language's .po file."""
    yield from sorted(LOCALES.glob("*/LC_MESSAGES/goals_journal.po"))


def extract() -> int:
    """Write the template from the sources."""
    TEMPLATE.write_bytes(po_text(extracted(), template=True))
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(extracted())} messages")
    return 0


def init(language: str) -> int:
    """Start a catalog for `language` from the template (never over an existing one)."""
    path = LOCALES / language / "LC_MESSAGES" / "goals_journal.po"
    if path.exists():
        print(f"{path.relative_to(ROOT)} exists: run 'update' instead", file=sys.stderr)
        return 1
    with TEMPLATE.open("rb") as pot:
        template = read_po(pot)
    catalog = Catalog(
        locale=language, project=template.project, creation_date=FIXED_DATE, revision_date=FIXED_DATE
    )
    catalog.update(template)
    path.parent.mkdir(parents=True)
    path.write_bytes(po_text(catalog))
    print(f"{path.relative_to(ROOT)}: {len(catalog)} messages to translate")
    return 0


def update() -> int:
    """Bring every catalog up to the template: new messages added, changed ones marked fuzzy, gone ones dropped."""
    with TEMPLATE.open("rb") as pot:
        template = read_po(pot)
    for path in catalogs():
        with path.open("rb") as po:
            catalog = read_po(po, locale=path.parent.parent.name)
        catalog.update(template, update_header_comment=False)
        path.write_bytes(po_text(catalog))
        missing = sum(1 for message in catalog if message.id and (not message.string or message.fuzzy))
        print(f"{path.relative_to(ROOT)}: {missing} messages to translate or review")
    return 0


def compile_all() -> int:
    """Compile every catalog in memory and run Babel's checks; 1 when any has a problem."""
    problems = 0
    for path in catalogs():
        with path.open("rb") as po:
            catalog = read_po(po, locale=path.parent.parent.name)
        for message, errors in catalog.check():
            for error in errors:
                problems += 1
                print(f"{path.relative_to(ROOT)}:{message.lineno}: {error}", file=sys.stderr)
        write_mo(io.BytesIO(), catalog, use_fuzzy=False)
        print(f"{path.relative_to(ROOT)}: compiled")
    return 1 if problems else 0


def main() -> int:
    """Run the command named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="write locales/goals_journal.pot from the code and templates")
    commands.add_parser("init", help="start a catalog for a language").add_argument("language")
    commands.add_parser("update", help="bring every catalog up to the template")
    commands.add_parser("compile", help="compile and check every catalog")
    args = parser.parse_args()
    if args.command == "init":
        return init(args.language)
    return {"extract": extract, "update": update, "compile": compile_all}[args.command]()


if __name__ == "__main__":
    sys.exit(main())
