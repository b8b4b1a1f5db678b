"""Interrupted, concurrent and edited builds: earlier outputs stay whole, the manifest true."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from nlmg_packs.builder.atomic import TEMP_PREFIX
from nlmg_packs.builder.clean import clean_output
from nlmg_packs.builder.lock import build_lock
from nlmg_packs.builder.manifest import MANIFEST_NAME
from nlmg_packs.builder.run import BuildReport, BuildRequest, run_build
from nlmg_packs.errors import OutputError
from tests.conftest import ROOT, edit

ENV = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
PLAN = "mini/literature/teacher/lesson-lit-1.docx"


def cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nlmg_packs", *args], capture_output=True,
                          text=True, env=ENV, timeout=180, **kwargs)  # type: ignore[call-overload]


def build(pack: Path, out: Path, **options: object) -> BuildReport:
    return run_build(BuildRequest(packs=(pack,), out=out, jobs=1, **options))  # type: ignore[arg-type]


def outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".nlmg-packs")}


def assert_complete(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), path
    else:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path


def many_packs(mini: Path, tmp_path: Path, count: int) -> Path:
    packs = tmp_path / "packs"
    packs.mkdir()
    for i in range(count):
        shutil.copytree(mini, packs / f"pack-{i}")
    return packs


def test_sigkill_part_way_keeps_every_file_whole_and_the_next_build_completes(
        mini: Path, tmp_path: Path) -> None:
    packs = many_packs(mini, tmp_path, 4)
    out = tmp_path / "out"
    child = subprocess.Popen([sys.executable, "-m", "nlmg_packs", "build", str(packs),
                              "--out", str(out), "--jobs", "1", "--quiet"], env=ENV)
    try:
        deadline = time.monotonic() + 120
        while not any(out.rglob("*.pdf")):
            assert child.poll() is None, "the build finished before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    written = [p for p in out.rglob("*") if p.suffix in (".pdf", ".docx")]
    assert 0 < len(written) < 48, "killed part-way"
    for path in written:
        assert_complete(path)

    done = cli("build", str(packs), "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["kept"] == 0
    assert report["built"] + report["up_to_date"] == len(report["files"]) == 48
    # every file that had reached its name is whole and recorded (or recovered): not rebuilt
    assert report["up_to_date"] == len(written)
    assert not list(out.rglob(TEMP_PREFIX + "*"))
    assert not list(out.rglob("*.new.*"))

    fresh = tmp_path / "fresh"
    assert cli("build", str(packs), "--out", str(fresh), "--quiet").returncode == 0
    assert outputs(out) == outputs(fresh)


CRASH_AFTER_RENAME = """
import os, sys
real_replace = os.replace
renamed = []
def replace(src, dst, **dir_fds):
    real_replace(src, dst, **dir_fds)
    if not str(dst).endswith(".json"):
        renamed.append(dst)
        if len(renamed) == 3:
            os._exit(9)  # as if killed: no clean-up, no manifest save
os.replace = replace
from nlmg_packs.cli import main
sys.argv = ["nlmg-packs", "build", sys.argv[1], "--out", sys.argv[2], "--jobs", "1"]
main()
"""


def test_kill_between_rename_and_manifest_save_is_recovered_not_called_an_edit(
        mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    edit(mini / "pack.yaml", "title: The Lantern Keeper", "title: The Lamp Keeper")
    crashed = subprocess.run([sys.executable, "-c", CRASH_AFTER_RENAME, str(mini), str(out)],
                             env=ENV, capture_output=True, text=True, timeout=120)
    assert crashed.returncode == 9, crashed.stderr
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert sum(1 for e in manifest["files"].values() if e["pending"]) == 12

    report = build(mini, out)
    assert report.count("kept") == 0
    assert report.count("up to date") == 3  # the three renamed before the crash
    assert report.count("built") == 9
    assert not list(out.rglob("*.new.*"))
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert not any(e["pending"] for e in manifest["files"].values())


def test_keyboard_interrupt_while_writing_leaves_manifest_true(mini: Path, tmp_path: Path,
                                                              monkeypatch) -> None:  # noqa: ANN001
    from nlmg_packs.builder import commit

    out = tmp_path / "out"
    real_write, count = commit._write, []

    def write(out: Path, relpath: str, data: bytes) -> None:
        if len(count) == 4:
            raise KeyboardInterrupt
        count.append(relpath)
        real_write(out, relpath, data)

    monkeypatch.setattr(commit, "_write", write)
    with pytest.raises(KeyboardInterrupt):
        build(mini, out)
    monkeypatch.undo()
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert len(manifest["files"]) == 4
    assert not any(e["pending"] for e in manifest["files"].values())
    report = build(mini, out)
    assert (report.count("up to date"), report.count("built"), report.count("kept")) == (4, 8, 0)


def test_second_concurrent_build_exits_1_with_the_lock_message(mini: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with build_lock(out):
        done = cli("build", str(mini), "--out", str(out))
    assert done.returncode == 1
    assert "another build is writing to this output folder" in done.stderr
    assert "wait for it to finish, or use a different --out" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (out / "mini").exists()
    assert cli("build", str(mini), "--out", str(out), "-q").returncode == 0  # lock released


def test_edited_docx_is_kept_and_the_new_one_written_beside_it(mini: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    plan = out / PLAN
    mine = plan.read_bytes() + b"my notes"
    plan.write_bytes(mine)
    report = build(mini, out)
    beside = out / "mini/literature/teacher/lesson-lit-1.new.docx"
    assert {f.path: f.status for f in report.files if f.status != "up to date"} == {
        "mini/literature/teacher/lesson-lit-1.new.docx": "kept"}
    assert "was changed since the last build and was kept" in report.files[-1].note
    assert plan.read_bytes() == mine
    assert_complete(beside)
    before = beside.stat().st_mtime_ns
    again = build(mini, out)  # still kept, and the new version is not rewritten
    assert again.count("kept") == 1 and again.count("built") == 0
    assert beside.stat().st_mtime_ns == before


def test_strict_stops_on_an_edited_file(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    (out / PLAN).write_bytes(b"edited")
    with pytest.raises(OutputError, match="this file was changed since the last build"):
        build(mini, out, strict=True)
    assert (out / PLAN).read_bytes() == b"edited"
    assert not list(out.rglob("*.new.*"))
    done = cli("build", str(mini), "--out", str(out), "--strict")
    assert done.returncode == 1
    assert f"{PLAN}: this file was changed since the last build" in done.stderr


def test_force_overwrites_an_edited_file(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    original = (out / PLAN).read_bytes()
    (out / PLAN).write_bytes(b"edited")
    report = build(mini, out, force=True)
    assert report.count("kept") == 0
    assert (out / PLAN).read_bytes() == original
    assert not list(out.rglob("*.new.*"))


def test_clean_removes_what_the_build_made_and_nothing_else(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out, zip=True)
    notes = out / "mini/common/my-notes.txt"
    notes.write_text("mine")
    (out / "mine.pdf").write_bytes(b"%PDF mine")
    (out / PLAN).write_bytes(b"edited plan")
    cleaned = clean_output(out)
    assert cleaned.removed == 12  # eleven documents and the course zip
    assert cleaned.kept == [PLAN]
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "mine.pdf", "mini/common/my-notes.txt", PLAN]
    assert notes.read_text() == "mine"
    assert not (out / "mini/common/student").exists()  # emptied folders go too


def test_clean_command(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    (out / "keep.txt").write_text("x")
    done = cli("clean", "--out", str(out))
    assert done.returncode == 0
    assert f"removed 12 file(s) from {out}" in done.stdout
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_output_folder_that_is_a_file_exits_1(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("not a folder")
    done = cli("build", str(mini), "--out", str(target))
    assert done.returncode == 1
    assert "--out is a file, not a folder" in done.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_output_folder_exits_1(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o555)
    done = cli("build", str(mini), "--out", str(out))
    assert done.returncode == 1
    assert "not writable" in done.stderr


def test_ctrl_c_stops_a_parallel_build_at_once_and_the_next_one_finishes(
        mini: Path, tmp_path: Path) -> None:
    packs = many_packs(mini, tmp_path, 4)
    out = tmp_path / "out"
    child = subprocess.Popen([sys.executable, "-m", "nlmg_packs", "build", str(packs), "--out",
                              str(out), "--jobs", "2"], env=ENV, stderr=subprocess.PIPE,
                             text=True)
    deadline = time.monotonic() + 120
    while not any(out.rglob("*.pdf")):
        assert child.poll() is None, "the build finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    child.send_signal(signal.SIGINT)
    start = time.monotonic()
    _, err = child.communicate(timeout=60)
    assert time.monotonic() - start < 5  # workers are stopped, not waited for
    assert child.returncode == 130
    assert "interrupted: the files written so far are whole and recorded" in err
    assert "Traceback" not in err
    for path in out.rglob("*"):
        if path.suffix in (".pdf", ".docx"):
            assert_complete(path)
    done = json.loads(cli("build", str(packs), "--out", str(out), "--json").stdout)
    assert done["kept"] == 0 and done["up_to_date"] > 0
    assert done["built"] + done["up_to_date"] == 48


def test_atomic_write_without_o_tmpfile(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from nlmg_packs.builder.atomic import write_atomic

    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    target = tmp_path / "deep" / "file.pdf"
    write_atomic(tmp_path, "deep/file.pdf", b"one")
    write_atomic(tmp_path, "deep/file.pdf", b"two")
    assert target.read_bytes() == b"two"
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in target.parent.iterdir()] == ["file.pdf"]
