"""Worker processes change how fast a build is, never what it writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nlmg_packs.builder.render_job import Renderer
from nlmg_packs.builder.run import BuildReport, BuildRequest, run_build


def build(packs: tuple[Path, ...], out: Path, jobs: int, **options: object) -> BuildReport:
    return run_build(BuildRequest(packs=packs, out=out, jobs=jobs, **options))  # type: ignore[arg-type]


def files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture
def two_packs(mini: Path, tmp_path: Path) -> tuple[Path, ...]:
    second = tmp_path / "harbour"
    shutil.copytree(mini, second)
    return (mini, second)


def test_jobs_2_writes_the_same_bytes_as_jobs_1(two_packs: tuple[Path, ...],
                                                tmp_path: Path) -> None:
    serial = build(two_packs, tmp_path / "serial", jobs=1, formats="all", zip=True)
    parallel = build(two_packs, tmp_path / "parallel", jobs=2, formats="all", zip=True)
    assert serial.count("built") == parallel.count("built") == 2 * (2 * 12 + 1)
    one, two = files(tmp_path / "serial"), files(tmp_path / "parallel")
    assert one.keys() == two.keys()
    for name in one:
        assert one[name] == two[name], name  # the manifest included
    assert [(f.path, f.pages, f.bytes) for f in serial.files] == [
        (f.path, f.pages, f.bytes) for f in parallel.files]


def test_parallel_rebuild_after_a_change_matches_a_fresh_build(mini: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    build((mini,), out, jobs=2)
    text = (mini / "pack.yaml").read_text("utf-8")
    (mini / "pack.yaml").write_text(text.replace("The Lantern Keeper", "The Lamp Keeper"))
    again = build((mini,), out, jobs=2)
    assert again.count("built") == 12
    build((mini,), tmp_path / "fresh", jobs=1)
    assert files(out) == files(tmp_path / "fresh")


def render_all(tasks, options, workers: int, done) -> None:  # noqa: ANN001
    with Renderer(workers) as renderer:
        for i, (doc, fmt, opt) in enumerate(tasks):
            renderer.submit(i, doc, fmt, options[opt])
        renderer.drain(done)


def test_renderer_reports_every_task_once_with_its_own_result(mini: Path) -> None:
    from nlmg_packs.compose.catalogue import catalogue
    from nlmg_packs.pack import load_pack
    from nlmg_packs.paths import default_template
    from nlmg_packs.template import load_template

    pack = load_pack(mini)
    template = load_template(default_template())
    options = [template.render_options("a4"), template.render_options("letter")]
    tasks = [(spec.compose("pdf"), "pdf", i % 2) for i, spec in enumerate(catalogue(pack))]
    results: dict[str, dict[int, tuple[bytes, int | None]]] = {"serial": {}, "pool": {}}
    render_all(tasks, options, 1, lambda i, r: results["serial"].__setitem__(i, r))
    render_all(tasks, options, 2, lambda i, r: results["pool"].__setitem__(i, r))
    assert sorted(results["pool"]) == list(range(len(tasks)))
    assert results["pool"] == results["serial"]
    letter = [r for i, r in results["pool"].items() if tasks[i][2] == 1]
    # pages may sit in compressed object streams: read the page size back
    from io import BytesIO

    from pypdf import PdfReader

    assert all([float(v) for v in PdfReader(BytesIO(data)).pages[0].mediabox] == [0, 0, 612, 792]
               for data, _ in letter)
    assert all(pages and pages >= 1 for _, pages in results["pool"].values())


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_render_error_in_a_worker_is_reported_and_nothing_is_written(
        mini: Path, tmp_path: Path, jobs: int) -> None:
    from nlmg_packs.errors import PackError
    from tests.conftest import edit

    edit(mini / "discussion.yaml", "Which moment of the book", "哪个时刻 of the book")
    out = tmp_path / "out"
    with pytest.raises(PackError) as caught:
        build((mini,), out, jobs=jobs)
    assert any(p.file.endswith("discussion.yaml") and p.line for p in caught.value.problems)
    assert not [p for p in out.rglob("*") if p.suffix in (".pdf", ".docx")]


def test_a_glyph_error_in_a_later_pack_stops_the_build_before_any_pack_is_written(
        mini: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT, edit

    packs = tmp_path / "packs"
    shutil.copytree(mini, packs / "a-good")
    shutil.copytree(mini, packs / "b-bad")
    edit(packs / "b-bad" / "discussion.yaml", "Which moment", "哪个时刻")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "nlmg_packs", "build", str(packs), "--out",
                           str(out), "--jobs", "1", "-q"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
                          timeout=120)
    assert done.returncode == 1
    assert "b-bad/discussion.yaml:" in done.stderr
    assert "nothing was written" in done.stderr
    assert not list(out.rglob("*.pdf"))
