"""Reading the author's own Mastodon and X archives: small synthetic archives in the real layouts,
every field of every activity checked by hand, what is left out, and bad inputs as one ArchiveError."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import tarfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from goals_journal.core.activity import Activity, Archive, ArchiveError
from goals_journal.imports import mastodon, x

UTC = dt.timezone.utc
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
ME = "https://example.social/users/alice"
FOLLOWERS = f"{ME}/followers"
BOB = "https://other.social/users/bob"
SECRET = "SECRET-DM the door code is 1234"

# --- Mastodon ----------------------------------------------------------------------------------

ACTOR = {
    "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
    "id": ME,
    "type": "Person",
    "following": f"{ME}/following",
    "followers": FOLLOWERS,
    "inbox": f"{ME}/inbox",
    "outbox": "outbox.json",
    "preferredUsername": "alice",
    "name": "Alice",
    "url": "https://example.social/@alice",
    "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
    "likes": "likes.json",
    "bookmarks": "bookmarks.json",
}
HASHTAG = (
    '<a href="https://example.social/tags/goals" class="mention hashtag" rel="tag">#<span>goals</span></a>'
)


def mention(profile: str, name: str) -> str:
    """Mastodon's HTML for a mention."""
    return f'<span class="h-card" translate="no"><a href="{profile}" class="u-url mention">@<span>{name}</span></a></span>'


def link(href: str) -> str:
    """Mastodon's HTML for a link in a post, with its hidden parts."""
    scheme, rest = href.split("://", 1)
    return (
        f'<a href="{href}" target="_blank" rel="nofollow noopener noreferrer" translate="no">'
        f'<span class="invisible">{scheme}://</span><span class="">{rest}</span><span class="invisible"></span></a>'
    )


def create(n: int, published: str, content: str, to: list[str], cc: list[str], **note: Any) -> dict[str, Any]:
    """A Create of a Note as Mastodon's outbox.json has it."""
    status = f"{ME}/statuses/{n}"
    return {
        "id": f"{status}/activity",
        "type": "Create",
        "actor": ME,
        "published": published,
        "to": to,
        "cc": cc,
        "object": {
            "id": status,
            "type": note.pop("type", "Note"),
            "summary": None,
            "inReplyTo": None,
            "published": published,
            "url": f"https://example.social/@alice/{n}",
            "attributedTo": ME,
            "to": to,
            "cc": cc,
            "sensitive": False,
            "atomUri": status,
            "conversation": f"tag:example.social,2026-03-01:objectId={n}:objectType=Conversation",
            "content": content,
            "contentMap": {"en": content},
            "attachment": [],
            "tag": [],
            "replies": {"id": f"{status}/replies", "type": "Collection"},
            **note,
        },
    }


def announce(n: int, published: str, target: str, to: list[str], cc: list[str]) -> dict[str, Any]:
    """An Announce (a boost): its object is only the boosted post's address."""
    return {
        "id": f"{ME}/statuses/{n}/activity",
        "type": "Announce",
        "actor": ME,
        "published": published,
        "to": to,
        "cc": cc,
        "object": target,
    }


def bob_mention() -> dict[str, str]:
    """The Mention tag of a remote account."""
    return {"type": "Mention", "href": BOB, "name": "@bob@other.social"}


OUTBOX_ITEMS = [
    create(
        1,
        "2026-03-02T09:15:00Z",
        f"<p>New write-up: {link('https://alice.example/blog/goals')} and a guide "
        f'<a href="https://other.example/guide">https://other.example/guide</a> &amp; more</p>',
        [PUBLIC],
        [FOLLOWERS],
    ),
    create(  # unlisted: Public only in cc
        2,
        "2026-03-02T10:00:00Z",
        f"<p>Thanks {mention('https://other.social/@bob', 'bob')} for the tip! {HASHTAG}</p>"
        "<p>Second paragraph<br />new line</p>",
        [FOLLOWERS],
        [PUBLIC, BOB],
        tag=[
            bob_mention(),
            {"type": "Hashtag", "href": "https://example.social/tags/goals", "name": "#goals"},
        ],
    ),
    create(  # just after midnight UTC
        3,
        "2026-03-03T00:04:00Z",
        f"<p>{mention('https://other.social/@bob', 'bob')} Try {link('https://docs.example/howto')}</p>",
        [PUBLIC],
        [FOLLOWERS, BOB],
        inReplyTo=f"{BOB}/statuses/111",
        tag=[bob_mention()],
    ),
    create(  # in the author's own thread: the post replied to is in the outbox
        4, "2026-03-03T08:00:00Z", "<p>2/ and more</p>", [PUBLIC], [FOLLOWERS], inReplyTo=f"{ME}/statuses/1"
    ),
    create(  # in the author's own thread, by the post's web address
        5,
        "2026-03-03T08:01:00Z",
        "<p>3/ the end</p>",
        [FOLLOWERS],
        [PUBLIC],
        inReplyTo="https://example.social/@alice/99",
    ),
    announce(6, "2026-03-03T09:00:00Z", f"{BOB}/statuses/222", [PUBLIC], [BOB, FOLLOWERS]),
    announce(7, "2026-03-03T09:30:00Z", f"{ME}/statuses/1", [PUBLIC], [ME, FOLLOWERS]),
    create(8, "2026-03-04T12:00:00Z", "<p>Only for my followers</p>", [FOLLOWERS], []),
    create(
        9,
        "2026-03-04T12:30:00Z",
        f"<p>{mention('https://example.social/@carol', 'carol')} glad it worked</p>",
        [FOLLOWERS],
        ["https://example.social/users/carol"],
        inReplyTo="https://example.social/users/carol/statuses/333",
        tag=[{"type": "Mention", "href": "https://example.social/users/carol", "name": "@carol"}],
    ),
    create(  # a direct message, also a reply in the author's own thread: never read, never counted
        10,
        "2026-03-04T13:00:00Z",
        f"<p>{mention('https://other.social/@bob', 'bob')} {SECRET} {link('https://secret.example/')}</p>",
        [BOB],
        [],
        inReplyTo=f"{ME}/statuses/1",
        tag=[bob_mention()],
    ),
    create(  # a quote post (Mastodon 4.5), with its fallback for servers without quotes
        11,
        "2026-03-05T07:00:00Z",
        '<p>So true<span class="quote-inline"><br/>RE: <a href="https://other.social/@bob/444">'
        "https://other.social/@bob/444</a></span></p>",
        [PUBLIC],
        [FOLLOWERS, BOB],
        quote=f"{BOB}/statuses/444",
        _misskey_quote=f"{BOB}/statuses/444",
    ),
    create(  # a reply without a Mention of the account answered
        12,
        "2026-03-05T08:00:00Z",
        "<p>Agreed</p>",
        [PUBLIC],
        [],
        inReplyTo="https://far.away/notes/9zz",
    ),
    create(13, "2026-03-05T09:00:00Z", "<p>Which day?</p>", [PUBLIC], [FOLLOWERS], type="Question"),
    {**create(14, "2026-03-05T10:00:00Z", "<p>An article</p>", [PUBLIC], []), "object": {"type": "Article"}},
    {"id": f"{ME}#likes/1", "type": "Like", "actor": ME, "object": f"{BOB}/statuses/1", "to": [PUBLIC]},
]

MASTODON_EXPECTED = (
    Activity(
        "mastodon",
        f"{ME}/statuses/1",
        dt.datetime(2026, 3, 2, 9, 15, tzinfo=UTC),
        "post",
        url="https://example.social/@alice/1",
        links=("https://alice.example/blog/goals", "https://other.example/guide"),
        text="New write-up: https://alice.example/blog/goals and a guide https://other.example/guide & more",
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/2",
        dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        "post",
        url="https://example.social/@alice/2",
        text="Thanks @bob for the tip! #goals\n\nSecond paragraph\nnew line",
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/3",
        dt.datetime(2026, 3, 3, 0, 4, tzinfo=UTC),
        "reply",
        url="https://example.social/@alice/3",
        links=("https://docs.example/howto",),
        text="@bob Try https://docs.example/howto",
        replied_to="@bob@other.social",
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/6/activity",
        dt.datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
        "boost",
        url=f"{BOB}/statuses/222",
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/8",
        dt.datetime(2026, 3, 4, 12, 0, tzinfo=UTC),
        "post",
        url="https://example.social/@alice/8",
        text="Only for my followers",
        private=True,
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/9",
        dt.datetime(2026, 3, 4, 12, 30, tzinfo=UTC),
        "reply",
        url="https://example.social/@alice/9",
        text="@carol glad it worked",
        replied_to="@carol@example.social",
        private=True,
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/11",
        dt.datetime(2026, 3, 5, 7, 0, tzinfo=UTC),
        "quote",
        url="https://example.social/@alice/11",
        links=(f"{BOB}/statuses/444",),
        text="So true",
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/12",
        dt.datetime(2026, 3, 5, 8, 0, tzinfo=UTC),
        "reply",
        url="https://example.social/@alice/12",
        text="Agreed",
        replied_to="https://far.away/notes/9zz",
    ),
    Activity(
        "mastodon",
        f"{ME}/statuses/13",
        dt.datetime(2026, 3, 5, 9, 0, tzinfo=UTC),
        "post",
        url="https://example.social/@alice/13",
        text="Which day?",
    ),
)
MASTODON_LEFT_OUT = Counter(
    {
        "replies in your own threads": 2,
        "boosts of your own posts": 1,
        "likes": 3,
        "bookmarks": 2,
        "unrecognised items: Create Article": 1,
        "unrecognised items: Like": 1,
    }
)


def collection(name: str, items: list[Any]) -> bytes:
    """An ActivityStreams OrderedCollection as Mastodon writes its archive's files."""
    data = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": name,
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": items,
    }
    return json.dumps(data, ensure_ascii=False).encode()


def mastodon_files(items: list[Any] | None = None) -> dict[str, bytes]:
    """An archive's files by name, media included."""
    return {
        "outbox.json": collection("outbox.json", OUTBOX_ITEMS if items is None else items),
        "actor.json": json.dumps(ACTOR).encode(),
        "likes.json": collection("likes.json", [f"{BOB}/statuses/{n}" for n in (1, 2, 3)]),
        "bookmarks.json": collection("bookmarks.json", [f"{BOB}/statuses/{n}" for n in (4, 5)]),
        "avatar.png": b"\x89PNG\r\n\x1a\n",
        "media_attachments/files/109/000/001/original/photo.jpg": b"\xff\xd8\xff",
    }


def write_folder(folder: Path, files: dict[str, bytes]) -> Path:
    """The files written below `folder`, as an extracted archive."""
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def write_zip(path: Path, files: dict[str, bytes], prefix: str = "") -> Path:
    """The files in a zip, below `prefix`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(prefix + name, data)
    return path


def write_tar(path: Path, files: dict[str, bytes]) -> Path:
    """The files in a tar.gz, at its top, as Mastodon before 4.x wrote it."""
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def without_path(archive: Archive) -> Archive:
    """An archive without the path it was read from, to compare the forms."""
    return dataclasses.replace(archive, path="")


def test_mastodon_archive_every_field_and_what_is_left_out(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "archive", mastodon_files())
    archive = mastodon.read_archive(folder)
    assert archive.platform == "mastodon"
    assert archive.path == str(folder)
    assert archive.author == "@alice@example.social"
    assert archive.activities == MASTODON_EXPECTED
    assert archive.left_out == MASTODON_LEFT_OUT
    assert archive.activities[2].when.utcoffset() == dt.timedelta(0)  # kept in UTC: the mapping localises
    # The direct message is nowhere: not its words, its link, its id, nor a count.
    assert "SECRET" not in repr(archive) and "secret.example" not in repr(archive)
    assert f"{ME}/statuses/10" not in repr(archive)


def recorder(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the zip members opened from now on."""
    opened: list[str] = []
    original = zipfile.ZipFile.open

    def recording_open(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name if isinstance(name, str) else name.filename)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    return opened


def test_the_four_mastodon_forms_and_a_rezipped_folder_give_the_same_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = mastodon_files()
    folder = write_folder(tmp_path / "extracted", files)
    forms = [
        folder,
        folder / "outbox.json",
        write_tar(tmp_path / "archive-20260306-abc.tar.gz", files),
        write_zip(tmp_path / "archive-20260306-abc.zip", files),
        write_zip(tmp_path / "rezipped.zip", files, prefix="archive-20260306/"),  # one folder down
    ]
    opened = recorder(monkeypatch)
    archives = [mastodon.read_archive(form) for form in forms]
    assert [a.path for a in archives] == [str(form) for form in forms]
    for archive in archives:
        assert without_path(archive) == without_path(archives[0])
    assert archives[0].activities == MASTODON_EXPECTED and archives[0].left_out == MASTODON_LEFT_OUT
    wanted = ["actor.json", "bookmarks.json", "likes.json", "outbox.json"]
    assert sorted(opened) == sorted(wanted + [f"archive-20260306/{name}" for name in wanted])  # no media


QUOTED = "https://other.social/users/bob/statuses/444"


@pytest.mark.parametrize(
    ("extra", "kind", "links"),
    [
        ({"quote": QUOTED}, "quote", (QUOTED,)),  # FEP-044f, Mastodon 4.5
        ({"_misskey_quote": QUOTED}, "quote", (QUOTED,)),  # Misskey
        ({"quoteUri": QUOTED}, "quote", (QUOTED,)),  # Fedibird
        ({"quoteUrl": QUOTED}, "quote", (QUOTED,)),  # Akkoma, Pleroma
        (
            {
                "tag": [
                    {
                        "type": "Link",
                        "mediaType": 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"',
                        "rel": "https://misskey-hub.net/ns#_misskey_quote",
                        "href": QUOTED,
                    }
                ]
            },
            "quote",
            (QUOTED,),
        ),  # FEP-e232 object link
        ({"quote": f"{ME}/statuses/1"}, "post", (f"{ME}/statuses/1",)),  # quoting oneself: a post
        ({"quote": QUOTED, "inReplyTo": f"{BOB}/statuses/5"}, "reply", (QUOTED,)),  # a reply first
    ],
)
def test_mastodon_quote_posts_in_the_forms_servers_write(
    tmp_path: Path, extra: dict[str, Any], kind: str, links: tuple[str, ...]
) -> None:
    item = create(20, "2026-03-06T10:00:00Z", "<p>Look</p>", [PUBLIC], [], **extra)
    outbox = write_folder(tmp_path, {"outbox.json": collection("outbox.json", [item])}) / "outbox.json"
    (activity,) = mastodon.read_archive(outbox).activities
    assert (activity.kind, activity.links, activity.text) == (kind, links, "Look")


@pytest.mark.parametrize(
    ("to", "cc", "private"),
    [
        ([PUBLIC], [FOLLOWERS], False),  # public
        (["as:Public"], [], False),  # public, compacted
        ([FOLLOWERS], [PUBLIC], False),  # unlisted
        ([FOLLOWERS], [BOB], True),  # followers-only, mentioning bob
        ([BOB], [], None),  # direct
        ([], [], None),  # direct, mentioning no one
    ],
)
def test_mastodon_visibility_from_to_and_cc(
    tmp_path: Path, to: list[str], cc: list[str], private: bool | None
) -> None:
    items = [create(30, "2026-03-06T10:00:00Z", f"<p>{SECRET}</p>", to, cc)]
    archive = mastodon.read_archive(write_folder(tmp_path, mastodon_files(items)))
    assert [a.private for a in archive.activities] == ([] if private is None else [private])
    assert "likes" in archive.left_out and sum(archive.left_out.values()) == 5  # only likes and bookmarks


def test_mastodon_the_stricter_audience_of_activity_and_note_wins(tmp_path: Path) -> None:
    public_create = create(31, "2026-03-06T10:00:00Z", f"<p>{SECRET}</p>", [PUBLIC], [])
    public_create["object"]["to"] = [BOB]  # the Note itself is a direct message
    followers_note = create(32, "2026-03-06T11:00:00Z", "<p>Mine</p>", [PUBLIC], [])
    followers_note["object"] |= {"to": [FOLLOWERS], "cc": []}
    archive = mastodon.read_archive(write_folder(tmp_path, mastodon_files([public_create, followers_note])))
    assert [(a.id, a.private) for a in archive.activities] == [(f"{ME}/statuses/32", True)]
    assert "SECRET" not in repr(archive)


def test_mastodon_without_actor_json_finds_the_author_in_the_outbox(tmp_path: Path) -> None:
    files = {"outbox.json": collection("outbox.json", OUTBOX_ITEMS[:7])}
    archive = mastodon.read_archive(write_zip(tmp_path / "archive.zip", files))
    assert archive.author == "@alice@example.social"
    assert archive.activities == MASTODON_EXPECTED[:4]
    assert archive.left_out == Counter({"replies in your own threads": 2, "boosts of your own posts": 1})


def bad(reader: Any, path: Path) -> str:
    """The message of the one ArchiveError that reading `path` raises."""
    with pytest.raises(ArchiveError) as raised:
        reader.read_archive(path)
    return str(raised.value)


def test_mastodon_bad_inputs_give_one_archive_error_naming_the_file(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("just some notes\n", "utf-8")
    message = bad(mastodon, text)
    assert str(text) in message and "expected a Mastodon archive" in message

    no_outbox = write_zip(tmp_path / "no-outbox.zip", {"actor.json": json.dumps(ACTOR).encode()})
    message = bad(mastodon, no_outbox)
    assert (
        f"{no_outbox}: no outbox.json at its top or one folder down; expected a Mastodon archive" in message
    )

    broken = write_tar(
        tmp_path / "broken.tar.gz", {**mastodon_files(), "outbox.json": b'{"orderedItems": [{'}
    )
    message = bad(mastodon, broken)
    assert f"{broken}: outbox.json: not valid JSON" in message and "expected a Mastodon archive" in message

    unknown = write_folder(tmp_path / "unknown", {"outbox.json": json.dumps({"type": "Person"}).encode()})
    message = bad(mastodon, unknown)
    assert (
        str(unknown / "outbox.json") in message and "expected an ActivityStreams OrderedCollection" in message
    )

    likes = write_folder(tmp_path / "likes", mastodon_files()) / "likes.json"
    message = bad(mastodon, likes)
    assert f"{likes}: only addresses (likes.json?); expected activities" in message

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(write_tar(tmp_path / "whole.tar.gz", mastodon_files()).read_bytes()[:200])
    message = bad(mastodon, truncated)
    assert f"{truncated}: a damaged tar.gz" in message and "expected" in message

    actor = write_folder(tmp_path / "actor", {**mastodon_files(), "actor.json": b'["not", "an", "actor"]'})
    assert f"{actor / 'actor.json'}: expected an ActivityPub actor" in bad(mastodon, actor)

    assert "no such file or folder" in bad(mastodon, tmp_path / "missing.zip")


def test_mastodon_names_that_leave_the_archive_are_ignored(tmp_path: Path) -> None:
    files = mastodon_files()
    escaping = write_tar(tmp_path / "escaping.tar.gz", {"../outbox.json": files["outbox.json"]})
    assert "no outbox.json" in bad(mastodon, escaping)
    assert not (tmp_path / "outbox.json").exists()
    absolute = write_zip(tmp_path / "absolute.zip", {"/outbox.json": files["outbox.json"]})
    assert "no outbox.json" in bad(mastodon, absolute)


# --- X -----------------------------------------------------------------------------------------

ACCOUNT_JS = """window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "alice@mail.example",
      "createdVia" : "web",
      "username" : "alice_x",
      "accountId" : "1000",
      "createdAt" : "2012-04-01T10:00:00.000Z",
      "accountDisplayName" : "Alice"
    }
  }
]"""


def tweet(
    n: int, created_at: str, full_text: str, urls: tuple[tuple[str, str], ...] = (), **extra: Any
) -> dict[str, Any]:
    """A tweet as data/tweets.js holds it (counts are strings there)."""
    return {
        "tweet": {
            "edit_info": {"initial": {"editTweetIds": [str(n)], "editableUntil": "2026-03-02T10:15:00.000Z"}},
            "retweeted": False,
            "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
            "entities": {
                "hashtags": [],
                "symbols": [],
                "user_mentions": extra.pop("mentions", []),
                "urls": [
                    {
                        "url": short,
                        "expanded_url": long,
                        "display_url": long.split("://")[1][:20],
                        "indices": ["0", "1"],
                    }
                    for short, long in urls
                ],
            },
            "display_text_range": ["0", str(len(full_text))],
            "favorite_count": "0",
            "id_str": str(n),
            "truncated": False,
            "retweet_count": "0",
            "id": str(n),
            "created_at": created_at,
            "favorited": False,
            "full_text": full_text,
            "lang": "en",
            **extra,
        }
    }


def bob(name: str = "bob_b", user_id: str = "2000") -> dict[str, Any]:
    """A user_mentions entity."""
    return {"name": "Bob", "screen_name": name, "indices": ["0", "6"], "id_str": user_id, "id": user_id}


PART0 = [
    tweet(
        101,
        "Mon Mar 02 09:15:00 +0000 2026",
        "New post https://t.co/aaa and https://t.co/bbb &amp; more",
        (
            ("https://t.co/aaa", "https://alice.example/blog/x"),
            ("https://t.co/bbb", "https://other.example/guide"),
        ),
    ),
    tweet(102, "Mon Mar 02 10:00:00 +0000 2026", "Thanks @bob_b, 2 + 2 = 4! #goals", mentions=[bob()]),
    tweet(
        103,
        "Tue Mar 03 00:04:00 +0000 2026",
        "@bob_b Try https://t.co/ccc",
        (("https://t.co/ccc", "https://docs.example/howto"),),
        mentions=[bob()],
        in_reply_to_status_id_str="900",
        in_reply_to_user_id_str="2000",
        in_reply_to_screen_name="bob_b",
    ),
    tweet(
        104,
        "Tue Mar 03 08:00:00 +0000 2026",
        "2/ and more",
        in_reply_to_status_id_str="101",
        in_reply_to_user_id_str="1000",
        in_reply_to_screen_name="Alice_X",  # case differs
    ),
    tweet(
        105,
        "Tue Mar 03 09:00:00 +0000 2026",
        "RT @bob_b: Big news https://t.co/ddd",
        (("https://t.co/ddd", "https://news.example/x"),),
        mentions=[bob()],
    ),
    tweet(
        106, "Tue Mar 03 09:30:00 +0000 2026", "RT @alice_x: my own words", mentions=[bob("alice_x", "1000")]
    ),
    tweet(
        107,
        "Thu Mar 05 07:00:00 +0000 2026",
        "So true https://t.co/eee",
        (("https://t.co/eee", "https://twitter.com/bob_b/status/444"),),
    ),
]
PART1 = [
    tweet(
        108,
        "Thu Mar 05 08:00:00 +0000 2026",
        "As I said https://t.co/fff",
        (("https://t.co/fff", "https://x.com/alice_x/status/101"),),
    ),
    tweet(
        109,
        "Thu Mar 05 09:00:00 +0000 2026",
        "Look https://t.co/mmm",
        extended_entities={"media": [{"url": "https://t.co/mmm", "type": "photo"}]},
    ),
    tweet(
        110,
        "Thu Mar 05 10:00:00 +0000 2026",
        "RT @carol: hello",
        retweeted_status={"id_str": "555", "user": {"screen_name": "carol"}},
    ),
    tweet(101, "Mon Mar 02 09:15:00 +0000 2026", "New post again"),  # the same id as in part0
]
X_EXPECTED = (
    Activity(
        "x",
        "101",
        dt.datetime(2026, 3, 2, 9, 15, tzinfo=UTC),
        "post",
        url="https://x.com/alice_x/status/101",
        links=("https://alice.example/blog/x", "https://other.example/guide"),
        text="New post https://alice.example/blog/x and https://other.example/guide & more",
    ),
    Activity(
        "x",
        "102",
        dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        "post",
        url="https://x.com/alice_x/status/102",
        text="Thanks @bob_b, 2 + 2 = 4! #goals",
    ),
    Activity(
        "x",
        "103",
        dt.datetime(2026, 3, 3, 0, 4, tzinfo=UTC),
        "reply",
        url="https://x.com/alice_x/status/103",
        links=("https://docs.example/howto",),
        text="@bob_b Try https://docs.example/howto",
        replied_to="@bob_b",
    ),
    Activity(
        "x", "105", dt.datetime(2026, 3, 3, 9, 0, tzinfo=UTC), "boost", url="https://x.com/alice_x/status/105"
    ),
    Activity(
        "x",
        "107",
        dt.datetime(2026, 3, 5, 7, 0, tzinfo=UTC),
        "quote",
        url="https://x.com/alice_x/status/107",
        links=("https://twitter.com/bob_b/status/444",),
        text="So true https://twitter.com/bob_b/status/444",
    ),
    Activity(
        "x",
        "108",
        dt.datetime(2026, 3, 5, 8, 0, tzinfo=UTC),
        "post",
        url="https://x.com/alice_x/status/108",
        links=("https://x.com/alice_x/status/101",),
        text="As I said https://x.com/alice_x/status/101",
    ),
    Activity(
        "x",
        "109",
        dt.datetime(2026, 3, 5, 9, 0, tzinfo=UTC),
        "post",
        url="https://x.com/alice_x/status/109",
        text="Look",
    ),
    Activity(
        "x", "110", dt.datetime(2026, 3, 5, 10, 0, tzinfo=UTC), "boost", url="https://x.com/carol/status/555"
    ),
)
X_LEFT_OUT = Counter({"replies in your own threads": 1, "boosts of your own posts": 1, "repeated items": 1})


def js(variable: str, value: Any, after: str = "") -> bytes:
    """A data file as X writes it: JSON assigned to a variable."""
    return f"window.YTD.{variable} = {json.dumps(value, indent=2)}{after}".encode()


def x_files(marker: Path) -> dict[str, bytes]:
    """An X archive's files: tweets in two parts, direct messages that must never be opened."""
    trailing = (
        f';\nrequire("fs").writeFileSync("{marker}", "ran");\n'
        f"__import__('os').system('touch {marker}')\nwindow.YTD.more = {{ not json"
    )
    return {
        "Your archive.html": b"<!DOCTYPE html><title>Your archive</title>",
        "data/manifest.js": b'window.__THAR_CONFIG = {"userInfo": {"userName": "alice_x"}}',
        "data/account.js": ACCOUNT_JS.encode(),
        "data/tweets.js": js("tweets.part0", PART0),
        "data/tweets-part1.js": js("tweets.part1", PART1, trailing),
        "data/direct-messages.js": f"window.YTD.direct_messages.part0 = [ {SECRET} ".encode(),
        "data/direct-messages-group.js": f"window.YTD.direct_messages_group.part0 = [ {SECRET} ".encode(),
        "data/tweets_media/101-abc.jpg": b"\xff\xd8\xff",
    }


def test_x_archive_every_field_and_what_is_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "javascript-ran"
    path = write_zip(tmp_path / "twitter-2026-03-06-abc.zip", x_files(marker))
    opened = recorder(monkeypatch)
    archive = x.read_archive(path)
    assert (archive.platform, archive.path, archive.author) == ("x", str(path), "@alice_x")
    assert archive.activities == X_EXPECTED
    assert archive.left_out == X_LEFT_OUT
    # Only the account and the tweets were opened; the JavaScript after the data did not run.
    assert sorted(opened) == ["data/account.js", "data/tweets-part1.js", "data/tweets.js"]
    assert not marker.exists()
    assert "SECRET" not in repr(archive) and "alice@mail.example" not in repr(archive)


def test_x_folder_and_zip_give_the_same_archive(tmp_path: Path) -> None:
    files = x_files(tmp_path / "javascript-ran")
    forms = [
        write_folder(tmp_path / "extracted", files),
        write_zip(tmp_path / "archive.zip", files),
        write_zip(tmp_path / "rezipped.zip", files, prefix="twitter-2026-03-06-abc/"),
        write_folder(tmp_path / "outer", {f"twitter-2026/{name}": data for name, data in files.items()}),
    ]
    archives = [x.read_archive(form) for form in forms]
    for archive in archives:
        assert without_path(archive) == without_path(archives[0])
    assert archives[0].activities == X_EXPECTED


def test_x_older_archives_tweet_js_with_unwrapped_tweets(tmp_path: Path) -> None:
    older = [item["tweet"] for item in PART0[:3]]
    files = {"data/account.js": ACCOUNT_JS.encode(), "data/tweet.js": js("tweet.part0", older)}
    archive = x.read_archive(write_zip(tmp_path / "old.zip", files))
    assert archive.activities == X_EXPECTED[:3]


def test_x_bad_inputs_give_one_archive_error_naming_the_file(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("just some notes\n", "utf-8")
    message = bad(x, text)
    assert str(text) in message and "expected an X archive" in message

    mastodon_zip = write_zip(tmp_path / "mastodon.zip", mastodon_files())
    message = bad(x, mastodon_zip)
    assert (
        str(mastodon_zip) in message and "no data/tweets.js" in message and "expected an X archive" in message
    )

    def archive_with(tweets: bytes, name: str) -> Path:
        return write_zip(tmp_path / name, {"data/account.js": ACCOUNT_JS.encode(), "data/tweets.js": tweets})

    plain_json = [
        {"tweet": {"id_str": "1", "full_text": "hi", "created_at": "Mon Mar 02 09:15:00 +0000 2026"}}
    ]
    no_equals = archive_with(json.dumps(plain_json).encode(), "no-equals.zip")
    message = bad(x, no_equals)
    assert (
        f"{no_equals}: data/tweets.js: no '=' in it" in message
        and "expected JavaScript that assigns JSON" in message
    )

    broken = archive_with(b'window.YTD.tweets.part0 = [ {"tweet": ', "broken.zip")
    message = bad(x, broken)
    assert f"{broken}: data/tweets.js: what follows the first '=' is not valid JSON" in message

    unknown = archive_with(js("tweets.part0", {"tweet": PART0[0]}), "unknown.zip")
    message = bad(x, unknown)
    assert f"{unknown}: data/tweets.js: expected a list after '='" in message

    no_account = write_zip(tmp_path / "no-account.zip", {"data/tweets.js": js("tweets.part0", PART0)})
    message = bad(x, no_account)
    assert f"{no_account}: data/account.js: missing" in message and "expected an X archive" in message

    damaged = write_zip(tmp_path / "damaged.zip", x_files(tmp_path / "m"))
    with zipfile.ZipFile(damaged) as archive:
        info = archive.getinfo("data/tweets.js")
    data = bytearray(damaged.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    data[start : start + 40] = b"\0" * 40  # the tweets' compressed bytes overwritten
    damaged.write_bytes(bytes(data))
    message = bad(x, damaged)
    assert str(damaged) in message and "expected an X archive" in message

    assert "no such file or folder" in bad(x, tmp_path / "missing")


def test_x_dates_are_read_in_utc_whatever_the_offset(tmp_path: Path) -> None:
    items = [tweet(1, "Wed Oct 10 20:19:24 +0200 2018", "hi"), tweet(2, "not a date", "no")]
    files = {"data/account.js": ACCOUNT_JS.encode(), "data/tweets.js": js("tweets.part0", items)}
    archive = x.read_archive(write_folder(tmp_path, files))
    assert [a.when for a in archive.activities] == [dt.datetime(2018, 10, 10, 18, 19, 24, tzinfo=UTC)]
    assert archive.left_out == Counter({"items without a readable date: created_at": 1})
