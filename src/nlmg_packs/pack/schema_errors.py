"""Turn pydantic's validation errors into located, human problems."""

from __future__ import annotations

import datetime
from typing import Any

from pydantic import BaseModel, ValidationError

from nlmg_packs.errors import Problem, did_you_mean
from nlmg_packs.pack.loader import LineMap

_YAML_SURPRISES = {True: "`yes`/`true`/`on`", False: "`no`/`false`/`off`"}


def problems_from(exc: ValidationError, model: type[BaseModel], lines: LineMap) -> list[Problem]:
    """One problem per pydantic error, located through the file's line map."""
    return [_problem(err, model, lines) for err in exc.errors(include_url=False)]


Message = tuple[str, str]
"""What is wrong, and how to fix it."""


def _message(field: str, value: Any, ctx: dict[str, Any], err: Any) -> Message:
    return f"`{field}`: {err['msg']}", "see docs/pack-format.md"


_WHOLE = "write digits only, without quotes"
_MESSAGES: dict[str, Any] = {
    # kind → (field, value, ctx, err) → (message, hint); the kinds pydantic reports for a
    # pack file, in its own names (pydantic_core's ErrorType).
    "string_type": lambda f, v, c, e: (f"`{f}` must be text, not {_describe(v)}",
                                       "put the value in quotes"),
    "int_type": lambda f, v, c, e: (f"`{f}` must be a whole number, not {_describe(v)}", _WHOLE),
    "float_type": lambda f, v, c, e: (f"`{f}` must be a number, not {_describe(v)}", _WHOLE),
    "bool_type": lambda f, v, c, e: (f"`{f}` must be true or false", "write `true` or `false`"),
    "list_type": lambda f, v, c, e: (f"`{f}` must be a list",
                                     "write it as `[a, b]` or as lines starting with `- `"),
    "model_type": lambda f, v, c, e: (f"`{f}` must be a mapping of keys, not {_describe(v)}",
                                      "write `key: value` lines indented under it"),
    "literal_error": lambda f, v, c, e: (f"`{f}` cannot be {_describe(v)}",
                                         f"use one of {c.get('expected', '')}"),
    "string_pattern_mismatch": lambda f, v, c, e: (
        f"`{f}` has an invalid value {_describe(v)}", _PATTERN_HINTS.get(f, _ID_HINT)),
    "string_too_long": lambda f, v, c, e: (
        f"`{f}` is too long ({len(v)} characters, the limit is {c.get('max_length')})",
        "shorten it or split it up"),
    "control_character": lambda f, v, c, e: (
        f"`{f}` contains the control character {c.get('code', '')}",
        "delete it, or the escape (such as `\\a` or `\\x07`) that wrote it"),
    "language_span": lambda f, v, c, e: (f"`{f}`: {c.get('problem', '')}", c.get("hint", "")),
    "string_unicode": lambda f, v, c, e: (
        f"`{f}` contains a lone surrogate (an escape such as `\\uD800`)",
        "write the character itself, or its full escape (`\\U0001F600`)"),
    "string_too_short": lambda f, v, c, e: (f"`{f}` is empty",
                                            "write some text, or remove the key"),
    "too_short": lambda f, v, c, e: (f"`{f}` needs at least {c.get('min_length')} item(s)",
                                     "add more"),
    "too_long": lambda f, v, c, e: (f"`{f}` has too many items (at most {c.get('max_length')})",
                                    "remove some"),
    "greater_than_equal": lambda f, v, c, e: (
        f"`{f}` is out of range: {e['msg'].lower()}", "correct the number"),
}
for _alias, _kind in (("int_parsing", "int_type"), ("int_from_float", "int_type"),
                      ("float_parsing", "float_type"), ("finite_number", "float_type"),
                      ("model_attributes_type", "model_type"), ("dict_type", "model_type"),
                      ("less_than_equal", "greater_than_equal")):
    _MESSAGES[_alias] = _MESSAGES[_kind]

_ID_HINT = "ids use lower-case letters, digits and single hyphens, e.g. `memory-and-loss`"
_PATTERN_HINTS = {"colour": 'write a hex colour in quotes, e.g. "#4C6A92"',
                  "language": 'write a language tag such as "en-GB" or "en-US"',
                  "letter": "use one or two capital letters"}


def _problem(err: Any, model: type[BaseModel], lines: LineMap) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    field = _field_name(loc)
    if kind == "missing":  # located at the mapping that lacks the key
        return lines.problem(loc[:-1], f"missing `{field}`", f"add `{field}:` here")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        return lines.problem(loc, f"unknown key `{field}`", did_you_mean(str(field), allowed))
    message, hint = _MESSAGES.get(kind, _message)(field, err.get("input"),
                                                   err.get("ctx") or {}, err)
    return lines.problem(loc, message, hint)


def _field_name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "item"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{_YAML_SURPRISES[value]} (YAML reads it as {str(value).lower()})"
    if value is None:
        return "empty"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        shown = value if len(value) < 40 else value[:37] + "..."
        return '"' + repr(shown)[1:-1] + '"'  # one line, control characters escaped
    if isinstance(value, datetime.date | datetime.time):
        return f"{value} (YAML read it as a date or time)"
    return f"a {type(value).__name__} value"


def _allowed_keys(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
