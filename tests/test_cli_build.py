"""`nlmg-packs build` and `clean` as scripts and teachers use them: output, JSON, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlmg_packs import cli as cli_module
from nlmg_packs.builder.argv import parse_build
from nlmg_packs.builder.run import BuildReport, BuildRequest, FileResult
from nlmg_packs.cli_report import Reporter
from tests.conftest import ROOT, edit

ENV = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nlmg_packs", *args], capture_output=True,
                          text=True, env={**ENV, **(env or {})}, cwd=ROOT, timeout=180)


def test_json_report_lists_every_file(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = cli("build", str(mini), "--out", str(out), "--json", "--zip")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    report = json.loads(done.stdout)
    on_disk = {str(p) for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert {f["path"] for f in report["files"]} == on_disk
    assert report["built"] == len(report["files"]) == 13
    for entry in report["files"]:
        path = Path(entry["path"])
        assert entry["bytes"] == path.stat().st_size
        assert entry["status"] == "built"
        assert entry["kind"] in {"guide", "worksheets", "bank", "map", "plans", "bundle"}
        if path.suffix == ".pdf":
            assert entry["pages"] >= 1
        else:
            assert entry["pages"] is None

    again = json.loads(cli("build", str(mini), "--out", str(out), "--json", "--zip").stdout)
    assert again["built"] == 0 and again["up_to_date"] == 13
    assert [(f["path"], f["pages"], f["bytes"]) for f in again["files"]] == [
        (f["path"], f["pages"], f["bytes"]) for f in report["files"]]
    assert {f["status"] for f in again["files"]} == {"up to date"}


def test_plain_lines_when_not_a_terminal_and_quiet_prints_nothing(mini: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = cli("build", str(mini), "--out", str(out))
    lines = done.stderr.splitlines()
    assert "     built  mini/common/student/discussion-guide.pdf" in lines
    assert done.stdout == f"12 built, 0 up to date in {out}\n"
    assert "\x1b[" not in done.stderr  # no progress bar or colour in a pipe
    edit(mini / "quotes.yaml", "Every tide takes a little", "Every tide takes a lot")
    done = cli("build", str(mini), "--out", str(out))
    assert done.stdout == f"4 built, 8 up to date in {out}\n"
    assert len(done.stderr.splitlines()) == 4
    quiet = cli("build", str(mini), "--out", str(out), "--quiet", "--force")
    assert quiet.returncode == 0
    assert quiet.stdout == quiet.stderr == ""


def test_help_documents_exit_codes_and_layout() -> None:
    top = cli("--help").stdout
    assert "Exit codes: 0 success, 1 invalid input or output problem, 2 usage error" in top
    build = " ".join(cli("build", "--help").stdout.split())
    assert "Exit codes: 0 built (or already up to date), 1 invalid input" in build
    assert "<pack>/<course or common>/<edition>/<document>.<ext>" in build
    for option in ("--zip", "--jobs", "--json", "--quiet", "--force", "--strict"):
        assert option in build


@pytest.mark.parametrize("args", [["--edition", "everyone"], ["--jobs", "0"],
                                  ["--only", "posters"], ["--no-such-option"]])
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    done = cli("build", "--out", str(tmp_path / "out"), *args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_invalid_input_exits_1(mini: Path, tmp_path: Path) -> None:
    edit(mini / "quotes.yaml", "chapter: 2", "chapter: two")
    done = cli("build", str(mini), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "quotes.yaml:" in done.stderr and "nothing was written" in done.stderr
    assert not (tmp_path / "out" / "mini").exists()


def test_zip_holds_the_course_documents_the_handouts_it_uses_and_an_index(
        mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("build", str(mini), "--out", str(out), "--zip", "-q").returncode == 0
    archive = out / "mini" / "literature.zip"
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        index = z.read("mini-literature/README.txt").decode("utf-8")
        for name in names[1:]:
            assert z.read(name) == (out / "mini" / name.split("/", 1)[1]).read_bytes()
        stamps = {info.date_time for info in z.infolist()}
    assert names[0] == "mini-literature/README.txt"
    assert names[1:] == sorted(names[1:])
    members = {n.split("/", 1)[1] for n in names[1:]}
    assert members == {
        "literature/teacher/course-overview.docx", "literature/teacher/lesson-lit-1.docx",
        "common/student/worksheet-light-and-duty.pdf",
        "common/teacher/worksheet-light-and-duty.pdf",
        "common/student/discussion-guide.pdf", "common/teacher/discussion-guide.pdf",
        "common/student/theme-tracker.pdf", "common/teacher/theme-tracker.pdf",
        "common/teacher/themes-by-course.pdf"}  # not the book-club guide
    assert index.startswith("The Lantern Keeper, by A. N. Author: English Literature\n")
    for member in members:
        assert member in index
    assert "Worksheet: Light and duty (student edition, PDF)" in index
    assert stamps == {(2026, 1, 1, 0, 0, 0)}

    other = tmp_path / "other"
    cli("build", str(mini), "--out", str(other), "--zip", "-q")
    assert (other / "mini" / "literature.zip").read_bytes() == archive.read_bytes()
    dated = tmp_path / "dated"
    cli("build", str(mini), "--out", str(dated), "--zip", "-q",
        env={"SOURCE_DATE_EPOCH": "1700000000"})
    with zipfile.ZipFile(dated / "mini" / "literature.zip") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}

    removed = cli("clean", "--out", str(out))
    assert removed.returncode == 0 and not archive.exists()


def test_zip_is_rebuilt_when_a_member_changes(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    cli("build", str(mini), "--out", str(out), "--zip", "-q")
    before = (out / "mini" / "literature.zip").read_bytes()
    edit(mini / "quotes.yaml", "The lamp does not ask", "The lamp never asks")
    report = json.loads(cli("build", str(mini), "--out", str(out), "--zip", "--json").stdout)
    statuses = {Path(f["path"]).name: f["status"] for f in report["files"]}
    assert statuses["literature.zip"] == "built"
    assert (out / "mini" / "literature.zip").read_bytes() != before


ARGV = [
    ["build"],
    ["build", "tests/fixtures/mini", "--out", "o", "--course", "a", "--course=b"],
    ["build", "--edition", "student", "--format", "all", "--only", "plans", "--only=map"],
    ["build", "-o", "x", "-j", "3", "--paper", "letter", "--preset", "large-print", "-q"],
    ["build", "--template", "templates/default", "--reference-doc", "r.docx", "--zip",
     "--fillable", "--strict", "--json", "packs"],
    ["build", "--format", "lms", "--cc-version", "1.3", "--only", "banks", "--only=cartridges"],
    ["build", "--format=lms", "--cc-version=1.1", "--edition", "teacher"],
]


@pytest.mark.parametrize("argv", ARGV)
def test_no_op_parser_reads_options_exactly_as_typer_does(argv: list[str],
                                                          monkeypatch) -> None:  # noqa: ANN001
    seen: list[BuildRequest] = []

    def fake_run(request: BuildRequest, observer: object) -> BuildReport:
        seen.append(request)
        return BuildReport(request.out)

    monkeypatch.setattr("nlmg_packs.builder.run.run_build", fake_run)
    result = CliRunner().invoke(cli_module.app, argv)
    assert result.exit_code == 0, result.output
    values = parse_build(argv)
    assert values is not None
    values.pop("quiet"), values.pop("json_out")
    assert cli_module._build_request(values) == seen[0]


@pytest.mark.parametrize("argv", [["build", "--force"], ["build", "--help"], ["build", "-j2"],
                                  ["build", "--edition", "everyone"], ["build", "--jobs", "0"],
                                  ["build", "--out"], ["validate"], ["--debug", "build"],
                                  ["build", "--cc-version", "1.2"]])
def test_no_op_parser_leaves_anything_else_to_typer(argv: list[str]) -> None:
    assert parse_build(argv) is None


def test_progress_bar_on_a_terminal(capsys) -> None:  # noqa: ANN001
    reporter = Reporter(quiet=False, json_out=False)
    reporter.interactive = True
    with reporter:
        reporter.planned(3)
        assert reporter._bar is not None
        for name in ("a.pdf", "b.pdf", "c.docx"):
            reporter.rendered(name)
        assert reporter._bar.tasks[0].completed == 3
        reporter.file(FileResult("a.pdf", "guide", "pdf", "built", 10, 1))
    assert reporter._bar is None
    assert "built  a.pdf" in capsys.readouterr().err


@pytest.mark.parametrize("options", [[], ["--format", "all"], ["--course", "literature"],
                                     ["--edition", "student", "--only", "worksheets"],
                                     ["--format", "docx", "--zip"]])
def test_list_shows_exactly_what_build_writes(mini: Path, tmp_path: Path,
                                              options: list[str]) -> None:
    listed = cli("list", str(mini), *options)
    assert listed.returncode == 0, listed.stderr
    paths = {line.split()[-1] for line in listed.stdout.splitlines() if line.startswith("  ")}
    out = tmp_path / "out"
    assert cli("build", str(mini), "--out", str(out), "-q", *options).returncode == 0
    written = {str(p.relative_to(out)) for p in out.rglob("*")
               if p.is_file() and not p.name.startswith(".")}
    assert paths == written


@pytest.mark.parametrize("command", ["build", "list"])
def test_a_misspelt_course_exits_2_like_any_bad_option_value(mini: Path, tmp_path: Path,
                                                             command: str) -> None:
    args = [command, str(mini), "--course", "literatur"]
    done = cli(*args, *(["--out", str(tmp_path / "out")] if command == "build" else []))
    assert done.returncode == 2
    assert "no course `literatur` in these packs — did you mean `literature`?" in done.stderr


@pytest.mark.parametrize("args", [["build", "--only", "worksheet"], ["list", "--only", "x"],
                                  ["build", "--paper", "a5"], ["build", "--preset", "big"]])
def test_bad_option_values_exit_2_without_the_validation_library_talking(
        args: list[str]) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert "Invalid value for" in done.stderr and "Value error" not in done.stderr
