"""The output folder as untrusted ground: a copied manifest, planted links, edited and
unreadable files, hostile `--out` values, and worker processes that must not outlive a build."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nlmg_packs.builder.manifest import MANIFEST_NAME
from nlmg_packs.builder.run import BuildReport, BuildRequest, run_build
from nlmg_packs.errors import NlmgError, OutputError
from tests.conftest import ROOT, edit

ENV = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
PLAN = "mini/literature/teacher/lesson-lit-1.docx"
GUIDE = "mini/common/student/discussion-guide.pdf"


def build(pack: Path, out: Path, **options: object) -> BuildReport:
    return run_build(BuildRequest(packs=(pack,), out=out, jobs=1, **options))  # type: ignore[arg-type]


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nlmg_packs", *args], capture_output=True,
                          text=True, env=ENV, timeout=timeout)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plant_entry(out: Path, relpath: str, digest: str) -> None:
    """Add a manifest entry as a copied or hand-edited manifest could hold it."""
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    manifest["files"][relpath] = {"key": "x", "sha256": digest, "kind": "guide", "pages": 1,
                                  "pending": None, "pending_key": None, "pending_pages": None}
    (out / MANIFEST_NAME).write_text(json.dumps(manifest), "utf-8")


# --- fault 1: every path the manifest names stays inside --out ------------------------------

def _dotdot(out: Path, victim: Path) -> str:
    return "mini/../../" + victim.name


def _absolute(out: Path, victim: Path) -> str:
    return str(victim)


def _linked_folder(out: Path, victim: Path) -> str:
    (out / "mini" / "elsewhere").symlink_to(victim.parent, target_is_directory=True)
    return f"mini/elsewhere/{victim.name}"


def _linked_file(out: Path, victim: Path) -> str:
    (out / "mini" / "notes.pdf").symlink_to(victim)
    return "mini/notes.pdf"


def _linked_pack_folder(out: Path, victim: Path) -> str:
    (out / "other").symlink_to(victim.parent, target_is_directory=True)
    return f"other/{victim.name}"


@pytest.mark.parametrize("form", [_dotdot, _absolute, _linked_folder, _linked_file,
                                  _linked_pack_folder])
@pytest.mark.parametrize("action", ["build", "clean"])
def test_a_manifest_entry_never_reaches_outside_the_output_folder(
        mini: Path, tmp_path: Path, form, action: str) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    build(mini, out)
    victim = tmp_path / "keep.txt"
    victim.write_text("a teacher's notes\n", "utf-8")
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    relpath = form(out, victim)
    plant_entry(out, relpath, sha(victim))
    plant_entry(out, relpath.replace(victim.name, "empty-folder/x.pdf"), sha(victim))
    edit(mini / "discussion.yaml", "first* night", "first* evening")  # the pack changes
    if action == "build":
        build(mini, out)
    else:
        from nlmg_packs.builder.clean import clean_output

        clean_output(out)
    assert victim.read_text("utf-8") == "a teacher's notes\n"
    assert empty.is_dir()


def test_a_bad_manifest_entry_is_reported_as_a_warning(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    plant_entry(out, "mini/../../keep.txt", "0" * 64)
    report = build(mini, out)
    assert [w.message for w in report.warnings] == [
        "ignored the entry `mini/../../keep.txt`: it leads out of the output folder"]
    assert not build(mini, out).warnings  # forgotten once reported


def test_a_manifest_entry_naming_a_device_is_not_read(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    (out / "mini" / "zero.pdf").symlink_to("/dev/zero")
    plant_entry(out, "mini/zero.pdf", "0" * 64)
    edit(mini / "discussion.yaml", "first* night", "first* evening")
    report = build(mini, out)  # no MemoryError, no hang
    assert report.count("built") >= 1
    assert (out / "mini" / "zero.pdf").is_symlink()  # a link, not ours: left alone


def test_zip_never_follows_a_link_planted_in_the_output_folder(mini: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out, zip=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("password\n", "utf-8")
    (out / GUIDE).unlink()
    (out / GUIDE).symlink_to(secret)
    with pytest.raises(OutputError) as caught:
        build(mini, out, zip=True)
    assert "symbolic link" in str(caught.value)
    for archive in out.rglob("*.zip"):
        assert b"password" not in archive.read_bytes()


def test_a_linked_output_folder_inside_out_is_not_written_through(mini: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "mini").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError):
        build(mini, out)
    assert not any(elsewhere.iterdir())


# --- fault 2: an edit of the '.new' file is an edit too -------------------------------------

def test_an_edited_new_file_is_never_overwritten(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    (out / PLAN).write_bytes(b"teacher's own plan")
    edit(mini / "courses.yaml", "The first light", "The first lamp")
    report = build(mini, out)
    beside = out / PLAN.replace(".docx", ".new.docx")
    assert report.count("kept") == 1 and beside.is_file()
    beside.write_bytes(b"teacher's edit of the new version")
    edit(mini / "courses.yaml", "The first lamp", "The last lamp")
    with pytest.raises(OutputError) as caught:
        build(mini, out)
    assert caught.value.problems[0].file == PLAN.replace(".docx", ".new.docx")
    assert caught.value.problems[0].message == "this file was changed since the last build"
    assert beside.read_bytes() == b"teacher's edit of the new version"
    assert build(mini, out, force=True).count("built") >= 1  # --force overwrites


# --- fault 3: an output the build cannot read is not "missing" ------------------------------

@pytest.mark.parametrize("path", [PLAN, GUIDE, MANIFEST_NAME])
def test_an_unreadable_output_stops_the_build(mini: Path, tmp_path: Path, path: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from nlmg_packs.builder import outdir

    out = tmp_path / "out"
    build(mini, out)
    before = (out / path).read_bytes()
    real_open = os.open

    def refuse(name, flags, *args, **kwargs):  # noqa: ANN001, ANN202 - as for another user's 0600 file
        if str(name) == Path(path).name and not flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(outdir.os, "open", refuse)
    edit(mini / "courses.yaml", "The first light", "The first lamp")
    edit(mini / "discussion.yaml", "first* night", "first* evening")
    with pytest.raises(OutputError) as caught:
        build(mini, out)
    monkeypatch.undo()
    assert "cannot read an output file (Permission denied)" in str(caught.value)
    assert (out / path).read_bytes() == before


def test_a_fifo_where_an_output_goes_does_not_hang_a_no_op_build(mini: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    (out / GUIDE).unlink()
    os.mkfifo(out / GUIDE)
    done = cli("build", str(mini), "--out", str(out), timeout=60)
    assert done.returncode == 1, done.stderr
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


# --- fault 7: output folders a build must never use -----------------------------------------

@pytest.mark.parametrize("where", ["/", "home", "pack", "pack-parent", "inside-pack"])
def test_dangerous_output_folders_are_refused(mini: Path, tmp_path: Path, where: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    out = {"/": Path("/"), "home": tmp_path / "home", "pack": mini, "pack-parent": tmp_path,
           "inside-pack": mini / "out"}[where]
    before = sorted(p.name for p in out.iterdir()) if out.is_dir() else None
    with pytest.raises(OutputError) as caught:
        build(mini, out)
    assert "the build writes and removes files there" in str(caught.value)
    if before is not None:
        assert sorted(p.name for p in out.iterdir()) == before


def test_clean_refuses_the_root_folder() -> None:
    done = cli("clean", "--out", "/")
    assert done.returncode == 1 and "is the root of the file system" in done.stderr


# --- fault 8: shapes first, and only regular files with a size cap --------------------------

def _opened_below(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file below `folder` this process opens from now on."""
    import builtins
    import io

    seen: list[str] = []
    real_open, real_io_open, real_os_open = builtins.open, io.open, os.open

    def note(name: object) -> None:
        if isinstance(name, str | Path) and Path(name).absolute().is_relative_to(folder):
            seen.append(str(name))

    def fake_open(name, *args, **kwargs):  # noqa: ANN001, ANN202
        note(name)
        return real_open(name, *args, **kwargs)

    def fake_os_open(name, *args, **kwargs):  # noqa: ANN001, ANN202
        note(name)
        return real_os_open(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    del real_io_open
    return seen


@pytest.mark.parametrize("what", ["pack", "template"])
def test_a_folder_that_is_not_a_pack_or_template_is_refused_before_a_file_is_read(
        mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    from nlmg_packs.errors import PackError

    big = tmp_path / "big"
    (big / "deep").mkdir(parents=True)
    for n in range(50):
        (big / "deep" / f"{n}.bin").write_bytes(b"x" * 1000)
    os.mkfifo(big / "pipe")  # reading it would hang
    seen = _opened_below(big, monkeypatch)
    with pytest.raises(PackError) as caught:
        if what == "pack":
            build(big, tmp_path / "out")
        else:
            build(mini, tmp_path / "out", template=big)
    monkeypatch.undo()
    assert f"no {what}.yaml" in str(caught.value)
    assert not [name for name in seen if not name.endswith(f"{what}.yaml")]


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_pack_file_that_is_not_a_regular_file_is_an_error(mini: Path, tmp_path: Path,
                                                            kind: str) -> None:
    (mini / "quotes.yaml").unlink()
    if kind == "fifo":
        os.mkfifo(mini / "quotes.yaml")
    else:
        (mini / "quotes.yaml").mkdir()
    for command in ("validate", "build"):
        done = cli(command, str(mini), "--out", str(tmp_path / "out"), timeout=30) \
            if command == "build" else cli(command, str(mini), timeout=30)
        assert done.returncode == 1, (command, done.stderr)
        assert "quotes.yaml" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["build", "validate", "list"])
def test_a_pack_folder_that_is_a_link_loop_exits_1(tmp_path: Path, command: str) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    args = [command, str(loop)] + (["--out", str(tmp_path / "out")] if command == "build" else [])
    done = cli(*args, timeout=30)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


# --- fault 10 (the build's share): lock, epoch, clean -----------------------------------------

def test_a_lock_path_that_is_a_folder_exits_1(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".nlmg-packs.lock").mkdir(parents=True)
    with pytest.raises(OutputError) as caught:
        build(mini, out)
    assert "cannot open the lock file" in str(caught.value)


@pytest.mark.parametrize("value", ["99999999999999999999", "4354819199"])
def test_an_out_of_range_source_date_epoch_exits_1(mini: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(NlmgError) as caught:
        build(mini, tmp_path / "out")
    assert "after the year 2107" in str(caught.value)


def test_the_last_representable_epoch_builds(mini: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4354819198")
    report = build(mini, tmp_path / "out", formats="all")
    assert report.files and all(f.status == "built" for f in report.files)


# --- faults 4, 5, 6: the worker pool ---------------------------------------------------------

FAILING_WORKER = """
import sys
from nlmg_packs.render import pdf
real = pdf.render_pdf
def render_pdf(doc, options):
    if "Book-club" in doc.title:
        raise RuntimeError("a renderer bug")
    return real(doc, options)
pdf.render_pdf = render_pdf
from nlmg_packs.cli import main
sys.argv = ["nlmg-packs", "build", sys.argv[1], "--out", sys.argv[2], "--jobs", sys.argv[3]]
main()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_render_error_exits_3_without_hanging(mini: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", FAILING_WORKER, str(mini), str(out), jobs],
                          capture_output=True, text=True, env=ENV, timeout=60)
    assert done.returncode == 3, done.stderr
    assert "internal error: RuntimeError: a renderer bug" in done.stderr
    assert "Traceback" not in done.stderr
    assert cli("build", str(mini), "--out", str(out)).returncode == 0  # the lock is free


def test_the_lock_is_not_held_by_a_forked_worker(tmp_path: Path) -> None:
    """A worker forked while the build holds the lock does not hold it: once the build
    process is gone, the next build takes the lock even if the worker lives on."""
    from nlmg_packs.builder.lock import build_lock

    out = tmp_path / "out"
    out.mkdir()
    script = ("import os, sys, time\nfrom pathlib import Path\n"
              "from nlmg_packs.builder.lock import build_lock\n"
              "with build_lock(Path(sys.argv[1])):\n"
              "    if os.fork() == 0:\n        time.sleep(30); os._exit(0)\n"
              "    os._exit(7)\n")
    child = subprocess.run([sys.executable, "-c", script, str(out)], env=ENV, timeout=30,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert child.returncode == 7
    with build_lock(out):  # the orphaned grandchild still has the file open
        pass


# --- the kill test: the main process of a parallel build killed at random moments ----------

def _descendants(pid: int) -> set[int]:
    """Processes whose parent chain (or process group) leads to `pid`."""
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pid:  # process group: workers stay in the build's group
            found.add(int(entry.name))
    found.discard(pid)
    return found


def _kill_once(packs: Path, out: Path, sig: int, delay: float) -> None:
    import signal
    import time

    from tests.test_build_safety import assert_complete

    child = subprocess.Popen([sys.executable, "-m", "nlmg_packs", "build", str(packs), "--out",
                              str(out), "--jobs", "2", "-q"], env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    time.sleep(delay)
    child.send_signal(sig)
    _, err = child.communicate(timeout=60)
    assert "Traceback" not in err, err
    if sig == signal.SIGTERM:  # stopped as Ctrl-C stops it, with the shell's 128 + 15; once the
        # work is over, a late SIGTERM ends the process by its default action (-15)
        assert child.returncode in (0, 143, -signal.SIGTERM), err
    deadline = time.monotonic() + 10
    while _descendants(child.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _descendants(child.pid), "a worker outlived the build"
    for path in out.rglob("*"):
        if path.suffix in (".pdf", ".docx") and path.read_bytes() != b"my edits":
            assert_complete(path)


@pytest.mark.parametrize("times", [3, pytest.param(20, marks=pytest.mark.slow)])
@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_killing_the_main_process_leaves_no_worker_and_no_half_file(
        mini: Path, tmp_path: Path, sig: str, times: int) -> None:
    """Three kills of each kind by default; twenty with `-m slow`."""
    import random
    import signal

    from tests.test_build_safety import many_packs

    packs = many_packs(mini, tmp_path, 3)
    out = tmp_path / "out"
    assert cli("build", str(packs), "--out", str(out), "-q").returncode == 0
    plan = next(out.rglob("lesson-lit-1.docx"))
    plan.write_bytes(b"my edits")  # an edited file must survive every kill
    rng = random.Random(sig)
    for n in range(times):
        for pack_yaml in packs.glob("*/pack.yaml"):  # give every kill work to interrupt
            text = pack_yaml.read_text("utf-8")
            pack_yaml.write_text(text.replace("The Lantern Keeper" if n % 2 == 0 else
                                              "The Lamp Keeper", "The Lamp Keeper" if n % 2 == 0
                                              else "The Lantern Keeper"), "utf-8")
        _kill_once(packs, out, getattr(signal, sig), rng.uniform(0.2, 2.5))
        assert plan.read_bytes() == b"my edits"
    done = cli("build", str(packs), "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kept"] == 1
    assert plan.read_bytes() == b"my edits"


# --- fault 10 (the build's share): names as long as the schema allows ------------------------

@pytest.mark.parametrize(("file", "old", "field"), [
    ("courses.yaml", "name: English Literature", "name"),
    ("courses.yaml", "title: The first light", "title"),
    ("pack.yaml", "title: The Lantern Keeper", "title"),
])
def test_titles_as_long_as_the_schema_allows_build_as_docx(mini: Path, tmp_path: Path,
                                                           file: str, old: str,
                                                           field: str) -> None:
    import docx

    long = "Word " * 59 + "Last"  # 299 characters, under the 300 the schema allows
    edit(mini / file, old, f"{field}: {long}")
    report = build(mini, tmp_path / "out", formats="docx")
    assert report.files and all(f.status == "built" for f in report.files)
    for path in (tmp_path / "out").rglob("*.docx"):
        props = docx.Document(str(path)).core_properties
        for value in (props.title, props.subject, props.keywords):
            assert len(value) <= 255
    titles = {docx.Document(str(p)).core_properties.title
              for p in (tmp_path / "out").rglob("*.docx")}
    assert any(t.endswith("…") for t in titles) or field == "name"


def _png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def _huge_png() -> bytes:
    """A small file that claims 60 000 × 60 000 pixels: only the header is rewritten."""
    import struct
    import zlib

    data = bytearray(_png(8, 8))
    data[16:24] = struct.pack(">II", 60000, 60000)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


@pytest.mark.parametrize(("logo", "message"), [
    (b"", "is not a PNG or JPEG image"),
    (lambda: _png(40, 20)[:60], "is not a usable image"),  # cut short
    (lambda: _png(40, 20)[:8] + b"\0" * 200, "is not a usable image"),  # only the signature
    (_huge_png, "more than 25,000,000 pixels, the most that are drawn"),
    (lambda: _png(6000, 5000), "6000 × 5000 pixels, more than the 25,000,000 drawn"),
])
def test_a_damaged_empty_or_huge_logo_exits_1(mini: Path, tmp_path: Path, logo,  # noqa: ANN001
                                              message: str) -> None:
    template = tmp_path / "template"
    shutil.copytree(ROOT / "templates" / "default", template)
    (template / "logo.png").write_bytes(logo() if callable(logo) else logo)
    text = (template / "template.yaml").read_text("utf-8")
    (template / "template.yaml").write_text(text + "\nlogo: logo.png\n", "utf-8")
    done = cli("build", str(mini), "--out", str(tmp_path / "out"), "--template",
               str(template), timeout=120)
    assert done.returncode == 1, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr


def test_a_good_logo_still_builds(mini: Path, tmp_path: Path) -> None:
    template = tmp_path / "template"
    shutil.copytree(ROOT / "templates" / "default", template)
    (template / "logo.png").write_bytes(_png(400, 120))
    text = (template / "template.yaml").read_text("utf-8")
    (template / "template.yaml").write_text(text + "\nlogo: logo.png\n", "utf-8")
    done = cli("build", str(mini), "--out", str(tmp_path / "out"), "--template",
               str(template), "--only", "guide", timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", ["quotes.yaml", "pack.yaml", "template.yaml"])
def test_an_unreadable_pack_or_template_file_exits_1_on_build_as_on_validate(
        mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from nlmg_packs.errors import PackError

    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # noqa: ANN001, ANN202 - as for mode 000
        if Path(str(path)).name == name:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PackError) as caught:
        build(mini, tmp_path / "out")
    assert f"{name}: cannot read the file (Permission denied)" in str(caught.value)


@pytest.mark.slow
def test_a_long_prompt_in_a_parallel_build_never_hangs(tmp_path: Path) -> None:
    """The reproduction from the field: a 6 000-character prompt in the bundled pack, built
    with two workers, ten times. Exit 0 (it fits) or 3 (a layout bug), never a hang."""
    import re

    prose = ("The students talk about what they remember and why it matters now. " * 88).strip()
    for n in range(10):
        pack = tmp_path / f"try{n}" / "nlmg"
        shutil.copytree(ROOT / "packs" / "never-let-me-go", pack)
        text = (pack / "discussion.yaml").read_text("utf-8")
        text = re.sub(r"(\n    text: )([^\n]*)", lambda m: m.group(1) + prose, text, count=1)
        (pack / "discussion.yaml").write_text(text, "utf-8")
        done = cli("build", str(pack), "--out", str(tmp_path / f"try{n}" / "out"), "--jobs",
                   "2", timeout=240)
        assert done.returncode in (0, 3), done.stderr
        assert "Traceback" not in done.stderr
