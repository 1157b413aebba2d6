"""Clean running text from PDF extractions, with an exact map back to the original."""

from kg.normalise.furniture import furniture_lines
from kg.normalise.offsets import CleanText
from kg.normalise.paragraphs import normalise

__all__ = ["CleanText", "furniture_lines", "normalise"]
