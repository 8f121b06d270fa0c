"""The site's language: the plugin's `language` option, else Material's `theme.language`, checked
against Babel and the catalogs the package ships; and the first day of the week it implies.

A site built in several languages (mkdocs-static-i18n) is built once per language: each build is
in its own language, and every build counts weeks from the default language's first day, so every
language shows the same numbers and the same weekly roundups."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from ..core.model import Problem
from ..core.vocabulary import WEEKDAYS
from ..pages.words.language import ENGLISH, catalog_for, normalise, shipped
from .colors import config_line


@dataclass(frozen=True)
class LanguageBuild:
    """One language's build of a site built in several, one after the other (mkdocs-static-i18n)."""

    language: str  # this build's language, as mkdocs.yml names it (de, pt-BR)
    default: str  # the language built at the site's root
    languages: tuple[str, ...]  # every language built

    @property
    def folder(self) -> str:
        """Where this build's pages go below the site's root: "" for the default language, else de/."""
        return "" if self.language == self.default else f"{self.language}/"


@dataclass(frozen=True)
class ChosenLanguage:
    """The language a build is written in, the first day of its weeks, the language its feeds name
    ("" when the site names none) and what is wrong with how it was chosen."""

    code: str  # as Babel and gettext write it: de, pt_BR
    week_start: int  # Monday = 0
    feed_tag: str  # BCP 47: pt-BR
    problems: tuple[Problem, ...] = ()


def choose_language(
    option: str | None,
    week_start: str | None,
    theme: str,
    build: LanguageBuild | None,
    config_file: str | None,
) -> ChosenLanguage:
    """The language of a build: the `language` option, else theme.language; in a build of several
    languages, the build's own (the option is then not used, and a note says so)."""
    if build is None:
        code, problems = site_language(option, theme, config_file)
        return ChosenLanguage(
            code, first_weekday(week_start, code), _tag(code) if option or theme else "", problems
        )
    code, problems = site_language(None, build.language, config_file, key="locale")
    default, _ = site_language(None, build.default, config_file, key="locale")
    if option:
        where = config_line(config_file, "language", option)
        names = ", ".join(build.languages)
        message = (
            f"language '{option}' is not used: mkdocs-static-i18n builds the site in {names}, each "
            "build in its own language (remove the option)"
        )
        problems = (Problem(*where, message, "note"), *problems)
    return ChosenLanguage(code, first_weekday(week_start, default), _tag(code), problems)


def _tag(code: str) -> str:
    """A Babel code as a BCP 47 tag: pt_BR -> pt-BR."""
    return code.replace("_", "-")


def site_language(
    option: str | None, theme: str, config_file: str | None, key: str = "language"
) -> tuple[str, tuple[Problem, ...]]:
    """The language code the site is written in (de, pt_BR), and a warning or a note about it
    (placed at the line of mkdocs.yml where `key` names it).

    A code Babel does not know is a warning: the site is then English. A language the package has
    no words for is a note: its words are English, its dates and numbers its own."""
    given = (option or theme or "").strip()
    if not given:
        return ENGLISH, ()
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
