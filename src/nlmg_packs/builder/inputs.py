"""Digests of what a build depends on: pack files, template, options, the tool's version.

Only the standard library is imported here: the no-op fast path computes `input_digest` from
the raw files and must not pay for parsing YAML or importing pydantic and the renderers.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from nlmg_packs.errors import PackError, Problem

if TYPE_CHECKING:
    from nlmg_packs.builder.request import BuildRequest
    from nlmg_packs.render.options import RenderOptions

MAX_TREE_FILES = 2000
"""A pack or template folder with more files than this is not one (a real pack has ~10)."""
MAX_TREE_BYTES = 64 * 1024 * 1024
"""Nor one holding more bytes than this: each file is capped by its reader far below it."""


def _tree_digest(folder: Path, marker: str, digest: hashlib._Hash) -> None:
    """Hash the regular files below `folder` if `folder/marker` is a regular file (nothing
    otherwise), without following links to folders and reading at most the limits above;
    a folder over the limits is refused before it is read."""
    files = _tree_files(folder, marker)
    for relpath, path in files:
        digest.update(relpath.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(_read_capped(path) + b"\0")


def _tree_files(folder: Path, marker: str) -> list[tuple[str, Path]]:
    shown = str(folder)
    try:
        if not stat.S_ISREG((folder / marker).stat().st_mode):
            return []
    except (OSError, RuntimeError):
        return []  # not a pack (or template): its loader says so, before reading anything
    found: list[tuple[str, Path]] = []
    total = 0
    stack = [(folder, "")]
    while stack:
        here, prefix = stack.pop()
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue  # the loader names an unreadable folder
        for entry in entries:
            relpath = prefix + entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((Path(entry.path), relpath + "/"))
                    continue
                info = entry.stat()  # a link to a file is hashed as the file it names
            except OSError:
                continue  # a dangling link or a loop: the loader reports it
            if stat.S_ISREG(info.st_mode):
                found.append((relpath, Path(entry.path)))
                total += info.st_size
            if len(found) > MAX_TREE_FILES or total > MAX_TREE_BYTES:
                raise PackError([Problem(shown, None, None, f"the folder holds over "
                                         f"{MAX_TREE_FILES} files or "
                                         f"{MAX_TREE_BYTES // 1_048_576} MB",
                                         "pass the folder that holds "
                                         f"{marker} and only what it needs")])
    return sorted(found)


def _read_capped(path: Path) -> bytes:
    """The file's bytes, or a marker when it cannot be read or is no longer regular (the
    loader then reports it): never more than MAX_TREE_BYTES, never blocking on a pipe."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return f"unreadable {exc.errno}".encode()
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b"not a regular file"
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_TREE_BYTES + 1)
    except OSError as exc:
        return f"unreadable {exc.errno}".encode()
    finally:
        os.close(fd)


def template_digest(folder: Path, reference_doc: Path | None) -> str:
    """The template folder's files and the reference document, byte for byte."""
    digest = hashlib.sha256()
    _tree_digest(folder, "template.yaml", digest)
    if reference_doc is not None:
        digest.update(_read_capped(reference_doc))
    return digest.hexdigest()


def options_digest(options: RenderOptions, template: str, version: str) -> str:
    """Everything besides the document itself that changes a rendered file."""
    settings = {"version": version, "paper": options.paper, "preset": options.preset,
                "fillable": options.fillable, "timestamp": options.timestamp,
                "template": template}
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


def input_digest(folder: Path, template: str, request: BuildRequest, epoch: int,
                 version: str) -> str:
    """One digest over a pack's files and every build setting, for the no-op fast path."""
    digest = hashlib.sha256()
    _tree_digest(folder, "pack.yaml", digest)
    settings = {"version": version, "epoch": epoch, "courses": sorted(request.courses),
                "editions": sorted(request.editions), "formats": request.formats,
                "kinds": sorted(request.kinds), "paper": request.paper,
                "preset": request.preset, "fillable": request.fillable,
                "zip": request.zip, "template": template,
                "versions": request.versions, "cc_version": request.cc_version}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    return digest.hexdigest()
