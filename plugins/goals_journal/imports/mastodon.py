"""The Mastodon account archive (Preferences → Import and export → Request your archive), read offline.

Taken as the .zip (Mastodon 4.x) or .tar.gz (older) it comes as, the folder it was extracted to, or
its `outbox.json` (an ActivityStreams OrderedCollection; `actor.json`, `likes.json` and
`bookmarks.json` beside it). Only those four files are read, at the archive's top or one folder
down, without extracting anything; media are never read, and a member name that would lead out of
the archive (`..`, absolute) is ignored. A direct message (neither as:Public nor the author's
followers in to/cc) is dropped before anything else of it is read, and counted nowhere.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tarfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from ..core.activity import Activity, Archive, ArchiveError

PLATFORM = "mastodon"
OUTBOX = "outbox.json"
FILES = (OUTBOX, "actor.json", "likes.json", "bookmarks.json")
COUNTED = {"likes.json": "likes", "bookmarks.json": "bookmarks"}  # file -> reason in left_out
EXPECTED = (
    "a Mastodon archive: the .zip or .tar.gz from Preferences → Import and export → "
    "Request your archive, the folder it was extracted to, or its outbox.json"
)
PUBLIC = frozenset({"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"})
NOTE_TYPES = frozenset({"Note", "Question"})  # Question: Mastodon's post with a poll
# A quote post: FEP-044f `quote` (Mastodon 4.5), Misskey's `_misskey_quote`, Fedibird's `quoteUri`,
# Akkoma's and Pleroma's `quoteUrl`; or an FEP-e232 object link (a Link tag) with a quote rel.
QUOTE_KEYS = ("quote", "_misskey_quote", "quoteUri", "quoteUrl")
QUOTE_RELS = frozenset({"https://misskey-hub.net/ns#_misskey_quote", "https://w3id.org/fep/044f#quote"})
Label = Callable[[str], str]  # a file's name -> how messages name it


def read_archive(path: Path) -> Archive:
    """The account's activities in time order; what was left out, by reason. ArchiveError when the
    file is not a Mastodon archive or is damaged."""
    files, label = _files(path)
    items = _ordered_items(_json(files[OUTBOX], label(OUTBOX)), label(OUTBOX))
    if items and not any(isinstance(item, dict) for item in items):
        raise ArchiveError(f"{label(OUTBOX)}: only addresses (likes.json?); expected activities")
    author = _author(files, label, items)
    left_out: Counter[str] = Counter()
    for name, reason in COUNTED.items():
        if name in files:
            left_out[reason] += len(_ordered_items(_json(files[name], label(name)), label(name)))
    found: dict[str, Activity] = {}
    for activity in filter(None, (_item(item, author, left_out) for item in items)):
        if activity.id in found:
            left_out["repeated items"] += 1
        else:
            found[activity.id] = activity
    activities = tuple(sorted(found.values(), key=lambda a: (a.when, a.id)))
    return Archive(PLATFORM, str(path), author.handle, activities, +left_out)


def _files(path: Path) -> tuple[dict[str, bytes], Label]:
    """outbox.json and those of the other three files that exist, by name, and how to name them."""
    try:
        if path.is_dir():
            outboxes = (path / OUTBOX, *sorted(path.glob(f"*/{OUTBOX}")))
            folder = path / _base([p.relative_to(path).as_posix() for p in outboxes if p.is_file()], path)
            return _beside(folder, folder / OUTBOX)
        if not path.is_file():
            raise ArchiveError(f"{path}: no such file or folder; expected {EXPECTED}")
        with path.open("rb") as handle:
            head = handle.read(512)
        if zipfile.is_zipfile(path):
            wanted = _from_zip(path)
        elif head[:2] == b"\x1f\x8b" or tarfile.is_tarfile(path):
            wanted = _from_tar(path)
        elif head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
            return _beside(path.parent, path)
        else:
            raise ArchiveError(f"{path}: not a zip, a tar.gz or JSON; expected {EXPECTED}")
    except OSError as error:
        raise ArchiveError(f"{path}: cannot be read ({error}); expected {EXPECTED}") from None
    base = _base(wanted, path)
    return {n: wanted[base + n] for n in FILES if base + n in wanted}, lambda name: f"{path}: {base}{name}"


def _beside(folder: Path, outbox: Path) -> tuple[dict[str, bytes], Label]:
    """outbox.json, extracted or given by itself, and the other files beside it."""
    paths = {OUTBOX: outbox, **{n: folder / n for n in FILES[1:] if (folder / n).is_file()}}
    return {n: p.read_bytes() for n, p in paths.items()}, lambda name: str(paths.get(name, folder / name))


def _wanted(name: str) -> str | None:
    """A member's name when it is one of FILES at the top or one folder down, else None (always
    None for a name that would lead out of the archive: absolute, or with "..")."""
    while name.startswith("./"):
        name = name[2:]
    parts = PurePosixPath(name).parts
    wanted = 0 < len(parts) <= 2 and parts[-1] in FILES and not name.startswith("/") and ".." not in parts
    return "/".join(parts) if wanted else None


def _base(names: Iterable[str], path: Path) -> str:
    """The folder holding outbox.json: the root (""), or the one folder below it ("name/")."""
    bases = sorted({n[: -len(OUTBOX)] for n in names if n.rsplit("/", 1)[-1] == OUTBOX})
    if "" in bases or len(bases) == 1:
        return "" if "" in bases else bases[0]
    found = f"an outbox.json in each of {', '.join(bases)}" if bases else "no outbox.json at its top"
    raise ArchiveError(f"{path}: {found} or one folder down; expected {EXPECTED}")


def _from_zip(path: Path) -> dict[str, bytes]:
    """The wanted files inside a zip, read without extracting anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {info: _wanted(info.filename) for info in archive.infolist() if not info.is_dir()}
            return {name: archive.read(info) for info, name in names.items() if name}
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as error:
        raise ArchiveError(f"{path}: a damaged zip ({error}); expected {EXPECTED}") from None
    except RuntimeError as error:  # an encrypted member
        raise ArchiveError(f"{path}: {error}; expected {EXPECTED}") from None


def _from_tar(path: Path) -> dict[str, bytes]:
    """The wanted files inside a tar.gz, read in one pass as a stream (media are skipped, not kept)."""
    wanted: dict[str, bytes] = {}
    try:
        with tarfile.open(path, "r|*") as archive:
            for member in archive:
                name = _wanted(member.name)
                handle = archive.extractfile(member) if name and member.isfile() else None
                if name and handle:
                    wanted[name] = handle.read()
    except (tarfile.TarError, zlib.error, EOFError, OSError) as error:
        raise ArchiveError(f"{path}: a damaged tar.gz ({error}); expected {EXPECTED}") from None
    return wanted


def _json(data: bytes, label: str) -> Any:
    """A file's JSON, or an ArchiveError naming it."""
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ArchiveError(f"{label}: not valid JSON ({error}); expected {EXPECTED}") from None


def _ordered_items(data: Any, label: str) -> list[Any]:
    """The orderedItems of an ActivityStreams collection."""
    items = data.get("orderedItems") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ArchiveError(
            f"{label}: expected an ActivityStreams OrderedCollection with orderedItems, as in {EXPECTED}"
        )
    return items


@dataclass(frozen=True)
class _Author:
    """The account: its handle, the prefixes of its addresses, its followers, its own posts' ids."""

    handle: str
    prefixes: tuple[str, ...]  # actor id and profile address, each ending in "/"
    followers: frozenset[str]
    own: frozenset[str]  # ids and urls of the posts the outbox holds

    def owns(self, address: str) -> bool:
        """Whether an address is one of the author's own posts."""
        return address in self.own or address.startswith(self.prefixes)


def _author(files: dict[str, bytes], label: Label, items: list[Any]) -> _Author:
    """From actor.json; without it, from the outbox's `actor`."""
    actor: Any = {}
    if "actor.json" in files:
        actor = _json(files["actor.json"], label("actor.json"))
        if not isinstance(actor, dict) or not isinstance(actor.get("id"), str) or not actor["id"]:
            raise ArchiveError(f"{label('actor.json')}: expected an ActivityPub actor with an id")
    dicts = [item for item in items if isinstance(item, dict)]
    actor_id = str(actor.get("id") or next((_ref(i.get("actor")) for i in dicts if _ref(i.get("actor"))), ""))
    split = urlsplit(actor_id)
    name = actor.get("preferredUsername") or split.path.partition("/users/")[2]
    handle = f"@{name}@{split.hostname}" if name and split.hostname else actor_id
    followers = {f"{actor_id}/followers", _ref(actor.get("followers"))} - {"", "/followers"}
    notes = [i["object"] for i in dicts if _type(i) == "Create" and isinstance(i.get("object"), dict)]
    own = {_ref(note.get(key)) for note in notes for key in ("id", "url")} - {""}
    profile = _ref(actor.get("url")) or next(
        (p for p in (_ref(n.get("url")).rsplit("/", 1)[0] for n in notes) if p.rsplit("/", 1)[-1][:1] == "@"),
        "",
    )  # without actor.json: https://host/@name, from the posts' own addresses
    prefixes = tuple(f"{p.rstrip('/')}/" for p in (actor_id, profile) if p)
    return _Author(handle, prefixes, frozenset(followers), frozenset(own))


def _ref(value: Any) -> str:
    """An address given as a string, an object with an id or href, or a list of them (the first)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return _ref(value.get("id") or value.get("href"))
    if isinstance(value, list):
        return next((ref for ref in map(_ref, value) if ref), "")
    return ""


def _audience(holder: Any, author: _Author) -> str | None:
    """public (as:Public in to or cc: public or unlisted), followers or direct; None without to and cc."""
    if not isinstance(holder, dict) or ("to" not in holder and "cc" not in holder):
        return None
    values = [holder.get("to"), holder.get("cc")]
    addresses = {_ref(v) for value in values for v in (value if isinstance(value, list) else [value])}
    if addresses & PUBLIC:
        return "public"
    return "followers" if addresses & author.followers else "direct"


def _item(item: Any, author: _Author, left_out: Counter[str]) -> Activity | None:
    """One item of orderedItems as an activity, or None (counted in `left_out`, unless direct)."""
    if not isinstance(item, dict):
        left_out["unrecognised items: not an activity"] += 1
        return None
    obj = item.get("object")
    # The stricter of the activity's and its Note's audience: a direct message stops here, unread.
    audiences = {a for a in (_audience(item, author), _audience(obj, author)) if a}
    if "direct" in audiences:
        return None
    if not audiences:
        left_out["items without an audience: no to or cc"] += 1
        return None
    private = "followers" in audiences
    kind, note_type = _type(item), _type(obj)
    if kind == "Create" and isinstance(obj, dict) and note_type in NOTE_TYPES:
        when = _when(obj.get("published") or item.get("published"))
        read: Callable[..., Activity | None] = _note
    elif kind == "Announce" and _ref(obj):
        when, read = _when(item.get("published")), _boost
    else:
        left_out[f"unrecognised items: {' '.join(filter(None, (kind, note_type))) or 'no type'}"] += 1
        return None
    if when is None:
        left_out["items without a readable date: published"] += 1
        return None
    return read(item, when, private, author, left_out)


def _type(holder: Any) -> str:
    """An object's type (the first, when JSON-LD gives a list); "" for a bare address."""
    value = holder.get("type") if isinstance(holder, dict) else None
    return (
        next((t for t in value if isinstance(t, str)), "")
        if isinstance(value, list)
        else str(value or "")[:40]
    )


def _when(value: Any) -> dt.datetime | None:
    """`published` as an aware datetime in UTC (a time without an offset is taken as UTC)."""
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(re.sub(r"[Zz]$", "+00:00", value.strip()))
    except ValueError:
        return None
    return when.replace(tzinfo=dt.timezone.utc) if when.tzinfo is None else when.astimezone(dt.timezone.utc)


def _boost(
    item: dict[str, Any], when: dt.datetime, private: bool, author: _Author, left_out: Counter[str]
) -> Activity | None:
    """An Announce: the boosted post's address only, never anything of the post itself."""
    target = _ref(item.get("object"))
    if author.owns(target):
        left_out["boosts of your own posts"] += 1
        return None
    return Activity(PLATFORM, _ref(item.get("id")) or target, when, "boost", url=target, private=private)


def _note(
    item: dict[str, Any], when: dt.datetime, private: bool, author: _Author, left_out: Counter[str]
) -> Activity | None:
    """A Create of a Note: a post, a quote, or a reply to someone else (not one in an own thread)."""
    note: dict[str, Any] = item["object"]
    reply_to = _ref(note.get("inReplyTo"))
    if reply_to and author.owns(reply_to):
        left_out["replies in your own threads"] += 1
        return None
    raw_tags = note.get("tag")
    tags = [t for t in (raw_tags if isinstance(raw_tags, list) else [raw_tags]) if isinstance(t, dict)]
    content_map = note.get("contentMap")
    texts = [note.get("content"), *(content_map.values() if isinstance(content_map, dict) else ())]
    content = next((text for text in texts if isinstance(text, str)), "")
    parsed = _Content({_ref(t.get("href")) for t in tags if t.get("type") in ("Mention", "Hashtag")})
    parsed.feed(str(content))
    parsed.close()
    quoted = _quote(note, tags)
    links = tuple(dict.fromkeys([quoted, *parsed.links] if quoted else parsed.links))
    kind = "reply" if reply_to else "quote" if quoted and not author.owns(quoted) else "post"
    return Activity(
        PLATFORM,
        _ref(note.get("id")) or _ref(item.get("id")),
        when,
        kind,
        url=_ref(note.get("url")) or _ref(note.get("id")),
        links=links,
        text=parsed.text(),
        replied_to=_replied_to(reply_to, tags) if reply_to else "",
        private=private,
    )


def _quote(note: dict[str, Any], tags: list[dict[str, Any]]) -> str:
    """The address of the post a Note quotes, or ""."""
    for key in QUOTE_KEYS:
        if quoted := _ref(note.get(key)):
            return quoted
    for tag in tags:
        rels = tag.get("rel")
        if tag.get("type") == "Link" and QUOTE_RELS & set(rels if isinstance(rels, list) else [rels]):
            return _ref(tag.get("href"))
    return ""


def _replied_to(reply_to: str, tags: list[dict[str, Any]]) -> str:
    """@user@host of the account answered: the Mention whose actor address starts the replied-to
    post's address, else the only Mention on that post's host; else the replied-to address."""
    mentions = [t for t in tags if t.get("type") == "Mention" and _ref(t.get("href"))]
    for mention in mentions:
        if reply_to.startswith(f"{_ref(mention.get('href')).rstrip('/')}/"):
            return _handle(mention)
    host = urlsplit(reply_to).hostname
    same_host = [m for m in mentions if urlsplit(_ref(m.get("href"))).hostname == host]
    return _handle(same_host[0]) if len(same_host) == 1 else reply_to


def _handle(mention: dict[str, Any]) -> str:
    """A Mention as @user@host (Mastodon names local accounts "@user": the host is the actor's)."""
    href = _ref(mention.get("href"))
    name, host = str(mention.get("name") or "").strip().lstrip("@"), urlsplit(href).hostname
    return href if not name else f"@{name}" if "@" in name or not host else f"@{name}@{host}"


class _Content(HTMLParser):
    """A Note's HTML as plain text, and the addresses it links, without mentions and hashtags
    (class "mention" or "hashtag", rel "tag", or the href of a Mention or Hashtag tag) and without
    the quote fallback (class "quote-inline": "RE: <the quoted post>")."""

    BLOCKS = frozenset({"p", "div", "blockquote", "li", "ul", "ol", "pre", *(f"h{n}" for n in range(1, 7))})
    VOID = frozenset({"br", "hr", "img", "wbr", "input", "source"})

    def __init__(self, tag_hrefs: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.tag_hrefs = tag_hrefs
        self.parts: list[str] = []
        self.links: list[str] = []
        self.open: list[tuple[str, bool]] = []  # open elements: tag, whether it hides what it holds

    def hidden(self) -> bool:
        """Whether the parser is inside an element whose content is not the author's text."""
        return any(hides for _, hides in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        classes = set(values.get("class", "").split())
        if not self.hidden():
            self.parts.append("\n" if tag == "br" else "\n\n" if tag in self.BLOCKS else "")
            href = values.get("href", "").strip()
            if (
                tag == "a"
                and href.startswith(("http://", "https://"))
                and not classes & {"mention", "hashtag"}
                and "tag" not in values.get("rel", "").split()
                and href not in self.tag_hrefs
            ):
                self.links.append(href)
        if tag not in self.VOID:
            self.open.append((tag, tag in ("script", "style") or "quote-inline" in classes))

    def handle_endtag(self, tag: str) -> None:
        if any(name == tag for name, _ in self.open):
            while self.open and self.open.pop()[0] != tag:
                pass
        if tag in self.BLOCKS and not self.hidden():
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden():
            self.parts.append(data.replace("\n", " "))

    def text(self) -> str:
        """The text: spaces folded, a line break per <br>, a blank line between paragraphs."""
        lines = "\n".join(" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", lines).strip()
