"""The output folder during a build: writes a planned pack's files, bundles and removals, and
keeps the manifest and the report agreeing with what is on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nlmg_packs.builder import outdir
from nlmg_packs.builder.commit import Write, save, write_all
from nlmg_packs.builder.manifest import Manifest
from nlmg_packs.builder.request import BuildReport, FileResult, Observer
from nlmg_packs.errors import OutputError, Problem

if TYPE_CHECKING:
    from nlmg_packs.builder.bundle import Bundle
    from nlmg_packs.builder.plan import Job


@dataclass
class Output:
    """The state a build keeps about its output folder."""

    out: Path
    manifest: Manifest
    report: BuildReport
    observer: Observer
    force: bool

    def tell(self, result: FileResult) -> None:
        """Report one file."""
        self.report.files.append(result)
        self.observer.file(result)

    def warn(self, problem: Problem) -> None:
        """Report a warning: something left alone, the build goes on."""
        self.report.warnings.append(problem)
        self.observer.warning(problem)

    def save(self) -> None:
        """Save the manifest (raises OutputError when it cannot be written)."""
        save(self.manifest, self.out)

    def tell_job(self, job: Job, status: str, pages: int | None, size: int | None = None) -> None:
        """Report a planned file: "built", "up to date" or "kept" (then at its '.new' name)."""
        path = job.target if status == "kept" else job.relpath
        note = (f"{job.relpath} was changed since the last build and was kept; the new "
                f"version is {job.target}") if status == "kept" else ""
        self.tell(FileResult(path, job.spec.kind, job.fmt, status,
                             outdir.size(self.out, path) if size is None else size, pages, note))

    def write_files(self, jobs: list[Job], rendered: dict[str, tuple[bytes, int | None]]
                    ) -> dict[str, bytes]:
        """Write the rendered files of `jobs`; return the bytes now at each job's relpath."""
        writes = [Write(j.relpath, j.target, j.protected, j.key, j.spec.kind,
                        *rendered[j.relpath]) for j in jobs]
        if writes:
            write_all(self.out, self.manifest, writes, self.force)
            self.save()
        for job, w in zip(jobs, writes, strict=True):
            job.target = w.target
            self.tell_job(job, "built" if w.target == w.relpath else "kept", w.pages,
                          len(w.data))
        return {w.target: w.data for w in writes if w.target == w.relpath}

    def remove_orphans(self, pack_id: str, made: set[str]) -> None:
        """Delete the recorded files of `pack_id` it no longer makes (a lesson taken out, say).

        `made` holds every path the pack can make, without extension, in any selection or
        format. Edited files are left in place and forgotten, so they are the user's now.
        """
        changed = False
        for relpath, entry in sorted(self.manifest.files.items()):
            stem = relpath.rsplit(".", 1)[0].removesuffix(".new")
            if not relpath.startswith(pack_id + "/") or stem in made:
                continue
            changed = True
            del self.manifest.files[relpath]
            fmt = relpath.rsplit(".", 1)[-1]
            try:
                current = outdir.sha256(self.out, relpath)
                if current is not None and entry.ours(current):
                    outdir.remove(self.out, relpath)
                    self.tell(FileResult(relpath, "", fmt, "removed", 0, None,
                                         "the pack no longer makes this file"))
                elif current is not None:
                    self.tell(FileResult(relpath, "", fmt, "kept", outdir.size(self.out, relpath),
                                         None, "the pack no longer makes this file; left in "
                                         "place because it was edited"))
            except OutputError as exc:  # a link or an unreadable file: not ours to remove
                for problem in exc.problems:
                    self.warn(problem)
        if changed:
            self.save()

    def write_bundles(self, pack_id: str, made: list[Bundle], epoch: int,
                      written: dict[str, bytes]) -> None:
        """Write the stale bundles of a pack, taking members just written from `written`."""
        writes: list[Write] = []
        for bundle in made:
            entry = self.manifest.files.get(bundle.relpath)
            on_disk = outdir.sha256(self.out, bundle.relpath)
            if entry is not None and entry.key == bundle.key and entry.ours(on_disk) \
                    and not self.force:
                self.tell(FileResult(bundle.relpath, "bundle", "zip", "up to date",
                                     outdir.size(self.out, bundle.relpath)))
                continue

            def content(job: Job) -> bytes | None:
                data = written.get(job.relpath)
                return data if data is not None else outdir.read(self.out, job.relpath)

            data = _zip(pack_id, bundle, content, epoch)
            edited = on_disk is not None and not (entry is not None and entry.ours(on_disk))
            target = _beside(bundle.relpath) if edited and not self.force else bundle.relpath
            writes.append(Write(bundle.relpath, target, on_disk if edited else None, bundle.key,
                                "bundle", data, None))
        if writes:
            write_all(self.out, self.manifest, writes, self.force)
            self.save()
        for w in writes:
            kept = w.target != w.relpath
            note = (f"{w.relpath} was changed since the last build and was kept; the new "
                    f"version is {w.target}") if kept else ""
            self.tell(FileResult(w.target, "bundle", "zip", "kept" if kept else "built",
                                 len(w.data), None, note))


def _zip(pack_id: str, bundle: Bundle, content, epoch: int) -> bytes:  # type: ignore[no-untyped-def]
    from nlmg_packs.builder.bundle import zip_bytes

    return zip_bytes(pack_id, bundle, content, epoch)


def _beside(relpath: str) -> str:
    from nlmg_packs.builder.plan import beside

    return beside(relpath)


