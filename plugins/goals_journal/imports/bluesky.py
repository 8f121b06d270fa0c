"""Read a Bluesky repository export (Settings → Account → Export my data: a `.car` file) into activities.

The file is a CAR v1 archive: a header naming one root, then blocks of DAG-CBOR, each under its
CID. The root is the repository's signed commit `{did, version, data, rev, prev, sig}`; its `data`
is the root of a Merkle Search Tree whose nodes are `{l, e: [{p, k, v, t}]}`: `l` the subtree of
keys before the node's first entry, and for each entry its key (the first `p` bytes of the entry
before it in the node, then the bytes `k`), `v` the record's block and `t` the subtree of keys
between it and the next entry. Keys are "collection/rkey". libipld (the `bluesky` extra) decodes
the blocks; this module walks the tree, checks that the keys come in order, and maps the records.

Only the author's own records are in the file: posts, reposts, likes, follows, blocks, lists and
the profile. Not in it: the text of the posts the author answered, quoted or reposted (only their
at:// addresses), direct messages, and images (blobs). Bluesky has no followers-only posts, so
nothing is private. The commit's signature is not checked: that needs the account's key, from the
network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..core.activity import Activity, Archive, ArchiveError

PLATFORM = "bluesky"
POST, REPOST = "app.bsky.feed.post", "app.bsky.feed.repost"
EXPECTED = "a Bluesky repository export (the .car file of Settings → Account → Export my data)"
INSTALL = 'reading Bluesky exports needs libipld: pip install "mkdocs-goals-journal[bluesky]"'
# Records that are not activities, counted in Archive.left_out under these names (others: "<nsid> records").
LEFT_OUT = {
    "app.bsky.feed.like": "likes",
    "app.bsky.graph.follow": "follows",
    "app.bsky.graph.block": "blocks",
    "app.bsky.graph.list": "lists",
    "app.bsky.graph.listitem": "list members",
    "app.bsky.graph.listblock": "blocked lists",
    "app.bsky.graph.starterpack": "starter packs",
    "app.bsky.feed.generator": "feeds",
    "app.bsky.feed.threadgate": "reply settings",
    "app.bsky.feed.postgate": "quote settings",
    "app.bsky.actor.profile": "profile",
    "chat.bsky.actor.declaration": "chat settings",
}
_KEY = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*(?:\.[a-zA-Z0-9-]+)+)/([A-Za-z0-9._:~-]{1,512})")
_WHEN = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:[.,](\d+))?(?:([Zz])|([+-])(\d\d):?(\d\d))?"
)


def read_archive(path: Path) -> Archive:
    """The activities of a Bluesky repository export; ArchiveError for anything but a whole export."""
    try:
        import libipld
    except ImportError:
        raise ArchiveError(f"{path}: {INSTALL}") from None
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file; expected {EXPECTED}")
    try:
        header, blocks = libipld.decode_car(path.read_bytes())
    except OSError as error:
        raise ArchiveError(
            f"{path}: cannot be read ({error.strerror or error}); expected {EXPECTED}"
        ) from None
    except (ValueError, RecursionError) as error:
        raise ArchiveError(f"{path}: not a readable CAR file ({error}); expected {EXPECTED}") from None
    did, data = _commit(header, blocks, path)
    activities: list[Activity] = []
    left_out: Counter[str] = Counter()
    for collection, rkey, record in _records(data, blocks, path):
        made = _activity(collection, rkey, record, did)
        if isinstance(made, Activity):
            activities.append(made)
        else:
            left_out[made] += 1
    activities.sort(key=lambda a: (a.when, a.id))
    return Archive(PLATFORM, str(path), did, tuple(activities), left_out)


def _commit(header: Mapping[str, Any], blocks: Mapping[bytes, Any], path: Path) -> tuple[str, bytes]:
    """The repository's DID and the root of its tree, from the commit the CAR's root names."""
    roots = header.get("roots")
    commit = (
        blocks.get(roots[0]) if isinstance(roots, list) and roots and isinstance(roots[0], bytes) else None
    )
    if commit is None:
        raise ArchiveError(f"{path}: the CAR file does not hold its root block; expected {EXPECTED}")
    if not isinstance(commit, dict) or not isinstance(commit.get("data"), bytes):
        raise ArchiveError(f"{path}: the CAR file's root is not a repository commit; expected {EXPECTED}")
    did = commit.get("did")
    if not isinstance(did, str) or not did.startswith("did:"):
        raise ArchiveError(f"{path}: the repository commit names no account (did); expected {EXPECTED}")
    if commit.get("version") not in (2, 3):
        raise ArchiveError(
            f"{path}: repository version {commit.get('version')!r} is not known (2 and 3 are); expected {EXPECTED}"
        )
    return did, commit["data"]


def _records(root: bytes, blocks: Mapping[bytes, Any], path: Path) -> Iterator[tuple[str, str, Any]]:
    """(collection, rkey, record) for every key of the tree under `root`, in key order."""
    todo: list[tuple[bytes, bytes | None]] = [(root, None)]  # (a node's CID, None) or (a record's CID, key)
    seen: set[bytes] = set()
    last = b""
    while todo:
        cid, key = todo.pop()
        if key is not None:
            if key <= last:
                raise ArchiveError(
                    f"{path}: the repository's keys are out of order (a damaged file); expected {EXPECTED}"
                )
            last = key
            collection, rkey = _split_key(key, path)
            yield collection, rkey, _block(blocks, cid, path)
            continue
        if cid in seen:
            raise ArchiveError(
                f"{path}: the repository's tree loops back on itself (a damaged file); expected {EXPECTED}"
            )
        seen.add(cid)
        todo.extend(reversed(_node(_block(blocks, cid, path), path)))


def _node(node: Any, path: Path) -> list[tuple[bytes, bytes | None]]:
    """A tree node's work in order: its left subtree, then each entry's record and right subtree."""
    damaged = f"{path}: a node of the repository's tree is damaged; expected {EXPECTED}"
    if not isinstance(node, dict) or not isinstance(node.get("e"), list):
        raise ArchiveError(damaged)
    work: list[tuple[bytes, bytes | None]] = []
    if isinstance(node.get("l"), bytes):
        work.append((node["l"], None))
    key = b""
    for entry in node["e"]:
        if not isinstance(entry, dict):
            raise ArchiveError(damaged)
        shared, suffix, value = entry.get("p"), entry.get("k"), entry.get("v")
        if not isinstance(shared, int) or not 0 <= shared <= len(key):
            raise ArchiveError(damaged)
        if not isinstance(suffix, bytes) or not isinstance(value, bytes):
            raise ArchiveError(damaged)
        key = key[:shared] + suffix
        work.append((value, key))
        if isinstance(entry.get("t"), bytes):
            work.append((entry["t"], None))
    return work


def _block(blocks: Mapping[bytes, Any], cid: bytes, path: Path) -> Any:
    """The decoded block under `cid`; ArchiveError when the file lacks it."""
    if cid not in blocks:
        raise ArchiveError(f"{path}: the repository is incomplete (a block is missing); expected {EXPECTED}")
    return blocks[cid]


def _split_key(key: bytes, path: Path) -> tuple[str, str]:
    """A tree key's collection and record key."""
    match = _KEY.fullmatch(key.decode("ascii", "replace"))
    if match is None:
        raise ArchiveError(
            f"{path}: a repository key is not collection/rkey ({key[:80]!r}); expected {EXPECTED}"
        )
    return match[1], match[2]


def _activity(collection: str, rkey: str, record: Any, did: str) -> Activity | str:
    """The activity a record is, or why it is left out (the name Archive.left_out counts)."""
    if collection not in (POST, REPOST):
        return LEFT_OUT.get(collection, f"{collection} records")
    if not isinstance(record, dict):
        return "unrecognised items (not a record)"
    when = _when(record.get("createdAt"))
    if when is None:
        return "items without a readable date (createdAt)"
    if collection == REPOST:
        return _repost(rkey, record, did, when)
    return _post(rkey, record, did, when)


def _post(rkey: str, record: dict[str, Any], did: str, when: dt.datetime) -> Activity | str:
    """A post: a reply to someone else, a quote of someone else's post, or an own post."""
    text = record["text"].strip() if isinstance(record.get("text"), str) else ""
    made = Activity(PLATFORM, f"{POST}/{rkey}", when, "post", _post_url(did, rkey), _links(record), text)
    reply = record.get("reply")
    if reply is not None:
        parent = _at_uri(_get(reply, "parent", "uri"))
        if parent is None:
            return "replies whose post could not be read"
        if parent[0] == did:
            return "replies in your own threads"
        return replace(made, kind="reply", replied_to=parent[0])
    quoted = _at_uri(_quoted_uri(record.get("embed")))
    if quoted is not None and quoted[1] == POST and quoted[0] != did:
        return replace(made, kind="quote")
    return made


def _repost(rkey: str, record: dict[str, Any], did: str, when: dt.datetime) -> Activity | str:
    """A repost of someone else's post (its address is the reposted post's)."""
    subject = _at_uri(_get(record, "subject", "uri"))
    if subject is None or subject[1] != POST:
        return "reposts whose post could not be read"
    if subject[0] == did:
        return "boosts of your own posts"
    return Activity(PLATFORM, f"{REPOST}/{rkey}", when, "boost", _post_url(subject[0], subject[2]))


def _links(record: dict[str, Any]) -> tuple[str, ...]:
    """The addresses of a post's link facets, then of its external embed (alone or with a quote)."""
    found = []
    facets = record.get("facets")
    for facet in facets if isinstance(facets, list) else []:
        features = _get(facet, "features")
        for feature in features if isinstance(features, list) else []:
            if _get(feature, "$type") == "app.bsky.richtext.facet#link":
                found.append(_get(feature, "uri"))
    embed = record.get("embed")
    media = _get(embed, "media") if _get(embed, "$type") == "app.bsky.embed.recordWithMedia" else embed
    if _get(media, "$type") == "app.bsky.embed.external":
        found.append(_get(media, "external", "uri"))
    return tuple(dict.fromkeys(link.strip() for link in found if isinstance(link, str) and link.strip()))


def _quoted_uri(embed: Any) -> Any:
    """The at:// address of the record a post embeds (quotes), if it embeds one."""
    kind = _get(embed, "$type")
    if kind == "app.bsky.embed.record":
        return _get(embed, "record", "uri")
    if kind == "app.bsky.embed.recordWithMedia":
        return _get(embed, "record", "record", "uri")
    return None


def _at_uri(uri: Any) -> tuple[str, str, str] | None:
    """(authority, collection, rkey) of an at:// record address."""
    if not isinstance(uri, str) or not uri.startswith("at://"):
        return None
    parts = uri[len("at://") :].split("/")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 and all(parts) else None


def _post_url(did: str, rkey: str) -> str:
    """A post's address on bsky.app."""
    return f"https://bsky.app/profile/{did}/post/{rkey}"


def _get(value: Any, *keys: str) -> Any:
    """value[k1][k2]…, or None where a step is not a map holding the key."""
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _when(text: Any) -> dt.datetime | None:
    """An atproto datetime (RFC 3339, e.g. 2024-03-01T12:00:00.000Z) as an aware datetime; UTC if it
    names no offset. None for anything else (Python 3.10's fromisoformat takes no Z)."""
    match = _WHEN.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    micro = int((match[7] or "0")[:6].ljust(6, "0"))
    offset = dt.timedelta(hours=int(match[10] or 0), minutes=int(match[11] or 0))
    try:
        tz = dt.timezone(-offset if match[9] == "-" else offset) if match[9] else dt.timezone.utc
        return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError:
        return None
