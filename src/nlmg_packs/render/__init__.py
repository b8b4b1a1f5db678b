"""Renderers: one per output format, each drawing every block type of `document`."""
