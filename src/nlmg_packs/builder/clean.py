"""Remove what builds made, as the manifest records it, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nlmg_packs.builder import outdir
from nlmg_packs.builder.atomic import remove_stale_temporaries
from nlmg_packs.builder.checks import check_out
from nlmg_packs.builder.lock import LOCK_NAME, build_lock
from nlmg_packs.builder.manifest import MANIFEST_NAME, Manifest
from nlmg_packs.errors import OutputError, Problem


@dataclass
class Cleaned:
    """What `clean_output` did."""

    removed: int = 0
    kept: list[str] = field(default_factory=list)
    """Recorded files a user has edited since, or that cannot be read: left in place."""
    warnings: list[Problem] = field(default_factory=list)


def clean_output(out: Path) -> Cleaned:
    """Delete the recorded outputs that are as the build left them, and the manifest. Only
    paths inside `out` are touched, never through a link. Raises OutputError when `out` is
    a folder no build may use or cannot be changed."""
    cleaned = Cleaned()
    if not out.is_dir():
        return cleaned
    check_out(out, ())
    try:
        with build_lock(out):
            _clean(out, cleaned)
        outdir.remove(out, LOCK_NAME)
    except PermissionError as exc:
        raise OutputError([Problem(str(out), None, None,
                                   f"cannot remove files from the output folder "
                                   f"({exc.strerror})", "fix its permissions, or remove "
                                   "the files by hand")]) from None
    return cleaned


def _clean(out: Path, cleaned: Cleaned) -> None:
    manifest = Manifest.load(out)
    remove_stale_temporaries(out, {r.rpartition("/")[0] for r in manifest.files})
    for relpath in manifest.ignored:
        cleaned.warnings.append(Problem(str(out / MANIFEST_NAME), None, None,
                                        f"ignored the entry `{relpath}`: it leads out of the "
                                        "output folder", "nothing outside --out is touched"))
    for relpath, entry in sorted(manifest.files.items()):
        try:
            current = outdir.sha256(out, relpath)
        except OutputError as exc:
            cleaned.warnings.extend(exc.problems)
            cleaned.kept.append(relpath)
            continue
        if current is None:
            continue
        if not entry.ours(current):
            cleaned.kept.append(relpath)
            continue
        outdir.remove(out, relpath)
        cleaned.removed += 1
    outdir.remove(out, MANIFEST_NAME)
