"""What a build would write, without writing or rendering anything: for `list`."""

from __future__ import annotations

from nlmg_packs.builder.request import BuildRequest
from nlmg_packs.errors import PackError, Problem, UsageError


def listing(request: BuildRequest) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """For each pack: its id, "title, by author", and (kind, path under --out) of every file
    the request makes, bundles included, in the order the build makes them. Raises PackError
    for an invalid pack and UsageError for an unknown `--course`, as `build` does."""
    from nlmg_packs.builder.bundle import bundles
    from nlmg_packs.builder.checks import source_date_epoch
    from nlmg_packs.builder.plan import plan
    from nlmg_packs.errors import did_you_mean
    from nlmg_packs.pack import load_pack

    found: list[tuple[str, str, list[tuple[str, str]]]] = []
    problems: list[Problem] = []
    known: set[str] = set()
    for folder in request.packs:
        try:
            pack = load_pack(folder)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        known.update(c.id for c in pack.courses)
        jobs = plan(pack, "", request)
        files = [(job.spec.kind, job.relpath) for job in jobs]
        if request.zip:
            files += [("bundle", b.relpath) for b in bundles(pack, jobs, source_date_epoch())]
        found.append((pack.id, f"{pack.book.title}, by {pack.book.author}", files))
    if problems:
        raise PackError(problems)
    unknown = [Problem("--course", None, None, f"no course `{c}` in these packs",
                       did_you_mean(c, known)) for c in sorted(request.courses - known)]
    if unknown:
        raise UsageError(unknown)
    return found
