"""The X (Twitter) archive (Settings → Your account → Download an archive of your data), read offline.

It is a .zip (the reader also takes the folder it was extracted to) whose `data/` folder holds one
JavaScript file per kind of data. Only two kinds are opened: `data/account.js` (the username) and
the tweets, `data/tweets.js` (older archives: `data/tweet.js`; large ones in parts,
`tweets-part1.js`, …). Direct messages (`direct-messages*.js`) and every other file are never
opened. Each file assigns JSON to a variable (`window.YTD.tweets.part0 = [ … ]`): the text after the
first "=" is decoded as JSON and whatever follows the JSON value is ignored, never evaluated.
Nothing is extracted to disk.

A tweet starting "RT @name:" is a boost (never with the retweeted words or links); a reply to
someone else is a reply; one linking another account's status is a quote; the rest are posts.
Replies in the author's own threads and retweets of their own tweets are counted in `left_out`.
Timestamps ("Wed Oct 10 20:19:24 +0000 2018") are read as given, in UTC, whatever the locale.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from ..core.activity import Activity, Archive, ArchiveError

PLATFORM = "x"
EXPECTED = (
    "an X archive: the .zip from Settings → Your account → Download an archive of your data "
    "(or the folder it was extracted to), with data/tweets.js and data/account.js"
)
ACCOUNT = "data/account.js"
TWEET_FILE = re.compile(r"data/(tweets?)(?:-part(\d+))?\.js")  # tweets.js, tweet.js, tweets-part1.js
RETWEET = re.compile(r"RT @(\w{1,15}):")
STATUS = re.compile(r"/(\w{1,15})/status(?:es)?/(\d+)")
X_HOSTS = frozenset({"x.com", "twitter.com"})
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SPACE = re.compile(r"\s*")
Read = Callable[[str], bytes]  # a file's name in the archive -> its bytes
Label = Callable[[str], str]  # a file's name in the archive -> how messages name it


def read_archive(path: Path) -> Archive:
    """The account's tweets as activities in time order; what was left out, by reason. ArchiveError
    when the file is not an X archive or is damaged."""
    if path.is_dir():
        found = [*path.glob("data/*.js"), *path.glob("*/data/*.js")]
        names = [p.relative_to(path).as_posix() for p in found if p.is_file()]
        return _read(path, names, lambda name: _read_file(path / name), lambda name: str(path / name))
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file or folder; expected {EXPECTED}")
    if not zipfile.is_zipfile(path):
        raise ArchiveError(f"{path}: not a zip; expected {EXPECTED}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ArchiveError(f"{path}: a damaged zip ({error}); expected {EXPECTED}") from None
    with archive:
        members = {name: info for info in archive.infolist() if (name := _clean(info.filename)) is not None}

        def read(name: str) -> bytes:
            try:
                return archive.read(members[name])
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as error:
                raise ArchiveError(f"{path}: {name} is damaged ({error}); expected {EXPECTED}") from None
            except RuntimeError as error:  # an encrypted member
                raise ArchiveError(f"{path}: {name}: {error}; expected {EXPECTED}") from None

        return _read(path, members, read, lambda name: f"{path}: {name}")


def _clean(name: str) -> str | None:
    """A member's name as a relative path, or None when it is a folder or would lead out of the archive."""
    parts = PurePosixPath(name.removeprefix("./")).parts
    if not parts or name.endswith("/") or name.startswith("/") or ".." in parts:
        return None
    return "/".join(parts)


def _read_file(path: Path) -> bytes:
    """A file of an extracted archive."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise ArchiveError(f"{path}: cannot be read ({error}); expected {EXPECTED}") from None


def _read(path: Path, names: Iterable[str], read: Read, label: Label) -> Archive:
    """The archive read from its list of files, whatever holds them."""
    base, tweet_files = _tweet_files(set(names), path)
    username, account_id = _account(read, label, base + ACCOUNT, set(names))
    left_out: Counter[str] = Counter()
    found: dict[str, Activity] = {}
    for name in tweet_files:
        for item in _items(_js_data(read(name), label(name)), label(name)):
            activity = _tweet(item, username, account_id, left_out)
            if activity is not None and activity.id in found:
                left_out["repeated items"] += 1
            elif activity is not None:
                found[activity.id] = activity
    activities = tuple(sorted(found.values(), key=lambda a: (a.when, a.id)))
    return Archive(PLATFORM, str(path), f"@{username}", activities, +left_out)


def _tweet_files(names: set[str], path: Path) -> tuple[str, list[str]]:
    """The folder holding data/ ("" or "name/") and its tweet files in order: tweets.js and its parts,
    or, in older archives, tweet.js and its parts."""
    by_base: dict[str, list[tuple[int, int, str]]] = {}
    for name in names:
        base, _, rest = name.rpartition("data/")
        match = TWEET_FILE.fullmatch(f"data/{rest}") if base.count("/") <= 1 else None
        if match and (base == "" or base.endswith("/")):
            older = 1 if match[1] == "tweet" else 0
            by_base.setdefault(base, []).append((older, int(match[2] or 0), name))
    if not by_base:
        raise ArchiveError(f"{path}: no data/tweets.js (nor data/tweet.js) in it; expected {EXPECTED}")
    if "" not in by_base and len(by_base) > 1:
        raise ArchiveError(
            f"{path}: holds more than one archive ({', '.join(sorted(by_base))}); expected {EXPECTED}"
        )
    base = "" if "" in by_base else next(iter(by_base))
    files = sorted(by_base[base])
    return base, [name for older, _, name in files if older == files[0][0]]


def _js_data(data: bytes, label: str) -> Any:
    """The JSON a file assigns to a variable: the value after the first "=", the rest ignored."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArchiveError(f"{label}: not UTF-8 text ({error}); expected {EXPECTED}") from None
    equals = text.find("=")
    if equals < 0:
        raise ArchiveError(
            f"{label}: no '=' in it; expected JavaScript that assigns JSON, like window.YTD.tweets.part0 = [ … ]"
        )
    start = SPACE.match(text, equals + 1)
    try:
        value, _ = json.JSONDecoder().raw_decode(text, start.end() if start else equals + 1)
    except (ValueError, RecursionError) as error:
        raise ArchiveError(
            f"{label}: what follows the first '=' is not valid JSON ({error}); expected window.YTD.… = [ … ]"
        ) from None
    return value


def _items(value: Any, label: str) -> list[Any]:
    """The list a file assigns."""
    if not isinstance(value, list):
        raise ArchiveError(
            f"{label}: expected a list after '=' (window.YTD.….part0 = [ … ]), found {type(value).__name__}"
        )
    return value


def _account(read: Read, label: Label, name: str, names: set[str]) -> tuple[str, str]:
    """The username and account id from data/account.js (nothing else of it is kept)."""
    if name not in names:
        raise ArchiveError(f"{label(name)}: missing; expected {EXPECTED}")
    for item in _items(_js_data(read(name), label(name)), label(name)):
        account = item.get("account") if isinstance(item, dict) else None
        if isinstance(account, dict) and isinstance(account.get("username"), str) and account["username"]:
            return account["username"], str(account.get("accountId") or "")
    raise ArchiveError(f'{label(name)}: expected [ {{"account": {{"username": …}}}} ]; found no username')


def _when(value: Any) -> dt.datetime | None:
    """created_at ("Wed Oct 10 20:19:24 +0000 2018") in UTC, read without the locale's names."""
    if not isinstance(value, str):
        return None
    parts = value.split()
    try:
        if len(parts) == 6 and parts[1] in MONTHS:
            numeric = f"{parts[5]}-{MONTHS.index(parts[1]) + 1}-{parts[2]} {parts[3]} {parts[4]}"
            when = dt.datetime.strptime(numeric, "%Y-%m-%d %H:%M:%S %z")
        else:
            when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=dt.timezone.utc) if when.tzinfo is None else when.astimezone(dt.timezone.utc)


def _strings(holder: Any, key: str) -> str:
    """holder[key] as a string ("" when missing or null)."""
    value = holder.get(key) if isinstance(holder, dict) else None
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""


def _entities(tweet: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The tweet's entities of one kind (urls, media, user_mentions)."""
    found: list[dict[str, Any]] = []
    for holder in (tweet.get("entities"), tweet.get("extended_entities")):
        values = holder.get(key) if isinstance(holder, dict) else None
        found += [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []
    return found


def _is_others_status(address: str, username: str) -> bool:
    """Whether an address is a status of another account on X (a quote)."""
    split = urlsplit(address)
    match = STATUS.match(split.path)
    host = (split.hostname or "").removeprefix("www.").removeprefix("mobile.")
    return bool(host in X_HOSTS and match and match[1].lower() not in (username.lower(), "i"))


def _tweet(item: Any, username: str, account_id: str, left_out: Counter[str]) -> Activity | None:
    """One tweet as an activity, or None (counted in `left_out`)."""
    tweet = item.get("tweet") if isinstance(item, dict) and "tweet" in item else item  # older: unwrapped
    tweet_id = _strings(tweet, "id_str") or _strings(tweet, "id")
    full_text = _strings(tweet, "full_text") or _strings(tweet, "text")
    if not isinstance(tweet, dict) or not tweet_id:
        left_out["unrecognised items: not a tweet"] += 1
        return None
    when = _when(tweet.get("created_at"))
    if when is None:
        left_out["items without a readable date: created_at"] += 1
        return None
    own_url = f"https://x.com/{username}/status/{tweet_id}"
    retweeted = RETWEET.match(full_text)
    if retweeted and retweeted[1].lower() == username.lower():
        left_out["boosts of your own posts"] += 1
        return None
    if retweeted:
        return Activity(PLATFORM, tweet_id, when, "boost", url=_retweeted(tweet) or own_url)
    replied_name = _strings(tweet, "in_reply_to_screen_name")
    replied_user = _strings(tweet, "in_reply_to_user_id_str")
    if replied_name.lower() == username.lower() or (account_id and replied_user == account_id):
        left_out["replies in your own threads"] += 1
        return None
    urls = _entities(tweet, "urls")
    links = tuple(dict.fromkeys(a for u in urls if (a := _strings(u, "expanded_url"))))
    if replied_name or replied_user or _strings(tweet, "in_reply_to_status_id_str"):
        kind = "reply"
    else:
        kind = "quote" if any(_is_others_status(link, username) for link in links) else "post"
    return Activity(
        PLATFORM,
        tweet_id,
        when,
        kind,
        url=own_url,
        links=links,
        text=_text(full_text, urls, _entities(tweet, "media")),
        replied_to=f"@{replied_name}" if kind == "reply" and replied_name else "",
    )


def _retweeted(tweet: dict[str, Any]) -> str:
    """The retweeted status's address, when the archive gives it (as the API's retweeted_status)."""
    original = tweet.get("retweeted_status")
    user = original.get("user") if isinstance(original, dict) else None
    status_id, name = _strings(original, "id_str"), _strings(user, "screen_name")
    return f"https://x.com/{name}/status/{status_id}" if status_id and name else ""


def _text(full_text: str, urls: list[dict[str, Any]], media: list[dict[str, Any]]) -> str:
    """The author's words: HTML entities decoded, t.co links expanded, links to attached media removed."""
    text = html.unescape(full_text)
    for url in urls:
        short, expanded = _strings(url, "url"), _strings(url, "expanded_url")
        if short and expanded:
            text = text.replace(short, expanded)
    for item in media:
        if short := _strings(item, "url"):
            text = text.replace(short, "")
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n")).strip()
