"""Planning a build: load and validate each pack, list its files, sort them out against the
manifest and the disk, and collect every problem before anything is written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from nlmg_packs.builder.code_id import code_id
from nlmg_packs.builder.request import BuildRequest
from nlmg_packs.errors import OutputError, PackError, Problem, UsageError

if TYPE_CHECKING:
    from nlmg_packs.builder.output import Output
    from nlmg_packs.builder.plan import Job
    from nlmg_packs.pack import Pack
    from nlmg_packs.render.options import RenderOptions
    from nlmg_packs.template import Template


class Planner:
    """Plans pack after pack; `finish` raises what was found (PackError, then OutputError)."""

    def __init__(self, request: BuildRequest, output: Output, template: Template,
                 template_hash: str, epoch: int) -> None:
        self.request = request
        self.output = output
        self.template = template
        self.template_hash = template_hash
        self.epoch = epoch
        self.problems: list[Problem] = []
        self.conflicts: list[Problem] = []
        self.options: dict[str, RenderOptions] = {}
        self._known_courses: set[str] = set()
        self._folders: dict[str, Path] = {}
        self._references: set[Path] = set()

    @property
    def clean(self) -> bool:
        """No problem found so far: rendering is worth starting."""
        return not self.problems and not self.conflicts

    def plan_pack(self, folder: Path) -> tuple[Pack, list[Job], list[Job]] | None:
        """The pack in `folder`, every file it makes and the stale ones; None if invalid."""
        from nlmg_packs.builder.inputs import options_digest
        from nlmg_packs.builder.plan import plan, sort_out
        from nlmg_packs.pack import load_pack

        try:
            pack = load_pack(folder)
        except PackError as exc:
            self.problems.extend(exc.problems)
            return None
        pack.labels = dict(self.template.settings.labels)
        for lines in pack.lines.values():  # text a ` #` comment cut short, say
            for warning in lines.warnings:
                self.output.warn(warning)
        if pack.id in self._folders:
            self.problems.append(Problem(
                str(folder), None, None, f"another pack, {self._folders[pack.id]}, has the same "
                f"folder name, so both would write to {pack.id}/",
                "rename one of the folders, or build them separately"))
            return None
        self._folders[pack.id] = folder
        self._known_courses.update(c.id for c in pack.courses)
        options = self.options[pack.id] = self._options(pack)
        settings = options_digest(options, self.template_hash, code_id())
        request = self.request
        jobs = plan(pack, settings, request)
        outcome = sort_out(jobs, self.output.out, self.output.manifest, request.force,
                           request.strict)
        self.conflicts.extend(outcome.conflicts)
        # a cartridge holds PDF handouts, and the teacher's its DOCX lesson plans too
        if any(job.fmt in ("pdf", "imscc") for job in outcome.stale):
            self.problems.extend(_glyph_problems(pack, options))
        if any(job.fmt in ("docx", "imscc") for job in outcome.stale):
            self._check_reference(options.reference_doc)
        files = self.output.manifest.files
        try:
            for job in outcome.current:
                self.output.tell_job(job, "up to date", files[job.relpath].pages)
            for job in outcome.kept:
                self.output.tell_job(job, "kept", files[job.target].pages)
        except OutputError as exc:
            self.conflicts.extend(exc.problems)
        return pack, jobs, outcome.stale

    def _options(self, pack: Pack) -> RenderOptions:
        request = self.request
        paper = request.paper or pack.meta.paper or self.template.settings.paper
        return self.template.render_options(paper, request.preset, request.fillable,
                                            self.epoch, request.reference_doc)

    def _check_reference(self, path: Path | None) -> None:
        """Open the reference document as the DOCX renderer will, once per build: refuse a
        damaged or oversized one before rendering, and say what will not be taken from it."""
        if path is None or path in self._references:
            return
        self._references.add(path)
        from nlmg_packs.paths import display_path
        from nlmg_packs.render.docx_clean import clean_reference

        shown = display_path(path)
        try:
            _, dropped = clean_reference(path, shown)
        except PackError as exc:
            self.problems.extend(exc.problems)
            return
        for what in dropped:
            self.output.warn(Problem(shown, None, None, f"not taken from the reference "
                                     f"document: {what}", "lesson plans take only its styles, "
                                     "numbering, theme, fonts, header, footer and settings"))

    def finish(self) -> None:
        """Raise every problem found: invalid packs first, then edits in the way."""
        from nlmg_packs.errors import did_you_mean

        if self.problems:
            raise PackError(self.problems)
        unknown = [Problem("--course", None, None, f"no course `{course}` in these packs",
                           did_you_mean(course, self._known_courses))
                   for course in sorted(self.request.courses - self._known_courses)]
        if unknown:
            raise UsageError(unknown)
        if self.conflicts:
            raise OutputError(self.conflicts)


def _glyph_problems(pack: Pack, options: RenderOptions) -> list[Problem]:
    """Characters of the pack the PDF font cannot draw, each at its YAML line, before any
    rendering: the renderer itself can only name the line of blocks that carry an origin."""
    from nlmg_packs.pack.glyphs import uncovered_characters
    from nlmg_packs.render.pdf_fonts import register_family

    return uncovered_characters(pack, register_family(options.fonts).coverage)
