"""Clean running text from PDF extractions, with an exact map back to the original."""

from kg.normalise.furniture import furniture_lines
from kg.normalise.normaliser import normalise
from kg.normalise.offsets import CleanText

__all__ = ["CleanText", "furniture_lines", "normalise"]
