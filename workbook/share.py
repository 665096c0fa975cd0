"""A share file: the few entries a person chooses to hand to their partner, and back.

No server: each partner keeps their own journal, picks what to share, sees every word
that will leave it, and saves a small versioned JSON file (optionally sealed with a
passphrase the two agree on). The partner opens it, sees it first, then brings it in
under their partner profile as one batch; a newer file from them replaces the older.

Only kinds meant for two are ever offered or accepted (`SHAREABLE`); check-ins, thought
records, trigger logs, roots, letters and safety plans never leave the journal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from workbook import messages, words
from workbook.models import KINDS, Entry, EntryInvalid
from workbook.models._text import shorten
from workbook.sealed import KdfSettings
from workbook.store import Saved, Store, StoreError, home, make_private_file, now
from workbook.store.reading import FileRefused, bounds_text, read_bounded, within_bounds

FORMAT = "secure-base-share"
VERSION = 1
PURPOSE = "share-file"
BATCH_KIND = "share"
NAME_LIMIT = 60
SHORTEST_PASSPHRASE = 8
# A share file holds a handful of entries; anything far bigger is not one.
LARGEST_FILE = 5_000_000

# The kinds a person may share, in the order they are offered.
SHAREABLE: tuple[str, ...] = (
    "values_sort",
    "shared_goal",
    "gratitude",
    "shared_win",
    "clear_statement",
    "therapy_statement",
)


class ShareError(StoreError):
    """A share file can't be made or opened; ``message`` is a sentence for the person.

    ``field`` names the answer at fault ("picks", "name", "passphrase", "path"), if any.
    """

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


@dataclasses.dataclass(frozen=True)
class Candidate:
    """One of my entries that could go in a share file."""

    id: int
    kind: str
    title: str
    written: dt.datetime
    text: str
    told: bool = False

    def line(self) -> str:
        """The entry on one line, as the list of things to share offers it."""
        return f"{self.title}, {self.written.astimezone():%d %b %Y}: {shorten(self.text)}"


@dataclasses.dataclass(frozen=True)
class SharedEntry:
    kind: str
    written: dt.datetime
    entry: Entry


@dataclasses.dataclass(frozen=True)
class ShareFile:
    """What a share file holds: who made it, when, and the entries in it."""

    name: str
    made_at: dt.datetime
    entries: tuple[SharedEntry, ...]


@dataclasses.dataclass(frozen=True)
class Receipt:
    added: int
    replaced: int
    name: str


def default_path() -> Path:
    """Where a new share file goes unless the person says otherwise: today's, in shares/."""
    return home() / "shares" / f"share-{now():%Y-%m-%d}.json"


def title(kind: str) -> str:
    """The title ``kind`` is shown with ("Daily check-in"); its key in words if unknown."""
    model = KINDS.get(kind)
    return model.TITLE if model is not None and model.TITLE else kind.replace("_", " ")


# -- what can be shared ---------------------------------------------------------------

def received_batches(store: Store) -> set[int]:
    """Ids of the batches that came from a partner's share file."""
    return {batch.id for batch in store.batches(BATCH_KIND)}


def is_received(saved: Saved, received: set[int]) -> bool:
    """Whether ``saved`` came from a share file (``received`` from `received_batches`)."""
    return saved.batch is not None and saved.batch in received


def candidates(store: Store, *, profile: str = words.PROFILE_ME) -> list[Candidate]:
    """My entries that may be shared, by kind, newest first; nothing received is offered."""
    received = received_batches(store)
    found: list[Candidate] = []
    for kind in SHAREABLE:
        for saved in store.entries(kind, profile=profile):
            if is_received(saved, received):
                continue
            told = bool(getattr(saved.entry, "told_count", 0))
            found.append(Candidate(saved.id, kind, title(kind), saved.created_at,
                                   saved.entry.summary(), told))
    return found


def told_them(found: list[Candidate]) -> list[int]:
    """The gratitude entries among ``found`` where I told my partner at least one thing."""
    return [c.id for c in found if c.kind == "gratitude" and c.told]


def build(store: Store, ids: list[int], name: str, *,
          profile: str = words.PROFILE_ME) -> ShareFile:
    """A share file of exactly the entries ``ids``, in that order, made now.

    Raises `ShareError` when nothing is picked, the name is missing or too long, or an
    entry is gone, is someone else's, or is of a kind that is never shared.
    """
    if not ids:
        raise ShareError(messages.SHARE_NOTHING_PICKED, "picks")
    name = _check_name(name)
    received = received_batches(store)
    picked = []
    for entry_id in dict.fromkeys(ids):
        try:
            saved = store.get(entry_id)
        except KeyError as error:
            raise ShareError(messages.SHARE_GONE) from error
        if saved.kind not in SHAREABLE:
            raise ShareError(messages.SHARE_NEVER_SHARED.format(title=title(saved.kind)))
        if saved.profile != profile or is_received(saved, received):
            raise ShareError(messages.SHARE_NOT_YOURS)
        picked.append(SharedEntry(saved.kind, saved.created_at, saved.entry))
    return ShareFile(name, now(), tuple(picked))


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ShareError(messages.SHARE_NO_NAME, "name")
    name = " ".join(name.split())
    if len(name) > NAME_LIMIT or "\x00" in name:
        raise ShareError(messages.SHARE_NAME_TOO_LONG.format(limit=NAME_LIMIT), "name")
    return name


# -- the file ---------------------------------------------------------------------------

def document(share: ShareFile) -> dict[str, Any]:
    """The share file as JSON-ready data: nothing more than this is ever written."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "from": share.name,
        "made_at": share.made_at.isoformat(),
        "entries": [{"kind": item.kind, "written_at": item.written.isoformat(),
                     "data": item.entry.to_data()} for item in share.entries],
    }


def file_text(share: ShareFile) -> str:
    """Every character of the file as written without a passphrase (and sealed with one)."""
    return json.dumps(document(share), ensure_ascii=False, indent=1) + "\n"


def preview(share: ShareFile) -> str:
    """The share file in plain words: who, when, and every answer of every entry."""
    count = len(share.entries)
    lines = [f"From: {share.name}", f"Made: {share.made_at:%a %d %b %Y, %H:%M}",
             f"{count} {'entry' if count == 1 else 'entries'}:"]
    for number, item in enumerate(share.entries, start=1):
        lines += ["", f"{number}. {title(item.kind)}, written {item.written:%a %d %b %Y, %H:%M}"]
        for field, value in item.entry.to_data().items():
            shown = (item.entry.shown(field) or "(none)" if field in item.entry.PICKS
                     else _readable(value))
            lines.append(f"   {field.replace('_', ' ').capitalize()}: {shown}")
    return "\n".join(lines)


def _readable(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_readable(item) for item in value) if value else "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value or "(empty)"
    return str(value)


def write(share: ShareFile, path: str | Path, *, passphrase: str = "",
          kdf: KdfSettings | None = None) -> Path:
    """Write ``share`` to ``path`` (0600) and return where it went.

    With a passphrase, the text is sealed (Argon2id + AES-256-GCM, see `workbook.sealed`;
    ``kdf`` its cost, our usual one when not given).
    Raises `ShareError` for a passphrase that is too short or a place that can't be written.
    """
    if passphrase and len(passphrase) < SHORTEST_PASSPHRASE:
        raise ShareError(messages.SHARE_SHORT_PASSPHRASE.format(least=SHORTEST_PASSPHRASE),
                         "passphrase")
    target = _path(path)
    text = file_text(share)
    if passphrase:
        from workbook import sealed

        envelope = sealed.seal(text.encode("utf-8"), passphrase, purpose=PURPOSE,
                               settings=kdf)
        text = json.dumps({"format": FORMAT, "version": VERSION, "sealed": envelope},
                          indent=1) + "\n"
    if target.is_symlink() or target.is_dir():
        raise ShareError(messages.SHARE_CANT_WRITE.format(
            path=target, reason="that is a folder or a shortcut, not a file"), "path")
    try:
        make_private_file(target)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ShareError(messages.SHARE_CANT_WRITE.format(
            path=target, reason=error.strerror or type(error).__name__), "path") from error
    return target


def read(path: str | Path, *, passphrase: str = "") -> ShareFile:
    """Open a share file and check every entry in it; nothing is written anywhere.

    Raises `ShareError` for a missing file, one that is not a share file, one from a
    newer version, a missing or wrong passphrase, a kind that is never shared, or a
    damaged entry.
    """
    source = _path(path)
    try:
        raw = read_bounded(source, LARGEST_FILE)
    except FileNotFoundError as error:
        raise ShareError(messages.SHARE_NOT_FOUND.format(path=source), "path") from error
    except FileRefused as error:
        raise ShareError(messages.SHARE_NOT_A_SHARE_FILE_BECAUSE.format(
            path=source, reason=error.reason), "path") from error
    except OSError as error:
        raise ShareError(messages.SHARE_DAMAGED.format(
            path=source, reason=error.strerror or type(error).__name__)) from error
    outer = _share_document(raw, source)
    if "sealed" in outer:
        inner = _unsealed(outer["sealed"], passphrase, source)
        outer = _share_document(inner, source)
        if "sealed" in outer:
            raise ShareError(messages.SHARE_DAMAGED.format(path=source, reason="sealed twice"))
    return _parse(outer, source)


def _path(path: str | Path) -> Path:
    if not str(path).strip():
        raise ShareError(messages.SHARE_NO_PATH, "path")
    return Path(str(path).strip()).expanduser()


def _share_document(raw: bytes, source: Path) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ShareError(messages.SHARE_NOT_A_SHARE_FILE.format(path=source)) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ShareError(messages.SHARE_NOT_A_SHARE_FILE.format(path=source))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ShareError(messages.SHARE_DAMAGED.format(path=source, reason="no version"))
    if version > VERSION:
        raise ShareError(messages.SHARE_TOO_NEW.format(path=source))
    return data


def _unsealed(envelope: object, passphrase: str, source: Path) -> bytes:
    from workbook import sealed

    if not passphrase:
        raise ShareError(messages.SHARE_NEEDS_PASSPHRASE, "passphrase")
    try:
        return sealed.unseal(envelope, passphrase, purpose=PURPOSE)  # type: ignore[arg-type]
    except sealed.WrongSecret as error:
        raise ShareError(messages.SHARE_WRONG_PASSPHRASE, "passphrase") from error
    except sealed.BadEnvelope as error:
        raise ShareError(messages.SHARE_DAMAGED.format(path=source, reason=error.reason)) \
            from error


def _parse(data: dict[str, Any], source: Path) -> ShareFile:
    def damaged(reason: str) -> ShareError:
        return ShareError(messages.SHARE_DAMAGED.format(path=source, reason=reason))

    items = data.get("entries")
    if not isinstance(items, list) or not items:
        raise damaged("no entries")
    # Kinds first: a file carrying anything private is refused before it is read further.
    for item in items:
        kind = item.get("kind") if isinstance(item, dict) else None
        if not isinstance(kind, str):
            raise damaged("an entry without a kind")
        if kind not in SHAREABLE:
            raise ShareError(messages.SHARE_HOLDS_PRIVATE.format(path=source, title=title(kind)))
    try:
        name = _check_name(data.get("from"))
    except ShareError as error:
        raise damaged("no sender's name") from error
    made_at = _moment(data.get("made_at"))
    if made_at is None:
        raise damaged("no time it was made")
    if not within_bounds(made_at):
        # A file from the far future would make every later one look "already here".
        raise damaged(f"the time it was made, {_day(made_at)}, is not {bounds_text()}")
    entries = []
    for number, item in enumerate(items, start=1):
        written = _moment(item.get("written_at"))
        if written is None:
            raise damaged(f"entry {number} has no date")
        if not within_bounds(written):
            raise damaged(f"entry {number} was written on {_day(written)}, which is not "
                          f"{bounds_text()}")
        entries.append(SharedEntry(item["kind"], written,
                                   _entry(KINDS[item["kind"]], item.get("data"), number, damaged)))
    return ShareFile(name, made_at, tuple(entries))


def _entry(model: type[Entry], data: object, number: int, damaged: Any) -> Entry:
    fields = {f.name for f in dataclasses.fields(model)}
    if not isinstance(data, dict) or set(data) - fields:
        raise damaged(f"entry {number} has answers this version doesn't know")
    try:
        # Entries read from outside are always checked, whatever the journal does.
        return model.from_data(data, validate=True)
    except EntryInvalid as invalid:
        field = next(iter(invalid.problems))
        raise damaged(f"entry {number}, {field}") from invalid
    except (ValueError, TypeError, AttributeError, KeyError) as error:
        raise damaged(f"entry {number}") from error


def _day(moment: dt.datetime) -> str:
    return f"{moment.day} {moment:%B} {moment.year}"


def _moment(value: object) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


# -- bringing a partner's file in -----------------------------------------------------------

def previous_shares(store: Store, *, partner: str = words.PROFILE_PARTNER) -> list[Any]:
    """The share batches already brought in for ``partner``, newest first."""
    return [b for b in store.batches(BATCH_KIND) if b.details.get("profile") == partner]


def receive(store: Store, share: ShareFile, *,
            partner: str = words.PROFILE_PARTNER) -> Receipt:
    """Put ``share``'s entries under ``partner`` as one batch, replacing what came before.

    All in one transaction. Raises `ShareError` (and changes nothing) when this file,
    or a newer one from them, is already here.
    """
    earlier = previous_shares(store, partner=partner)
    # A file whose entries were all deleted here may be brought in again.
    # A time out of bounds (brought in before they were checked) blocks nothing.
    latest = max((moment for b in earlier if b.entries
                  for moment in [_moment(b.details.get("made_at"))]
                  if moment is not None and within_bounds(moment)), default=None)
    if latest is not None and share.made_at <= latest:
        raise ShareError(messages.SHARE_ALREADY_HERE.format(name=share.name))
    details = {"from": share.name, "made_at": share.made_at.isoformat(), "profile": partner}
    with store.batch(BATCH_KIND, f"Share file from {share.name}", details,
                     replaces=[b.id for b in earlier]) as batch:
        for item in share.entries:
            batch.add(item.entry, profile=partner, at=item.written)
    names = {p.key: p.name for p in store.profiles()}
    if not names.get(partner):
        store.set_profile(partner, share.name)
    return Receipt(batch.added, sum(b.entries for b in earlier), share.name)


def appreciation(store: Store, *, profile: str = words.PROFILE_ME,
                 partner: str = words.PROFILE_PARTNER,
                 limit: int = 10) -> tuple[list[str], list[str]]:
    """(what I appreciate about my partner, what they shared appreciating about me).

    Theirs comes only from their share files: on one computer, their journal is theirs.
    """
    received = received_batches(store)
    mine = [item for saved in store.entries("gratitude", profile=profile, limit=limit)
            for item in saved.entry.items]  # type: ignore[attr-defined]
    theirs = [item for saved in store.entries("gratitude", profile=partner)
              if is_received(saved, received)
              for item in saved.entry.items][:limit * 3]  # type: ignore[attr-defined]
    return mine[:limit * 3], theirs


def describe(share: ShareFile) -> str:
    """One line naming what the file holds, e.g. "1 Values card sort, 2 Gratitude journal"."""
    counts: dict[str, int] = {}
    for item in share.entries:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    return ", ".join(f"{n} × {shorten(title(kind))}" for kind, n in counts.items())
