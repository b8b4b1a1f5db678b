"""A document using every block type, for renderer tests."""

from __future__ import annotations

from nlmg_packs import document as d

MEMORY = d.ThemeTag("memory", "Memory", "#4C6A92", "M")
DUTY = d.ThemeTag("duty", "Duty", "#A0522D", "D")
ORIGIN = d.Origin("packs/sample/quotes.yaml", 12, 5)
CHECK = "Check the wording against your edition"


def every_block(edition: str = "teacher") -> d.Document:
    """A document that holds each block type at least once."""
    blocks: list[d.Block] = [
        d.Cover("The Lantern Keeper", "Discussion guide", ("A. N. Author", "Example School")),
        d.Contents("Contents"),
        d.PageBreak(),
        d.NameLines(("Name", "Date", "Class")),
        d.Heading("Before you read", 1),
        d.Paragraph("Read *The Lantern Keeper* closely. Tom & Ruth <b>argue</b> & that's fine.",
                    "lead"),
        d.Paragraph("Body text with **bold** and *italic* runs, and a literal <img src='x'/>."),
        d.Paragraph("A small note.", "small"),
        d.Paragraph("A muted line.", "muted"),
        d.Callout("Spoiler warning", "This section discusses the whole of Part Two.", "warning"),
        d.Heading("Close reading", 2),
        d.Quote("The lamp does not ask who is out there.", "Mara to Tobias, Chapter 2",
                (DUTY,), check_label=CHECK if edition == "teacher" else "", origin=ORIGIN),
        d.Question(1, "What does the lamp stand for?", lines=4, themes=(DUTY, MEMORY),
                   meta="Chapter 2 · Analyse"),
        d.Question(2, "Which moment stayed with you?", lines=0, themes=(MEMORY,)),
        d.TeacherNote("Teacher: Model answer", (
            d.Paragraph("The lamp stands for care given without conditions."),
            d.BulletList(("Look for *unconditional*", "Credit personal responses")),
        )),
        d.Heading("Themes", 1),
        d.ThemeLegend((MEMORY, DUTY), "Key"),
        d.Table(("Course", "Memory", "Duty"),
                ((d.Cell("English Literature", bold=True), d.Cell(tag=MEMORY), d.Cell()),
                 (d.Cell("Ethics", bold=True), d.Cell(), d.Cell(tag=DUTY))),
                widths=(3, 1, 1), compact=True),
        d.Heading("Lesson sequence", 3),
        d.Table(("Min", "Activity", "Teacher", "Students"),
                ((d.Cell("10"), d.Cell("Starter"), d.Cell("Reads aloud."), d.Cell("Listen.")),
                 (d.Cell("40"), d.Cell("Worksheet"), d.Cell("Circulates."), d.Cell("Write."))),
                widths=(1, 3, 4, 4)),
        d.BulletList(("First objective", "Second objective"), ordered=True),
        d.BulletList(("Another list", "restarts at one"), ordered=True),
        d.AnswerLines(6, "Notes"),
        d.ScoreBox("Score", "/ 12"),
        d.Question(3, "Which object does Mara keep lit?", lines=0, meta="1 point"),
        d.Choices(("The lamp", "The stove", "A candle & a <b>match</b>"), ("A", "B", "C"),
                  "Tick one."),
        d.Rubric(d.Table(("Criterion", "Secure (3)", "Developing (2)", "Emerging (1)"),
                         ((d.Cell("Argument", bold=True), d.Cell("A clear, sustained line."),
                           d.Cell("A line, not always held."), d.Cell("Opinions, no line.")),)),
                 "Total: ____ / 3"),
        d.Rubric(d.Table(("Criterion", "Excellent (5)", "Good (4)", "Fair (3)", "Weak (2)",
                          "Missing (1)"),
                         ((d.Cell("Evidence", bold=True), d.Cell("Apt, embedded quotation."),
                           d.Cell("Relevant quotation."), d.Cell("Some reference."),
                           d.Cell("Retelling."), d.Cell("None.")),)),
                 "Total: ____ / 5", landscape=True, title="Marking rubric: Evidence"),
        d.Paragraph("After the landscape rubric, the page is upright again."),
    ]
    if edition == "student":
        blocks = [b for b in blocks if not isinstance(b, d.TeacherNote)]
    meta = d.Metadata("The Lantern Keeper — Discussion guide", "A. N. Author",
                      "Discussion guide", ("lantern", "discussion"), "en-GB")
    return d.Document("Discussion guide", meta, tuple(blocks),
                      header="The Lantern Keeper · Discussion guide",
                      footer="A. N. Author, The Lantern Keeper (1999)", edition=edition)
