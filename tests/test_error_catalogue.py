"""Every error in docs/errors.md, triggered once, with the exact wording of its message.

Each case is registered under the slug of its section in docs/errors.md (a `### slug` heading);
`test_catalogue_and_docs_agree` keeps the two lists identical.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from nlmg_packs.errors import NlmgError, Problem
from nlmg_packs.pack import load_pack
from nlmg_packs.pack.loader import MAX_FILE_BYTES, load_yaml
from nlmg_packs.pack.strict import unverified_quotes
from nlmg_packs.pack.usage import unused
from nlmg_packs.template import load_template
from tests.conftest import ROOT, edit

DOCS = ROOT / "docs" / "errors.md"
DEFAULT_TEMPLATE = ROOT / "templates" / "default"


@dataclass(frozen=True)
class Case:
    slug: str
    trigger: Callable[[Path, Path], list[Problem]]
    """Given a fresh copy of the mini pack and a scratch folder, cause the error."""
    message: str
    hint: str
    """A part of the hint that must be present."""
    where: str | None
    """`file:line:col` the problem must point at, or None when it concerns no line."""


CASES: dict[str, Case] = {}


def case(slug: str, message: str, hint: str = "", where: str | None = None):
    def register(trigger: Callable[[Path, Path], list[Problem]]):
        assert slug not in CASES, slug
        CASES[slug] = Case(slug, trigger, message, hint, where)
        return trigger
    return register


def problems(action: Callable[[], object]) -> list[Problem]:
    with pytest.raises(NlmgError) as caught:
        action()
    return caught.value.problems


def yaml_file(tmp: Path, content: str | bytes, name: str = "x.yaml") -> list[Problem]:
    path = tmp / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return problems(lambda: load_yaml(path))


def pack_after(mini: Path, file: str, old: str, new: str) -> list[Problem]:
    edit(mini / file, old, new)
    return problems(lambda: load_pack(mini))


def template_with(tmp: Path, text: str, files: dict[str, bytes] | None = None) -> list[Problem]:
    folder = tmp / "tpl"
    folder.mkdir(exist_ok=True)
    (folder / "template.yaml").write_text(text, "utf-8")
    for name, data in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return problems(lambda: load_template(folder))


def build(tmp: Path, mini: Path, out: Path, **options: object) -> list[Problem]:
    from nlmg_packs.builder.run import BuildRequest, run_build

    options.setdefault("template", DEFAULT_TEMPLATE)
    request = BuildRequest(packs=(mini,), out=out, **options)  # type: ignore[arg-type]
    return problems(lambda: run_build(request))


# ---- reading a YAML file -----------------------------------------------------------------

@case("file-too-big", "file is 2.0 MB, over the 2 MB limit for a pack file",
      "split it")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, b"a: " + b"x" * MAX_FILE_BYTES)


@case("invisible-character", "invisible character U+2061 (FUNCTION APPLICATION)", "delete it",
      "x.yaml:1:8")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "text: f⁡(x) and g\n")


@case("not-a-regular-file", "not a regular file", "plain text file")
def _(mini: Path, tmp: Path) -> list[Problem]:
    os.mkfifo(tmp / "x.yaml")
    return problems(lambda: load_yaml(tmp / "x.yaml"))


@case("cannot-read", "cannot read the file (Permission denied)", "you may read it")
def _(mini: Path, tmp: Path) -> list[Problem]:
    path = tmp / "x.yaml"
    path.write_text("a: 1\n")
    real_open = os.open

    def refuse(name, *args, **kwargs):  # noqa: ANN001, ANN202
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(os, "open", refuse)
    try:
        return problems(lambda: load_yaml(path))
    finally:
        mp.undo()


@case("not-utf8", "the file is not UTF-8 (byte 0xe9)", "save it as UTF-8", "x.yaml:2:10")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, b"title: ok\ntext: caf\xe9\n")


@case("control-character",
      "the file contains the control character U+0007, which YAML does not allow",
      "delete it", "x.yaml:2:11")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "title: ok\ntext: bell\x07\n")


@case("empty-file", "the file is empty", "add content", "x.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "# nothing but a comment\n")


@case("tab-indentation", "a tab is used for indentation", "replace each tab", "x.yaml:2:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "book:\n\ttitle: A\n")


@case("tab-after-value", "a tab after a value (or inside it), where YAML allows only spaces",
      "replace the tab with a space", "x.yaml:2:11")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "book:\n  title: A\t\n")


@case("base-60", "`25:00` is read by YAML as the whole number 1500 (YAML 1.1 counts `a:b` in "
      "base 60, as minutes and seconds)", "write a plain number", "x.yaml:1:10")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "minutes: 25:00\n")


@case("text-cut-by-comment", "` #` starts a YAML comment, so the text ends before "
      "`#2) as evidence.`", "put the value in quotes", "x.yaml:1:33")
def _(mini: Path, tmp: Path) -> list[Problem]:
    path = tmp / "x.yaml"
    path.write_text("text: Use the lamp log (handout #2) as evidence.\n", "utf-8")
    return load_yaml(path).lines.warnings


@case("yaml-syntax", "YAML syntax error: mapping values are not allowed here",
      "check the indentation and quoting", "x.yaml:2:7")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "title: A\n  text: B\n")


@case("alias", "YAML aliases (`*name`) are not supported", "write the text out in full",
      "x.yaml:2:8")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n")


@case("tag", "YAML tag `!!python/object/apply:os.system` is not allowed",
      "remove the tag", "x.yaml:1:4")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "a: !!python/object/apply:os.system ['echo hi']\n")


@case("merge-key", "YAML merge keys (`<<`) are not supported", "write the keys out",
      "x.yaml:2:3")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "a:\n  <<: {b: 1}\n  c: 2\n")


@case("too-deep", "lists and mappings are nested more than 24 deep", "check the indentation",
      "x.yaml:1:27")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "a: " + "[" * 5000 + "]" * 5000 + "\n")


@case("duplicate-key", "duplicate key `title` (first used on line 1)", "remove one",
      "x.yaml:3:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "title: A\nyear: 1\ntitle: B\n")


@case("boolean-key", "the key `no` is read by YAML as false, not as a word", "put it in quotes",
      "x.yaml:2:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "title: A\nno: 1\n")


@case("key-not-a-word", "a key must be a plain word", "write keys like `title:`", "x.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return yaml_file(tmp, "12: A\n")


# ---- the pack folder ---------------------------------------------------------------------

@case("no-such-pack-folder", "no such pack folder", "nlmg-packs list")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return problems(lambda: load_pack(tmp / "nowhere"))


@case("pack-is-a-file", "this is a file, not a pack folder", "holds pack.yaml")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return problems(lambda: load_pack(mini / "pack.yaml"))


@case("no-pack-yaml", "no pack.yaml in this folder", "docs/pack-format.md")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "pack.yaml").unlink()
    return problems(lambda: load_pack(mini))


@case("unknown-file", "unknown file in the pack", "did you mean `quotes.yaml`?")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "quote.yaml").write_text("quotes: []\n")
    return problems(lambda: load_pack(mini))


@case("pack-file-is-a-folder", "this is a folder, not a file", "must be a YAML file")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "quotes.yaml").unlink()
    (mini / "quotes.yaml").mkdir()
    return problems(lambda: load_pack(mini))


@case("pack-file-links-outside", "this file is a link to outside the pack folder",
      "copy the file into the pack folder")
def _(mini: Path, tmp: Path) -> list[Problem]:
    outside = tmp / "elsewhere.yaml"
    shutil.move(mini / "quotes.yaml", outside)
    (mini / "quotes.yaml").symlink_to(outside)
    return problems(lambda: load_pack(mini))


@case("top-not-a-mapping", "expected a mapping of keys at the top", "start the file with "
      "`quotes:`", "quotes.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (mini / "quotes.yaml").write_text("- id: a\n")
    return problems(lambda: load_pack(mini))


# ---- the schema --------------------------------------------------------------------------

@case("missing-key", "missing `context`", "add `context:` here", "quotes.yaml:2:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "    context: Mara explains why she keeps the light "
                      "burning.\n", "")


@case("unknown-key", "unknown key `contxt`", "did you mean `context`?", "quotes.yaml:19:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "    context: Tobias", "    contxt: Tobias")


@case("not-text", "`name` must be text, not `no`/`false`/`off` (YAML reads it as false)",
      "put the value in quotes", "pack.yaml:17:16")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "pack.yaml", "name: Duty,", "name: no,")


@case("date-not-text", "`title` must be text, not 2024-01-05 (YAML read it as a date or time)",
      "put the value in quotes", "worksheets.yaml:3:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "worksheets.yaml", "title: Light and duty", "title: 2024-01-05")


@case("not-a-whole-number", '`chapter` must be a whole number, not "five"',
      "write digits only", "quotes.yaml:17:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "chapter: 5", "chapter: five")


@case("not-a-number", '`top` must be a number, not "ten"', "write digits only",
      "template.yaml:1:14")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, "margins_mm: {top: ten}\n")


@case("not-true-or-false", "`verified` must be true or false", "write `true` or `false`",
      "quotes.yaml:24:31")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "verified: false", "verified: maybe")


@case("not-a-list", "`themes` must be a list", "lines starting with `- `", "quotes.yaml:18:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "themes: [memory]", "themes: memory")


@case("not-a-mapping", "`book` must be a mapping of keys, not a list",
      "write `key: value` lines", "pack.yaml:2:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    text = (mini / "pack.yaml").read_text("utf-8")
    start, end = text.index("book:"), text.index("characters:")
    (mini / "pack.yaml").write_text(text[:start] + "book: [The Lantern Keeper, 1999]\n"
                                    + text[end:], "utf-8")
    return problems(lambda: load_pack(mini))


@case("not-one-of", '`level` cannot be "hard"', "use one of 'recall'", "discussion.yaml:6:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "level: recall", "level: hard")


@case("invalid-id", '`id` has an invalid value "../evil"', "lower-case letters, digits",
      "worksheets.yaml:2:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "worksheets.yaml", "id: light-and-duty", 'id: "../evil"')


@case("invalid-colour", '`colour` has an invalid value "blue"', 'e.g. "#4C6A92"',
      "pack.yaml:16:32")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "pack.yaml", 'colour: "#4C6A92"', "colour: blue")


@case("too-long", "`text` is too long (100000 characters, the limit is 20000)",
      "shorten it", "discussion.yaml:7:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "text: What does Mara remember about the *first* "
                      "night she lit the lamp?", "text: " + "x" * 100_000)


@case("text-control-character", "`text` contains the control character U+001B",
      "delete it, or the escape", "discussion.yaml:7:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "text: What does Mara remember about the *first* "
                      "night she lit the lamp?", 'text: "colour \\x1b[31m codes"')


@case("language-tag", "`text`: `French` is not a language tag",
      "write a tag such as fr, de-CH or pt-BR", "discussion.yaml:7:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "text: What does Mara remember about the *first* "
                      "night she lit the lamp?", 'text: "Say [bonsoir]{lang=French}"')


@case("language-span-unclosed", "`text`: a language span is not closed or has no `[` before it",
      "[Je ne sais quoi]{lang=fr}", "discussion.yaml:7:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "text: What does Mara remember about the *first* "
                      "night she lit the lamp?", 'text: "Say [bonsoir{lang=fr} to her"')


@case("lone-surrogate", "`text` contains a lone surrogate (an escape such as `\\uD800`)",
      "write the character itself", "discussion.yaml:7:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "text: What does Mara remember about the *first* "
                      "night she lit the lamp?", 'text: "half an emoji \\ud83d"')


@case("empty-text", "`text` is empty", "write some text", "discussion.yaml:7:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "text: What does Mara remember about the *first* "
                      "night she lit the lamp?", 'text: ""')


@case("too-few-items", "`questions` needs at least 2 item(s)", "add more", "quotes.yaml:20:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "      - Why does Tobias say it to Mara?\n", "")


@case("too-many-items", "`chapters` has too many items (at most 2)", "remove some",
      "discussion.yaml:4:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "chapters: [1]", "chapters: [1, 2, 3]")


@case("out-of-range", "`chapter` is out of range: input should be greater than or equal to 1",
      "correct the number", "quotes.yaml:6:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "chapter: 2", "chapter: 0")


# ---- references between files ------------------------------------------------------------

@case("unknown-reference", "unknown theme `memry`", "did you mean `memory`?",
      "discussion.yaml:12:20")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "themes: [duty, memory]", "themes: [duty, memry]")


@case("unknown-reference-far", "unknown character `zz`", "use one of `mara`, `tobias`",
      "quotes.yaml:4:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "speaker: mara", "speaker: zz")


@case("duplicate-id", "duplicate quote id `q-lamp`", "ids must be unique", "quotes.yaml:14:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "id: q-tide", "id: q-lamp")


@case("chapter-past-the-end", "chapter 9 is past the end of the book", "the book has 6 chapters",
      "quotes.yaml:17:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "chapter: 5", "chapter: 9")


@case("chapters-backwards", "chapter range [3, 1] runs backwards", "write it as [1, 3]",
      "pack.yaml:10:61")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "pack.yaml", "chapters: [1, 3]", "chapters: [3, 1]")


@case("chapter-outside-part", "chapter 2 is not in Part Two (chapters 4–6)",
      "correct the chapter", "discussion.yaml:11:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "discussion.yaml", "chapters: [4, 6]", "chapters: [2, 6]")


@case("parts-overlap", "Part Two overlaps the part before it", "start it after chapter 3",
      "pack.yaml:11:60")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "pack.yaml", "chapters: [4, 6]", "chapters: [3, 6]")


@case("shared-tag-letter", "themes `memory` and `duty` share the tag letter M",
      "set a distinct `letter:`", "pack.yaml:17:16")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "pack.yaml", "name: Duty,", "name: Mercy,")


@case("verified-without-edition",
      "a verified quote must say which edition it was checked against", "add `edition:`",
      "quotes.yaml:13:30")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", ", edition: Example Press 1999}", "}")


UNITS = ("  chapters: 6\n", "  units:\n    - {id: prologue, label: Prologue}\n"
         "    - {numbered: [1, 6]}\n")
"""Turns the mini pack's `chapters: 6` into units: a prologue, then chapters 1 to 6."""


def pack_with_units(mini: Path, file: str, old: str, new: str) -> list[Problem]:
    edit(mini / "pack.yaml", *UNITS)
    return pack_after(mini, file, old, new)


@case("unknown-unit", "unknown unit `prolog`", "did you mean `prologue`?", "quotes.yaml:6:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_with_units(mini, "quotes.yaml", "chapter: 2\n", "unit: prolog\n")


@case("unknown-addressee", "unknown character or group `crowd`", "use one of `mara`, `tobias`",
      "quotes.yaml:17:18")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "    speaker: tobias\n",
                      "    speaker: tobias\n    addressees: [crowd]\n")


@case("book-without-chapters", "the book needs `chapters:` or `units:`", "list its `units:`",
      "pack.yaml:2:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "pack.yaml", "  chapters: 6\n", "")


@case("both-keys-given", "`chapter` and `unit` are both given", "delete `chapter:`",
      "quotes.yaml:6:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "chapter: 2\n", "chapter: 2\n    unit: 2\n")


@case("unit-missing", "a quotation needs `unit:` or `chapter:`", "add `unit:`",
      "quotes.yaml:2:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "    chapter: 2\n", "")


@case("unit-without-label", "a unit needs an `id` and a `label`, or `numbered:` for a run",
      "label: \"Letter 1\"", "pack.yaml:7:7")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_with_units(mini, "pack.yaml", "{id: prologue, label: Prologue}", "{id: prologue}")


@case("numbered-run-without-n", "a numbered run needs `{n}` in its `id` and `label`",
      'label: "Chapter {n}"', "pack.yaml:8:26")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_with_units(mini, "pack.yaml", "{numbered: [1, 6]}",
                           "{numbered: [1, 6], label: Chapter}")


@case("numbered-run-backwards", "numbered run [6, 1] runs backwards", "write it as [1, 6]",
      "pack.yaml:8:8")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_with_units(mini, "pack.yaml", "{numbered: [1, 6]}", "{numbered: [6, 1]}")


@case("range-label-outside-run", "`range_label` is only for a numbered run", "delete it",
      "pack.yaml:7:39")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_with_units(mini, "pack.yaml", "{id: prologue, label: Prologue}",
                           "{id: prologue, label: Prologue, range_label: x}")


@case("duplicate-unit", "duplicate unit id `3`", "give each run its own `id` pattern",
      "pack.yaml:9:7")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_with_units(mini, "pack.yaml", "    - {numbered: [1, 6]}\n",
                           "    - {numbered: [1, 6]}\n    - {numbered: [3, 4]}\n")


@case("page-reference-without-edition", "a page reference needs an edition to follow",
      "under `editions:`", "quotes.yaml:7:13")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "    chapter: 2\n",
                      "    chapter: 2\n    pages: [{page: 4}]\n")


@case("page-reference-empty", "a page reference needs a `page:` or a `line:`", "page: 81",
      "quotes.yaml:7:13")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "pack.yaml", "  chapters: 6\n",
         "  chapters: 6\n  editions: [{id: ex, name: the Example Press edition}]\n")
    return pack_after(mini, "quotes.yaml", "    chapter: 2\n",
                      "    chapter: 2\n    pages: [{edition: ex}]\n")


@case("unused-quote", "quotation `q-tide` is in no worksheet or lesson",
      "prints only in the quotation bank", "quotes.yaml:14:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "worksheets.yaml", "quotes: [q-lamp, q-tide]", "quotes: [q-lamp]")
    return unused(load_pack(mini))


@case("unused-prompt", "prompt `keeping-on` is in no lesson", "add it to a lesson's `prompts:`",
      "discussion.yaml:9:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return unused(load_pack(mini))


@case("unused-worksheet", "worksheet `light-and-duty` is in no lesson", "add it to a lesson",
      "worksheets.yaml:2:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "courses.yaml", "worksheets: [light-and-duty]", "worksheets: []")
    return unused(load_pack(mini))


@case("written-response-without-prompt", "a written-response activity needs a `prompt:`",
      "add the task", "worksheets.yaml:9:9")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "worksheets.yaml", "        prompt: Write a paragraph on what duty "
                      "costs Mara.\n", "")


@case("activity-without-quotes", "a close-reading activity needs `quotes:`",
      "list the ids of the quotes", "worksheets.yaml:8:9")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "worksheets.yaml", "quotes: [q-lamp], lines: 5", "lines: 5")


@case("sequence-does-not-add-up",
      "the sequence of lesson `lit-1` adds up to 45 minutes, but the lesson is 50",
      "add 5 minutes in its steps", "courses.yaml:16:9")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "courses.yaml", "{minutes: 15, activity: Discussion",
                      "{minutes: 10, activity: Discussion")


@case("reserved-course-id", "the course id `common` is reserved", "choose another id",
      "courses.yaml:2:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "courses.yaml", "id: literature", "id: common")


@case("unverified-quote",
      "quotation `q-tide` is confirmed by 0 of the 2 public sources it needs (its wording "
      "comes from review)", "under `source: provenance:`", "quotes.yaml:24:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return unverified_quotes(load_pack(mini))


@case("provenance-not-independent",
      "`lamp notes` is cited twice for quotation `q-lamp`; its sources must be independent",
      "another publisher", "quotes.yaml:13:167")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "source: Harbour Review", "source: lamp notes")


@case("provenance-chapter-mismatch",
      "source `Lamp Notes` gives chapter 3, but quotation `q-lamp` says chapter 2",
      "correct the quotation's `chapter:`", "quotes.yaml:13:153")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return pack_after(mini, "quotes.yaml", "chapter: 2}", "chapter: 3}")


# ---- templates and the files they name ---------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@case("no-template-yaml", "no template.yaml here", "templates/default")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return problems(lambda: load_template(tmp))


@case("path-leaves-the-folder", "path `../logo.png` leaves the folder", "without `..`",
      "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "logo.png").write_bytes(PNG)
    return template_with(tmp, "logo: ../logo.png\n")


@case("path-links-outside", "path `logo.png` is a link to outside the folder",
      "copy the file into the folder", "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "real.png").write_bytes(PNG)
    (tmp / "tpl").mkdir()
    (tmp / "tpl" / "logo.png").symlink_to(tmp / "real.png")
    return template_with(tmp, "logo: logo.png\n")


@case("path-not-found", "file `logo.png` not found", "check the name", "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, "logo: logo.png\n")


@case("path-control-character", "path `logo\\x00.png` contains a control character",
      "plain text", "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, 'logo: "logo\\0.png"\n')


@case("path-backslash", "path `assets\\logo.png` uses `\\`", "separate folders with `/`",
      "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, "logo: 'assets\\logo.png'\n")


@case("path-cannot-be-followed",
      "path `loop.png` cannot be followed (a link loop, or a name too long)",
      "check the name and any links", "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "tpl").mkdir()
    (tmp / "tpl" / "loop.png").symlink_to(tmp / "tpl" / "loop.png")
    return template_with(tmp, "logo: loop.png\n")


@case("asset-wrong-kind", "`logo.png` is not a PNG or JPEG image", "export the logo",
      "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, "logo: logo.png\n", {"logo.png": b"GIF89a"})


@case("logo-not-usable", "`logo.png` is not a usable image (more than 25,000,000 pixels, the "
      "most that are drawn)", "export the logo", "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from tests.test_build_trust import _huge_png

    return template_with(tmp, "logo: logo.png\n", {"logo.png": _huge_png()})


@case("asset-too-big", "`logo.png` is 21.0 MB, over the 20 MB limit", "export the logo",
      "template.yaml:1:1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, "logo: logo.png\n", {"logo.png": PNG + b"\0" * (21 * 2**20
                                                                                  - len(PNG))})


@case("font-damaged", "`fonts/a.ttf` is not a usable TrueType font", "use a .ttf file",
      "template.yaml:1:9")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, "fonts: {regular: fonts/a.ttf}\n",
                         {"fonts/a.ttf": b"\x00\x01\x00\x00" + b"\xff" * 40})


@case("label-unknown", "`Nmae` is not a message nlmg-packs prints", "did you mean `Name`?",
      "template.yaml:2:3")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, 'labels:\n  Nmae: "Pupil"\n')


@case("label-placeholder", "the label for `Page {page} of {total}` must keep {page}, {total}",
      "write each {name}", "template.yaml:2:3")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return template_with(tmp, 'labels:\n  "Page {page} of {total}": "Page {page}"\n')


@case("font-face-missing", "`fonts/a.ttf` has 1 face, so no face 2", "leave out `index`",
      "template.yaml:1:9")
def _(mini: Path, tmp: Path) -> list[Problem]:
    import reportlab

    vera = (Path(reportlab.__file__).parent / "fonts" / "Vera.ttf").read_bytes()
    return template_with(tmp, "fonts: {regular: {file: fonts/a.ttf, index: 2}}\n",
                         {"fonts/a.ttf": vera})


PROMPT = "text: Which moment of the book stayed with you longest?"


@case("rtl-mark", "the mark U+05B8 (HEBREW POINT QAMATS) cannot be placed on its letter in "
      "right-to-left text in the PDF", "leave out vowel points", "discussion.yaml:18:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "discussion.yaml", PROMPT, "text: שָלוֹם")
    return build(tmp, mini, tmp / "out", formats="pdf", kinds=frozenset({"guide"}))


@case("rtl-formatting", "bold or italic inside right-to-left text cannot be drawn in the PDF",
      "remove the asterisks", "discussion.yaml:18:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "discussion.yaml", PROMPT, "text: שלום *עולם*")
    return build(tmp, mini, tmp / "out", formats="pdf", kinds=frozenset({"guide"}))


@case("needs-shaping-engine", "character 'न' (U+0928) needs a text shaping engine the PDF "
      "renderer does not have", "another script", "discussion.yaml:18:5")
def _(mini: Path, tmp: Path) -> list[Problem]:
    edit(mini / "discussion.yaml", PROMPT, "text: नमस्ते")
    return build(tmp, mini, tmp / "out", formats="pdf", kinds=frozenset({"guide"}))


# ---- the output folder -------------------------------------------------------------------

@case("out-is-a-file", "--out is a file, not a folder", "choose a folder")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "out").write_text("precious")
    return build(tmp, mini, tmp / "out")


@case("out-cannot-be-created", "cannot create the output folder (Not a directory)",
      "choose a folder you may write to")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "file").write_text("precious")
    return build(tmp, mini, tmp / "file" / "out")


@case("out-not-writable", "the output folder is not writable", "fix its permissions")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "out").mkdir()
    mp = pytest.MonkeyPatch()
    mp.setattr(os, "access", lambda *args, **kwargs: False)  # root ignores real permissions
    try:
        return build(tmp, mini, tmp / "out")
    finally:
        mp.undo()


@case("reference-doc-not-found", "reference document not found", "pass the path of a .docx")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return build(tmp, mini, tmp / "out", reference_doc=tmp / "nowhere.docx")


@case("reference-doc-not-docx", "a reference document must be a .docx", "not .dotx or .doc")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "styles.dotx").write_bytes(b"PK\x03\x04")
    return build(tmp, mini, tmp / "out", reference_doc=tmp / "styles.dotx")


@case("source-date-epoch", "must be a whole number of seconds, not 'yesterday'",
      "git log -1")
def _(mini: Path, tmp: Path) -> list[Problem]:
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "yesterday")
    try:
        return build(tmp, mini, tmp / "out")
    finally:
        mp.undo()


@case("build-in-progress", "another build is writing to this output folder",
      "wait for it to finish")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.builder.lock import build_lock

    (tmp / "out").mkdir()
    with build_lock(tmp / "out"):
        return build(tmp, mini, tmp / "out")


def built(tmp: Path, mini: Path) -> Path:
    """A finished build of the mini pack (PDF handouts only, to be quick)."""
    from nlmg_packs.builder.run import BuildRequest, run_build

    out = tmp / "out"
    run_build(BuildRequest(packs=(mini,), out=out, kinds=frozenset({"map"}),
                           template=DEFAULT_TEMPLATE))
    return out


def warnings_of(tmp: Path, mini: Path, out: Path) -> list[Problem]:
    from nlmg_packs.builder.run import BuildRequest, run_build

    return run_build(BuildRequest(packs=(mini,), out=out, kinds=frozenset({"map"}),
                                  template=DEFAULT_TEMPLATE)).warnings


TRACKER = "mini/common/student/theme-tracker.pdf"


@case("manifest-entry-ignored",
      "ignored the entry `mini/../../notes.txt`: it leads out of the output folder",
      "nothing outside --out is touched")
def _(mini: Path, tmp: Path) -> list[Problem]:
    import json

    out = built(tmp, mini)
    manifest = json.loads((out / ".nlmg-packs-manifest.json").read_text("utf-8"))
    manifest["files"]["mini/../../notes.txt"] = {"key": "", "sha256": "0", "kind": "guide"}
    (out / ".nlmg-packs-manifest.json").write_text(json.dumps(manifest), "utf-8")
    return warnings_of(tmp, mini, out)


@case("link-in-output", "a symbolic link is in the way of an output file",
      "never follows links")
def _(mini: Path, tmp: Path) -> list[Problem]:
    out = built(tmp, mini)
    (out / TRACKER).unlink()
    (out / TRACKER).symlink_to(tmp / "elsewhere.pdf")
    return build(tmp, mini, out, kinds=frozenset({"map"}))


@case("output-path-leaves", "this path leaves the output folder", "only uses paths inside")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.builder import outdir

    return problems(lambda: outdir.read(tmp, "../x.pdf"))


@case("output-unreadable", "cannot read an output file (Permission denied), so cannot tell "
      "whether it was edited", "make it readable")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.builder import outdir

    out = built(tmp, mini)
    mp = pytest.MonkeyPatch()
    real_open = os.open

    def refuse(name, flags, *args, **kwargs):  # noqa: ANN001, ANN202 - as for a 0600 file
        if name == "theme-tracker.pdf":
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args, **kwargs)

    mp.setattr(outdir.os, "open", refuse)
    try:
        return build(tmp, mini, out, kinds=frozenset({"map"}), force=True)
    finally:
        mp.undo()


@case("output-is-a-folder", "a folder is where an output file goes", "move the folder")
def _(mini: Path, tmp: Path) -> list[Problem]:
    out = built(tmp, mini)
    (out / TRACKER).unlink()
    (out / TRACKER).mkdir()
    return build(tmp, mini, out, kinds=frozenset({"map"}))


@case("output-not-regular", "not a regular file (a pipe, a device or a socket) where an "
      "output file goes", "remove it")
def _(mini: Path, tmp: Path) -> list[Problem]:
    out = built(tmp, mini)
    (out / TRACKER).unlink()
    os.mkfifo(out / TRACKER)
    return build(tmp, mini, out, kinds=frozenset({"map"}))


@case("output-too-big", "an output file is over 256 MB", "move it out")
def _(mini: Path, tmp: Path) -> list[Problem]:
    out = built(tmp, mini)
    with (out / TRACKER).open("r+b") as handle:
        handle.truncate(257 * 1024 * 1024)  # sparse: no disk used
    return build(tmp, mini, out, kinds=frozenset({"map"}))


@case("out-dangerous", "--out holds the pack mini: the build writes and removes files there",
      "choose a folder of its own")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return build(tmp, mini, mini.parent)


@case("lock-cannot-open", "cannot open the lock file (Is a directory)", "remove whatever")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "out" / ".nlmg-packs.lock").mkdir(parents=True)
    return build(tmp, mini, tmp / "out")


@case("lock-not-regular", "the lock file is not a regular file", "remove it")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "out").mkdir()
    os.mkfifo(tmp / "out" / ".nlmg-packs.lock")
    return build(tmp, mini, tmp / "out")


@case("source-date-epoch-range", "4354819199 is after the year 2107, which DOCX files cannot "
      "record", "between 1970 and 2107")
def _(mini: Path, tmp: Path) -> list[Problem]:
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "4354819199")
    try:
        return build(tmp, mini, tmp / "out")
    finally:
        mp.undo()


@case("folder-too-big", "the folder holds over 2000 files or 64 MB", "only what it needs")
def _(mini: Path, tmp: Path) -> list[Problem]:
    assets = mini / "assets"
    assets.mkdir()
    for n in range(2001):
        (assets / f"{n}.txt").write_bytes(b"")
    return build(tmp, mini, tmp / "out")


@case("clean-not-permitted", "cannot remove files from the output folder (Permission denied)",
      "fix its permissions")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from nlmg_packs.builder import clean

    out = built(tmp, mini)
    mp = pytest.MonkeyPatch()

    def refuse(out: Path, relpath: str) -> None:  # as in a read-only folder
        raise PermissionError(13, "Permission denied")

    mp.setattr(clean.outdir, "remove", refuse)
    try:
        return problems(lambda: clean.clean_output(out))
    finally:
        mp.undo()


def reference_with(tmp: Path, changes: dict[str, bytes | None]) -> Path:
    from tests.test_reference_clean import with_parts

    path = tmp / "school.docx"
    path.write_bytes(with_parts(changes))
    return path


def cleaned(path: Path) -> list[Problem]:
    from nlmg_packs.render.docx_clean import clean_reference

    return problems(lambda: clean_reference(path, path.name))


@case("reference-part-dropped", "not taken from the reference document: macros or binary "
      "data (word/vbaProject.bin)", "take only its styles")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from tests.test_reference_clean import _macros

    reference = reference_with(tmp, _macros()[0])
    from nlmg_packs.builder.run import BuildRequest, run_build

    return run_build(BuildRequest(packs=(mini,), out=tmp / "out", kinds=frozenset({"plans"}),
                                  reference_doc=reference)).warnings


@case("reference-inflates", "reference document inflates past 96 MB (part word/styles.xml)",
      "a few hundred KB")
def _(mini: Path, tmp: Path) -> list[Problem]:
    from tests.test_reference_clean import _bomb

    (tmp / "bomb.docx").write_bytes(_bomb())
    return cleaned(tmp / "bomb.docx")


@case("reference-too-many-parts", "reference document holds over 500 parts", "save it again")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return cleaned(reference_with(tmp, {f"junk/{n}.xml": b"<x/>" for n in range(501)}))


@case("reference-not-a-zip", "reference document cannot be read as a .docx (File is not a "
      "zip file)", "Word Document (.docx)")
def _(mini: Path, tmp: Path) -> list[Problem]:
    (tmp / "x.docx").write_bytes(b"PK\x03\x04 not a zip")
    return cleaned(tmp / "x.docx")


@case("reference-damaged-part", "reference document has a damaged part word/styles.xml "
      "(Bad CRC-32 for file 'word/styles.xml')", "save it again")
def _(mini: Path, tmp: Path) -> list[Problem]:
    path = reference_with(tmp, {})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/styles.xml")
    import struct

    crc_at = info.header_offset + 14  # the CRC in the local header, then in the central one
    data[crc_at:crc_at + 4] = struct.pack("<I", info.CRC ^ 1)
    _set_central_crc(data, "word/styles.xml", info.CRC ^ 1)
    path.write_bytes(bytes(data))
    return cleaned(path)


def _set_central_crc(data: bytearray, name: str, crc: int) -> None:
    import struct

    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + length].decode() == name:
            data[at + 16:at + 20] = struct.pack("<I", crc)
            return
        at += 4


@case("reference-malformed-xml", "reference document has malformed XML in word/styles.xml "
      "(Opening and ending tag mismatch: unclosed line 1 and styles, line 1, column 28)",
      "save it again")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return cleaned(reference_with(tmp, {"word/styles.xml": b"<styles><unclosed></styles>"}))


@case("reference-dtd", "reference document has a DTD in word/styles.xml", "never has one")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return cleaned(reference_with(tmp, {"word/styles.xml": b'<!DOCTYPE x [<!ENTITY a "b">]>'
                                                           b"<x>&a;</x>"}))


@case("reference-no-main-part", "reference document has no main document part",
      "save it again")
def _(mini: Path, tmp: Path) -> list[Problem]:
    return cleaned(reference_with(tmp, {"word/document.xml": None}))



# The apparatus files register their cases from their own module (it imports `case` from here).
import tests.error_cases_apparatus  # noqa: E402, F401
import tests.error_cases_sheet_lists  # noqa: E402,F401  items, units, placeholders
from tests import error_cases_sheets  # noqa: E402,F401  spreadsheets, `new`, `export-sheet`

# ---- the tests ---------------------------------------------------------------------------

def documented_slugs() -> list[str]:
    return re.findall(r"^### `([a-z0-9-]+)`", DOCS.read_text("utf-8"), flags=re.M)


def test_catalogue_and_docs_agree() -> None:
    documented = documented_slugs()
    assert len(documented) == len(set(documented)), "a slug is documented twice"
    untested = sorted(set(documented) - set(CASES) - set(DOCUMENTED_ELSEWHERE))
    undocumented = sorted(set(CASES) - set(documented))
    assert not untested, f"documented but not triggered here: {untested}"
    assert not undocumented, f"triggered here but missing from docs/errors.md: {undocumented}"


DOCUMENTED_ELSEWHERE = {
    "usage-error": "tests/test_error_catalogue.py::test_usage_error_exits_2",
    "internal-error": "tests/test_error_catalogue.py::test_internal_error_is_brief_without_debug",
    "file-changed-since-last-build": "needs a finished build: tests/test_safety_paths.py",
    "disk-full": "needs rendering: tests/test_safety_paths.py",
    "character-not-in-font": "needs the PDF renderer: tests/test_safety_paths.py",
}


def documented_message(slug: str) -> re.Pattern[str]:
    """The `**Message:**` line of a section as a pattern: `…` is any text, `a|b` either word."""
    section = DOCS.read_text("utf-8").split(f"### `{slug}`\n", 1)[1].split("\n### ", 1)[0]
    found = re.search(r"^\*\*Message:\*\* (.*?)(?: \(or [^)]*\))? *$", section, flags=re.M)
    assert found, f"{slug}: no **Message:** line"
    pattern = ""
    for piece in re.split(r"(…|[\w-]+(?:\|[\w-]+)+)", found.group(1)):
        if piece == "…":
            pattern += ".+"
        elif "|" in piece:
            pattern += "(?:" + "|".join(map(re.escape, piece.split("|"))) + ")"
        else:
            pattern += re.escape(piece)
    return re.compile(pattern)


@pytest.mark.parametrize("slug", sorted(CASES))
def test_error(slug: str, mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = CASES[slug]
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.chdir(tmp_path)  # file names print relative to the working folder
    found = entry.trigger(mini, scratch)
    matching = [p for p in found if p.message == entry.message
                or (slug == "font-damaged" and p.message.startswith(entry.message))]
    assert matching, f"no problem says {entry.message!r}; got {[str(p) for p in found]}"
    problem = matching[0]
    assert documented_message(slug).fullmatch(problem.message), (
        f"docs/errors.md does not describe {problem.message!r}")
    assert entry.hint in problem.hint, problem
    if entry.where is not None:
        assert str(problem).split(": ", 1)[0].endswith(entry.where), str(problem)
    assert "\n" not in str(problem)
    assert "Traceback" not in str(problem)


# ---- how errors reach the user -----------------------------------------------------------

def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            *args: str) -> tuple[int, str]:
    """Run the command line in-process; its exit code and what it printed on stderr."""
    from nlmg_packs.cli import main

    monkeypatch.setattr("sys.argv", ["nlmg-packs", *args])
    with pytest.raises(SystemExit) as caught:
        main()
    return caught.value.code, capsys.readouterr().err


FONT_CASES = {"rtl-mark", "rtl-formatting", "needs-shaping-engine"}
"""Found by the build's glyph check, which needs the template's fonts: not by `validate`."""
PACK_CASES = sorted(slug for slug, c in CASES.items()
                    if c.where and slug not in FONT_CASES and not slug.startswith("unused-")
                    and (c.where.startswith(("pack", "quotes", "discussion", "worksheets",
                                             "courses"))))


@pytest.mark.parametrize("slug", PACK_CASES)
def test_bad_pack_exits_1_with_located_errors_and_no_traceback(
        slug: str, mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.chdir(tmp_path)
    CASES[slug].trigger(mini, scratch)
    strict = ("--strict",) if slug == "unverified-quote" or slug.startswith("placeholder-") \
        else ()
    code, err = run_cli(monkeypatch, capsys, "validate", str(mini), *strict)
    assert code == 1
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[-1].endswith("found; nothing was written.")
    for line in lines[:-1]:
        assert re.match(r"error: mini/[a-z]+\.yaml:\d+:\d+: ", line), line


def test_debug_shows_the_traceback_for_bad_input(mini: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from nlmg_packs.cli import main
    from nlmg_packs.errors import PackError

    edit(mini / "quotes.yaml", "chapter: 5", "chapter: five")
    monkeypatch.setattr("sys.argv", ["nlmg-packs", "--debug", "validate", str(mini)])
    with pytest.raises(PackError):
        main()


def test_usage_error_exits_2(monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(monkeypatch, capsys, "build", "--bogus")
    assert code == 2
    assert "No such option: --bogus" in err and "Traceback" not in err


def test_internal_error_is_brief_without_debug(mini: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    def bug(folder: Path) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("nlmg_packs.pack.load_pack", bug)
    code, err = run_cli(monkeypatch, capsys, "validate", str(mini))
    assert code == 3
    assert err.startswith("internal error: ZeroDivisionError: division by zero — this is a bug")
    assert "Traceback" not in err
    from nlmg_packs.cli import main

    monkeypatch.setattr("sys.argv", ["nlmg-packs", "--debug", "validate", str(mini)])
    with pytest.raises(ZeroDivisionError):
        main()
