"""The site's language: the plugin's `language` option, else Material's `theme.language`, checked
against Babel and the catalogs the package ships; and the first day of the week it implies."""

from __future__ import annotations

from babel import Locale

from ..core.model import Problem
from ..core.vocabulary import WEEKDAYS
from ..pages.words.language import ENGLISH, catalog_for, normalise, shipped
from .colors import config_line


def site_language(option: str | None, theme: str, config_file: str | None) -> tuple[str, tuple[Problem, ...]]:
    """The language code the site is written in (de, pt_BR), and a warning or a note about it.

    A code Babel does not know is a warning: the site is then English. A language the package has
    no words for is a note: its words are English, its dates and numbers its own."""
    given = (option or theme or "").strip()
    if not given:
        return ENGLISH, ()
    key = "language"
    where = config_line(config_file, key, given)
    languages = ", ".join(code.replace("_", "-") for code in shipped())
    try:
        code = normalise(given)
    except ValueError:
        message = (
            f"language '{given}' is not a language code Babel knows, so the site is written in English: "
            f"use a BCP 47 tag such as de or pt-BR (the plugin has words in {languages})"
        )
        return ENGLISH, (Problem(*where, message, "warning"),)
    if catalog_for(code) == ENGLISH and Locale.parse(code).language != ENGLISH:
        message = (
            f"language '{given}': the plugin has no words in it yet (it has {languages}), so its words "
            "are English while dates and numbers follow the language; see 'Translating the journal' "
            "in the README to add them"
        )
        return code, (Problem(*where, message, "note"),)
    return code, ()


def first_weekday(option: str | None, language: str) -> int:
    """The first day of the week (Monday = 0): the `week_start` option, else the language's own
    (Monday for English, as the journal always counted, and for most of Europe; Sunday for pt-BR)."""
    if option:
        return WEEKDAYS.index(option)
    first = Locale.parse(language).first_week_day
    return first if isinstance(first, int) else 0
