"""The manifest: what the build wrote, from which inputs, so re-runs skip and edits are kept."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nlmg_packs.build.atomic import write_atomic

MANIFEST_NAME = ".nlmg-packs-manifest.json"
FORMAT = 1


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except OSError:
        return None


@dataclass
class Entry:
    """One file the build wrote."""

    key: str
    """Hash of everything the file was built from."""
    sha256: str
    """Hash of the bytes written, to notice a user's edits."""
    kind: str
    pages: int | None = None


@dataclass
class Inputs:
    digest: str
    files: list[str]


@dataclass
class Manifest:
    files: dict[str, Entry] = field(default_factory=dict)
    """By path relative to the output folder."""
    inputs: dict[str, Inputs] = field(default_factory=dict)
    """By pack id: the inputs of its last complete build, and the files that build made."""

    @classmethod
    def load(cls, out: Path) -> Manifest:
        try:
            raw = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
            if raw.get("format") != FORMAT:
                return cls()
            return cls({k: Entry(**v) for k, v in raw["files"].items()},
                       {k: Inputs(**v) for k, v in raw["inputs"].items()})
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def save(self, out: Path) -> None:
        data = {"format": FORMAT,
                "inputs": {k: asdict(v) for k, v in sorted(self.inputs.items())},
                "files": {k: asdict(v) for k, v in sorted(self.files.items())}}
        write_atomic(out / MANIFEST_NAME, json.dumps(data, indent=1).encode("utf-8"))
