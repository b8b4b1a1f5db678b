"""Reading and validating packs."""

from nlmg_packs.pack.pack import Pack, load_pack

__all__ = ["Pack", "load_pack"]
