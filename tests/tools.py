"""External tools some tests need: skipped when absent, unless NLMG_REQUIRE_TOOLS=1 demands them."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """The path of command `name`; skip the test when missing, or fail if tools are required."""
    path = shutil.which(name)
    if path is not None:
        return path
    reason = f"`{name}` is not installed"
    if os.environ.get("NLMG_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason}, and NLMG_REQUIRE_TOOLS=1 says it must be", pytrace=False)
    pytest.skip(f"{reason} (set NLMG_REQUIRE_TOOLS=1 to make this a failure)")
    raise AssertionError("unreachable")
