"""The reference document a DOCX file builds on: opened and checked in one place.

The input stage checks that the file is there and is a .docx (`template.load_template`, the
build's `--reference-doc` check); this module checks what only opening it can tell: that
python-docx can read it and that it has every style the renderer uses.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from nlmg_packs.errors import PackError, Problem
from nlmg_packs.paths import display_path

REBUILD_HINT = ("start from templates/default/reference.docx, or rebuild it with "
                "`python -m nlmg_packs.reference_doc OUT.docx`")


def open_reference(path: Path) -> tuple[Any, dict[str, Any]]:
    """The reference document (a python-docx `Document`) and its styles by lower-case name.

    Raises PackError when the file is missing, cannot be read as a .docx, or lacks a style
    the renderer needs (`docx_styles.NEEDED`), one problem per missing style.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from nlmg_packs.render.docx_styles import NEEDED, style_map

    name = display_path(Path(path))
    if not Path(path).is_file():
        raise PackError([Problem(name, None, None, "reference document not found",
                                 REBUILD_HINT)])
    from nlmg_packs.render.docx_clean import clean_reference

    cleaned, _ = clean_reference(Path(path), name)  # only what makes the look
    try:
        document = docx.Document(io.BytesIO(cleaned))
    except (PackageNotFoundError, zipfile.BadZipFile, ValueError, KeyError) as exc:
        raise PackError([Problem(name, None, None, f"cannot be read as a .docx ({exc})",
                                 "save it from Word or LibreOffice as Word Document (.docx), "
                                 "not as a template (.dotx)")]) from None
    present = style_map(document)
    missing = [style for style in NEEDED if style.lower() not in present]
    if missing:
        raise PackError([Problem(name, None, None,
                                 f"reference document has no style `{style}`",
                                 f"add a style named `{style}` in Word or LibreOffice, or "
                                 + REBUILD_HINT) for style in missing])
    return document, present
