"""nlmg-packs: printable teaching packs for novels."""

__version__ = "0.1.0"
