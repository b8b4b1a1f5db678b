"""The manifest: what the build wrote, from which inputs, so re-runs skip and edits are kept.

Writes follow a small journal so an interrupted build never leaves the manifest wrong: before
any output is replaced the manifest is saved with each file's *pending* hash, then the files
are renamed into place, then the manifest is saved again with the pending hashes made final.
A build killed in between leaves files that match either their old or their pending hash, and
`recover` adopts the pending ones, so the next build neither rebuilds them needlessly nor
mistakes them for a user's edits.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nlmg_packs.builder import outdir
from nlmg_packs.builder.atomic import write_atomic
from nlmg_packs.errors import OutputError

MANIFEST_NAME = ".nlmg-packs-manifest.json"
FORMAT = 2


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Entry:
    """One file the build wrote."""

    key: str
    """Hash of everything the file was built from ("" while only pending)."""
    sha256: str | None
    """Hash of the bytes written, to notice a user's edits (None while only pending)."""
    kind: str
    pages: int | None = None
    pending: str | None = None
    """Hash of bytes being written right now; final once the build commits."""
    pending_key: str | None = None
    pending_pages: int | None = None

    def ours(self, current: str | None) -> bool:
        """Whether `current` (a file's hash) is a version this tool wrote."""
        return current is not None and current in (self.sha256, self.pending)


@dataclass
class Inputs:
    digest: str
    files: list[str]


@dataclass
class Manifest:
    files: dict[str, Entry] = field(default_factory=dict)
    """By path relative to the output folder."""
    inputs: dict[str, Inputs] = field(default_factory=dict)
    """By pack folder: the inputs of its last complete build, and the files that build made."""
    ignored: list[str] = field(default_factory=list)
    """Paths the manifest names that could lead out of the output folder: dropped on load."""

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """The manifest in `out`, empty if there is none or it is damaged. Raises OutputError
        when it exists but cannot be read (as `outdir.read`)."""
        data = outdir.read(out, MANIFEST_NAME)
        if data is None:
            return cls()
        try:
            raw = json.loads(data.decode("utf-8"))
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                return cls()
            files = {k: Entry(**v) for k, v in raw["files"].items()}
            inputs = {k: Inputs(**v) for k, v in raw["inputs"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls()
        return cls._trusted(files, inputs)

    @classmethod
    def _trusted(cls, files: dict[str, Entry], inputs: dict[str, Inputs]) -> Manifest:
        """Only entries whose path stays inside the output folder by its form, and whose
        fields have the types they should; the rest are named in `ignored`."""
        ignored = sorted(k for k, e in files.items() if outdir.parts_of(k) is None
                         or not _well_typed(e))
        for relpath in ignored:
            del files[relpath]
        for item in inputs.values():
            bad = [f for f in item.files if not isinstance(f, str) or outdir.parts_of(f) is None]
            ignored.extend(str(f) for f in bad if f not in ignored)
            item.files = [f for f in item.files if f not in bad]
        return cls(files, inputs, ignored)

    def save(self, out: Path) -> None:
        data = {"format": FORMAT,
                "inputs": {k: asdict(v) for k, v in sorted(self.inputs.items())},
                "files": {k: asdict(v) for k, v in sorted(self.files.items())}}
        write_atomic(out, MANIFEST_NAME, json.dumps(data, indent=1).encode("utf-8"))

    def begin(self, relpath: str, key: str, data_sha: str, kind: str,
              pages: int | None) -> None:
        """Record that `relpath` is about to be replaced by bytes hashing to `data_sha`."""
        entry = self.files.get(relpath)
        if entry is None:
            entry = self.files[relpath] = Entry("", None, kind)
        entry.pending, entry.pending_key, entry.pending_pages = data_sha, key, pages

    def commit(self, relpath: str) -> None:
        """The pending version of `relpath` is now on disk."""
        entry = self.files[relpath]
        assert entry.pending is not None and entry.pending_key is not None
        entry.key, entry.sha256, entry.pages = entry.pending_key, entry.pending, entry.pending_pages
        entry.pending = entry.pending_key = entry.pending_pages = None

    def recover(self, out: Path) -> bool:
        """Finish the bookkeeping of an interrupted build; return whether anything changed."""
        changed = False
        for relpath, entry in list(self.files.items()):
            if entry.pending is None:
                continue
            changed = True
            try:
                on_disk = outdir.sha256(out, relpath)
            except OutputError:
                on_disk = None  # unreadable: the plan stops on it with a clear error
            if on_disk == entry.pending:
                self.commit(relpath)
            elif entry.sha256 is None:
                del self.files[relpath]
            else:
                entry.pending = entry.pending_key = entry.pending_pages = None
        return changed


def _well_typed(entry: Entry) -> bool:
    hashes = (entry.key, entry.sha256, entry.pending, entry.pending_key)
    pages = (entry.pages, entry.pending_pages)
    return (all(h is None or isinstance(h, str) for h in hashes) and isinstance(entry.kind, str)
            and all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in pages))
