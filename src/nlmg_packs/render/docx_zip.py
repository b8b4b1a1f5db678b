"""Reproducible .docx packaging: fixed entry times, stable order, same compression."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import UTC, datetime

_ZIP_EPOCH = 315532800
"""1980-01-01 00:00:00 UTC: the earliest time a zip entry can record."""

_FIRST = ("[Content_Types].xml", "_rels/.rels")


def when(timestamp: int) -> datetime:
    """`timestamp` (seconds since the epoch) as an aware UTC datetime, without microseconds."""
    return datetime.fromtimestamp(int(timestamp), UTC)


def zip_time(timestamp: int) -> tuple[int, int, int, int, int, int]:
    """The zip entry time for `timestamp`, clamped to what the zip format can hold."""
    moment = time.gmtime(max(int(timestamp), _ZIP_EPOCH))
    return moment[:6]


def reproducible(package: bytes, timestamp: int) -> bytes:
    """Rewrite a .docx so the same content always gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return _write({name: source.read(name) for name in source.namelist()}, timestamp)


def save_reproducible(document, timestamp: int) -> bytes:
    """A python-docx document as .docx bytes, the same for the same content: what `reproducible`
    makes of `document.save()`, without compressing every part twice on the way."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    entries = _Entries()
    # The steps of PackageWriter.write, into memory rather than into a zip file.
    PackageWriter._write_content_types_stream(entries, package.parts)
    PackageWriter._write_pkg_rels(entries, package.rels)
    PackageWriter._write_parts(entries, package.parts)
    return _write(entries, timestamp)


class _Entries(dict):
    """Collects a package's entries as python-docx's zip writer would write them."""

    def write(self, pack_uri, blob: bytes) -> None:
        self[pack_uri.membername] = blob


def _write(entries: dict[str, bytes], timestamp: int) -> bytes:
    date_time = zip_time(timestamp)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        ordered = [n for n in _FIRST if n in entries] + sorted(n for n in entries
                                                              if n not in _FIRST)
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
