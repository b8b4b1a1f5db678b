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


def _problem(err: Any, model: type[BaseModel], lines: LineMap) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    field = _field_name(loc)
    value = err.get("input")
    if kind == "missing":
        return lines.problem(loc[:-1], f"missing `{field}`", f"add `{field}:` here")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        return lines.problem(loc, f"unknown key `{field}`", did_you_mean(str(field), allowed))
    if kind == "string_type":
        return lines.problem(loc, f"`{field}` must be text, not {_describe(value)}",
                             "put the value in quotes")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return lines.problem(loc, f"`{field}` must be a whole number, not {_describe(value)}",
                             "write digits only, without quotes")
    if kind in ("float_type", "float_parsing", "finite_number"):
        return lines.problem(loc, f"`{field}` must be a number, not {_describe(value)}",
                             "write digits only, without quotes")
    if kind == "bool_type":
        return lines.problem(loc, f"`{field}` must be true or false", "write `true` or `false`")
    if kind == "list_type":
        return lines.problem(loc, f"`{field}` must be a list", "write it as `[a, b]` or as "
                             "lines starting with `- `")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return lines.problem(loc, f"`{field}` must be a mapping of keys, not {_describe(value)}",
                             "write `key: value` lines indented under it")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return lines.problem(loc, f"`{field}` cannot be {_describe(value)}",
                             f"use one of {expected}")
    if kind == "string_pattern_mismatch":
        return lines.problem(loc, f"`{field}` has an invalid value {_describe(value)}",
                             _pattern_hint(field))
    if kind == "string_too_long":
        limit = err.get("ctx", {}).get("max_length")
        return lines.problem(loc, f"`{field}` is too long ({len(value)} characters, "
                             f"the limit is {limit})", "shorten it or split it up")
    if kind == "control_character":
        code = err.get("ctx", {}).get("code", "")
        return lines.problem(loc, f"`{field}` contains the control character {code}",
                             "delete it, or the escape (such as `\\a` or `\\x07`) that wrote it")
    if kind == "string_unicode":
        return lines.problem(loc, f"`{field}` contains a lone surrogate (an escape such as "
                             "`\\uD800`)", "write the character itself, or its full escape "
                             "(`\\U0001F600`)")
    if kind == "string_too_short":
        return lines.problem(loc, f"`{field}` is empty", "write some text, or remove the key")
    if kind == "too_short":
        need = err.get("ctx", {}).get("min_length")
        return lines.problem(loc, f"`{field}` needs at least {need} item(s)", "add more")
    if kind == "too_long":
        most = err.get("ctx", {}).get("max_length")
        return lines.problem(loc, f"`{field}` has too many items (at most {most})",
                             "remove some")
    if kind in ("greater_than_equal", "less_than_equal"):
        return lines.problem(loc, f"`{field}` is out of range: {err['msg'].lower()}",
                             "correct the number")
    return lines.problem(loc, f"`{field}`: {err['msg']}", "see docs/pack-format.md")


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


def _pattern_hint(field: str) -> str:
    if field == "colour":
        return 'write a hex colour in quotes, e.g. "#4C6A92"'
    if field == "language":
        return 'write a language tag such as "en-GB" or "en-US"'
    if field == "letter":
        return "use one or two capital letters"
    return "ids use lower-case letters, digits and single hyphens, e.g. `memory-and-loss`"


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
