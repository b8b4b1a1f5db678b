"""Exports for learning platforms: Common Cartridge courses and question banks."""
