"""Typed, line-aware access to one file's front matter that records every problem it finds."""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from .frontmatter import Document
from .model import Problem

KeyPath = tuple[str | int, ...]

LARGEST_VALUE = 1e9
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FLOAT_TEXT = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$")  # 1e12: a number YAML 1.1 reads as text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to `word`, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def dotted(path: KeyPath) -> str:
    """How a key path is written in messages: helped[2].how -> helped item 3 'how'."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


class Fields:
    """Reads values out of a Document, records problems with file and line, returns clean values."""

    def __init__(self, doc: Document, display_path: str, problems: tuple[Problem, ...] = ()) -> None:
        self.doc = doc
        self.path = display_path
        self.problems = list(problems)  # those found so far in this file, this reading's own
        self.failed = False

    def error(self, message: str, path: KeyPath = ()) -> None:
        """Record an error at the line of `path`."""
        self.failed = True
        self.problems.append(Problem(self.path, self.doc.line(*path), message))

    def warn(self, message: str, path: KeyPath = ()) -> None:
        """Record a warning at the line of `path`."""
        self.problems.append(Problem(self.path, self.doc.line(*path), message, "warning"))

    def note(self, message: str, path: KeyPath = ()) -> None:
        """Record a note: worth knowing, never stops a build."""
        self.problems.append(Problem(self.path, self.doc.line(*path), message, "note"))

    def get(self, path: KeyPath) -> Any:
        """The raw value at `path`, or None."""
        value: Any = self.doc.data
        for step in path:
            if isinstance(step, str) and isinstance(value, dict):
                value = value.get(step)
            elif isinstance(step, int) and isinstance(value, list) and step < len(value):
                value = value[step]
            else:
                return None
        return value

    def unknown_keys(self, mapping: dict[Any, Any], allowed: Sequence[str], path: KeyPath = ()) -> None:
        """Warn about keys that are not part of the contract, suggesting the closest known key."""
        for key in mapping:
            if str(key) not in allowed:
                where = f" in {dotted(path)}" if path else ""
                self.warn(
                    f"unknown key '{key}'{where}{did_you_mean(str(key), allowed)}; "
                    f"known keys: {', '.join(allowed)}",
                    (*path, str(key)),
                )

    def text(self, path: KeyPath, required: bool = False, default: str = "") -> str:
        """A non-empty single string."""
        value = self.get(path)
        if value is None:
            if required:
                self.error(f"'{dotted(path)}' is required: add {path[-1]}: ...", path[:-1])
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(f"'{dotted(path)}' must be text, not {_kind(value)}: quote it", path)
            return default
        text = str(value).strip()
        if not text and required:
            self.error(f"'{dotted(path)}' must not be empty", path)
        return text or default

    def choice(self, path: KeyPath, choices: Sequence[str], default: str | None) -> str | None:
        """One of a fixed set of words."""
        value = self.get(path)
        if value is None:
            return default
        if not isinstance(value, str) or value not in choices:
            self.error(
                f"'{dotted(path)}' must be one of {', '.join(choices)}, not {value!r}"
                f"{did_you_mean(str(value), choices)}",
                path,
            )
            return default
        return value

    def flag(self, path: KeyPath) -> bool:
        """true or false."""
        value = self.get(path)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(f"'{dotted(path)}' must be true or false, not {value!r}", path)
            return False
        return value

    def words(self, path: KeyPath) -> tuple[str, ...]:
        """A list of short strings, such as tags or goal ids."""
        value = self.get(path)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(
                f"'{dotted(path)}' must be a list, e.g. {path[-1]}: [{_scalar(value)}]",
                path,
            )
            return ()
        words: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int) or not str(item).strip():
                self.error(f"item {index + 1} of '{dotted(path)}' must be text: quote it", (*path, index))
            elif str(item).strip() not in words:
                words.append(str(item).strip())
        return tuple(words)

    def number(self, path: KeyPath, positive: bool = False) -> float | None:
        """A finite, non-negative number (strictly positive if asked)."""
        value = self.get(path)
        if value is None:
            return None
        if isinstance(value, str) and _FLOAT_TEXT.match(value.strip()):
            self.error(
                f"'{dotted(path)}' must be a number, but YAML reads {value.strip()} as text (an exponent "
                f"needs a dot and a sign, as in 1.5e+3): write the number out, e.g. {_written_out(value)}",
                path,
            )
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(f"'{dotted(path)}' must be a number, not {_yaml_words(value)}", path)
            return None
        if not math.isfinite(value):
            self.error(
                f"'{dotted(path)}' = {_yaml_words(value)} is not a usable number: use a plain number", path
            )
            return None
        if abs(value) > LARGEST_VALUE:
            self.error(
                f"'{dotted(path)}' = {value:,.0f} is larger than {LARGEST_VALUE:,.0f} (10^9), the largest "
                "number the journal counts: check the value",
                path,
            )
            return None
        if value < 0 or (positive and value == 0):
            need = "greater than 0" if positive else "0 or more"
            self.error(f"'{dotted(path)}' must be {need}, not {value!r}", path)
            return None
        return float(value)

    def date(self, path: KeyPath, required: bool = False) -> dt.date | None:
        """A calendar date written YYYY-MM-DD."""
        value = self.get(path)
        if value is None:
            if required:
                self.error(f"'{dotted(path)}' is required: add {path[-1]}: YYYY-MM-DD", path[:-1])
            return None
        text = str(value).strip()
        if not _DATE.match(text):
            self.error(f"'{dotted(path)}' must be a date written YYYY-MM-DD, not {text!r}", path)
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError as error:
            self.error(f"'{dotted(path)}' = {text} is not a real date ({error})", path)
            return None

    def moment(self, path: KeyPath) -> dt.date | dt.datetime | None:
        """A date, or an ISO date-time (naive or with a UTC offset)."""
        value = self.get(path)
        if value is None:
            return None
        text = str(value).strip()
        if _DATE.match(text):
            return self.date(path)
        try:
            return dt.datetime.fromisoformat(re.sub(r"[zZ]$", "+00:00", text.replace(" ", "T", 1)))
        except ValueError:
            self.error(
                f"'{dotted(path)}' must be YYYY-MM-DD or an ISO date-time such as "
                f"2027-01-03T21:30:00-05:00, not {text!r}",
                path,
            )
            return None

    def link(self, path: KeyPath) -> str:
        """An absolute http(s) URL."""
        url = self.text(path)
        if url and (urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc):
            self.error(f"'{dotted(path)}' must be an http:// or https:// address, not {url!r}", path)
            return ""
        return url

    def links(self, path: KeyPath) -> tuple[str, ...]:
        """A list of absolute http(s) URLs."""
        value = self.get(path)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(f"'{dotted(path)}' must be a list of addresses, e.g. {path[-1]}: [https://...]", path)
            return ()
        found = (self.link((*path, index)) for index in range(len(value)))
        return tuple(dict.fromkeys(url for url in found if url))

    def mapping(self, path: KeyPath, example: str) -> dict[Any, Any]:
        """A mapping of keys to values."""
        value = self.get(path)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(f"'{dotted(path)}' must be a mapping, e.g. {example}", path)
            return {}
        return value


def _kind(value: Any) -> str:
    """A word for the YAML type of `value`."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, int | float):
        return "a number"
    return "text"


def _yaml_words(value: Any) -> str:
    """A value as the author wrote it in YAML: true, .inf, a list, text 'x'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    if isinstance(value, list | dict):
        return _kind(value)
    if isinstance(value, str):
        return f"text {value!r}"
    return repr(value)


def _written_out(text: str) -> str:
    """1e12 written without an exponent."""
    number = float(text.strip())
    return f"{int(number)}" if number.is_integer() and abs(number) < 1e18 else f"{number!r}"


def _scalar(value: Any) -> str:
    """A short rendering of a value for an example in a message."""
    return str(value) if isinstance(value, str | int | float) else "..."
