"""The command line as a user meets it: help, version, validate, list, schema, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlmg_packs import __version__
from tests.conftest import ROOT, edit


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "nlmg_packs", *args], capture_output=True,
                          text=True, env=env, cwd=cwd or ROOT, timeout=120)


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"nlmg-packs {__version__}"


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["list"], ["schema"],
                                     ["clean"]])
def test_every_help_shows_an_example(command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.returncode == 0
    assert "Example: nlmg-packs" in result.stdout


def test_validate_valid_pack_prints_one_line_summary(mini: Path) -> None:
    result = cli("validate", str(mini))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "valid — 3 prompts, 2 quotes" in lines[0]


def test_validate_strict_fails_on_unchecked_quotes(mini: Path) -> None:
    result = cli("validate", "--strict", str(mini))
    assert result.returncode == 1
    assert "quotes.yaml:" in result.stderr
    assert "quotation `q-tide` is confirmed by 0 of the 2 public sources it needs" in result.stderr
    assert "q-lamp" not in result.stderr


def test_invalid_pack_exit_1_no_traceback_and_build_writes_nothing(mini: Path,
                                                                   tmp_path: Path) -> None:
    edit(mini / "discussion.yaml", "themes: [duty, memory]", "themes: [duty, memry]")
    edit(mini / "worksheets.yaml", "    theme: duty\n", "    theme: duty\n    theme: memory\n")
    edit(mini / "quotes.yaml", "chapter: 5", "chapter: five")
    result = cli("validate", str(mini))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert all(":" in e.split(" ")[1] for e in errors)
    assert "Traceback" not in result.stderr
    out = tmp_path / "out"
    built = cli("build", str(mini), "--out", str(out))
    assert built.returncode == 1 and "nothing was written" in built.stderr
    assert not any(p.is_file() and not p.name.startswith(".") for p in out.rglob("*"))


def test_usage_error_is_exit_2() -> None:
    assert cli("build", "--paper", "a5").returncode == 2


def test_list_shows_documents(mini: Path) -> None:
    result = cli("list", str(mini))
    assert result.returncode == 0
    assert "mini/common/student/discussion-guide.pdf" in result.stdout
    assert "mini/literature/teacher/lesson-lit-1.docx" in result.stdout


def test_schema_is_json_schema_for_each_file() -> None:
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert set(schema["$defs"]) == {"pack.yaml", "discussion.yaml", "quotes.yaml",
                                    "worksheets.yaml", "courses.yaml", "matter.yaml",
                                    "vocabulary.yaml", "tests.yaml", "rubrics.yaml"}
    quote = schema["$defs"]["quotes.yaml"]
    assert "Quote" in quote["$defs"] and quote["$defs"]["Quote"]["additionalProperties"] is False
