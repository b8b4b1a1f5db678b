"""Helpers of the spreadsheet tests: a pack moved to a workbook, to European CSV files or to
LibreOffice workbooks, its documents compared without their origins, its files built."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from nlmg_packs.compose.catalogue import catalogue
from nlmg_packs.document import Origin
from nlmg_packs.errors import PackError
from nlmg_packs.pack import Pack, load_pack
from nlmg_packs.pack.sheet_export import pack_lists, workbook_bytes
from tests.conftest import ROOT

BUNDLED = ROOT / "packs" / "never-let-me-go"
LIST_FILES = ("discussion.yaml", "quotes.yaml", "worksheets.yaml", "courses.yaml",
              "vocabulary.yaml", "tests.yaml", "rubrics.yaml")


def as_sheet_pack(source: Path, target: Path) -> Path:
    """A copy of the pack at `source` whose lists live in one workbook instead of YAML."""
    target.mkdir(parents=True)
    for name in ("pack.yaml", "matter.yaml"):  # the two files a workbook does not hold
        if (source / name).is_file():
            shutil.copy(source / name, target / name)
    (target / "lists.xlsx").write_bytes(workbook_bytes(pack_lists(load_pack(source))))
    return target


def canonical(value: object) -> str:
    """A document's repr with every `Origin` left out."""
    if isinstance(value, Origin):
        return "-"
    if dataclasses.is_dataclass(value):
        inner = ",".join(canonical(getattr(value, f.name)) for f in dataclasses.fields(value))
        return f"{type(value).__name__}({inner})"
    if isinstance(value, tuple | list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    return repr(value)


def documents(pack: Pack) -> list[str]:
    """Every composed document of the pack, origins left out (they name the source file)."""
    return [spec.relpath("pdf") + canonical(spec.compose("pdf")) for spec in catalogue(pack)]


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [str(p) for p in caught.value.problems]


def built_files(pack: Path, out: Path) -> dict[str, bytes]:
    """Every PDF and DOCX a native build of `pack` writes, by path below `out`."""
    from nlmg_packs.builder.run import BuildRequest, run_build

    run_build(BuildRequest(packs=(pack,), out=out, jobs=2, formats="all"))
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.suffix in (".pdf", ".docx")}


def csv_pack(source: Path, folder: Path) -> Path:
    """The pack at `source` with its lists as CSV files the way European Excel saves them: a
    byte-order mark, `;` separators, CRLF line ends."""
    from openpyxl import load_workbook

    folder.mkdir()
    for name in ("pack.yaml", "matter.yaml"):
        if (source / name).is_file():
            shutil.copy(source / name, folder)
    book = load_workbook(io.BytesIO(workbook_bytes(pack_lists(load_pack(source)))))
    for ws in book.worksheets:
        lines = []
        for row in ws.iter_rows(values_only=True):
            cells = ["" if v is None else str(v).upper() if isinstance(v, bool) else str(v)
                     for v in row]
            lines.append(";".join('"' + c.replace('"', '""') + '"' if ";" in c or "\n" in c
                                  or '"' in c else c for c in cells))
        text = "\r\n".join(lines) + "\r\n"
        (folder / f"{ws.title.lower()}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode())
    return folder


def libreoffice_workbooks(soffice: str, folder: Path, scratch: Path) -> None:
    """Every CSV file in `folder` replaced by the .xlsx workbook LibreOffice makes of it."""
    csv_files = sorted(folder.glob("*.csv"))
    # CSV filter options: separator ; (59), text delimiter " (34), UTF-8 (76), first line 1,
    # and (13th) evaluate formulas
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{scratch}/lo",
                    "--infilter=CSV:59,34,76,1,,,,,,,,,true", "--convert-to", "xlsx", "--outdir",
                    str(scratch), *map(str, csv_files)], check=True, capture_output=True,
                   timeout=300)
    for csv_file in csv_files:
        csv_file.unlink()
    for made in scratch.glob("*.xlsx"):
        shutil.move(made, folder / made.name)
    assert len(list(folder.glob("*.xlsx"))) == len(csv_files)
