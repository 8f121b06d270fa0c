"""Read a LinkedIn data export (Settings → Data privacy → Get a copy of your data) into activities.

The export is a `.zip` of CSV files (UTF-8, a header row, RFC 4180 quoting); this reader takes the
zip or the folder it was extracted to. File names and folders vary between exports, so the files
are found by name, in any letter case, anywhere in the archive. What the export reliably holds,
and what this reader takes from it:

- `Shares.csv`, the author's posts and reposts: `Date` ("YYYY-MM-DD HH:MM:SS", UTC), `ShareLink`
  (the share's address), `ShareCommentary` (the author's words), `SharedUrl` (a link shared),
  `MediaUrl`, `Visibility`. A share without words and without a SharedUrl is a repost of someone
  else's post (`boost`; the export does not say whose); any other share is a `post` whose links are
  its SharedUrl and the addresses in its words. A Visibility other than anyone/public (CONNECTIONS,
  MEMBER_NETWORK, or none given) makes it private. Its id is its ShareLink.
- `Comments.csv`, the author's comments: `Date`, `Link` (the commented post's address, sometimes
  with the comment's own in its query), `Message`. Every comment is a `reply`. The export does not
  say whose post was answered, so `replied_to` is that post's address (Link without its query);
  comments on the author's own posts cannot be told apart. Its id is the Link plus the comment's
  time, which stay the same from one export to the next.
- `Reactions.csv` (`Date`, `Type`, `Link`): counted in Archive.left_out as "reactions", nothing more.

Nothing else is opened: never messages.csv (direct messages), nor the connections, the profile or
the rest. The export names no account in the files read, so Archive.author is empty. Members are
read from the zip without extracting it; members whose names climb out of the archive (`..`, an
absolute path) and, in a folder, links to files outside it are ignored.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO
from urllib.parse import urlsplit, urlunsplit

from ..core.activity import Activity, Archive, ArchiveError

PLATFORM = "linkedin"
EXPECTED = (
    "a LinkedIn data export (the .zip of Settings → Data privacy → Get a copy of your data, or its folder)"
)
SHARES, COMMENTS, REACTIONS = "shares.csv", "comments.csv", "reactions.csv"
COLUMNS = {
    SHARES: ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"),
    COMMENTS: ("Date", "Link", "Message"),
    REACTIONS: (),
}
OPTIONAL = {"MediaUrl", "Visibility"}  # columns older exports may lack
PUBLIC = {"anyone", "public"}
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
_URL = re.compile(r"https?://[^\s<>\"'\]\[{}|\\^`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)'\"»\u201d\u2019"

Row = dict[str, str]
Opener = Callable[[], IO[bytes]]  # opens one CSV file of the archive for reading


def read_archive(path: Path) -> Archive:
    """The activities of a LinkedIn data export; ArchiveError for anything else or a damaged one."""
    if path.is_dir():
        return _read(path, _folder_files(path))
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file or folder; expected {EXPECTED}")
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(path, _zip_files(archive))
    except ArchiveError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as error:
        raise ArchiveError(f"{path}: not a readable zip file ({error}); expected {EXPECTED}") from None


def _read(path: Path, files: dict[str, list[tuple[str, Opener]]]) -> Archive:
    """The archive's activities from its Shares.csv and Comments.csv files (found by lower-case name)."""
    if not files.get(SHARES) and not files.get(COMMENTS):
        raise ArchiveError(f"{path}: holds neither Shares.csv nor Comments.csv; expected {EXPECTED}")
    activities: dict[str, Activity] = {}
    left_out: Counter[str] = Counter()
    for name, make in ((SHARES, _share), (COMMENTS, _comment)):
        for display, opener in files.get(name, []):
            for line, row in _rows(path, display, opener, COLUMNS[name]):
                made = make(row, _date(row["Date"], path, display, line))
                if made.id in activities:
                    left_out["repeated items"] += 1
                activities.setdefault(made.id, made)
    for display, opener in files.get(REACTIONS, []):
        left_out["reactions"] += sum(1 for _ in _rows(path, display, opener, COLUMNS[REACTIONS]))
    ordered = sorted(activities.values(), key=lambda a: (a.when, a.id))
    return Archive(PLATFORM, str(path), "", tuple(ordered), left_out)


def _zip_files(archive: zipfile.ZipFile) -> dict[str, list[tuple[str, Opener]]]:
    """The wanted members of a zip by lower-case file name, each with its name and an opener."""
    found: dict[str, list[tuple[str, Opener]]] = {}
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        inner = PurePosixPath(info.filename.replace("\\", "/"))
        name = inner.name.lower()
        if info.is_dir() or name not in COLUMNS or not _inside(inner):
            continue
        found.setdefault(name, []).append((info.filename, partial(archive.open, info)))
    return found


def _folder_files(folder: Path) -> dict[str, list[tuple[str, Opener]]]:
    """The wanted files under an extracted export by lower-case name (links leading outside are ignored)."""
    root = folder.resolve()
    found: dict[str, list[tuple[str, Opener]]] = {}
    for parent, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            file = Path(parent) / name
            if name.lower() in COLUMNS and file.resolve().is_relative_to(root) and file.is_file():
                display = file.relative_to(folder).as_posix()
                found.setdefault(name.lower(), []).append((display, _opener(file)))
    return found


def _opener(file: Path) -> Opener:
    """Opens a file of the folder for reading."""
    return lambda: file.open("rb")


def _inside(name: PurePosixPath) -> bool:
    """Whether a member's name stays inside the archive (no absolute path, drive or `..`)."""
    return not name.is_absolute() and ".." not in name.parts and not re.match(r"[A-Za-z]:", str(name))


def _rows(path: Path, display: str, opener: Opener, columns: tuple[str, ...]) -> Iterator[tuple[int, Row]]:
    """(line, row) of a CSV file whose header has `columns`; ArchiveError for a broken file."""
    where = f"{path}: {display}"
    try:
        with opener() as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
            reader = csv.reader(text)
            first = next(reader, None)
            if first is None:
                return  # an empty file: none of its kind
            header = [h.strip() for h in first]
            missing = [c for c in columns if c not in header and c not in OPTIONAL]
            if missing:
                raise ArchiveError(
                    f"{where}: expected the columns {', '.join(columns)}; missing {', '.join(missing)}"
                )
            start = reader.line_num + 1
            for values in reader:
                line, start = start, reader.line_num + 1
                if not any(v.strip() for v in values):
                    continue
                if len(values) < len(header) or any(v.strip() for v in values[len(header) :]):
                    raise ArchiveError(
                        f"{where}, line {line}: expected {len(header)} columns ({', '.join(header)}), found {len(values)} (a broken CSV file)"
                    )
                yield (
                    line,
                    {column: value for column, value in zip(header, values[: len(header)], strict=True)},
                )
    except (csv.Error, UnicodeDecodeError) as error:
        raise ArchiveError(f"{where}: not a readable CSV file ({error}); expected {EXPECTED}") from None
    except (OSError, EOFError, RuntimeError, zipfile.BadZipFile, zlib.error, NotImplementedError) as error:
        raise ArchiveError(f"{where}: cannot be read ({error}); expected {EXPECTED}") from None


def _date(text: str, path: Path, display: str, line: int) -> dt.datetime:
    """A row's Date ("YYYY-MM-DD HH:MM:SS", UTC) as an aware datetime."""
    try:
        return dt.datetime.strptime(text.strip(), DATE_FORMAT).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        raise ArchiveError(
            f"{path}: {display}, line {line}: expected a Date like 2024-03-01 12:00:00, found {text[:40]!r}"
        ) from None


def _share(row: Row, when: dt.datetime) -> Activity:
    """A row of Shares.csv: a repost (no words, no SharedUrl) or an own post with its links."""
    link, words, shared = row["ShareLink"].strip(), row["ShareCommentary"].strip(), row["SharedUrl"].strip()
    private = row.get("Visibility", "").strip().lower() not in PUBLIC
    share_id = link or f"share@{when:%Y-%m-%dT%H:%M:%SZ}"
    if not words and not shared:
        return Activity(PLATFORM, share_id, when, "boost", link, private=private)
    links = tuple(dict.fromkeys([u for u in [shared, *_urls(words)] if u]))
    return Activity(PLATFORM, share_id, when, "post", link, links, words, private=private)


def _comment(row: Row, when: dt.datetime) -> Activity:
    """A row of Comments.csv: a reply to the post at Link (whose author the export does not give)."""
    link, message = row["Link"].strip(), row["Message"].strip()
    post = urlunsplit(urlsplit(link)._replace(query="", fragment="")) if link else ""
    comment_id = f"{link or 'comment'}@{when:%Y-%m-%dT%H:%M:%SZ}"
    return Activity(PLATFORM, comment_id, when, "reply", link, _urls(message), message, replied_to=post)


def _urls(text: str) -> tuple[str, ...]:
    """The http(s) addresses written in a text, without the punctuation that ends a sentence."""
    return tuple(dict.fromkeys(match.group().rstrip(_TRAILING) for match in _URL.finditer(text)))
