"""Remove what builds made, as the manifest records it, and nothing else."""

from __future__ import annotations

from pathlib import Path

from nlmg_packs.build.atomic import remove_stale_temporaries
from nlmg_packs.build.lock import LOCK_NAME, build_lock
from nlmg_packs.build.manifest import MANIFEST_NAME, Manifest


def clean_output(out: Path) -> int:
    """Delete the recorded outputs and the manifest; return how many files went."""
    if not out.is_dir():
        return 0
    removed = 0
    with build_lock(out):
        remove_stale_temporaries(out)
        manifest = Manifest.load(out)
        for relpath in manifest.files:
            path = out / relpath
            if path.is_file() and path.resolve().is_relative_to(out.resolve()):
                path.unlink()
                removed += 1
                _prune_empty(path.parent, out)
        (out / MANIFEST_NAME).unlink(missing_ok=True)
    (out / LOCK_NAME).unlink(missing_ok=True)
    return removed


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
