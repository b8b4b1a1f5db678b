"""Which code made an output: the release number and a fingerprint of the installed files."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from nlmg_packs import __version__

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_id() -> str:
    """`0.1.0+<12 hex digits>`: the version and a digest of the path, size and modification
    time (ns) of every file of the installed package (modules, catalogues, fonts, starter pack).

    A build's up-to-date checks key on this, so outputs made by older code are rebuilt even when
    the code changed without a new release number (an editable install, a local fix). Statting
    the files costs about a millisecond; their contents are not read. Never raises: a file that
    vanishes while being statted is left out.
    """
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, _PACKAGE)}\0{stat.st_size}\0"
                          f"{stat.st_mtime_ns}\n".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"
