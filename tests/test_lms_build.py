"""`nlmg-packs build --format lms` end to end: the cartridges and banks go through the build
(valid, listed by `list`, nothing written on a re-run, byte-identical, rebuilt only where a
question changed, left alone by other formats' builds)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import edit
from tests.lms_schemas import validate
from tests.test_cli import cli
from tests.test_lms_cartridge import (
    VERSIONS,
    full,  # noqa: F401  (fixture)
)

CARTRIDGES = ["lms/literature.imscc", "lms/literature-teacher.imscc"]
BANKS = [f"banks/{stem}.{fmt}" for stem in ("test-part-one", "unit-part-one",
                                            "unit-whole-novel")
         for fmt in ("moodle.xml", "gift.txt", "qti.zip")]


def build(pack: Path, out: Path, *options: str) -> dict:
    result = cli("build", str(pack), "--out", str(out), "--format", "lms", "--json", *options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def by_status(report: dict, status: str) -> list[str]:
    root = report["out"]
    return sorted(f["path"].removeprefix(root + "/") for f in report["files"]
                  if f["status"] == status)


def written(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


@pytest.mark.parametrize("version", ["1.1", "1.3"])
def test_build_writes_valid_cartridges_and_the_banks(full, tmp_path, version):  # noqa: F811
    report = build(full, tmp_path / "o", "--cc-version", version)
    names = [f"{full.name}/{p}" for p in CARTRIDGES + BANKS]
    assert by_status(report, "built") == sorted(names)
    assert sorted(written(tmp_path / "o")) == sorted(names)
    manifest_schema, topic_schema, namespace = VERSIONS[version]
    for name in CARTRIDGES:
        package = zipfile.ZipFile(tmp_path / "o" / full.name / name)
        manifest = package.read("imsmanifest.xml")
        assert namespace.encode() in manifest
        validate(manifest_schema, manifest)
        for member in package.namelist():
            if member.endswith("topic.xml"):
                validate(topic_schema, package.read(member))
            elif member.endswith("assessment.xml"):
                validate("qti", package.read(member))


def test_a_rerun_writes_nothing_and_a_rebuild_is_byte_identical(full, tmp_path):  # noqa: F811
    build(full, tmp_path / "o")
    before = {p: (tmp_path / "o" / p).stat().st_mtime_ns for p in written(tmp_path / "o")}
    again = cli("build", str(full), "--out", str(tmp_path / "o"), "--format", "lms")
    assert again.returncode == 0 and again.stdout.startswith("0 built, 11 up to date")
    assert {p: (tmp_path / "o" / p).stat().st_mtime_ns for p in before} == before
    forced = build(full, tmp_path / "o", "--force")
    assert len(by_status(forced, "built")) == 11
    other = tmp_path / "elsewhere"
    build(full, other)
    assert written(other) == written(tmp_path / "o")
    stamps = {i.date_time for name in CARTRIDGES
              for i in zipfile.ZipFile(other / full.name / name).infolist()}
    assert len(stamps) == 1


def test_a_changed_question_rebuilds_only_what_holds_it(full, tmp_path):  # noqa: F811
    build(full, tmp_path / "o")
    edit(full / "tests.yaml", "What does Mara keep burning?", "What does Mara keep alight?")
    report = build(full, tmp_path / "o")
    # the item belongs to the test, to Part One's bank, and to the course that sets the test
    assert by_status(report, "built") == sorted(
        f"{full.name}/{p}" for p in CARTRIDGES + [b for b in BANKS if "whole-novel" not in b])
    gift = (tmp_path / "o" / full.name / "banks" / "unit-part-one.gift.txt").read_text("utf-8")
    assert "keep alight" in gift


def test_list_shows_what_build_writes(full, tmp_path):  # noqa: F811
    options = ("--format", "lms", "--edition", "student", "--only", "cartridges",
               "--only", "banks")
    listed = cli("list", str(full), *options)
    assert listed.returncode == 0, listed.stderr
    paths = [line.split()[-1] for line in listed.stdout.splitlines()[1:]]
    result = cli("build", str(full), "--out", str(tmp_path / "o"), *options)
    assert result.returncode == 0, result.stderr
    assert sorted(paths) == sorted(written(tmp_path / "o"))
    assert f"{full.name}/lms/literature-teacher.imscc" not in paths  # --edition student
    only_banks = cli("list", str(full), "--format", "lms", "--only", "banks")
    assert [line.split()[0] for line in only_banks.stdout.splitlines()[1:]] == ["banks"] * 9


def test_other_formats_leave_the_cartridges_alone(full, tmp_path):  # noqa: F811
    build(full, tmp_path / "o")
    lms = written(tmp_path / "o")
    assert len(lms) == 11
    result = cli("build", str(full), "--out", str(tmp_path / "o"), "--only", "rubrics")
    assert result.returncode == 0, result.stderr
    now = written(tmp_path / "o")
    assert {p: now[p] for p in lms} == lms and len(now) > len(lms)


def test_the_cartridge_holds_the_pdf_the_pdf_build_makes(full, tmp_path):  # noqa: F811
    """One renderer for both: the cartridge's printable file is the build's PDF."""
    build(full, tmp_path / "o")
    package = zipfile.ZipFile(io.BytesIO(
        (tmp_path / "o" / full.name / CARTRIDGES[0]).read_bytes()))
    pdfs = [n for n in package.namelist() if n.endswith(".pdf")]
    assert pdfs and all(package.read(n).startswith(b"%PDF-") for n in pdfs)
