"""`nlmg-packs export-lms` as a user meets it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.test_cli import cli
from tests.test_lms_cartridge import full  # noqa: F401  (fixture)


def test_help_shows_an_example() -> None:
    result = cli("export-lms", "--help")
    assert result.returncode == 0 and "Example: nlmg-packs export-lms" in result.stdout


def test_cc_version_13_writes_a_13_cartridge(full: Path, tmp_path: Path) -> None:  # noqa: F811
    result = cli("export-lms", str(full), "--out", str(tmp_path / "o"), "--cc-version", "1.3",
                 "--no-teacher")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("10 built, 0 up to date")
    package = zipfile.ZipFile(tmp_path / "o" / full.name / "lms" / "literature.imscc")
    assert b"imsccv1p3/imscp_v1p1" in package.read("imsmanifest.xml")
    assert not (tmp_path / "o" / full.name / "lms" / "literature-teacher.imscc").exists()


def test_an_unknown_course_is_a_usage_error_and_named(full: Path, tmp_path: Path) -> None:  # noqa: F811
    result = cli("export-lms", str(full), "--out", str(tmp_path / "o"), "--course", "literatur")
    assert result.returncode == 2  # as `build --course literatur`
    assert "no course `literatur` in these packs" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "o" / full.name).exists()


def test_an_unknown_cc_version_is_a_usage_error(full: Path, tmp_path: Path) -> None:  # noqa: F811
    result = cli("export-lms", str(full), "--out", str(tmp_path / "o"), "--cc-version", "1.2")
    assert result.returncode == 2
