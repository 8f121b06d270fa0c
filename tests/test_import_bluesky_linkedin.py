"""`goals import bluesky` and `goals import linkedin`: real archive layouts, built here, read back.

The Bluesky repository is a real CAR v1 file: a header naming a signed-commit-shaped root, the
commit, a Merkle Search Tree laid out as atproto lays it (each key on the layer its SHA-256 gives,
keys prefix-compressed within a node) and DAG-CBOR records, encoded with libipld. libipld has no
CAR writer, so `write_car` below writes the varint-prefixed header and CID+block sections.
The LinkedIn export is a zip of CSV files (and the folder it extracts to)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from goals_journal.core.activity import Activity, Archive, ArchiveError
from goals_journal.imports import bluesky, linkedin

UTC = dt.timezone.utc
ME, ALICE, BOB, CAROL = "did:plc:me4yq7", "did:plc:alice2x", "did:plc:bob5zz", "did:plc:carol9w"
POST, REPOST = "app.bsky.feed.post", "app.bsky.feed.repost"


# --- Bluesky: a CAR writer and an MST builder -------------------------------------------------


def varint(n: int) -> bytes:
    """An unsigned LEB128 varint, as CAR sections are prefixed."""
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def cid_of(block: bytes) -> bytes:
    """The binary CIDv1 of a DAG-CBOR block: version 1, codec 0x71, sha2-256 multihash."""
    return bytes([0x01, 0x71, 0x12, 0x20]) + hashlib.sha256(block).digest()


class Blocks:
    """The blocks of a repository being built, in the order they were added."""

    def __init__(self) -> None:
        import libipld

        self.encode = libipld.encode_dag_cbor
        self.blocks: list[tuple[bytes, bytes]] = []

    def add(self, value: Any) -> bytes:
        """Encode a value as DAG-CBOR, keep the block and return its CID (bytes: libipld's links)."""
        block = self.encode(value)
        cid = cid_of(block)
        self.blocks.append((cid, block))
        return cid


def write_car(path: Path, root: bytes, blocks: list[tuple[bytes, bytes]], encode: Any) -> bytes:
    """Write a CAR v1 file: varint-prefixed header {version: 1, roots}, then varint-prefixed CID+block."""
    header = encode({"version": 1, "roots": [root]})
    data = varint(len(header)) + header
    data += b"".join(varint(len(cid) + len(block)) + cid + block for cid, block in blocks)
    path.write_bytes(data)
    return data


def key_layer(key: bytes) -> int:
    """The MST layer of a key: the leading zero bits of its SHA-256, counted in pairs (fanout 4)."""
    layer = 0
    for byte in hashlib.sha256(key).digest():
        if byte:
            return layer + (8 - byte.bit_length()) // 2
        layer += 4
    return layer


def build_tree(
    items: list[tuple[bytes, bytes]], layer: int, blocks: Blocks, stats: Counter[str]
) -> bytes | None:
    """The MST node (its CID) for sorted (key, record CID) items whose layers are at most `layer`."""
    if not items:
        return None
    here = [i for i, (key, _) in enumerate(items) if key_layer(key) == layer]
    bounds = [-1, *here, len(items)]
    below = [items[a + 1 : b] for a, b in itertools.pairwise(bounds)]
    entries, previous = [], b""
    for n, i in enumerate(here):
        key, value = items[i]
        shared = len(previous)
        while key[:shared] != previous[:shared]:
            shared -= 1
        stats["compressed"] += shared > 0
        subtree = build_tree(below[n + 1], layer - 1, blocks, stats)
        entries.append({"p": shared, "k": key[shared:], "v": value, "t": subtree})
        previous = key
    left = build_tree(below[0], layer - 1, blocks, stats)
    stats["nodes"] += 1
    stats["right subtrees"] += sum(e["t"] is not None for e in entries)
    stats["left subtrees"] += left is not None
    return blocks.add({"l": left, "e": entries})


def strong_ref(did: str, rkey: str, collection: str = POST) -> dict[str, str]:
    """A com.atproto.repo.strongRef to a record (its CID is not checked by the reader)."""
    return {
        "uri": f"at://{did}/{collection}/{rkey}",
        "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm",
    }


def post(text: str, when: str, **extra: Any) -> dict[str, Any]:
    """An app.bsky.feed.post record."""
    return {"$type": POST, "text": text, "createdAt": when, "langs": ["en"], **extra}


FIRST = "3kf2lfh2vbn2a"  # the own post that the self-reply, the own quote and the own repost point at
RECORDS: dict[str, dict[str, Any]] = {
    f"{POST}/{FIRST}": post(
        "New release: notes on my site and a write-up elsewhere",
        "2024-03-01T12:00:00.000Z",
        facets=[
            {
                "index": {"byteStart": 22, "byteEnd": 34},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://me.example/notes"}],
            },
            {
                "index": {"byteStart": 0, "byteEnd": 3},
                "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "x"}],
            },
        ],
        embed={
            "$type": "app.bsky.embed.external",
            "external": {"uri": "https://other.example/write-up", "title": "A write-up", "description": ""},
        },
    ),
    f"{POST}/3kf2m4c5wxq2b": post(
        "Try pinning the version.",
        "2024-03-02T00:00:05.123Z",
        reply={"root": strong_ref(ALICE, "3kaliceroot22"), "parent": strong_ref(ALICE, "3kaliceroot22")},
    ),
    f"{POST}/3kf2m4c5wxq2c": post(
        "And one more thing.",
        "2024-03-02T08:00:00Z",
        reply={"root": strong_ref(ME, FIRST), "parent": strong_ref(ME, FIRST)},
    ),
    f"{POST}/3kf2n7d6yzr2d": post(
        "This is worth reading",
        "2024-03-03T09:30:00.5+02:00",
        embed={"$type": "app.bsky.embed.record", "record": strong_ref(BOB, "3kbobpost2222")},
    ),
    f"{POST}/3kf2n7d6yzr2e": post(
        "Look at this chart",
        "2024-03-03T10:00:00.000Z",
        embed={
            "$type": "app.bsky.embed.recordWithMedia",
            "record": {"$type": "app.bsky.embed.record", "record": strong_ref(CAROL, "3kcarolpost22")},
            "media": {"$type": "app.bsky.embed.images", "images": []},
        },
    ),
    f"{POST}/3kf2n7d6yzr2f": post(
        "Still true a week later",
        "2024-03-04T10:00:00.000Z",
        embed={"$type": "app.bsky.embed.record", "record": strong_ref(ME, FIRST)},
    ),
    f"{REPOST}/3kf2p2a3bcd2g": {
        "$type": REPOST,
        "subject": strong_ref(ALICE, "3kalicepost22"),
        "createdAt": "2024-03-05T07:00:00.000Z",
    },
    f"{REPOST}/3kf2p2a3bcd2h": {
        "$type": REPOST,
        "subject": strong_ref(ME, FIRST),
        "createdAt": "2024-03-05T08:00:00.000Z",
    },
    "app.bsky.feed.like/3kf2q5r6stu2i": {
        "$type": "app.bsky.feed.like",
        "subject": strong_ref(BOB, "3kbobpost2222"),
        "createdAt": "2024-03-05T09:00:00.000Z",
    },
    "app.bsky.feed.like/3kf2q5r6stu2j": {
        "$type": "app.bsky.feed.like",
        "subject": strong_ref(CAROL, "3kcarolpost22"),
        "createdAt": "2024-03-05T09:01:00.000Z",
    },
    "app.bsky.graph.follow/3kf2r8s9tuv2k": {
        "$type": "app.bsky.graph.follow",
        "subject": CAROL,
        "createdAt": "2024-03-05T09:02:00.000Z",
    },
    "app.bsky.graph.block/3kf2r8s9tuv2m": {
        "$type": "app.bsky.graph.block",
        "subject": "did:plc:spam0001",
        "createdAt": "2024-03-05T09:03:00.000Z",
    },
    "chat.bsky.actor.declaration/self": {
        "$type": "chat.bsky.actor.declaration",
        "allowIncoming": "following",
    },
}


def bluesky_repo(
    path: Path, records: dict[str, dict[str, Any]] = RECORDS, commit: dict[str, Any] | None = None
) -> tuple[bytes, Blocks, Counter[str]]:
    """Write a repository export of `records`; return the file's bytes, its blocks and the tree's shape."""
    blocks, stats = Blocks(), Counter[str]()
    items = sorted((key.encode(), blocks.add(record)) for key, record in records.items())
    top = max(key_layer(key) for key, _ in items)
    data = build_tree(items, top, blocks, stats)
    fields = {
        "did": ME,
        "version": 3,
        "data": data,
        "rev": "3kf2zzzzzzz22",
        "prev": None,
        "sig": b"\x5a" * 64,
    }
    root = blocks.add(fields if commit is None else commit)
    return write_car(path, root, blocks.blocks, blocks.encode), blocks, stats


def unchained(error: BaseException) -> bool:
    """Whether an error stands alone: no cause or context that a traceback would show."""
    return error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def iso(activities: tuple[Activity, ...]) -> list[str]:
    """Each activity's time as written, offset included (datetimes compare equal across offsets)."""
    return [a.when.isoformat() for a in activities]


def test_a_bluesky_repository_becomes_activities(tmp_path: Path) -> None:
    data, _, stats = bluesky_repo(tmp_path / "repo.car")
    # the walk goes down left and right subtrees and rebuilds prefix-compressed keys
    assert stats["left subtrees"] >= 1 and stats["right subtrees"] >= 1 and stats["compressed"] >= 3
    assert b"\xd8\x2a" in data  # tag 42: the tree's links are real DAG-CBOR links
    archive = bluesky.read_archive(tmp_path / "repo.car")
    me = f"https://bsky.app/profile/{ME}/post"
    assert (
        archive.platform == "bluesky" and archive.path == str(tmp_path / "repo.car") and archive.author == ME
    )
    assert archive.activities == (
        Activity(
            "bluesky",
            f"{POST}/{FIRST}",
            dt.datetime(2024, 3, 1, 12, tzinfo=UTC),
            "post",
            f"{me}/{FIRST}",
            ("https://me.example/notes", "https://other.example/write-up"),
            "New release: notes on my site and a write-up elsewhere",
        ),
        Activity(
            "bluesky",
            f"{POST}/3kf2m4c5wxq2b",
            dt.datetime(2024, 3, 2, 0, 0, 5, 123000, tzinfo=UTC),
            "reply",
            f"{me}/3kf2m4c5wxq2b",
            text="Try pinning the version.",
            replied_to=ALICE,
        ),
        Activity(
            "bluesky",
            f"{POST}/3kf2n7d6yzr2d",
            dt.datetime(2024, 3, 3, 7, 30, 0, 500000, tzinfo=UTC),
            "quote",
            f"{me}/3kf2n7d6yzr2d",
            text="This is worth reading",
        ),
        Activity(
            "bluesky",
            f"{POST}/3kf2n7d6yzr2e",
            dt.datetime(2024, 3, 3, 10, tzinfo=UTC),
            "quote",
            f"{me}/3kf2n7d6yzr2e",
            text="Look at this chart",
        ),
        Activity(
            "bluesky",
            f"{POST}/3kf2n7d6yzr2f",
            dt.datetime(2024, 3, 4, 10, tzinfo=UTC),
            "post",
            f"{me}/3kf2n7d6yzr2f",
            text="Still true a week later",
        ),
        Activity(
            "bluesky",
            f"{REPOST}/3kf2p2a3bcd2g",
            dt.datetime(2024, 3, 5, 7, tzinfo=UTC),
            "boost",
            f"https://bsky.app/profile/{ALICE}/post/3kalicepost22",
        ),
    )
    assert iso(archive.activities) == [
        "2024-03-01T12:00:00+00:00",
        "2024-03-02T00:00:05.123000+00:00",  # just after midnight UTC: the day stays 2 March
        "2024-03-03T09:30:00.500000+02:00",  # the author's offset is kept
        "2024-03-03T10:00:00+00:00",
        "2024-03-04T10:00:00+00:00",
        "2024-03-05T07:00:00+00:00",
    ]
    assert all(not a.private for a in archive.activities)
    assert archive.left_out == Counter(
        {
            "likes": 2,
            "replies in your own threads": 1,
            "boosts of your own posts": 1,
            "follows": 1,
            "blocks": 1,
            "chat settings": 1,
        }
    )


def test_without_libipld_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bluesky_repo(tmp_path / "repo.car")
    monkeypatch.setitem(sys.modules, "libipld", None)  # `import libipld` now raises ImportError
    with pytest.raises(ArchiveError) as caught:
        bluesky.read_archive(tmp_path / "repo.car")
    assert str(caught.value) == (
        f'{tmp_path / "repo.car"}: reading Bluesky exports needs libipld: pip install "mkdocs-goals-journal[bluesky]"'
    )


def broken_repo(tmp_path: Path, how: str) -> Path:
    """A file that is not a whole Bluesky repository export, in one of several ways."""
    path = tmp_path / f"{how}.car"
    if how == "text":
        path.write_text("These are my notes, not a repository.\n", "utf-8")
    elif how == "truncated":
        data, _, _ = bluesky_repo(path)
        path.write_bytes(data[: len(data) - 40])  # cut inside the last block
    elif how == "block-missing":
        _, blocks, _ = bluesky_repo(path)
        write_car(path, blocks.blocks[-1][0], blocks.blocks[1:], blocks.encode)  # without the first record
    elif how == "not-a-commit":
        blocks = Blocks()
        root = blocks.add(post("Just a record", "2024-03-01T12:00:00Z"))
        write_car(path, root, blocks.blocks, blocks.encode)
    elif how == "old-version":
        bluesky_repo(path, commit={"did": ME, "version": 1, "data": b"", "sig": b"\x5a" * 64})
    elif how == "keys-out-of-order":
        blocks = Blocks()
        record = blocks.add(RECORDS[f"{POST}/{FIRST}"])
        node = blocks.add(
            {
                "l": None,
                "e": [
                    {"p": 0, "k": f"{POST}/b".encode(), "v": record, "t": None},
                    {"p": 19, "k": b"a", "v": record, "t": None},
                ],
            }
        )
        root = blocks.add(
            {"did": ME, "version": 3, "data": node, "rev": "3kf2", "prev": None, "sig": b"\x5a" * 64}
        )
        write_car(path, root, blocks.blocks, blocks.encode)
    elif how == "folder":
        path.mkdir()
    return path


@pytest.mark.parametrize(
    ("how", "says"),
    [
        ("text", "not a readable CAR file"),
        ("truncated", "not a readable CAR file"),
        ("block-missing", "the repository is incomplete"),
        ("not-a-commit", "the CAR file's root is not a repository commit"),
        ("old-version", "repository version 1 is not known (2 and 3 are)"),
        ("keys-out-of-order", "keys are out of order"),
        ("folder", "no such file"),
        ("missing", "no such file"),
    ],
)
def test_a_wrong_or_damaged_car_file_is_one_clear_error(tmp_path: Path, how: str, says: str) -> None:
    path = broken_repo(tmp_path, how)
    with pytest.raises(ArchiveError) as caught:
        bluesky.read_archive(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and says in message, message
    assert "; expected a Bluesky repository export (the .car file" in message and "\n" not in message
    assert unchained(caught.value)


# --- LinkedIn ----------------------------------------------------------------------------------

SHARE_COLUMNS = ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"]
SECRET = "the door code is 4471"  # a direct message: must appear nowhere


def table(columns: list[str], rows: list[list[str]]) -> str:
    """A CSV file as LinkedIn writes it: a header row, fields quoted where they need it, CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([columns, *rows])
    return out.getvalue()


SHARES = table(
    SHARE_COLUMNS,
    [
        [
            "2024-03-04 08:15:00",
            "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001",
            "",
            "",
            "",
            "PUBLIC",
        ],
        [
            "2024-03-05 00:00:30",
            "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7002",
            'We cut build times in half, "ship it" they said.\nMore at https://me.example/builds.',
            "https://other.example/article",
            "",
            "anyone",
        ],
        [
            "2024-03-06 18:45:00",
            "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7003",
            "Only for my network",
            "",
            "https://media.licdn.com/dms/image/xyz",
            "CONNECTIONS",
        ],
    ],
)
COMMENT_LINK = "https://www.linkedin.com/feed/update/urn:li:activity:7100?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7100%2C7101%29"
COMMENTS = table(
    ["Date", "Link", "Message"],
    [["2024-03-07 10:00:00", COMMENT_LINK, "Happy to help, see https://docs.example/guide"]],
)
REACTIONS = table(
    ["Date", "Type", "Link"],
    [
        [f"2024-03-0{d} 09:00:00", "LIKE", f"https://www.linkedin.com/feed/update/urn:li:activity:72{d}"]
        for d in (1, 2, 3)
    ],
)
MESSAGES = (
    f'CONVERSATION ID,FROM,TO,DATE,CONTENT\n2-abc,Friend,Me,2024-03-01 10:00:00 UTC,"{SECRET}\n'  # broken too
)
CONNECTIONS = "Notes:\nWhen exporting your connection data, you may notice that some of the email addresses are missing.\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
EXPORT = {
    "Basic_LinkedInDataExport_03-10-2024/shares.csv": SHARES,  # lower case, in a folder
    "Comments.csv": COMMENTS,
    "Reactions.csv": REACTIONS,
    "messages.csv": MESSAGES,
    "Connections.csv": CONNECTIONS,
    "Rich_Media.csv": "Date/Time,Media Description,Media Link\n",
}
EXPECTED_LINKEDIN = (
    Activity(
        "linkedin",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001",
        dt.datetime(2024, 3, 4, 8, 15, tzinfo=UTC),
        "boost",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001",
    ),
    Activity(
        "linkedin",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7002",
        dt.datetime(2024, 3, 5, 0, 0, 30, tzinfo=UTC),
        "post",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7002",
        ("https://other.example/article", "https://me.example/builds"),
        'We cut build times in half, "ship it" they said.\nMore at https://me.example/builds.',
    ),
    Activity(
        "linkedin",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7003",
        dt.datetime(2024, 3, 6, 18, 45, tzinfo=UTC),
        "post",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7003",
        text="Only for my network",
        private=True,
    ),
    Activity(
        "linkedin",
        f"{COMMENT_LINK}@2024-03-07T10:00:00Z",
        dt.datetime(2024, 3, 7, 10, tzinfo=UTC),
        "reply",
        COMMENT_LINK,
        ("https://docs.example/guide",),
        "Happy to help, see https://docs.example/guide",
        replied_to="https://www.linkedin.com/feed/update/urn:li:activity:7100",
    ),
)


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    """A zip of the given members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


def check_linkedin(archive: Archive, path: Path) -> None:
    """The export's activities, every field, and what was left out."""
    assert archive.platform == "linkedin" and archive.path == str(path) and archive.author == ""
    assert archive.activities == EXPECTED_LINKEDIN
    assert all(a.when.utcoffset() == dt.timedelta(0) for a in archive.activities)
    assert archive.left_out == Counter({"reactions": 3})
    assert SECRET not in repr(archive) and "4471" not in repr(archive)


def test_a_linkedin_export_zip_becomes_activities(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "Basic_LinkedInDataExport_03-10-2024.zip", dict(EXPORT))
    check_linkedin(linkedin.read_archive(path), path)


def test_the_extracted_folder_reads_the_same_and_links_out_of_it_are_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    with zipfile.ZipFile(write_zip(tmp_path / "export.zip", dict(EXPORT))) as archive:
        archive.extractall(folder)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "Comments.csv").write_text(
        table(["Date", "Link", "Message"], [["2024-03-08 10:00:00", "https://x.example", "not mine"]])
    )
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "COMMENTS.CSV").symlink_to(outside / "Comments.csv")
    check_linkedin(linkedin.read_archive(folder), folder)


def test_zip_members_that_climb_out_of_the_archive_are_ignored(tmp_path: Path) -> None:
    comment = table(["Date", "Link", "Message"], [["2024-03-08 10:00:00", "https://x.example", "not mine"]])
    files: dict[str, str | bytes] = {
        **EXPORT,
        "../Comments.csv": comment,
        "/tmp/x/Comments.csv": comment,
        "C:/Comments.csv": comment,
    }
    path = write_zip(tmp_path / "export.zip", files)
    check_linkedin(linkedin.read_archive(path), path)


def test_a_share_with_only_words_is_a_post_and_without_visibility_it_is_private(tmp_path: Path) -> None:
    shares = table(
        ["Date", "ShareLink", "ShareCommentary", "SharedUrl"],  # an older export: no MediaUrl, no Visibility
        [["2024-03-09 12:00:00", "https://l.example/s/1", "Hello", ""]],
    )
    # a byte order mark; an empty Comments.csv and a Reactions.csv of one header: none of their kind
    files = {"Shares.csv": "\ufeff" + shares, "Comments.csv": "", "Reactions.csv": "Date,Type,Link\r\n"}
    archive = linkedin.read_archive(write_zip(tmp_path / "old.zip", dict(files)))
    assert archive.left_out == Counter()
    (share,) = archive.activities
    assert share == Activity(
        "linkedin",
        "https://l.example/s/1",
        dt.datetime(2024, 3, 9, 12, tzinfo=UTC),
        "post",
        "https://l.example/s/1",
        text="Hello",
        private=True,
    )


@pytest.mark.parametrize(
    ("files", "says"),
    [
        (
            {"Reactions.csv": REACTIONS, "messages.csv": MESSAGES},
            "holds neither Shares.csv nor Comments.csv; expected a LinkedIn data export",
        ),
        (
            {"Shares.csv": "Date,Link\n2024-03-01 10:00:00,x\n"},
            "Shares.csv: expected the columns Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl, Visibility; missing ShareLink, ShareCommentary, SharedUrl",
        ),
        (
            {"Shares.csv": SHARES + '2024-03-09 10:00:00,https://l.example/s/9,"never closed,,,PUBLIC\n'},
            "Shares.csv, line 6: expected 6 columns (Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl, Visibility), found 3 (a broken CSV file)",
        ),
        (
            {"Comments.csv": COMMENTS + "03/08/2024,https://l.example/c/1,Thanks\n"},
            "Comments.csv, line 3: expected a Date like 2024-03-01 12:00:00, found '03/08/2024'",
        ),
        (
            {"Comments.csv": b"Date,Link,Message\n2024-03-08 10:00:00,https://l.example/c/1,\xff\xfe\n"},
            "Comments.csv: not a readable CSV file ('utf-8' codec can't decode",
        ),
    ],
)
def test_a_broken_linkedin_export_is_one_clear_error(
    tmp_path: Path, files: dict[str, str | bytes], says: str
) -> None:
    path = write_zip(tmp_path / "export.zip", files)
    with pytest.raises(ArchiveError) as caught:
        linkedin.read_archive(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and says in message, message
    assert unchained(caught.value) and SECRET not in message


@pytest.mark.parametrize("how", ["text", "truncated", "missing"])
def test_a_file_that_is_not_a_zip_is_one_clear_error(tmp_path: Path, how: str) -> None:
    path = tmp_path / "export.zip"
    if how == "text":
        path.write_text("Date,Link,Message\n", "utf-8")
    elif how == "truncated":
        data = write_zip(tmp_path / "whole.zip", dict(EXPORT)).read_bytes()
        path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ArchiveError) as caught:
        linkedin.read_archive(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "expected a LinkedIn data export (the .zip" in message, message
    assert unchained(caught.value)
