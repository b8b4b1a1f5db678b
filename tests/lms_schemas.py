"""The IMS schemas (Common Cartridge 1.1 and 1.3, the QTI 1.2 CC profile), loaded from the
shared folder beside the repository with every import mapped to the local file."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "schemas"

FILES = {
    "cc11": "cc11/ccv1p1_imscp_v1p2_v1p0.xsd",
    "cc13": "cc13/ccv1p3_imscp_v1p2_v1p0.xsd",
    "dt11": "cc11/ccv1p1_imsdt_v1p1.xsd",
    "dt13": "cc13/ccv1p3_imsdt_v1p3.xsd",
    "qti": "cc11/ccv1p1_qtiasiv1p2p1_v1p0.xsd",
}


class _Local(etree.Resolver):
    """Maps http://www.imsglobal.org/... and http://www.w3.org/... imports to local files."""

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        name = url.rsplit("/", 1)[-1]
        if name == "xml.xsd":
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        found = sorted(SCHEMAS.rglob(name))
        if found:
            return self.resolve_filename(str(found[0]), context)
        return None


def require_schemas() -> Path:
    """The schema folder; skip when absent, or fail under NLMG_REQUIRE_TOOLS=1."""
    if (SCHEMAS / FILES["cc11"]).is_file():
        return SCHEMAS
    reason = f"the IMS schemas are not at {SCHEMAS}"
    if os.environ.get("NLMG_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason}, and NLMG_REQUIRE_TOOLS=1 says they must be", pytrace=False)
    pytest.skip(reason)
    raise AssertionError("unreachable")


@cache
def schema(name: str) -> etree.XMLSchema:
    """The compiled schema `name` (a key of FILES)."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Local())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / FILES[name]), parser))


def validate(name: str, data: bytes) -> None:
    """Raise AssertionError with the schema's messages when `data` is not valid."""
    require_schemas()
    checker = schema(name)
    document = etree.fromstring(data)
    if not checker.validate(document):
        raise AssertionError("\n".join(str(e) for e in checker.error_log[:10]))
