"""Essay and project assignments with their marking rubrics, and rubric blocks for any document
that attaches one (lesson plans that use the assignment)."""

from __future__ import annotations

from nlmg_packs import document as d
from nlmg_packs.compose import labels
from nlmg_packs.compose._common import document, origin
from nlmg_packs.pack import Pack
from nlmg_packs.pack.references_assessment import rubric_total

LANDSCAPE_LEVELS = 4
"""A rubric with this many levels or more (five columns with the criteria) is set landscape."""


def rubric_block(pack: Pack, rubric_id: str) -> d.Rubric:
    """The rubric, titled, as a grid of criteria × levels; its total is computed from the
    levels."""
    rubric, w = pack.rubric_by_id[rubric_id], labels.words(pack)
    header = (w(labels.RUBRIC_CRITERION),
              *(w(labels.LEVEL_POINTS, name=lv.name, points=lv.points) for lv in rubric.levels))
    rows = tuple((d.Cell(c.name, bold=True), *(d.Cell(text) for text in c.descriptors))
                 for c in rubric.criteria)
    table = d.Table(header, rows, widths=(1.3, *(2.0,) * len(rubric.levels)))
    return d.Rubric(table, w(labels.RUBRIC_TOTAL, total=rubric_total(rubric)),
                    landscape=len(rubric.levels) >= LANDSCAPE_LEVELS,
                    title=w(labels.RUBRIC, title=rubric.title))


def rubric_blocks(pack: Pack, rubric_id: str) -> list[d.Block]:
    """The rubric with its heading (a list, to extend a document's blocks)."""
    return [rubric_block(pack, rubric_id)]


def compose_assignment(pack: Pack, assignment_id: str, edition: str) -> d.Document:
    """An essay or project brief: the prompt, guidance and the rubric it is marked with."""
    index = pack.position("assignments", assignment_id)
    task, w = pack.assignments[index], labels.words(pack)
    at = ("assignments", index)
    title = w(labels.ASSIGNMENT[task.type], title=task.title)
    blocks: list[d.Block] = ([d.NameLines(tuple(w(x) for x in labels.NAME_LINES))]
                             if edition == "student" else [])
    blocks.append(d.Heading(title, 1,
                            origin(pack, "rubrics.yaml", (*at, "title"))))
    facts = [pack.parts[task.part].title if task.part else "",
             w(labels.LENGTH, length=task.length) if task.length else ""]
    if any(facts):
        blocks.append(d.Paragraph(" · ".join(f for f in facts if f), "muted"))
    blocks.append(d.Paragraph(task.prompt, "lead", origin(pack, "rubrics.yaml",
                                                          (*at, "prompt"))))
    if task.guidance:
        blocks += [d.Heading(w(labels.GUIDANCE), 2), d.BulletList(tuple(task.guidance))]
    if edition == "teacher" and task.standards:
        blocks += [d.Heading(w(labels.STANDARDS), 2),
                   d.BulletList(tuple(f"{s.framework}: {s.code}" for s in task.standards))]
    blocks += rubric_blocks(pack, task.rubric)
    return document(pack, title, title, blocks, edition, ("assignment", "rubric", task.type))
