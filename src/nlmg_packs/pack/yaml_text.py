"""Checks of the text a YAML file holds that only the parsed node tree can make: text cut short by
a ` #` comment, and invisible characters located at their own line and column.

Both return `Problem`s located at 1-based line and column in the file; neither raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from nlmg_packs.errors import Problem
from nlmg_packs.text import describe, invisible_characters


def text_cut_by_comments(node: Any, lines: list[str], name: str) -> list[Problem]:
    """Unquoted text values that a ` #` cut short: YAML reads the rest of the line as a
    comment, and PyYAML throws comments away, so this is the only place to notice. A comment
    set off by two spaces or more (`id: memory  # the theme`) is meant as one, as YAML style
    guides write inline comments (yamllint's `comments: min-spaces-from-content: 2`); text cut
    by accident (`handout #2`) has one space."""
    found: list[Problem] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.MappingNode):
            stack.extend(value for _, value in item.value)
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)
        elif (isinstance(item, yaml.ScalarNode) and item.style is None
              and item.tag == "tag:yaml.org,2002:str"):
            end = item.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            hash_at = len(rest) - len(rest.lstrip(" \t"))
            if rest.lstrip(" \t").startswith("#") and hash_at == 1:
                lost = rest.lstrip(" \t")
                shown = lost if len(lost) <= 40 else lost[:39] + "…"
                found.append(Problem(name, end.line + 1, end.column + hash_at + 1,
                                     f"` #` starts a YAML comment, so the text ends before "
                                     f"`{shown}`", "put the value in quotes to keep the whole "
                                     "text, or move a comment to a line of its own"))
    return sorted(found, key=lambda p: (p.line or 0, p.col or 0))


def invisible_problems(node: Any, text: str, name: str) -> Iterator[Problem]:
    """One problem per invisible character that cannot print, at its own line and column
    (at the text's start when the YAML wrote it as an escape such as `\\u2061`)."""
    if isinstance(node, yaml.ScalarNode):
        for _, char in invisible_characters(node.value):
            start, end = node.start_mark.index, node.end_mark.index
            found = text.find(char, start, end)
            at = found if found >= 0 else start
            line = text.count("\n", 0, at) + 1
            col = at - (text.rfind("\n", 0, at) + 1) + 1
            yield Problem(name, line, col, f"invisible character {describe(char)}",
                          "delete it (it usually comes with text pasted from a word processor)")
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from invisible_problems(key_node, text, name)
            yield from invisible_problems(value_node, text, name)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from invisible_problems(item, text, name)
