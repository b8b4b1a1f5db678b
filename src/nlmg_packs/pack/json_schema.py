"""A JSON Schema for each pack file, so YAML editors can complete and check them."""

from __future__ import annotations

from typing import Any

from nlmg_packs.pack.model import FILES


def pack_json_schema() -> dict[str, Any]:
    """One schema whose `$defs` hold each file's schema, chosen by file name in the editor."""
    files = {name: schema.model_json_schema() for name, schema in FILES.items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "nlmg-packs pack files",
        "description": "Map each file to its schema in your editor, e.g. for the YAML language "
        "server: `# yaml-language-server: $schema=pack.schema.json#/$defs/quotes.yaml`.",
        "$defs": files,
    }
