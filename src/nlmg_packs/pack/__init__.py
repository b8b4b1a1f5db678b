"""Reading and validating packs."""

from nlmg_packs.pack.load import load_pack
from nlmg_packs.pack.pack import Pack

__all__ = ["Pack", "load_pack"]
