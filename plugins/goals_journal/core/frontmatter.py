"""Split a Markdown file into YAML front matter and body, keeping line numbers for messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import Problem

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe YAML loader (C-accelerated when available) that leaves dates as text for us to parse."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: node.value)

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")

_YAML_HINTS = (
    ("cannot start any token", 'quote the value, e.g. who: "@jane"'),
    ("mapping values are not allowed", "quote text that contains ': ', e.g. how: \"Tip: ...\""),
    (
        "could not find expected ':'",
        "each line needs 'key: value'; quote text with special characters",
    ),
    ("found unexpected end of stream", "close the quote or bracket that was opened"),
    ("found undefined alias", "quote text that starts with '*'"),
)


class FrontMatterError(Exception):
    """The file cannot be split or its YAML cannot be parsed."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """A parsed source file: front matter data, its YAML node tree, and the body."""

    data: dict[str, Any]
    node: yaml.Node | None
    first_line: int
    body: str
    body_line: int

    def line(self, *path: str | int) -> int:
        """The file line of the key (or list item) at `path`, or of the closest parent that exists."""
        node = self.node
        line = max(1, self.first_line - 1)  # the opening '---'
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            key_node, node = child
            line = (key_node or node).start_mark.line + self.first_line
        return line


def _child(node: yaml.Node | None, step: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The (key node, value node) of a mapping key or the (None, item) of a sequence index."""
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return None, node.value[step]
    return None


def decode(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM) and normalise line endings; raise FrontMatterError."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FrontMatterError(
            line, "the file is not valid UTF-8 text: re-save it with UTF-8 encoding"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str) -> Document:
    """Split front matter from the body and parse it; raise FrontMatterError on bad input."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return Document({}, None, 1, text, 1)
    number = next((n for n, line in enumerate(lines[1:], start=1) if _CLOSE.match(line)), 0)
    if not number:
        raise FrontMatterError(
            1, "the front matter opened by '---' is never closed: add a '---' line after it"
        )
    source = "\n".join(lines[1:number])
    node = _compose(source)
    data = _construct(node) if node is not None else {}
    if not isinstance(data, dict):
        raise FrontMatterError(2, "the front matter must be 'key: value' lines")
    _check_duplicate_keys(node)
    return Document(data, node, 2, "\n".join(lines[number + 1 :]), number + 2)


def _compose(source: str) -> yaml.Node | None:
    """Parse YAML text into a node tree, turning parser errors into FrontMatterError."""
    loader = _Loader(source)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except yaml.MarkedYAMLError as error:
        raise _yaml_error(error) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(2, f"invalid YAML in the front matter: {error}") from None
    finally:
        loader.dispose()


def _yaml_error(error: yaml.MarkedYAMLError) -> FrontMatterError:
    """A parser error at the line to fix: where an unclosed bracket or quote was opened, if it was."""
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    opened = error.context_mark if any(word in context for word in ("flow", "quoted")) else None
    if opened is not None:
        line = 2 + opened.line
        if "quoted" in context:
            fix = "add the closing quote"
            what = "quote"
        else:
            what = "[" if "sequence" in context else "{"
            fix = f'close it with {"]" if what == "[" else "}"}, or quote the whole value, e.g. title: "[draft] My week"'
        return FrontMatterError(
            line, f"invalid YAML in the front matter: the {what} opened on line {line} is never closed: {fix}"
        )
    mark = error.problem_mark or error.context_mark
    hint = next((fix for clue, fix in _YAML_HINTS if clue in problem), "check the YAML syntax")
    return FrontMatterError(
        2 + (mark.line if mark else 0), f"invalid YAML in the front matter ({problem}): {hint}"
    )


def _construct(node: yaml.Node) -> Any:
    """Turn a node tree into Python data."""
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise FrontMatterError(2 + (mark.line if mark else 0), f"invalid YAML value: {error}") from None
    finally:
        loader.dispose()


def _check_duplicate_keys(node: yaml.Node | None) -> None:
    """Reject a mapping that names the same key twice (YAML would silently keep the last)."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise FrontMatterError(
                        2 + key.start_mark.line,
                        f"'{key.value}' is given twice: keep one of them",
                    )
                seen.add(key.value)
            _check_duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(item)


@dataclass(frozen=True)
class Loaded:
    """One file read and split, or None, and what was wrong with it."""

    document: Document | None
    problems: tuple[Problem, ...] = ()


def load(path: Path, display: str) -> Loaded:
    """Read, decode and split one file, with a problem when that fails."""
    problems: list[Problem] = []
    try:
        text, removed = _without_control_characters(decode(path.read_bytes()), display)
        problems += removed
        if not text.strip():
            problems.append(Problem(display, 1, "the file is empty: add front matter and text, or delete it"))
            return Loaded(None, tuple(problems))
        return Loaded(parse(text), tuple(problems))
    except FrontMatterError as error:
        problems.append(Problem(display, error.line, error.message))
    except OSError as error:
        problems.append(Problem(display, 1, f"cannot read the file: {error.strerror}"))
    return Loaded(None, tuple(problems))


def _without_control_characters(text: str, display: str) -> tuple[str, list[Problem]]:
    """Text without the characters that XML (and so feeds) forbid, and a warning at the first one."""
    found = _CONTROL.search(text)
    if found is None:
        return text, []
    line = text.count("\n", 0, found.start()) + 1
    count = len(_CONTROL.findall(text))
    warning = Problem(
        display,
        line,
        f"removed {count} invisible control character{'s' if count != 1 else ''} "
        f"(first: U+{ord(found.group()):04X}) that feeds cannot carry: re-save the file without them",
        "warning",
    )
    return _CONTROL.sub("", text), [warning]
