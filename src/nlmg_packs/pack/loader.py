"""Read one YAML file safely, remembering where every key and item came from."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nlmg_packs.errors import PackError, Problem
from nlmg_packs.pack.yaml_text import invisible_problems, text_cut_by_comments
from nlmg_packs.paths import display_path
from nlmg_packs.text import clean

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A pack file larger than this is refused before parsing (a real pack file is a few hundred KB)."""

MAX_DEPTH = 24
"""Deepest nesting of lists and mappings; the pack format needs 7 (courses → lessons → sequence).
Deeper documents are refused while composing, before Python's recursion limit is reached."""

_ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in
                 ("str", "int", "float", "bool", "null", "seq", "map")}
"""Explicit tags that only say what plain YAML already means; every other tag is refused."""

KeyPath = tuple[str | int, ...]


@dataclass
class LineMap:
    """Maps a key path such as ("quotes", 3, "text") to its 1-based (line, column)."""

    file: str
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    """What parsed but probably not as meant (text cut by a ` #` comment): a warning on
    `build`, an error with `validate --strict`."""

    def locate(self, path: KeyPath) -> tuple[int | None, int | None]:
        """The position of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:end]))
            if mark:
                return mark
        return None, None

    def problem(self, path: KeyPath, message: str, hint: str = "") -> Problem:
        """A problem located at `path` in this file."""
        line, col = self.locate(path)
        return Problem(self.file, line, col, message, hint)


@dataclass
class LoadedFile:
    """A parsed YAML document and the positions of its parts."""

    data: Any
    lines: LineMap


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (billion laughs), tags, deep nesting and duplicate keys."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Located(event.start_mark, "YAML aliases (`*name`) are not supported",
                           "write the text out in full instead of referring to an anchor")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _ALLOWED_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Located(event.start_mark, f"YAML tag `{shown}` is not allowed",
                           "remove the tag: a pack holds only text, numbers, true/false, "
                           "lists and mappings")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Located(event.start_mark, f"lists and mappings are nested more than "
                               f"{MAX_DEPTH} deep", "check the indentation and brackets here")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Located(key_node.start_mark, "YAML merge keys (`<<`) are not supported",
                               "write the keys out in full")
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, bool):
                raise _Located(key_node.start_mark, f"the key `{key_node.value}` is read by "
                               f"YAML as {str(key).lower()}, not as a word",
                               "put it in quotes, or use the key the format expects")
            if not isinstance(key, str):
                raise _Located(key_node.start_mark, "a key must be a plain word",
                               "write keys like `title:`")
            if key in seen:
                first = seen[key]
                raise _Located(key_node.start_mark, f"duplicate key `{key}` (first used on "
                               f"line {first.line + 1})", "remove one of the two")
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


    def construct_yaml_int(self, node: Any) -> Any:
        _refuse_base_60(node, "whole number")
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: Any) -> Any:
        _refuse_base_60(node, "number")
        return super().construct_yaml_float(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)


def _refuse_base_60(node: Any, kind: str) -> None:
    """YAML 1.1 reads `25:00` as 1500 (minutes and seconds, base 60): never what a pack means."""
    if ":" not in node.value:
        return
    import yaml.constructor

    base = yaml.constructor.SafeConstructor
    read = (base.construct_yaml_int if kind == "whole number" else base.construct_yaml_float)(
        _StrictLoader.__new__(_StrictLoader), node)
    raise _Located(node.start_mark, f"`{node.value}` is read by YAML as the {kind} {read} "
                   "(YAML 1.1 counts `a:b` in base 60, as minutes and seconds)",
                   "write a plain number (e.g. `minutes: 25`), or put the value in quotes if "
                   "it is text")


class _Located(Exception):
    def __init__(self, mark: Any, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


def load_yaml(path: Path) -> LoadedFile:
    """Parse `path`; any problem becomes a PackError located at file:line:col."""
    name = display_path(path)
    text = _read_text(path, name)
    try:
        loader = _StrictLoader(text)  # checks every character is one YAML allows
    except yaml.reader.ReaderError as exc:
        raise PackError([_reader_problem(name, text, exc)]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise PackError([Problem(name, 1, 1, "the file is empty",
                                     "add content, or delete the file")])
        data = loader.construct_document(node)
    except _Located as exc:
        raise PackError([Problem(name, exc.mark.line + 1, exc.mark.column + 1,
                                 exc.message, exc.hint)]) from None
    except yaml.MarkedYAMLError as exc:
        raise PackError([_syntax_problem(name, text, exc)]) from None
    except yaml.reader.ReaderError as exc:
        raise PackError([_reader_problem(name, text, exc)]) from None
    finally:
        loader.dispose()
    problems = list(invisible_problems(node, text, name))
    if problems:
        raise PackError(problems)
    lines = LineMap(name)
    _record_marks(node, (), lines.marks)
    lines.warnings.extend(text_cut_by_comments(node, text.split("\n"), name))
    return LoadedFile(_cleaned(data), lines)


def _cleaned(data: Any) -> Any:
    """`data` with every text in NFC and pasted invisible characters settled (`text.clean`)."""
    if isinstance(data, str):
        return clean(data)
    if isinstance(data, dict):
        return {key: _cleaned(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_cleaned(item) for item in data]
    return data


def _too_big(name: str, size: int) -> PackError:
    return PackError([Problem(name, None, None,
                              f"file is {size / 1_048_576:.1f} MB, over the "
                              f"{MAX_FILE_BYTES // 1_048_576} MB limit for a pack file",
                              "split it, or remove what is not lesson content")])


def _read_text(path: Path, name: str) -> str:
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer; its type is checked next
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise PackError([Problem(name, None, None, "not a regular file",
                                         "a pack file must be a plain text file")])
            if info.st_size > MAX_FILE_BYTES:
                raise _too_big(name, info.st_size)
            raw = handle.read(MAX_FILE_BYTES + 1)  # never trust st_size alone
        if len(raw) > MAX_FILE_BYTES:
            raise _too_big(name, len(raw))
    except OSError as exc:
        raise PackError([Problem(name, None, None, f"cannot read the file ({exc.strerror})",
                                 "check that it exists and you may read it")]) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise PackError([Problem(name, line, col,
                                 f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x})",
                                 "save it as UTF-8 (Notepad: Save As, Encoding: UTF-8)")],
                        ) from None
    return text.replace("\r\n", "\n")


def _reader_problem(name: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = exc.position - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Problem(name, line, col, f"the file contains the control character U+{ord(char):04X}, "
                   "which YAML does not allow", "delete it (it is invisible in most editors; it "
                   "often comes from text copied out of a PDF)")


def _syntax_problem(name: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    problem = (exc.problem or "invalid YAML").strip()
    if ("'\\t'" in problem or "\t" in problem) and mark is not None:
        current = text.split("\n")[mark.line] if mark.line < len(text.split("\n")) else ""
        if current[: mark.column].strip():  # something before the tab: not indentation
            return Problem(name, line, col, "a tab after a value (or inside it), where YAML "
                           "allows only spaces", "replace the tab with a space, or put the "
                           "text in quotes")
        return Problem(name, line, col, "a tab is used for indentation",
                       "YAML needs spaces: replace each tab with two spaces")
    if "'\\t'" in problem or "\t" in problem:
        return Problem(name, line, col, "a tab is used for indentation",
                       "YAML needs spaces: replace each tab with two spaces")
    if mark is not None and mark.line < len(text.split("\n")):
        current = text.split("\n")[mark.line]
        if "\t" in current[: len(current) - len(current.lstrip())]:
            return Problem(name, line, col, "a tab is used for indentation",
                           "YAML needs spaces: replace each tab with two spaces")
    return Problem(name, line, col, f"YAML syntax error: {problem}",
                   "check the indentation and quoting on this line and the one before; "
                   "put text containing `: ` or `#` in quotes")


def _record_marks(node: Any, path: KeyPath, marks: dict[KeyPath, tuple[int, int]]) -> None:
    marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*path, key)
            marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _record_value_marks(value_node, child, marks)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_marks(item, (*path, index), marks)


def _record_value_marks(node: Any, path: KeyPath, marks: dict[KeyPath, tuple[int, int]]) -> None:
    # The key's own position is kept for the path; children are recorded below it.
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        saved = marks[path]
        _record_marks(node, path, marks)
        marks[path] = saved
