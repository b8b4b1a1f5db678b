"""The build: validate everything; per pack compose, skip what is current, render, write."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nlmg_packs import __version__
from nlmg_packs.build.atomic import remove_stale_temporaries, write_atomic
from nlmg_packs.build.inputs import input_digest, options_digest
from nlmg_packs.build.lock import build_lock
from nlmg_packs.build.manifest import Entry, Inputs, Manifest, file_sha256, sha256
from nlmg_packs.build.render_job import render_document
from nlmg_packs.compose.catalogue import DocSpec, catalogue
from nlmg_packs.errors import NlmgError, OutputError, PackError, Problem
from nlmg_packs.pack import Pack, load_pack
from nlmg_packs.render.options import RenderOptions
from nlmg_packs.template import Template, load_template

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


@dataclass
class FileResult:
    path: str
    """Relative to the output folder."""
    kind: str
    format: str
    status: str
    """"built", "up to date", or "kept" (edited by a user; the new file went beside it)."""
    bytes: int
    pages: int | None = None
    note: str = ""


@dataclass
class BuildReport:
    out: Path
    files: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


@dataclass
class _Job:
    relpath: str
    spec: DocSpec
    fmt: str
    key: str
    doc: object
    target: str = ""
    """Where to write: relpath, or a '.new' name beside an edited file."""
    protected: str | None = None
    """Hash of a changed file at relpath that must not be overwritten."""


Progress = Callable[[FileResult], None]


def run_build(request: BuildRequest, progress: Progress | None = None) -> BuildReport:
    """Build what `request` asks for into `request.out`; raise NlmgError on bad input."""
    template = load_template(request.template or _default_template())
    _check_reference_doc(request.reference_doc)
    epoch = _source_date_epoch()
    out = _prepare_out(request.out)
    report = BuildReport(out)
    with build_lock(out):
        remove_stale_temporaries(out)
        manifest = Manifest.load(out)
        pending: list[tuple[Pack | Path, RenderOptions | None, str]] = []
        problems: list[Problem] = []
        for folder in request.packs:
            digest = input_digest(folder, template, request, epoch, __version__)
            if _up_to_date(out, manifest, _pack_key(folder), digest, request, report):
                continue
            try:
                pack = load_pack(folder)
            except PackError as exc:
                problems.extend(exc.problems)
                continue
            pending.append((pack, _options(pack, template, request, epoch), digest))
        if problems:
            raise PackError(problems)
        for pack, options, digest in pending:
            assert isinstance(pack, Pack) and options is not None
            _build_pack(pack, options, digest, request, out, manifest, report, progress)
    return report


def _build_pack(pack: Pack, options: RenderOptions, digest: str, request: BuildRequest,
                out: Path, manifest: Manifest, report: BuildReport,
                progress: Progress | None) -> None:
    jobs = _plan(pack, options, request)
    stale: list[_Job] = []
    conflicts: list[Problem] = []
    for job in jobs:
        entry = manifest.files.get(job.relpath)
        current = file_sha256(out / job.relpath)
        edited = current is not None and (entry is None or current != entry.sha256)
        if edited and not request.force:
            if request.strict:
                conflicts.append(Problem(job.relpath, None, None,
                                         "this file was changed since the last build",
                                         "move your edited copy elsewhere, or use --force "
                                         "to overwrite it"))
                continue
            job.target = _beside(job.relpath)
            job.protected = current
            stale.append(job)
        elif not request.force and entry and entry.key == job.key and not edited:
            result = FileResult(job.relpath, job.spec.kind, job.fmt, "up to date",
                                (out / job.relpath).stat().st_size, entry.pages)
            report.files.append(result)
            if progress:
                progress(result)
        else:
            job.target = job.relpath
            stale.append(job)
    if conflicts:
        raise OutputError(conflicts)
    for job, (data, pages) in zip(stale, _render_all(stale, options, request.jobs), strict=True):
        if job.protected == sha256(data):
            job.target = job.relpath  # the "edited" file is exactly what we would write
        _write(out / job.target, data)
        note = ""
        if job.target != job.relpath:
            note = (f"{job.relpath} was changed since the last build and was kept; "
                    f"the new version is {job.target}")
        else:
            manifest.files[job.relpath] = Entry(job.key, sha256(data), job.spec.kind, pages)
        if job.target != job.relpath:
            manifest.files[job.target] = Entry(job.key, sha256(data), job.spec.kind, pages)
        manifest.save(out)
        result = FileResult(job.target, job.spec.kind, job.fmt,
                            "kept" if note else "built", len(data), pages, note)
        report.files.append(result)
        if progress:
            progress(result)
    if not any(j.target != j.relpath for j in stale):
        manifest.inputs[pack.id] = Inputs(digest, [j.relpath for j in jobs])
    else:
        manifest.inputs.pop(pack.id, None)
    manifest.save(out)


def _plan(pack: Pack, options: RenderOptions, request: BuildRequest) -> list[_Job]:
    formats = {"native": None, "pdf": ("pdf",), "docx": ("docx",), "all": ("pdf", "docx")}
    chosen = formats[request.formats]
    handout_ext = "docx" if request.formats == "docx" else "pdf"
    settings = options_digest(options, __version__)
    jobs: list[_Job] = []
    for spec in catalogue(pack):
        if request.kinds and spec.kind not in request.kinds:
            continue
        if request.courses and spec.course is not None and spec.course not in request.courses:
            continue
        if spec.edition not in request.editions:
            continue
        for fmt in chosen or (spec.native,):
            doc = spec.compose(handout_ext)
            key = sha256(f"{settings}\n{fmt}\n{doc!r}".encode())
            jobs.append(_Job(f"{pack.id}/{spec.relpath(fmt)}", spec, fmt, key, doc))
    return jobs


def _render_all(jobs: list[_Job], options: RenderOptions,
                workers: int) -> list[tuple[bytes, int | None]]:
    """Render every job in memory first, so a render error writes nothing."""
    if workers <= 1 or len(jobs) <= 1:
        return [render_document(j.doc, j.fmt, options) for j in jobs]  # type: ignore[arg-type]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        futures = [pool.submit(render_document, j.doc, j.fmt, options) for j in jobs]
        return [f.result() for f in futures]


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
        results.append(FileResult(relpath, entry.kind, relpath.rsplit(".", 1)[-1],
                                  "up to date", path.stat().st_size, entry.pages))
    report.files.extend(results)
    return True


def _options(pack: Pack, template: Template, request: BuildRequest, epoch: int) -> RenderOptions:
    paper = request.paper or pack.meta.paper or template.settings.paper
    return RenderOptions(template=template, paper=paper,  # type: ignore[arg-type]
                         preset=request.preset,  # type: ignore[arg-type]
                         fillable=request.fillable, timestamp=epoch,
                         reference_doc=request.reference_doc)


def _pack_key(folder: Path) -> str:
    from nlmg_packs.pack.pack import _pack_id

    return _pack_id(folder)


def _beside(relpath: str) -> str:
    stem, ext = relpath.rsplit(".", 1)
    return f"{stem}.new.{ext}"


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


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        why = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror
        raise OutputError([Problem(str(path), None, None, f"cannot write the file ({why})",
                                   "free some space or fix permissions; files written by "
                                   "earlier builds are intact")]) from None
