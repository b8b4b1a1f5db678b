"""Where bundled data lives, in a checkout or an installed wheel; safe resolution of pack paths."""

from __future__ import annotations

import os
from pathlib import Path

from nlmg_packs.errors import PackError, Problem

_HERE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    """The folder holding `packs/` and `templates/`: the checkout, or the wheel's copy."""
    checkout = _HERE.parent.parent
    if (checkout / "templates").is_dir() and (checkout / "pyproject.toml").is_file():
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

    def refuse(message: str, hint: str) -> PackError:
        return PackError([Problem(where.file, where.line, where.col, message, hint)])

    shown = relative if relative.isprintable() else repr(relative)[1:-1]
    if not relative.isprintable():
        raise refuse(f"path `{shown}` contains a control character",
                     "write the file name as plain text")
    if "\\" in relative:
        raise refuse(f"path `{shown}` uses `\\`",
                     "separate folders with `/`, e.g. `assets/logo.png`")
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts or candidate.drive:
        raise refuse(f"path `{shown}` leaves the folder",
                     "use a path inside the pack or template folder, "
                     "without `..` or a leading `/`")
    try:
        resolved = (base / candidate).resolve()
        inside = resolved.is_relative_to(base.resolve())
        is_file = resolved.is_file()
    except (OSError, RuntimeError):  # a link loop, a name too long
        raise refuse(f"path `{shown}` cannot be followed (a link loop, or a name too long)",
                     "check the name and any links in the folder") from None
    if not inside:
        raise refuse(f"path `{shown}` is a link to outside the folder",
                     "copy the file into the folder instead of linking it")
    if not is_file:
        raise refuse(f"file `{shown}` not found", "check the name and folder")
    return resolved


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working folder when it is below it."""
    # Not resolved first: a link is shown by its own name, never by where it leads.
    try:
        pairs = ((Path(os.path.abspath(path)), Path.cwd()),
                 (path.resolve(), Path.cwd().resolve()))
    except (OSError, RuntimeError):  # a link loop, or a working folder that is gone
        return str(path)
    for candidate, base in pairs:
        try:
            return str(candidate.relative_to(base))
        except ValueError:
            continue
    return str(path)
