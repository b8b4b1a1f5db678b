"""Where bundled data lives, in a checkout or an installed wheel; safe resolution of pack paths."""

from __future__ import annotations

from pathlib import Path

from nlmg_packs.errors import PackError, Problem

_HERE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    """The folder holding `packs/` and `templates/`: the checkout, or the wheel's copy."""
    checkout = _HERE.parent.parent
    if (checkout / "packs").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    return _HERE / "_bundled"


def bundled_packs() -> Path:
    return bundled_root() / "packs"


def default_pack() -> Path:
    return bundled_packs() / "never-let-me-go"


def default_template() -> Path:
    return bundled_root() / "templates" / "default"


def resolve_inside(base: Path, relative: str, where: Problem) -> Path:
    """Resolve `relative` below `base`, refusing absolute paths, `..` and links leading out."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise PackError([Problem(where.file, where.line, where.col,
                                 f"path `{relative}` leaves the folder",
                                 "use a path inside the pack or template folder, "
                                 "without `..` or a leading `/`")])
    resolved = (base / candidate).resolve()
    if not resolved.is_relative_to(base.resolve()):
        raise PackError([Problem(where.file, where.line, where.col,
                                 f"path `{relative}` is a link to outside the folder",
                                 "copy the file into the folder instead of linking it")])
    if not resolved.is_file():
        raise PackError([Problem(where.file, where.line, where.col,
                                 f"file `{relative}` not found", "check the name and folder")])
    return resolved
