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
    date_time = zip_time(timestamp)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        ordered = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
