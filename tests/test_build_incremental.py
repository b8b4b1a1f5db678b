"""Re-runs rebuild only what changed, judged by content hashes, and say so."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nlmg_packs.builder.manifest import MANIFEST_NAME
from nlmg_packs.builder.run import BuildReport, BuildRequest, run_build
from nlmg_packs.errors import PackError, UsageError
from tests.conftest import ROOT, edit


def build(pack: Path | tuple[Path, ...], out: Path, **options: object) -> BuildReport:
    packs = pack if isinstance(pack, tuple) else (pack,)
    return run_build(BuildRequest(packs=packs, out=out, jobs=1, **options))  # type: ignore[arg-type]


def statuses(report: BuildReport) -> dict[str, str]:
    return {f.path: f.status for f in report.files}


def snapshot(out: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file with its bytes, modification time and inode: any write changes one."""
    found = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and not path.name.endswith(".lock"):
            stat = path.stat()
            found[str(path.relative_to(out))] = (path.read_bytes(), stat.st_mtime_ns, stat.st_ino)
    return found


def test_second_build_writes_nothing_and_reports_everything_up_to_date(mini: Path,
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(mini, out)
    assert first.count("built") == len(first.files) == 12
    before = snapshot(out)
    second = build(mini, out)
    assert second.count("built") == 0
    assert second.count("up to date") == len(first.files)
    assert snapshot(out) == before  # not even the manifest was rewritten


def test_no_op_does_not_parse_yaml_or_import_heavy_libraries(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    script = (
        "import sys\n"
        "from nlmg_packs.cli import main\n"
        f"sys.argv = ['nlmg-packs', 'build', {str(mini)!r}, '--out', {str(out)!r}, '-q']\n"
        "main()\n"
        "heavy = [m for m in ('yaml', 'pydantic', 'reportlab', 'docx', 'rich',"
        " 'nlmg_packs.pack')"
        " if m in sys.modules]\n"
        "print(heavy)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_one_quote_change_rebuilds_only_the_documents_that_use_it(mini: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    edit(mini / "quotes.yaml", "Every tide takes a little", "Every tide takes a lot")
    report = build(mini, out)
    built = {p for p, s in statuses(report).items() if s == "built"}
    assert built == {"mini/common/student/worksheet-light-and-duty.pdf",
                     "mini/common/teacher/worksheet-light-and-duty.pdf",
                     "mini/common/student/quotation-bank.pdf",
                     "mini/common/teacher/quotation-bank.pdf"}
    assert report.count("up to date") == len(report.files) - 4

    # q-lamp is also quoted in the lesson plan
    edit(mini / "quotes.yaml", "The lamp does not ask", "The lamp never asks")
    built = {p for p, s in statuses(build(mini, out)).items() if s == "built"}
    assert built == {"mini/common/student/worksheet-light-and-duty.pdf",
                     "mini/common/teacher/worksheet-light-and-duty.pdf",
                     "mini/common/student/quotation-bank.pdf",
                     "mini/common/teacher/quotation-bank.pdf",
                     "mini/literature/teacher/lesson-lit-1.docx"}


def test_moving_text_to_another_line_rebuilds_nothing(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    quotes = mini / "quotes.yaml"
    quotes.write_text("# shifted down by a comment\n\n" + quotes.read_text("utf-8"), "utf-8")
    report = build(mini, out)
    assert report.count("built") == 0
    assert report.count("up to date") == len(report.files)


def test_force_rebuilds_everything_to_the_same_bytes(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(mini, out)
    before = {k: v[0] for k, v in snapshot(out).items() if k != MANIFEST_NAME}
    forced = build(mini, out, force=True)
    assert forced.count("built") == len(first.files)
    assert {k: v[0] for k, v in snapshot(out).items() if k != MANIFEST_NAME} == before


def test_deleted_output_is_rebuilt(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    (out / "mini/common/teacher/theme-tracker.pdf").unlink()
    report = build(mini, out)
    assert {p for p, s in statuses(report).items() if s == "built"} == {
        "mini/common/teacher/theme-tracker.pdf"}
    assert (out / "mini/common/teacher/theme-tracker.pdf").is_file()


def test_changed_option_rebuilds(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out)
    report = build(mini, out, paper="letter")
    assert report.count("built") == len(report.files)


def test_manifest_records_what_each_file_was_built_from(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build(mini, out)
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert set(manifest["files"]) == {f.path for f in report.files}
    keys = set()
    for entry in manifest["files"].values():
        assert len(entry["key"]) == len(entry["sha256"]) == 64
        assert entry["pending"] is None
        keys.add(entry["key"])
    assert len(keys) == len(report.files)


def test_folder_of_packs_builds_each(mini: Path, tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.move(mini, packs / "lantern")
    shutil.copytree(packs / "lantern", packs / "harbour")
    (packs / "notes").mkdir()  # not a pack: ignored
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "nlmg_packs", "build", str(packs), "--out",
                           str(out), "--json"], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    files = json.loads(done.stdout)["files"]
    assert {Path(f["path"]).relative_to(out).parts[0] for f in files} == {"harbour", "lantern"}
    assert len(files) == 24
    again = build((packs / "harbour", packs / "lantern"), out)
    assert again.count("up to date") == 24


@pytest.mark.parametrize(("options", "expected"), [
    ({"editions": frozenset({"student"})},
     {"common/student/discussion-guide.pdf", "common/student/book-club-guide.pdf",
      "common/student/worksheet-light-and-duty.pdf", "common/student/theme-tracker.pdf",
      "common/student/quotation-bank.pdf"}),
    ({"kinds": frozenset({"plans"})},
     {"literature/teacher/course-overview.docx", "literature/teacher/lesson-lit-1.docx"}),
    ({"kinds": frozenset({"worksheets"}), "formats": "all"},
     {f"common/{e}/worksheet-light-and-duty.{x}" for e in ("student", "teacher")
      for x in ("pdf", "docx")}),
    ({"kinds": frozenset({"map"}), "editions": frozenset({"teacher"}), "formats": "docx"},
     {"common/teacher/theme-tracker.docx", "common/teacher/themes-by-course.docx"}),
])
def test_selection_and_layout(mini: Path, tmp_path: Path, options: dict[str, object],
                              expected: set[str]) -> None:
    report = build(mini, tmp_path / "out", **options)
    assert {f.path for f in report.files} == {f"mini/{p}" for p in expected}
    assert all((tmp_path / "out" / f.path).is_file() for f in report.files)


def test_course_selection_keeps_common_handouts_and_rejects_unknown_ids(
        mini: Path, tmp_path: Path) -> None:
    report = build(mini, tmp_path / "out", courses=frozenset({"literature"}))
    assert "mini/literature/teacher/lesson-lit-1.docx" in statuses(report)
    assert "mini/common/student/worksheet-light-and-duty.pdf" in statuses(report)
    with pytest.raises(UsageError, match="did you mean `literature`"):
        build(mini, tmp_path / "out2", courses=frozenset({"literatur"}))
    assert not (tmp_path / "out2" / "mini").exists()


def test_packs_with_the_same_folder_name_are_refused(mini: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "mini"
    shutil.copytree(mini, other)
    with pytest.raises(PackError, match="has the same folder name, so both would write to mini/"):
        build((mini, other), tmp_path / "out")
    assert not (tmp_path / "out" / "mini").exists()
    report = build((mini, mini), tmp_path / "out")  # the same pack twice: built once
    assert report.count("built") == 12


def test_a_file_the_pack_no_longer_makes_is_removed_unless_edited(mini: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(mini, out, zip=True)
    old = out / "mini/literature/teacher/lesson-lit-1.docx"
    edit(mini / "courses.yaml", "id: lit-1", "id: lit-one")
    report = build(mini, out, zip=True)
    assert statuses(report)["mini/literature/teacher/lesson-lit-1.docx"] == "removed"
    assert statuses(report)["mini/literature/teacher/lesson-lit-one.docx"] == "built"
    assert not old.exists()
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert "mini/literature/teacher/lesson-lit-1.docx" not in manifest["files"]

    (out / "mini/literature/teacher/lesson-lit-one.docx").write_bytes(b"my own plan")
    edit(mini / "courses.yaml", "id: lit-one", "id: lit-2")
    report = build(mini, out)
    assert statuses(report)["mini/literature/teacher/lesson-lit-one.docx"] == "kept"
    assert (out / "mini/literature/teacher/lesson-lit-one.docx").read_bytes() == b"my own plan"
    # a narrower selection removes nothing: the pack still makes those files
    assert build(mini, out, kinds=frozenset({"plans"})).count("removed") == 0
    assert (out / "mini/common/student/theme-tracker.pdf").is_file()
    assert (out / "mini/literature.zip").is_file()


def test_a_change_to_the_tool_itself_rebuilds_without_a_new_version_number(
        mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The up-to-date checks key on the installed code, not only on `__version__`."""
    from nlmg_packs.builder import code_id as module

    package = tmp_path / "package"
    shutil.copytree(Path(module.__file__).parents[1], package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(module, "_PACKAGE", package)
    module.code_id.cache_clear()
    out = tmp_path / "out"
    build(mini, out)
    assert build(mini, out).count("built") == 0
    edited = package / "render" / "pdf.py"  # a fix in a renderer, same release number
    edited.write_text(edited.read_text() + "\n# a local fix\n")
    module.code_id.cache_clear()
    assert module.code_id().startswith(__import__("nlmg_packs").__version__ + "+")
    assert build(mini, out).count("built") == 12
    module.code_id.cache_clear()
