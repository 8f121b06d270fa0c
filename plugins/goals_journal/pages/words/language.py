"""The language the words are in: the gettext catalogs shipped with the package, and Babel's locale.

A build speaks one language: `speaking(code)` (or `speak` and `stop` across a host's events)
chooses it for the running context, so builds in several languages in one process never mix.
Without one, everything is English. The catalogs are the `.po` files under `locales/`, compiled
in memory the first time a language is used (no compile step, no `.mo` files to keep in step)."""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"  # plugins/goals_journal/locales
DOMAIN = "goals_journal"  # locales/<code>/LC_MESSAGES/goals_journal.po
ENGLISH = "en"  # the language of the messages themselves: it needs no catalog
TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")  # de, pt-BR, pt_BR, zh-Hant-TW


@dataclass(frozen=True)
class Language:
    """A language to write in: Babel's locale (dates, numbers, plurals, the week, the direction)
    and the translations of the catalog its words come from."""

    code: str  # normalised for Babel and gettext: de, pt_BR
    locale: Locale
    words: str  # the catalog used: the code, its language alone (de for de_AT), or en
    translations: gettext.NullTranslations

    @property
    def tag(self) -> str:
        """The BCP 47 tag, as HTML and feeds write it: pt-BR."""
        return self.code.replace("_", "-")

    @property
    def rtl(self) -> bool:
        """Whether its script is written right to left (Arabic, Hebrew, Persian, Urdu)."""
        return bool(self.locale.text_direction == "rtl")


def normalise(code: str) -> str:
    """A language code as Babel and gettext write it ("pt-BR" -> "pt_BR"); ValueError when Babel
    does not know it."""
    text = code.strip()
    if not TAG.match(text):
        raise ValueError(code)
    try:
        return str(Locale.parse(text.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        raise ValueError(code) from None


def shipped() -> tuple[str, ...]:
    """Every language the package has words for: English and each catalog under locales/."""
    catalogs = sorted(path.parent.parent.name for path in LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (ENGLISH, *catalogs)


def catalog_for(code: str) -> str:
    """The catalog a language's words come from: its own, its language's (de for de_AT), else English."""
    languages = shipped()
    for candidate in (code, code.split("_")[0]):
        if candidate in languages:
            return candidate
    return ENGLISH


def catalog_path(code: str) -> Path:
    """Where the catalog of a language is."""
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(words: str) -> gettext.NullTranslations:
    """The translations of a shipped catalog, compiled from its .po file (fuzzy entries left out)."""
    if words == ENGLISH:
        return gettext.NullTranslations()
    with catalog_path(words).open("rb") as po:
        catalog = read_po(po, locale=words, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def language(code: str) -> Language:
    """The language called `code` (normalised or not); English for a code Babel does not know."""
    try:
        normal = normalise(code)
    except ValueError:
        normal = ENGLISH
    words = catalog_for(normal)
    return Language(normal, Locale.parse(normal), words, translations(words))


_speaking: ContextVar[Language | None] = ContextVar("goals_journal_language", default=None)


def current() -> Language:
    """The language being spoken (English unless a host chose another)."""
    return _speaking.get() or language(ENGLISH)


def speak(code: str) -> Token[Language | None]:
    """Speak `code` from now on in this context (until `stop` with the token)."""
    return _speaking.set(language(code))


def stop(token: Token[Language | None] | None) -> None:
    """Speak what was spoken before `speak` gave the token (nothing to do for None)."""
    if token is None:
        return
    try:
        _speaking.reset(token)
    except RuntimeError:  # stopped already (a failed build of one language of several, stopped twice)
        pass
    except ValueError:  # set in another context (a host that lost track): speak English again
        _speaking.set(None)


@contextmanager
def speaking(code: str) -> Iterator[Language]:
    """Speak `code` inside the block."""
    token = speak(code)
    try:
        yield current()
    finally:
        stop(token)


def _(message: str, **values: object) -> str:
    """A message in the current language, its %(name)s placeholders filled."""
    text = current().translations.gettext(message)
    return text % values if values else text


def n_(singular: str, plural: str, count: int, **values: object) -> str:
    """A message about `count` things, in the plural form the language uses for that many; %(count)s
    is the count written in the language's way."""
    language = current()
    text = language.translations.ngettext(singular, plural, count)
    return text % {"count": _counted(language.code, count), **values}


def p_(context: str, message: str, **values: object) -> str:
    """A message whose English is ambiguous, told apart by `context` ("met" as a state or a verb)."""
    text = current().translations.pgettext(context, message)
    return text % values if values else text


def np_(context: str, singular: str, plural: str, count: int, **values: object) -> str:
    """n_ with a context."""
    language = current()
    text = language.translations.npgettext(context, singular, plural, count)
    return text % {"count": _counted(language.code, count), **values}


@lru_cache(maxsize=1 << 14)
def _counted(code: str, count: int) -> str:
    """A count as the language writes it: 1,234; 1.234 (kept: counts repeat)."""
    return str(format_decimal(count, locale=language(code).locale))
