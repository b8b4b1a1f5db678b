"""The build: validate everything, then for each pack compose, skip what is current, render, write.

Only the standard library is imported at the top: when nothing changed, the fast path answers
from the manifest and raw file hashes without parsing YAML or loading pydantic or renderers.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from nlmg_packs import __version__
from nlmg_packs.build.atomic import remove_stale_temporaries
from nlmg_packs.build.commit import save
from nlmg_packs.build.inputs import input_digest, template_digest
from nlmg_packs.build.lock import build_lock
from nlmg_packs.build.manifest import Inputs, Manifest, file_sha256
from nlmg_packs.errors import NlmgError, OutputError, PackError, Problem

if TYPE_CHECKING:
    from nlmg_packs.build.plan import Job
    from nlmg_packs.build.render_job import Renderer
    from nlmg_packs.pack import Pack
    from nlmg_packs.render.options import RenderOptions
    from nlmg_packs.template import Template

DEFAULT_EPOCH = 1767225600
"""2026-01-01T00:00:00Z: the date files record when SOURCE_DATE_EPOCH is not set, so builds
of the same input are byte-identical whenever they run."""

FORMATS = ("native", "pdf", "docx", "all")


@dataclass(frozen=True)
class BuildRequest:
    """What to build and how; the CLI fills it from its options."""

    packs: tuple[Path, ...]
    out: Path
    courses: frozenset[str] = frozenset()
    editions: frozenset[str] = frozenset({"student", "teacher"})
    formats: str = "native"
    kinds: frozenset[str] = frozenset()
    """Empty: every kind."""
    paper: str | None = None
    preset: str = "standard"
    fillable: bool = False
    template: Path | None = None
    reference_doc: Path | None = None
    force: bool = False
    strict: bool = False
    """Stop, instead of writing beside it, when an output was edited since the last build."""
    jobs: int = 1
    zip: bool = False
    """Also write `<pack>/<course>.zip` for each course."""


@dataclass
class FileResult:
    path: str
    """Relative to the output folder."""
    kind: str
    format: str
    status: str
    """"built", "up to date", "kept" (edited by a user; the new file went beside it), or
    "removed" (made by an earlier build, no longer by the pack)."""
    bytes: int
    pages: int | None = None
    note: str = ""


@dataclass
class BuildReport:
    out: Path
    files: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


class Observer(Protocol):
    """Told what happens, for progress output."""

    def planned(self, to_render: int) -> None: ...
    def rendered(self, relpath: str) -> None: ...
    def file(self, result: FileResult) -> None: ...


class _Silent:
    def planned(self, to_render: int) -> None: ...
    def rendered(self, relpath: str) -> None: ...
    def file(self, result: FileResult) -> None: ...


def run_build(request: BuildRequest, observer: Observer | None = None) -> BuildReport:
    """Build what `request` asks for into `request.out`; raise NlmgError on bad input."""
    observer = observer or _Silent()
    template_dir = request.template or _default_template()
    _check_reference_doc(request.reference_doc)
    epoch = _source_date_epoch()
    out = _prepare_out(request.out)
    report = BuildReport(out)
    with build_lock(out):
        manifest, template, todo = _fast_path(request, out, template_dir, epoch, report)
        for result in report.files:
            observer.file(result)
        if todo:
            _build(todo, template_dir, template, epoch, request, out, manifest, report, observer)
    return report


def report_if_current(request: BuildRequest) -> BuildReport | None:
    """The report of a build with nothing to do, or None if there is something to do."""
    if request.force or not request.out.is_dir():
        return None
    template_dir = request.template or _default_template()
    _check_reference_doc(request.reference_doc)
    epoch = _source_date_epoch()
    report = BuildReport(request.out)
    with build_lock(request.out):
        todo = _fast_path(request, request.out, template_dir, epoch, report)[2]
    return None if todo else report


def _fast_path(request: BuildRequest, out: Path, template_dir: Path, epoch: int,
               report: BuildReport) -> tuple[Manifest, str, list[tuple[Path, str]]]:
    """Recover from an interrupted build, report the packs that are current, list the rest."""
    remove_stale_temporaries(out)
    manifest = Manifest.load(out)
    if manifest.recover(out):
        save(manifest, out)
    template = template_digest(template_dir, request.reference_doc)
    todo: list[tuple[Path, str]] = []
    folders = {_pack_key(f): f for f in request.packs}  # the same pack named twice: once
    names = Counter(Path(key).name.lower() for key in folders)
    for key, folder in folders.items():
        digest = input_digest(folder, template, request, epoch, __version__)
        clash = names[Path(key).name.lower()] > 1  # the full path reports it
        if clash or not _up_to_date(out, manifest, key, digest, request, report):
            todo.append((folder, digest))
    return manifest, template, todo


def _build(todo: list[tuple[Path, str]], template_dir: Path, template_hash: str, epoch: int,
           request: BuildRequest, out: Path, manifest: Manifest, report: BuildReport,
           observer: Observer) -> None:
    """The full path: load and validate every pack, plan, render what is stale, write."""
    from nlmg_packs.build.render_job import Renderer
    from nlmg_packs.template import load_template

    template = load_template(template_dir)
    with Renderer(request.jobs) as renderer:
        planned = _plan_all(todo, template, template_hash, epoch, request, out, manifest,
                            report, observer, renderer)
        observer.planned(sum(len(p.stale) for p in planned))
        for p in planned:
            if not p.stale:
                _commit_pack(p, epoch, request, out, manifest, report, observer)
        waiting = [len(p.stale) for p in planned]

        def done(key: tuple[int, str], rendered: tuple[bytes, int | None]) -> None:
            n, relpath = key
            observer.rendered(relpath)
            planned[n].rendered[relpath] = rendered
            waiting[n] -= 1
            if waiting[n] == 0:  # a pack is written as soon as all of its files are ready
                _commit_pack(planned[n], epoch, request, out, manifest, report, observer)

        try:
            renderer.drain(done)
        except PackError as exc:  # a document a renderer refused (a glyph no font has, say)
            if any(p.written for p in planned):
                # packs finished before it are written and whole: do not claim otherwise
                raise NlmgError(exc.problems) from None
            raise


def _plan_all(todo: list[tuple[Path, str]], template: Template, template_hash: str, epoch: int,
              request: BuildRequest, out: Path, manifest: Manifest, report: BuildReport,
              observer: Observer, renderer: Renderer) -> list[_Planned]:
    """Load, check and plan every pack, handing stale documents to the renderer as they come;
    raise before anything is written if any pack is invalid or an edited file is in the way."""
    from nlmg_packs.build.inputs import options_digest
    from nlmg_packs.build.plan import plan, sort_out
    from nlmg_packs.errors import did_you_mean
    from nlmg_packs.pack import load_pack

    planned: list[_Planned] = []
    problems: list[Problem] = []
    conflicts: list[Problem] = []
    known: set[str] = set()
    folders: dict[str, Path] = {}
    for folder, digest in todo:
        try:
            pack = load_pack(folder)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        pack.labels = dict(template.settings.labels)
        if pack.id in folders:
            problems.append(Problem(str(folder), None, None,
                                    f"another pack, {folders[pack.id]}, has the same folder name, "
                                    f"so both would write to {pack.id}/",
                                    "rename one of the folders, or build them separately"))
            continue
        folders[pack.id] = folder
        known.update(c.id for c in pack.courses)
        paper = request.paper or pack.meta.paper or template.settings.paper
        options = template.render_options(paper, request.preset, request.fillable, epoch,
                                          request.reference_doc)
        settings = options_digest(options, template_hash, __version__)
        jobs = plan(pack, settings, request.courses, request.editions, request.formats,
                    request.kinds)
        outcome = sort_out(jobs, out, manifest, request.force, request.strict)
        conflicts.extend(outcome.conflicts)
        if any(job.fmt == "pdf" for job in outcome.stale):
            problems.extend(_glyph_problems(pack, options))
        for job in outcome.current:
            entry = manifest.files[job.relpath]
            _tell(report, observer, job, "up to date", (out / job.relpath).stat().st_size,
                  entry.pages)
        for job in outcome.kept:
            entry = manifest.files[job.target]
            _tell(report, observer, job, "kept", (out / job.target).stat().st_size,
                  entry.pages, _kept_note(job))
        if not problems and not conflicts:  # no point rendering what will not be written
            # longest first, so no long render starts last while the other workers sit idle
            for job in sorted(outcome.stale, key=lambda j: -len(j.doc.blocks)):
                renderer.submit((len(planned), job.relpath), job.doc, job.fmt, options)
        planned.append(_Planned(pack, _pack_key(folder), digest, jobs, outcome.stale))
    for course in sorted(request.courses - known):
        problems.append(Problem("--course", None, None, f"no course `{course}` in these packs",
                                did_you_mean(course, known)))
    if problems:
        raise PackError(problems)
    if conflicts:
        raise OutputError(conflicts)
    return planned


def _glyph_problems(pack: Pack, options: RenderOptions) -> list[Problem]:
    """Characters of the pack the PDF font cannot draw, each at its YAML line, before any
    rendering: the renderer itself can only name the line of blocks that carry an origin."""
    from nlmg_packs.pack.glyphs import uncovered_characters
    from nlmg_packs.render.pdf_fonts import register_family

    return uncovered_characters(pack, register_family(options.fonts).coverage)


@dataclass
class _Planned:
    pack: Pack
    key: str
    digest: str
    jobs: list[Job]
    stale: list[Job]
    rendered: dict[str, tuple[bytes, int | None]] = field(default_factory=dict)
    written: bool = False


def _commit_pack(p: _Planned, epoch: int, request: BuildRequest, out: Path,
                 manifest: Manifest, report: BuildReport, observer: Observer) -> None:
    """Write a pack's rendered files, then its bundles, and record its inputs."""
    from nlmg_packs.build.commit import Write, write_all

    writes = [Write(j.relpath, j.target, j.protected, j.key, j.spec.kind, *p.rendered[j.relpath])
              for j in p.stale]
    p.rendered.clear()
    if writes:
        p.written = True
        write_all(out, manifest, writes)
        save(manifest, out)
    for job, w in zip(p.stale, writes, strict=True):
        job.target = w.target
        status = "built" if w.target == w.relpath else "kept"
        _tell(report, observer, job, status, len(w.data), w.pages,
              _kept_note(job) if status == "kept" else "")
    _remove_orphans(p.pack, out, manifest, report, observer)
    files = [j.relpath for j in p.jobs]
    if request.zip:
        files += _write_bundles(p.pack, p.jobs, out, epoch, manifest, report, observer)
    if all(j.target == j.relpath for j in p.jobs):
        manifest.inputs[p.key] = Inputs(p.digest, files)
    else:
        manifest.inputs.pop(p.key, None)
    save(manifest, out)


def _remove_orphans(pack: Pack, out: Path, manifest: Manifest, report: BuildReport,
                    observer: Observer) -> None:
    from nlmg_packs.build.clean import remove_orphans
    from nlmg_packs.compose.catalogue import catalogue

    made = {f"{pack.id}/{spec.relpath('x').removesuffix('.x')}" for spec in catalogue(pack)}
    made |= {f"{pack.id}/{course.id}" for course in pack.courses}  # bundles
    removed, left = remove_orphans(out, manifest, pack.id, made)
    for relpath in removed:
        result = FileResult(relpath, "", relpath.rsplit(".", 1)[-1], "removed", 0, None,
                            "the pack no longer makes this file")
        report.files.append(result)
        observer.file(result)
    for relpath in left:
        result = FileResult(relpath, "", relpath.rsplit(".", 1)[-1], "kept",
                            (out / relpath).stat().st_size, None,
                            "the pack no longer makes this file; left in place because it was "
                            "edited")
        report.files.append(result)
        observer.file(result)
    if removed or left:
        save(manifest, out)


def _write_bundles(pack: Pack, jobs: list[Job], out: Path, epoch: int, manifest: Manifest,
                   report: BuildReport, observer: Observer) -> list[str]:
    from nlmg_packs.build.bundle import bundles, zip_bytes
    from nlmg_packs.build.commit import Write, write_all
    from nlmg_packs.build.manifest import sha256
    from nlmg_packs.build.plan import beside

    writes: list[Write] = []
    current: list[tuple[str, int]] = []
    made = bundles(pack, jobs)
    for bundle in made:
        data = zip_bytes(pack, bundle, out, epoch)
        key = sha256(data)
        entry = manifest.files.get(bundle.relpath)
        on_disk = file_sha256(out / bundle.relpath)
        if entry is not None and on_disk == entry.sha256 == key:
            current.append((bundle.relpath, len(data)))
        elif on_disk is not None and not (entry is not None and entry.ours(on_disk)):
            writes.append(Write(bundle.relpath, beside(bundle.relpath), on_disk, key, "bundle",
                                data, None))
        else:
            writes.append(Write(bundle.relpath, bundle.relpath, None, key, "bundle", data, None))
    if writes:
        write_all(out, manifest, writes)
        save(manifest, out)
    results = [FileResult(p, "bundle", "zip", "up to date", size) for p, size in current]
    for w in writes:
        kept = w.target != w.relpath
        note = (f"{w.relpath} was changed since the last build and was kept; the new "
                f"version is {w.target}") if kept else ""
        results.append(FileResult(w.target, "bundle", "zip", "kept" if kept else "built",
                                  len(w.data), None, note))
    for result in results:
        report.files.append(result)
        observer.file(result)
    return [b.relpath for b in made]


def _tell(report: BuildReport, observer: Observer, job: Job, status: str, size: int,
          pages: int | None, note: str = "") -> None:
    path = job.target if status == "kept" else job.relpath
    result = FileResult(path, job.spec.kind, job.fmt, status, size, pages, note)
    report.files.append(result)
    observer.file(result)


def _kept_note(job: Job) -> str:
    return (f"{job.relpath} was changed since the last build and was kept; "
            f"the new version is {job.target}")


def _up_to_date(out: Path, manifest: Manifest, pack_key: str, digest: str,
                request: BuildRequest, report: BuildReport) -> bool:
    """The fast path: inputs unchanged and every output as the last build left it."""
    inputs = manifest.inputs.get(pack_key)
    if request.force or inputs is None or inputs.digest != digest:
        return False
    results = []
    for relpath in inputs.files:
        entry = manifest.files.get(relpath)
        path = out / relpath
        if entry is None or file_sha256(path) != entry.sha256:
            return False
        fmt = relpath.rsplit(".", 1)[-1]
        results.append(FileResult(relpath, entry.kind, fmt, "up to date", path.stat().st_size,
                                  entry.pages))
    report.files.extend(results)
    return True


def _pack_key(folder: Path) -> str:
    return str(folder.resolve())


def _default_template() -> Path:
    from nlmg_packs.paths import default_template

    return default_template()


def _check_reference_doc(path: Path | None) -> None:
    if path is None:
        return
    if not path.is_file():
        raise PackError([Problem(str(path), None, None, "reference document not found",
                                 "pass the path of a .docx file")])
    if path.suffix.lower() != ".docx":
        raise PackError([Problem(str(path), None, None, "a reference document must be a .docx",
                                 "save it from Word or LibreOffice as .docx (not .dotx or .doc)")])


def _source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return DEFAULT_EPOCH
    if not value.isdigit():
        raise NlmgError([Problem("SOURCE_DATE_EPOCH", None, None,
                                 f"must be a whole number of seconds, not {value!r}",
                                 "set it to e.g. $(git log -1 --format=%ct)")])
    return int(value)


def _prepare_out(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise OutputError([Problem(str(out), None, None, "--out is a file, not a folder",
                                   "choose a folder for the output")])
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError([Problem(str(out), None, None,
                                   f"cannot create the output folder ({exc.strerror})",
                                   "choose a folder you may write to")]) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError([Problem(str(out), None, None, "the output folder is not writable",
                                   "choose a folder you may write to, or fix its permissions")])
    return out
