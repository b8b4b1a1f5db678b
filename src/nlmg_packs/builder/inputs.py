"""Digests of what a build depends on: pack files, template, options, the tool's version.

Only the standard library is imported here: the no-op fast path computes `input_digest` from
the raw files and must not pay for parsing YAML or importing pydantic and the renderers.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlmg_packs.builder.run import BuildRequest
    from nlmg_packs.render.options import RenderOptions


def _tree_digest(folder: Path, digest: hashlib._Hash) -> None:
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder).as_posix()).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")


def template_digest(folder: Path, reference_doc: Path | None) -> str:
    """The template folder's files and the reference document, byte for byte."""
    digest = hashlib.sha256()
    _tree_digest(folder, digest)
    if reference_doc is not None and reference_doc.is_file():
        digest.update(reference_doc.read_bytes())
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
    _tree_digest(folder, digest)
    settings = {"version": version, "epoch": epoch, "courses": sorted(request.courses),
                "editions": sorted(request.editions), "formats": request.formats,
                "kinds": sorted(request.kinds), "paper": request.paper,
                "preset": request.preset, "fillable": request.fillable,
                "zip": request.zip, "template": template}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    return digest.hexdigest()
