"""The question banks a pack exports: one per test and one per reading unit, each as Moodle
XML, GIFT and a standalone QTI 1.2 package (for Canvas classic quizzes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nlmg_packs.lms import labels
from nlmg_packs.lms.bank import BankItem, bank_of_test, unit_bank
from nlmg_packs.pack import Pack

QTI_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{ident}-manifest" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">
  <metadata>
    <schema>IMS Content</schema>
    <schemaversion>1.1.3</schemaversion>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="{ident}" type="imsqti_xmlv1p2" href="{ident}/assessment.xml">
      <file href="{ident}/assessment.xml"/>
    </resource>
  </resources>
</manifest>
"""
"""An IMS Content Packaging manifest around one QTI assessment, as Canvas imports it."""


@dataclass(frozen=True)
class Bank:
    name: str
    """File stem: `test-<id>` or `unit-<part id>` (`unit-whole-novel`)."""
    title: str
    items: tuple[BankItem, ...]


def banks(pack: Pack) -> list[Bank]:
    """Every bank of `pack`: its tests, then its units in book order, the whole novel last."""
    found = [Bank(f"test-{t.id}", t.title, tuple(bank_of_test(pack, t.id))) for t in pack.tests]
    units: list[tuple[str, str, str | None]] = [(p.id, p.title, p.id) for p in pack.book.parts]
    units.append(("whole-novel", labels.WHOLE_NOVEL, None))
    for name, title, part in units:
        items = unit_bank(pack, part)
        if items:
            found.append(Bank(f"unit-{name}", title, tuple(items)))
    return found


def bank_files(pack: Pack, bank: Bank) -> dict[str, Callable[[int], bytes]]:
    """File name → a function of the epoch giving its bytes (Moodle XML, GIFT, QTI zip)."""
    items, category = list(bank.items), pack.book.title
    return {f"{bank.name}.{fmt}": (lambda epoch, fmt=fmt:
                                   bank_bytes(fmt, bank.name, bank.title, items, category, epoch))
            for fmt in ("moodle.xml", "gift.txt", "qti.zip")}


def bank_bytes(fmt: str, ident: str, title: str, items: list[BankItem], category: str,
               epoch: int) -> bytes:
    """One bank file: `fmt` "moodle.xml", "gift.txt" or "qti.zip" (a standalone QTI 1.2
    package for Canvas classic quizzes, in Canvas's QTI rather than the CC profile so that
    matching questions stay whole, its zip entries stamped `epoch`, seconds)."""
    from nlmg_packs.lms.cartridge import zip_entries
    from nlmg_packs.lms.gift import gift_bank
    from nlmg_packs.lms.moodle_xml import moodle_bank
    from nlmg_packs.lms.qti import qti_assessment

    if fmt == "moodle.xml":
        return moodle_bank(items, category)
    if fmt == "gift.txt":
        return gift_bank(items, category).encode("utf-8")
    return zip_entries([("imsmanifest.xml", QTI_MANIFEST.format(ident=ident).encode()),
                        (f"{ident}/assessment.xml",
                         qti_assessment(ident, title, items, canvas=True))], epoch)
