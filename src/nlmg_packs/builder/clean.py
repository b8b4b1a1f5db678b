"""Remove what builds made, as the manifest records it, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nlmg_packs.builder.atomic import remove_stale_temporaries
from nlmg_packs.builder.lock import LOCK_NAME, build_lock
from nlmg_packs.builder.manifest import MANIFEST_NAME, Manifest, file_sha256


@dataclass
class Cleaned:
    removed: int = 0
    kept: list[str] = field(default_factory=list)
    """Recorded files a user has edited since: left in place."""


def clean_output(out: Path) -> Cleaned:
    """Delete the recorded outputs that are as the build left them, and the manifest."""
    cleaned = Cleaned()
    if not out.is_dir():
        return cleaned
    with build_lock(out):
        remove_stale_temporaries(out)
        manifest = Manifest.load(out)
        root = out.resolve()
        for relpath, entry in sorted(manifest.files.items()):
            path = out / relpath
            if not path.is_file() or not path.resolve().is_relative_to(root):
                continue
            if not entry.ours(file_sha256(path)):
                cleaned.kept.append(relpath)
                continue
            path.unlink()
            cleaned.removed += 1
            _prune_empty(path.parent, out)
        (out / MANIFEST_NAME).unlink(missing_ok=True)
    (out / LOCK_NAME).unlink(missing_ok=True)
    return cleaned


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def remove_orphans(out: Path, manifest: Manifest, pack_id: str,
                   made: set[str]) -> tuple[list[str], list[str]]:
    """Delete the recorded files of `pack_id` it no longer makes (a lesson taken out, say).

    `made` holds every path the pack can make, without extension, in any selection or format.
    Returns (removed, left): edited files are left in place and forgotten, so they are the
    user's from now on.
    """
    removed: list[str] = []
    left: list[str] = []
    for relpath, entry in sorted(manifest.files.items()):
        stem = relpath.rsplit(".", 1)[0].removesuffix(".new")
        if not relpath.startswith(pack_id + "/") or stem in made:
            continue
        path = out / relpath
        current = file_sha256(path)
        if current is None or entry.ours(current):
            path.unlink(missing_ok=True)
            _prune_empty(path.parent, out)
            if current is not None:
                removed.append(relpath)
        else:
            left.append(relpath)
        del manifest.files[relpath]
    return removed, left
