"""Node.js and npm packages some tests need (gift-pegjs, axe-core): skipped when absent,
unless NLMG_REQUIRE_TOOLS=1 demands them. `.ci/run` installs them into `.ci/npm`; elsewhere
set NLMG_NODE_MODULES to a node_modules folder that holds them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.tools import require_tool

ROOT = Path(__file__).resolve().parent.parent


def _missing(reason: str) -> None:
    if os.environ.get("NLMG_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason}, and NLMG_REQUIRE_TOOLS=1 says it must be", pytrace=False)
    pytest.skip(f"{reason} (set NLMG_REQUIRE_TOOLS=1 to make this a failure)")


def require_node_module(name: str) -> Path:
    """The folder of npm package `name`; skip (or fail) when it or node is missing."""
    require_tool("node")
    places = [os.environ.get("NLMG_NODE_MODULES", ""), str(ROOT / ".ci" / "npm" / "node_modules")]
    for place in places:
        if place and (Path(place) / name / "package.json").is_file():
            return Path(place) / name
    _missing(f"the npm package `{name}` is not installed")
    raise AssertionError("unreachable")


def run_node(script: str, stdin: str = "") -> object:
    """Run `script` with node; it prints JSON, which is returned parsed."""
    done = subprocess.run([require_tool("node"), "-e", script], input=stdin, text=True,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
