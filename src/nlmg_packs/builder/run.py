"""The build: which packs are outdated, then load, plan, render and write what is stale.

As Sphinx's builders do, one object holds the build's state and fixes the order: `outdated`
(the no-op fast path, from the manifest and raw file hashes) → `plan` (load, validate, sort
every file into current, kept and stale) → render → `write`. Only the standard library is
imported at the top, so a re-run with nothing to do parses no YAML and loads neither pydantic
nor the renderers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nlmg_packs.builder.atomic import remove_stale_temporaries
from nlmg_packs.builder.checks import (
    check_out,
    check_reference_doc,
    prepare_out,
    source_date_epoch,
)
from nlmg_packs.builder.code_id import code_id
from nlmg_packs.builder.inputs import input_digest, template_digest
from nlmg_packs.builder.lock import build_lock
from nlmg_packs.builder.manifest import Inputs, Manifest
from nlmg_packs.builder.output import Output
from nlmg_packs.builder.request import BuildReport, BuildRequest, FileResult, Observer, Silent
from nlmg_packs.errors import NlmgError, OutputError, PackError, Problem

if TYPE_CHECKING:
    from nlmg_packs.builder.plan import Job
    from nlmg_packs.builder.render_job import Renderer
    from nlmg_packs.pack import Pack
    from nlmg_packs.template import Template

__all__ = ["Build", "BuildReport", "BuildRequest", "FileResult", "report_if_current",
           "run_build"]


def run_build(request: BuildRequest, observer: Observer | None = None) -> BuildReport:
    """Build what `request` asks for into `request.out`; raise NlmgError on bad input."""
    return Build(request, observer).run()


def report_if_current(request: BuildRequest,
                      observer: Observer | None = None) -> BuildReport | None:
    """The report of a build with nothing to do, or None if there is something to do."""
    return Build(request, observer).current()


@dataclass
class _Planned:
    """A pack whose files are planned: what it makes, what is stale, what was rendered."""

    pack: Pack
    key: str
    digest: str
    jobs: list[Job]
    stale: list[Job]
    rendered: dict[str, tuple[bytes, int | None]] = field(default_factory=dict)
    written: bool = False


class Build:
    """One build of a request into its output folder."""

    def __init__(self, request: BuildRequest, observer: Observer | None = None) -> None:
        from nlmg_packs.paths import default_template

        self.request = request
        self.template_dir = request.template or default_template()
        check_reference_doc(request.reference_doc)
        self.epoch = source_date_epoch() if request.epoch is None else request.epoch
        self.output = Output(request.out, Manifest(), BuildReport(request.out),
                             observer or Silent(), request.force)
        self.template_hash = ""

    @property
    def out(self) -> Path:
        return self.output.out

    def run(self) -> BuildReport:
        """Build; raise PackError (invalid input) or OutputError (the output folder)."""
        prepare_out(self.out, self.request.packs)
        with build_lock(self.out):
            todo = self.outdated()
            if todo:
                self._build(todo)
        return self.output.report

    def current(self) -> BuildReport | None:
        """The report if nothing is outdated, else None (nothing is written either way,
        except the bookkeeping of an interrupted build)."""
        if self.request.force or not self.out.is_dir():
            return None
        check_out(self.out, self.request.packs)
        with build_lock(self.out):
            todo = self.outdated()
        return None if todo else self.output.report

    def outdated(self) -> list[tuple[Path, str]]:
        """Recover from an interrupted build, report the packs that are current, and return
        the others with their input digests."""
        self._open_manifest()
        self.template_hash = template_digest(self.template_dir, self.request.reference_doc)
        todo: list[tuple[Path, str]] = []
        folders = {_pack_key(f): f for f in self.request.packs}  # a pack named twice: once
        names = Counter(Path(key).name.lower() for key in folders)
        for key, folder in folders.items():
            digest = input_digest(folder, self.template_hash, self.request, self.epoch,
                                  code_id())
            clash = names[Path(key).name.lower()] > 1  # the full path reports it
            if clash or not self._up_to_date(key, digest):
                todo.append((folder, digest))
        return todo

    def _open_manifest(self) -> None:
        manifest = self.output.manifest = Manifest.load(self.out)
        for relpath in manifest.ignored:
            self.output.warn(Problem(str(self.out / ".nlmg-packs-manifest.json"), None, None,
                                     f"ignored the entry `{relpath}`: it leads out of the "
                                     "output folder", "the manifest was edited or copied from "
                                     "elsewhere; nothing outside --out is touched"))
        folders = {r.rpartition("/")[0] for r in manifest.files}
        remove_stale_temporaries(self.out, folders)
        if manifest.recover(self.out) or manifest.ignored:
            self.output.save()

    def _up_to_date(self, pack_key: str, digest: str) -> bool:
        """Inputs unchanged and every output as the last build left it."""
        from nlmg_packs.builder import outdir

        manifest = self.output.manifest
        inputs = manifest.inputs.get(pack_key)
        if self.request.force or inputs is None or inputs.digest != digest:
            return False
        results = []
        for relpath in inputs.files:
            entry = manifest.files.get(relpath)
            try:
                data = outdir.read(self.out, relpath)
            except OutputError:
                return False  # the plan says what is wrong with it
            if entry is None or data is None or not entry.ours(_sha(data)):
                return False
            results.append(FileResult(relpath, entry.kind, relpath.rsplit(".", 1)[-1],
                                      "up to date", len(data), entry.pages))
        for result in results:
            self.output.tell(result)
        return True

    def _build(self, todo: list[tuple[Path, str]]) -> None:
        """Load and validate every pack, plan, render what is stale, write each pack."""
        from nlmg_packs.builder.render_job import Renderer
        from nlmg_packs.template import load_template

        template = load_template(self.template_dir)
        with Renderer(self.request.jobs) as renderer:
            planned = self._plan(todo, template, renderer)
            self.output.observer.planned(sum(len(p.stale) for p in planned))
            for p in planned:
                if not p.stale:
                    self._write(p)
            waiting = [len(p.stale) for p in planned]

            def done(key: tuple[int, str], rendered: tuple[bytes, int | None]) -> None:
                n, relpath = key
                self.output.observer.rendered(relpath)
                planned[n].rendered[relpath] = rendered
                waiting[n] -= 1
                if waiting[n] == 0:  # a pack is written as soon as all of its files are ready
                    self._write(planned[n])

            try:
                renderer.drain(done)
            except PackError as exc:  # a document a renderer refused (a glyph, say)
                if any(p.written for p in planned):
                    # packs finished before it are written and whole: do not claim otherwise
                    raise NlmgError(exc.problems) from None
                raise

    def _plan(self, todo: list[tuple[Path, str]], template: Template,
              renderer: Renderer) -> list[_Planned]:
        """Load, check and plan every pack, handing stale documents to the renderer as they
        come; raise before anything is written if a pack is invalid or an edit is in the way."""
        from nlmg_packs.builder.planning import Planner

        planner = Planner(self.request, self.output, template, self.template_hash, self.epoch)
        planned: list[_Planned] = []
        for folder, digest in todo:
            found = planner.plan_pack(folder)
            if found is None:
                continue
            pack, jobs, stale = found
            if planner.clean:  # no point rendering what will not be written
                # longest first, so no long render starts last while the other workers idle
                for job in sorted(stale, key=_weight):
                    renderer.submit((len(planned), job.relpath), job.doc, job.fmt,
                                    planner.options[pack.id])
            planned.append(_Planned(pack, _pack_key(folder), digest, jobs, stale))
        planner.finish()
        return planned

    def _write(self, p: _Planned) -> None:
        """Write a pack's rendered files, then its bundles, and record its inputs."""
        from nlmg_packs.compose.catalogue import catalogue
        from nlmg_packs.lms.jobs import lms_stems

        output = self.output
        written = output.write_files(p.stale, p.rendered)
        p.rendered.clear()
        p.written = p.written or bool(p.stale)
        made = {f"{p.pack.id}/{spec.relpath('x').removesuffix('.x')}"
                for spec in catalogue(p.pack, self.request.versions)}
        made |= {f"{p.pack.id}/{course.id}" for course in p.pack.courses}  # bundles
        made |= lms_stems(p.pack)  # cartridges and banks (`--format lms`)
        output.remove_orphans(p.pack.id, made)
        files = [j.relpath for j in p.jobs]
        if self.request.zip:
            from nlmg_packs.builder.bundle import bundles

            made_bundles = bundles(p.pack, p.jobs, self.epoch)
            output.write_bundles(p.pack.id, made_bundles, self.epoch, written)
            files += [b.relpath for b in made_bundles]
        if all(j.target == j.relpath for j in p.jobs):
            output.manifest.inputs[p.key] = Inputs(p.digest, files)
        else:
            output.manifest.inputs.pop(p.key, None)
        output.save()


def _weight(job: Job) -> int:
    """Sort key: the longest render (most blocks) first."""
    from nlmg_packs.document import Document

    doc = job.doc
    return -(len(doc.blocks) if isinstance(doc, Document) else doc.weight)


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _pack_key(folder: Path) -> str:
    try:
        return str(folder.resolve())
    except (OSError, RuntimeError):  # a link loop: the loader reports it
        return str(folder.absolute())


