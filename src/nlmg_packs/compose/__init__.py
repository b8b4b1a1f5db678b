"""Composers: one module per kind of document, a validated Pack in, a Document out."""
