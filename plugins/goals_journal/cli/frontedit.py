"""Add numbers, goals, an act of help and a paragraph to an entry, changing nothing else in its file.

ruamel.yaml's round-trip composer finds every node of the front matter with its exact place and
style (flow or block); only the values that change are rewritten there, and new ones are written in
the style of their neighbours. Every other byte (comments, key order, quoting, spacing, line endings,
a byte-order mark, the body) stays as it was."""

from __future__ import annotations

import codecs
import io
import json
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import CommandError

_FENCE = re.compile(r"^---[ \t]*$")  # as core.frontmatter reads a file
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
HELPED_ORDER = ("who", "how", "kind", "where", "link")  # the order of the front matter reference


@dataclass(frozen=True)
class Changes:
    """What to change in one entry."""

    goals: tuple[str, ...] = ()  # goal ids to add to `goals:`
    metrics: dict[str, float] = field(default_factory=dict)  # metric id -> its new value
    helped: dict[str, str] | None = None  # one act of help to add to `helped:`
    note: str = ""  # a paragraph to add at the end of the body


def edit_entry(raw: bytes, changes: Changes, where: str = "the entry") -> bytes:
    """The file `raw` with `changes` made; every byte outside what changed stays as it was."""
    bom = raw.startswith(codecs.BOM_UTF8)
    try:
        original = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{where} is not UTF-8 text: re-save it with UTF-8 encoding") from None
    text = original.replace("\r\n", "\n").replace("\r", "\n")  # as the reader sees it
    edits = _Front(text, where).plan(changes)
    crlf = original.count("\r\n")
    newline = "\r\n" if crlf > original.count("\n") - crlf else "\n"
    edited = _apply(original, edits, newline)
    return (codecs.BOM_UTF8 if bom else b"") + edited.encode("utf-8")


# One edit: replace text[start:end] (in the reader's text, line endings as "\n") with new text.
Edit = tuple[int, int, str]


def _apply(original: str, edits: list[Edit], newline: str) -> str:
    """The original text with the edits made; their offsets are translated past each \\r\\n."""
    crlf: list[int] = []  # where each \r\n of the original stands in the text with "\n" line endings
    for found in re.finditer("\r\n", original):
        crlf.append(found.start() - len(crlf))

    def at(index: int) -> int:
        return index + bisect_left(crlf, index)

    pieces, done = [], 0
    for start, end, new in sorted(edits, key=lambda edit: edit[0]):  # stable: inserts keep their order
        pieces += [original[done : at(start)], new.replace("\n", newline)]
        done = at(end)
    return "".join([*pieces, original[done:]])


def number_text(value: float) -> str:
    """A number as YAML and people write it: 5, 2.5."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def scalar_text(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same text (quoted by YAML 1.1 rules, as the
    reader reads it), usable inside flow collections too."""
    emitter = YAML()
    emitter.version = (1, 1)  # quote yes, on, 1:20 and the like, which the reader would not read as text
    emitter.width = 1 << 30
    data = CommentedMap(v=value)
    data.fa.set_flow_style()
    out = io.StringIO()
    emitter.dump(data, out)
    dumped = out.getvalue()
    text = dumped[dumped.index("{v: ") + 4 : dumped.rindex("}")]
    if pyyaml.safe_load(f"{{v: {text}}}") != {"v": value}:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a double-quoted YAML scalar
    return text


class _Front:
    """The front matter of one entry's text, and the edits that make the changes in it."""

    def __init__(self, text: str, where: str) -> None:
        self.text = text
        self.where = where
        self.edits: list[Edit] = []
        lines = text.split("\n")
        self.present = bool(_FENCE.match(lines[0]))
        self.base = self.fence = 0
        self.root: Node | None = None
        if self.present:
            close = next((n for n, line in enumerate(lines[1:], start=1) if _CLOSE.match(line)), 0)
            if not close:
                raise CommandError(f"the front matter of {where} is never closed: run 'goals check'")
            self.base = len(lines[0]) + 1
            self.fence = sum(len(line) + 1 for line in lines[:close])
            try:
                self.root = YAML().compose(text[self.base : self.fence])
            except YAMLError as error:
                raise CommandError(f"{where} has invalid YAML ({error}): run 'goals check'") from None
            if self.root is not None and not isinstance(self.root, MappingNode):
                raise CommandError(
                    f"the front matter of {where} is not 'key: value' lines: run 'goals check'"
                )

    def plan(self, changes: Changes) -> list[Edit]:
        """Every edit that makes `changes`."""
        if not self.present:
            lines = [*_flow_key("goals", changes.goals), *_flow_key("metrics", changes.metrics)]
            if changes.helped:
                lines += ["helped:", *_block_item(changes.helped, "  - ", "    ")]
            if lines:
                self.edits.append((0, 0, "---\n" + "".join(f"{line}\n" for line in lines) + "---\n"))
        else:
            if changes.goals:
                self._goals(changes.goals)
            if changes.metrics:
                self._metrics(changes.metrics)
            if changes.helped:
                self._helped(changes.helped)
        if changes.note:
            self.edits.append((len(self.text), len(self.text), self._paragraph(changes.note)))
        return self.edits

    # the three keys ---------------------------------------------------------------------------

    def _goals(self, ids: tuple[str, ...]) -> None:
        """Add goal ids to `goals:` (or add the key)."""
        items = [scalar_text(goal_id) for goal_id in ids]
        found = self._value("goals")
        if found is None or _is_null(found[1]):
            self._set_key("goals", found, f"[{', '.join(items)}]")
        elif isinstance(found[1], SequenceNode):
            self._extend(found[1], items, lambda first, rest: [first + item for item in items])
        else:
            raise CommandError(f"'goals' in {self.where} is not a list: run 'goals check'")

    def _metrics(self, values: dict[str, float]) -> None:
        """Set each metric's new value, adding the missing ones (or the key)."""
        found = self._value("metrics")
        if found is None or _is_null(found[1]):
            pairs = ", ".join(f"{scalar_text(k)}: {number_text(v)}" for k, v in values.items())
            self._set_key("metrics", found, f"{{{pairs}}}")
            return
        node = found[1]
        if not isinstance(node, MappingNode):
            raise CommandError(f"'metrics' in {self.where} is not a mapping: run 'goals check'")
        existing = {key.value: value for key, value in node.value if isinstance(key, ScalarNode)}
        new: list[str] = []
        for metric_id, value in values.items():
            if metric_id in existing:
                self._replace_scalar(existing[metric_id], number_text(value), f"metrics.{metric_id}")
            else:
                new.append(f"{scalar_text(metric_id)}: {number_text(value)}")
        if new:
            self._add_pairs(node, new)

    def _helped(self, item: dict[str, str]) -> None:
        """Add one act of help to `helped:` (or add the key)."""
        flow = "{" + ", ".join(f"{k}: {scalar_text(v)}" for k, v in _ordered(item)) + "}"
        found = self._value("helped")
        if found is None or _is_null(found[1]):
            if isinstance(self.root, MappingNode) and self.root.flow_style:
                self._set_key("helped", found, f"[{flow}]")
                return
            indent = " " * self._column(found[0] if found else None)
            lines = _block_item(item, f"{indent}  - ", f"{indent}    ")
            if found is None:
                self._insert_lines(self.fence, [f"{indent}helped:", *lines], at_line_start=True)
            else:
                self._after_colon(found[0], found[1], "", lines)
        elif isinstance(found[1], SequenceNode):
            self._extend(found[1], [flow], lambda first, rest: _block_item(item, first, rest))
        else:
            raise CommandError(f"'helped' in {self.where} is not a list: run 'goals check'")

    # finding and writing nodes ----------------------------------------------------------------

    def _value(self, key: str) -> tuple[ScalarNode, Node] | None:
        """The top-level key node and value node of `key`."""
        if not isinstance(self.root, MappingNode):
            return None
        for key_node, value in self.root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                if value.start_mark.index < key_node.end_mark.index:
                    raise CommandError(f"'{key}' in {self.where} is a YAML alias (*name): edit it by hand")
                return key_node, value
        return None

    def _set_key(self, key: str, found: tuple[ScalarNode, Node] | None, flow: str) -> None:
        """Give a missing or empty key its first value, written in flow style."""
        if found is not None:
            self._after_colon(found[0], found[1], flow, [])
        elif isinstance(self.root, MappingNode) and self.root.flow_style:
            self._add_pairs(self.root, [f"{key}: {flow}"])
        else:
            indent = " " * self._column(None)
            self._insert_lines(self.fence, [f"{indent}{key}: {flow}"], at_line_start=True)

    def _after_colon(self, key: ScalarNode, value: Node, flow: str, lines: list[str]) -> None:
        """Write a value for `key: ` (empty or ~/null): `flow` in its place, or block `lines` below it."""
        if value.value != "" and not lines:  # an explicit null such as ~: replace it
            self.edits.append((self._at(value.start_mark), self._at(value.end_mark), flow))
            return
        colon = self.text.index(":", self._at(key.end_mark))
        if lines:
            if value.value != "":
                self.edits.append((self._at(value.start_mark), self._at(value.end_mark), ""))
            self._insert_lines(self.text.index("\n", colon), lines, at_line_start=False)
        else:
            self.edits.append((colon + 1, colon + 1, f" {flow}"))

    def _replace_scalar(self, node: Node, new: str, name: str) -> None:
        """Replace a scalar's text (after any anchor or tag before it)."""
        if not isinstance(node, ScalarNode) or node.style:
            raise CommandError(f"'{name}' in {self.where} is not a plain number: run 'goals check'")
        start, end = self._at(node.start_mark), self._at(node.end_mark)
        if self.text[start:end].endswith(node.value):
            start = end - len(node.value)
        self.edits.append((start, end, new))

    def _add_pairs(self, node: MappingNode, pairs: list[str]) -> None:
        """Add `key: value` pairs to a flow or block mapping."""
        if node.flow_style:
            self._append_flow(node, pairs)
        else:
            column = node.value[0][0].start_mark.column if node.value else 0
            self._insert_after(node, [" " * column + pair for pair in pairs])

    def _extend(self, node: SequenceNode, flow: list[str], block: Callable[[str, str], list[str]]) -> None:
        """Add items to a flow sequence (`flow` texts) or a block one (the lines `block` makes from what goes
        before an item's first line and before its other lines, as in the items there)."""
        if node.flow_style or not node.value:
            self._append_flow(node, flow)
            return
        dash, gap = self._dash(node)
        self._insert_after(node, block(f"{' ' * dash}-{gap}", " " * (dash + 1 + len(gap))))

    def _append_flow(self, node: MappingNode | SequenceNode, items: list[str]) -> None:
        """Add items after the last one of a flow collection (or inside its empty brackets)."""
        if node.value:
            last = node.value[-1]
            end = last[1] if isinstance(last, tuple) else last
            self.edits.append(
                (self._at(end.end_mark), self._at(end.end_mark), "".join(f", {i}" for i in items))
            )
        else:
            opening = self._at(node.start_mark)
            self.edits.append((opening + 1, opening + 1, ", ".join(items)))

    def _insert_after(self, node: Node, lines: list[str]) -> None:
        """Insert whole lines right after the last line of a block collection's content."""
        while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            node = last[1] if isinstance(last, tuple) else last
        end = self._at(node.end_mark)
        if end == 0 or self.text[end - 1] == "\n":  # a block scalar ends at the start of a line
            self._insert_lines(end, lines, at_line_start=True)
        else:
            self._insert_lines(self.text.index("\n", end), lines, at_line_start=False)

    def _insert_lines(self, index: int, lines: list[str], at_line_start: bool) -> None:
        """Insert whole lines at the start of a line, or at the end of one (before its line break)."""
        joined = "\n".join(lines)
        self.edits.append((index, index, f"{joined}\n" if at_line_start else f"\n{joined}"))

    def _dash(self, node: SequenceNode) -> tuple[int, str]:
        """The column of a block sequence's dashes and the space after them."""
        dash = node.start_mark.column
        first = node.value[0] if node.value else None
        if first is not None and first.start_mark.line == node.start_mark.line:
            return dash, " " * max(1, first.start_mark.column - dash - 1)
        return dash, " "

    def _column(self, key: Node | None) -> int:
        """The column of the top-level keys."""
        if key is not None:
            return int(key.start_mark.column)
        if isinstance(self.root, MappingNode) and self.root.value:
            return int(self.root.value[0][0].start_mark.column)
        return 0

    def _at(self, mark: object) -> int:
        """The offset in the whole text of a mark in the front matter."""
        return self.base + int(getattr(mark, "index", 0))

    def _paragraph(self, note: str) -> str:
        """The text that ends the body with a new paragraph."""
        ending = "" if self.text.endswith("\n") or not self.text else "\n"
        if not (self.text + ending).endswith("\n\n"):
            ending += "\n"
        return f"{ending}{note.strip()}\n"


def _is_null(node: Node) -> bool:
    """An empty value, ~ or null."""
    return isinstance(node, ScalarNode) and str(node.tag).endswith(":null")


def _ordered(item: dict[str, str]) -> list[tuple[str, str]]:
    """An act's keys in the order of the front matter reference."""
    return sorted(item.items(), key=lambda pair: HELPED_ORDER.index(pair[0]))


def _block_item(item: dict[str, str], first: str, rest: str) -> list[str]:
    """The lines of an act as a block sequence item: `first` before its first key, `rest` before the others."""
    pairs = [f"{k}: {scalar_text(v)}" for k, v in _ordered(item)]
    return [first + pairs[0], *(rest + pair for pair in pairs[1:])]


def _flow_key(key: str, values: tuple[str, ...] | dict[str, float]) -> list[str]:
    """`goals: [a, b]` or `metrics: {a: 1}` as the one line of a new front matter; none when empty."""
    if not values:
        return []
    if isinstance(values, dict):
        return [f"{key}: {{{', '.join(f'{scalar_text(k)}: {number_text(v)}' for k, v in values.items())}}}"]
    return [f"{key}: [{', '.join(scalar_text(v) for v in values)}]"]
