"""What lesson plans and course overviews say about the apparatus: the tests and assignments a
lesson hands out (as materials, with the rubric attached), and which lessons, items and
assignments cover each standard."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose.assignments import rubric_blocks
from nlmg_packs.compose.naming import assignment_name, folder, test_name
from nlmg_packs.compose.versions import sections
from nlmg_packs.pack import Pack
from nlmg_packs.pack.model import Course, Lesson


def assessment_materials(pack: Pack, lesson: Lesson, ext: str, versions: int = 1) -> list[str]:
    """One materials line per test or assignment the lesson uses, naming its files: a test's
    versions A, B, … when the build makes `versions` of them (1 to 26)."""
    lines, w = [], labels.words(pack)
    for ref in lesson.assessments:
        if ref in pack.test_by_id:
            kind, title = "test", pack.test_by_id[ref].title
            names = [test_name(ref, v, versions) for v in range(versions)]
        else:
            task = pack.assignment_by_id[ref]
            kind, title, names = task.type, task.title, [assignment_name(ref)]
        lines.append(w(labels.ASSESSMENT_MATERIAL[kind], title=title,
                       path=_files(folder(None, "student"), names, ext),
                       answers=_files(folder(None, "teacher"), names, ext)))
    return lines


def _files(place: str, names: list[str], ext: str) -> str:
    """`place/a.ext`; two files as `place/a.ext, place/b.ext`; more as the first … the last."""
    paths = [f"{place}/{name}.{ext}" for name in names]
    return ", ".join(paths) if len(paths) <= 2 else f"{paths[0]} … {paths[-1]}"


def attached_rubrics(pack: Pack, lesson: Lesson) -> list[d.Block]:
    """The rubric of each assignment the lesson uses, to mark with."""
    blocks: list[d.Block] = []
    for ref in lesson.assessments:
        task = pack.assignment_by_id.get(ref)
        if task is not None:
            blocks += rubric_blocks(pack, task.rubric)
    return blocks


def standards_table(pack: Pack, course: Course) -> list[d.Block]:
    """A table of each standard the course's lessons, their discussion prompts, items and
    assignments name, with what covers it in lesson order; [] when none name one.

    Prompt, item and assignment standards name their framework ("Common Core ELA RL.11-12.1");
    lesson standards are free text and stand as written, unless the pack names the code under
    one framework only (lesson `RL.11-12.1`, items' Common Core ELA RL.11-12.1): then it joins
    that framework's row. What covers a standard is listed in lesson order, split by "; "
    (an item reads "Part One test, item 3").
    """
    w = labels.words(pack)
    found: list[tuple[str | None, str, str]] = []  # (framework or None, code, what covers it)
    for n, lesson in enumerate(course.lessons, 1):
        found += [(None, code, w(labels.LESSON_NUMBER, number=n)) for code in lesson.standards]
        for p, ref in enumerate(lesson.prompts, 1):
            found += [(s.framework, s.code, w(labels.PROMPT_IN_LESSON, number=n, prompt=p))
                      for s in pack.prompt_by_id[ref].standards]
        for ref in lesson.assessments:
            found += _assessed(pack, ref)
    if not found:
        return []
    frameworks: dict[str, set[str]] = {}
    for entry in (*pack.prompts, *pack.items, *pack.assignments):
        for standard in entry.standards:
            frameworks.setdefault(standard.code, set()).add(standard.framework)
    covers: dict[str, list[str]] = {}
    for framework, code, what in found:
        named = framework or (next(iter(frameworks[code])) if len(frameworks.get(code, ())) == 1
                              else None)
        covers.setdefault(f"{named} {code}" if named else code, []).append(what)
    rows = tuple((d.Cell(code, bold=True), d.Cell("; ".join(dict.fromkeys(what))))
                 for code, what in sorted(covers.items()))
    return [d.Heading(w(labels.STANDARDS), 2),
            d.Table(tuple(w(h) for h in labels.STANDARDS_HEADER), rows, widths=(3.0, 6.0))]


def _assessed(pack: Pack, ref: str) -> list[tuple[str | None, str, str]]:
    if ref in pack.assignment_by_id:
        task = pack.assignment_by_id[ref]
        return [(s.framework, s.code, task.title) for s in task.standards]
    test = pack.test_by_id[ref]
    found: list[tuple[str | None, str, str]] = []
    for _, asked in sections(pack, test, 0):  # numbered as version A prints them
        for question in asked:
            found += [(s.framework, s.code, labels.words(pack)(
                labels.ITEM_IN_TEST, test=test.title, number=question.number))
                for s in question.item.standards]
    return found
