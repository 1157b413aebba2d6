"""What a scanned page's ink shows beyond the letters OCR reads: how heavy the type is, and solid marks.

Tesseract's LSTM engine gives no font weight, and no magazine bullet (a black square) in its Dutch
alphabet: it reads "■" as "m". Both are measured here on the grayscale page image (a numpy array,
0 black to 255 white), within the pixel boxes OCR found (left, top, right, bottom).
"""

from __future__ import annotations

import numpy as np

Box = tuple[int, int, int, int]
DARK = 128  # a pixel darker than this is ink
SOLID_FILL = 0.8  # a mark whose box is at least this share ink is solid (a square bullet, not a letter)


def stems(image: np.ndarray, boxes: list[Box], longest: float) -> tuple[float, int]:
    """The summed width and the number of the ink runs along the rows of ``boxes`` no longer than
    ``longest`` pixels: a letter's stems, the horizontal bars (of E, T, a rule) left out. Their mean is
    the stroke width, which bold type has half as large again as regular type of the same size."""
    total, count = 0.0, 0
    for left, top, right, bottom in boxes:
        ink = image[top:bottom, left:right] < DARK
        edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
        widths = np.nonzero(edges == -1)[1] - np.nonzero(edges == 1)[1]
        widths = widths[widths <= longest]
        total += float(widths.sum())
        count += int(widths.size)
    return total, count


def solid(image: np.ndarray, box: Box) -> bool:
    """Whether the box is (almost) all ink: a filled mark such as a square bullet."""
    left, top, right, bottom = box
    area = image[top:bottom, left:right]
    return area.size > 0 and float((area < DARK).mean()) >= SOLID_FILL
